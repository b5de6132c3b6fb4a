package com.journeyexplorer.api;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.JourneyGraph;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read your writes across instances. Every answer under {@code /api/} carries the journal position it reflects in the
 * header {@value #HEADER} (a write's answer: the journal's newest entry once it is done, see
 * {@link ConsistencyTokenAdvice}); a request that sends the header back waits until this instance has applied that
 * position, at most {@code journeys.instance.consistency-wait}, and is otherwise refused with a 503 problem
 * ({@code behind-the-journal}, with {@code Retry-After}). A token that is not a whole number ≥ 0 is a 400 problem
 * naming the header, and so is one past the database's journal head once the wait has run out (it can never be
 * reached: another database gave it). Runs after the security filters and before the answer cache, so that a cached answer is never
 * older than the token. Cost without the header: none; with it, at most the wait.
 */
@Component
@Order(0)
class ConsistencyTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "Journeys-Consistency";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JourneyGraph graph;
    private final Duration wait;

    ConsistencyTokenFilter(JourneyGraph graph, JourneysProperties properties) {
        this.graph = graph;
        this.wait = properties.instance().consistencyWait();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HEADER);
        if (token != null) {
            long position;
            try {
                position = Long.parseLong(token.strip());
            } catch (NumberFormatException e) {
                position = -1;
            }
            if (position < 0) {
                Map<String, Object> problem = problem(request, HttpServletResponse.SC_BAD_REQUEST, "invalid-parameter",
                        "Invalid parameter", "Header " + HEADER + " must be a journal position (a whole number >= 0) "
                                + "as an earlier answer's " + HEADER + " header gave it; was '" + token + "'");
                problem.put("parameter", HEADER);
                write(response, HttpServletResponse.SC_BAD_REQUEST, problem);
                return;
            }
            boolean caughtUp;
            try {
                caughtUp = graph.awaitPosition(position, wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                caughtUp = false;
            }
            if (!caughtUp) {
                long head = journalHead();
                if (head >= 0 && head < position) {
                    Map<String, Object> problem = problem(request, HttpServletResponse.SC_BAD_REQUEST,
                            "invalid-parameter", "Invalid parameter", "Header " + HEADER + " asks for journal entry "
                                    + position + ", but this database's journal ends at entry " + head + ": the "
                                    + "token was given by another database, or by a store since replaced; send the "
                                    + "request without it");
                    problem.put("parameter", HEADER);
                    problem.put("position", position);
                    problem.put("journalHead", head);
                    write(response, HttpServletResponse.SC_BAD_REQUEST, problem);
                    return;
                }
                long applied = graph.appliedPosition();
                Map<String, Object> problem = problem(request, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "behind-the-journal", "Not caught up yet", "This instance has applied the journal up to "
                                + "entry " + applied + ", not yet entry " + position + " that header " + HEADER
                                + " asks for, after waiting " + wait.toMillis() + " ms; ask again shortly, or ask "
                                + "another instance");
                problem.put("position", position);
                problem.put("applied", applied);
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, problem);
                return;
            }
        }
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.setHeader(HEADER, Long.toString(graph.appliedPosition()));
        }
        chain.doFilter(request, response);
    }

    /**
     * The database's journal head, read only once a wait has run out (one indexed lookup), or -1 when it cannot be
     * read: a token past it can never be reached, and waiting longer would not help.
     */
    private long journalHead() {
        try {
            return graph.journalPosition();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static Map<String, Object> problem(HttpServletRequest request, int status, String type, String title,
            String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemAdvice.TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        return problem;
    }

    private static void write(HttpServletResponse response, int status, Map<String, Object> problem)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
