package com.journeyexplorer.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import com.journeyexplorer.graph.JourneyGraph;

/**
 * Gives the answer of a write under {@code /api/} (import, undo, erasure, outcome rules, survey responses) the consistency
 * token {@value ConsistencyTokenFilter#HEADER}: the journal's newest entry once the write is done, read from Neo4j
 * (one indexed lookup), so that it covers the write's own entry whichever path wrote it. When Neo4j cannot be asked,
 * the position this instance has applied. Reads get theirs from {@link ConsistencyTokenFilter}.
 */
@ControllerAdvice
class ConsistencyTokenAdvice implements ResponseBodyAdvice<Object> {

    private final JourneyGraph graph;

    ConsistencyTokenAdvice(JourneyGraph graph) {
        this.graph = graph;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        String method = request.getMethod().name();
        if (!method.equals("GET") && !method.equals("HEAD") && request.getURI().getPath().startsWith("/api/")) {
            long position;
            try {
                position = graph.journalPosition();
            } catch (RuntimeException unavailable) {
                position = graph.appliedPosition();
            }
            response.getHeaders().set(ConsistencyTokenFilter.HEADER, Long.toString(position));
        }
        return body;
    }
}
