package com.journeyexplorer.api;

import java.util.Collections;
import java.util.List;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Negotiates an answer before its endpoint computes it: an {@code Accept} header that excludes the media type the
 * endpoint answers in ({@link AcceptedTypes}) is a 406 problem at once, before the request reads its parameters, takes
 * an analysis turn ({@link RequestBounds}) or reads its body, so that nothing is computed, nor imported, for an answer
 * the client refused. The type is JSON, the {@code produces} of an endpoint that names one (a prediction batch's
 * NDJSON), or the graph export's {@code format}'s. As Spring MVC's own {@code produces} check, it comes before the
 * parameters are read: a bad parameter of a refused answer gets the 406, not a 400. Every endpoint of this package is
 * mapped under {@code /api/} (the error controller aside, which sends problems), so this is the one check; {@link
 * JsonAnswerType} only names the type of a JSON answer. The OpenAPI description lists the 406 of every endpoint.
 */
@Configuration(proxyBeanMethods = false)
class AnswerNegotiation implements WebMvcConfigurer, HandlerInterceptor {

    static final String NOT_ACCEPTABLE = "406";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // First: a refused answer takes no turn of the bounded work.
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || !ours(method)) {
            // Not an endpoint of the API: a static resource, or Spring's own answer to OPTIONS.
            return true;
        }
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (method.getBeanType() == GraphExportController.class) {
            GraphExportController.requireAccepted(accept, request.getParameterValues("format"));
            return true;
        }
        List<MediaType> produced = produces(method);
        if (produced.stream().noneMatch(type -> AcceptedTypes.accepts(accept, type))) {
            AcceptedTypes.require(accept, produced.get(0));
        }
        return true;
    }

    /** The media types {@code method} answers in: its mapping's {@code produces}, or JSON when it names none. */
    private static List<MediaType> produces(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        if (mapping == null || mapping.produces().length == 0) {
            return List.of(MediaType.APPLICATION_JSON);
        }
        return MediaType.parseMediaTypes(List.of(mapping.produces()));
    }

    private static boolean ours(HandlerMethod method) {
        return method.getBeanType().getPackageName().equals(AnswerNegotiation.class.getPackageName());
    }

    /** The 406 problem in the OpenAPI description of every endpoint of the API. */
    @Bean
    OperationCustomizer notAcceptableResponse() {
        return (operation, handler) -> {
            if (!ours(handler)) {
                return operation;
            }
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            String sentAs = handler.getBeanType() == GraphExportController.class ? "the format's media type"
                    : String.join(" or ", produces(handler).stream().map(MediaType::toString).toList());
            operation.getResponses().addApiResponse(NOT_ACCEPTABLE, new ApiResponse().description("The Accept "
                    + "header excludes " + sentAs + ", the type of the answer (application/json;q=0, or "
                    + "application/problem+json alone): refused before any work is done, a problem")
                    .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new io.swagger.v3.oas.models.media.MediaType().schema(new ObjectSchema()
                                    .description("An RFC 9457 problem: type, title, status, detail")))));
            return operation;
        };
    }
}
