package com.journeyexplorer.api;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Negotiates every answer of the API's endpoints the same way, by {@link AcceptedTypes}: an {@code Accept} header
 * that excludes the answer's media type ({@code application/json;q=0}, {@code image/png}) is a 406 problem at every
 * endpoint, as at {@code /api/graph}, instead of JSON the client refused. An answer in JSON is always sent as
 * {@code application/json}, even to a client that names {@code application/problem+json} beside it, which only a
 * problem is sent as. Problems are sent whatever the client accepts, and no {@code Accept} header accepts JSON.
 * {@link AnswerNegotiation} refused such a header before the endpoint ran; this is the check of what is written.
 */
@ControllerAdvice(basePackageClasses = AcceptedAnswers.class)
class AcceptedAnswers implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail || contentType == null) {
            return body;
        }
        boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || "json".equals(contentType.getSubtypeSuffix());
        MediaType answer = json ? MediaType.APPLICATION_JSON : new MediaType(contentType.getType(),
                contentType.getSubtype());
        List<String> accept = request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
        try {
            AcceptedTypes.require(accept, answer);
        } catch (HttpMediaTypeNotAcceptableException e) {
            throw new NotAcceptableException(e);
        }
        if (json && !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }
}
