package com.journeyexplorer.api;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a malformed {@code Accept} header ({@code garbage}, {@code text/}, {@code q=x}) with a 400 problem at every
 * address, before anything else reads it. Spring MVC cannot negotiate with such a header, not even the error
 * response, and answered a bare 406 or 404 without a body. A well-formed header the app cannot satisfy
 * ({@code image/png}) still gets its 406 (or 404, 400 ...) as a problem: problems are written whatever the client
 * accepts. Runs after the request metrics and before security, like the container's own refusals of a malformed
 * request line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AcceptHeaderFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        try {
            MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", ProblemAdvice.TYPE_BASE + "invalid-parameter");
            problem.put("title", "Invalid parameter");
            problem.put("status", HttpServletResponse.SC_BAD_REQUEST);
            problem.put("detail", "the Accept header is malformed: '" + String.join(", ", accept) + "' is not a "
                    + "list of media types such as application/json, text/csv;q=0.9 or */* (" + e.getMessage() + ")");
            problem.put("parameter", HttpHeaders.ACCEPT);
            problem.put("instance", request.getRequestURI());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
