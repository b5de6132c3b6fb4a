package com.journeyexplorer.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page of the servlet container ({@code /error}): every error that did not pass through
 * {@link ProblemAdvice} (a status sent by a filter, the security firewall's refusal of a malformed address, an
 * unknown path under a non-Spring servlet) answers an RFC 9457 problem, whatever the client accepts, instead of Spring
 * Boot's JSON or HTML error page. Exception messages are never shown.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String tooMany = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                ? ContainerRefusals.tooMany(failure)
                : request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message
                        ? ContainerRefusals.tooMany(message) : null;
        String detail = tooMany != null ? tooMany : switch (status) {
            case 400 -> "The request is malformed (a touchpoint name in the path must be percent-encoded: / as %2F, "
                    + "% as %25, ? as %3F, # as %23; or pass it as a query parameter)";
            case 404 -> "Nothing is served at " + (uri == null ? "this address" : uri);
            case 405 -> "This method is not allowed here";
            case 500 -> "the server failed to answer; the failure is logged";
            default -> title;
        };
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status, title, detail, uri == null ? null : uri.toString()));
    }

    /** A problem document with a type derived from the status ({@code .../problems/not-found}). */
    static String json(int status, String title, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemAdvice.TYPE_BASE + slug(status, title));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return JSON.writeValueAsString(problem);
    }

    static String slug(int status, String title) {
        return switch (status) {
            case 404 -> "not-found";
            case 500 -> "internal-error";
            default -> title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        };
    }
}
