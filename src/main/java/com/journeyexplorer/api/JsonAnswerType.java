package com.journeyexplorer.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Sends every JSON answer of the API's endpoints as {@code application/json}, even to a client that names
 * {@code application/problem+json} (or another {@code +json} type) beside it, which Spring MVC would otherwise pick
 * as the more specific match: only a problem is sent as {@code application/problem+json}. Whether the client accepts
 * the answer at all was checked before the endpoint ran ({@link AnswerNegotiation}).
 */
@ControllerAdvice(basePackageClasses = JsonAnswerType.class)
class JsonAnswerType implements ResponseBodyAdvice<Object> {

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
        if ("json".equals(contentType.getSubtypeSuffix())) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }
}
