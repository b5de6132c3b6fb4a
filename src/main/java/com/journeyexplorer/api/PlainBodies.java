package com.journeyexplorer.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Only the event and survey uploads decompress their bodies ({@link EventUploads}); every other endpoint that reads a
 * body (predictions, Cypher, outcome rules, touchpoint metadata, aggregated paths) reads it as sent. A compressed body
 * sent there would be read as its compressed bytes and refused for a bad byte or bad JSON at line 1, so a
 * {@code Content-Encoding} other than identity is a 415 problem with {@code Accept-Encoding: identity} instead,
 * before a byte of the body is read.
 */
@Configuration(proxyBeanMethods = false)
class PlainBodies implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**")
                .excludePathPatterns("/api/events", "/api/events/preview", "/api/feedback");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        boolean body = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
        if (body && encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw UnsupportedContentEncodingException.identityOnly(encoding);
        }
        return true;
    }
}
