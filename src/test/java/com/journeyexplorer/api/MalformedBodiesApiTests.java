package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Bodies the server cannot read as what their headers say (a form with a broken percent-encoding, a multipart body
 * without a boundary, broken chunks) are the client's mistake: a 4xx problem saying what is wrong, at every endpoint
 * that takes a body, and no ERROR in the log.
 */
@TestPropertySource(properties = "journeys.demo.load-on-start=false")
@ExtendWith(OutputCaptureExtension.class)
class MalformedBodiesApiTests extends ApiTestSupport {

    /** The endpoints that read a body, and the media types each takes. */
    private static final List<String[]> BODY_ENDPOINTS = List.of(
            new String[] {"PUT /api/touchpoints/x", "application/json"},
            new String[] {"PUT /api/touchpoints?name=x", "application/json"},
            new String[] {"POST /api/events", "text/csv"},
            new String[] {"POST /api/feedback", "text/csv"},
            new String[] {"POST /api/events/preview", "text/csv"},
            new String[] {"POST /api/cypher", "application/json"},
            new String[] {"POST /api/journeys/aggregated?source=web", "text/csv"});

    @Test
    void anUndecodableFormBodyWhereOnlyJsonIsReadIsUnsupportedNamingJson(CapturedOutput log) throws IOException {
        for (String target : List.of("PUT /api/touchpoints/x", "PUT /api/touchpoints?name=x")) {
            JsonNode problem = problem(send(target, "application/x-www-form-urlencoded", "a=%ZZ"), 415, target);
            assertThat(problem.get("detail").asString()).as(target)
                    .contains("application/x-www-form-urlencoded", "application/json");
        }
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void aMultipartBodyIsUnsupportedWithOrWithoutABoundary(CapturedOutput log) throws IOException {
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=zz")) {
            for (String[] endpoint : BODY_ENDPOINTS) {
                String target = endpoint[0] + " as " + contentType;
                JsonNode problem = problem(send(endpoint[0], contentType, "--zz\r\nbroken"), 415, target);
                assertThat(problem.get("detail").asString()).as(target).contains("multipart/form-data", endpoint[1]);
            }
            // Outcome rules are parameters, of the query or of a form body: no other body is read.
            JsonNode outcomes = problem(send("POST /api/outcomes", contentType, "--zz\r\nbroken"), 415, contentType);
            assertThat(outcomes.get("detail").asString()).contains("multipart/form-data",
                    "application/x-www-form-urlencoded");
        }
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    /**
     * Outcome rules are parameters: of the query, or of a form body, which is read as such. A body of another type
     * would be ignored, so it is a 415 naming the form's media type; a request without a body needs no type.
     */
    @Test
    void outcomeRulesComeFromTheQueryOrAFormBodyAndAnotherBodyIsUnsupported(CapturedOutput log) throws IOException {
        for (String[] body : List.of(new String[] {"application/json", "{\"purchase\":\"Nowhere\"}"},
                new String[] {"text/csv", "purchase\nNowhere\n"}, new String[] {"text/plain", "purchase=Nowhere"})) {
            JsonNode problem = problem(send("POST /api/outcomes?purchase=Nowhere", body[0], body[1]), 415, body[0]);
            assertThat(problem.get("detail").asString()).as(body[0]).contains(body[0],
                    "application/x-www-form-urlencoded");
        }
        JsonNode form = problem(send("POST /api/outcomes", "application/x-www-form-urlencoded; charset=UTF-8",
                "purchase=Nowhere"), 400, "form");
        assertThat(form.get("parameter").asString()).isEqualTo("purchase");
        assertThat(form.get("detail").asString()).contains("'Nowhere'");
        JsonNode query = problem(send("POST /api/outcomes?purchase=Nowhere", "application/json", ""), 400, "query");
        assertThat(query.get("detail").asString()).as("no body, no type needed").contains("'Nowhere'");
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    /** The aggregated paths' reader wraps the container's refusal; it is still the 400 every other upload gets. */
    @Test
    void brokenChunksOfAggregatedPathsAreTheBadRequestOfAnyUploadWithoutAnErrorLogged(CapturedOutput log)
            throws IOException {
        for (String target : List.of("POST /api/journeys/aggregated?source=web", "POST /api/events")) {
            String answer = rawRequest(target + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + API_KEY
                    + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "5\r\npath,\r\nzz\r\ncount\r\n0\r\n\r\n");
            JsonNode problem = problem(answer, 400, target);
            assertThat(problem.get("type").asString()).as(target).endsWith("/problems/bad-request");
            assertThat(problem.get("detail").asString()).as(target)
                    .isEqualTo(ProblemErrorController.UNREADABLE_BODY);
        }
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    /** A form body's parameters are read as the query's: one Tomcat cannot decode is blamed on the body. */
    @Test
    void anUndecodableFormBodyWhereParametersAreReadIsABadRequestAboutTheBody(CapturedOutput log) throws IOException {
        for (String body : List.of("a=%ZZ", "a=%C3")) {
            JsonNode problem = problem(send("POST /api/outcomes?purchase=Checkout", "application/x-www-form-urlencoded",
                    body), 400, body);
            assertThat(problem.get("detail").asString()).as(body).contains("form body", "percent-encoded UTF-8")
                    .doesNotContain("query string");
        }
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    /** A request line such as {@code POST /api/events} with a body of {@code contentType}, sent as written. */
    private String send(String requestLine, String contentType, String body) throws IOException {
        return rawRequest(requestLine + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + API_KEY + "\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
    }

    private static JsonNode problem(String answer, int status, String what) {
        assertThat(answer).as(what).startsWith("HTTP/1.1 " + status)
                .containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1));
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
        return problem;
    }
}
