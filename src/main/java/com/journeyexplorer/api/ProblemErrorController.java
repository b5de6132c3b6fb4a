package com.journeyexplorer.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.coyote.BadRequestException;
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
 * {@link ProblemAdvice} (a status sent by a filter, the container's refusal of a body it cannot read or of more
 * cookies than it reads, an unknown path under a non-Spring servlet) answers an RFC 9457 problem, whatever the client
 * accepts, instead of Spring Boot's JSON or HTML error page. Its 400 speaks of no one kind of id: the refusals that
 * reach it are of any request. Exception messages are never shown.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The container's refusal of a body whose framing it could not read. */
    static final String UNREADABLE_BODY = "The request's body could not be read: its chunked transfer encoding is "
            + "malformed (a chunk size that is not a hexadecimal number, say) or its chunk extensions or trailers are "
            + "longer than the server reads; send the body again with a Content-Length or well-formed chunks";
    /**
     * Any other refusal before an endpoint read the request: of an address (a journey, customer or import id, a
     * touchpoint name), a query string, a header or a body.
     */
    static final String MALFORMED = "The request is malformed and was refused before any endpoint read it: an id or "
            + "name in a path is percent-encoded as encodeURIComponent does (/ as %2F, % as %25, ? as %3F, # as %23) or "
            + "passed as a query parameter, a query string is percent-encoded UTF-8, and headers and body follow HTTP's "
            + "rules";

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
                ? thrown : null;
        String tooMany = failure != null ? ContainerRefusals.tooMany(failure)
                : request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message
                        ? ContainerRefusals.tooMany(message) : null;
        String detail = tooMany != null ? tooMany : switch (status) {
            case 400 -> unreadableBody(failure) ? UNREADABLE_BODY : MALFORMED;
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

    /**
     * Whether the container refused the request for its body's framing, which it tells by an exception of its own
     * (a broken chunked transfer encoding, trailers beyond its bound) raised where the endpoint read the body.
     */
    private static boolean unreadableBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadRequestException) {
                return true;
            }
        }
        return false;
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
