package com.journeyexplorer.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Security refusals as RFC 9457 problems, like every other error of the API. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    /** Where every id or name that a path cannot carry travels instead. */
    static final String QUERY_FORMS = "pass it as a query parameter instead (GET /api/journeys?id=..., "
            + "DELETE /api/customers?id=..., GET /api/touchpoints/neighbourhood?touchpoint=..., "
            + "PUT /api/touchpoints?name=...)";

    static final String TYPE_BASE = "https://journeyexplorer.dev/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        boolean keySent = request.getHeader(ApiKeyAuthentication.HEADER) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized",
                (keySent ? "The API key is wrong" : "This request needs the API key")
                        + ": send it as header X-API-Key or Authorization: Bearer (see journeys.security.api-key, "
                        + "or the file api-key in the data folder)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
                "This request is not allowed");
    }

    /**
     * The firewall's refusal of a request (see {@code SecurityConfiguration}): of its address, told by what in the
     * address as sent it refuses, or of its method, a header or a query parameter, as its message says. The
     * firewall's message itself is not shown.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        String detail = message.contains("http method") ? "The method is not one the server knows"
                : message.contains("header") ? "A header's name or value holds a character the server refuses "
                        + "(a control character, say)"
                : message.contains("parameter") ? "A query parameter's name or value holds a character the server "
                        + "refuses (a control character, say)"
                : refusal(request.getRequestURI());
        write(request, response, HttpServletResponse.SC_BAD_REQUEST, "bad-request", "Bad Request", detail);
    }

    /** Why an address {@code uri} (as sent, percent-encoded) is refused, and what to send instead. */
    static String refusal(String uri) {
        String path = uri == null ? "" : uri;
        for (String segment : path.split("/", -1)) {
            String dots = segment.replace("%2E", ".").replace("%2e", ".");
            if (dots.equals(".") || dots.equals("..")) {
                return "The address has a path segment '" + dots + "', which names another address even "
                        + "percent-encoded, so an id or name '" + dots + "' cannot travel in a path: " + QUERY_FORMS;
            }
        }
        if (!path.startsWith("/api/")) {
            return "The address holds a sequence the server refuses outside /api/ (an encoded slash, backslash, "
                    + "percent sign or '.', a ';', a '|' or a line break, say)";
        }
        if (path.contains("%2E") || path.contains("%2e")) {
            return "The address holds a percent-encoded '.' (%2E), refused as it could hide a '..' segment: write "
                    + "a '.' in an id or name as it is";
        }
        if (path.contains(";")) {
            return "The address holds a ';', which starts parameters of a path segment: write a ';' in an id or "
                    + "name as %3B, or " + QUERY_FORMS;
        }
        if (path.contains("//")) {
            return "The address has an empty path segment (//): an empty id or name is none";
        }
        return "The address holds a sequence the server refuses in a path (an encoded line break or null, say): "
                + QUERY_FORMS;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
            String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
