package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.method.HandlerMethod;

import com.journeyexplorer.ApiTestSupport;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One request at a time and no queue: while the only turn is taken, an analysis or Cypher request gets a 429 problem
 * with Retry-After, and is answered again once the turn is free. Also: Cypher opened to readers by the setting.
 */
@TestPropertySource(properties = {"journeys.analysis.max-concurrent=1", "journeys.analysis.queue-wait=0s",
        "journeys.cypher.open-to-readers=true"})
class RequestBoundsTests extends ApiTestSupport {

    @Autowired
    RequestBounds bounds;

    @Autowired
    GraphReadController reads;

    @Test
    void refusesHeavyRequestsBeyondTheConcurrencyLimitWithRetryAfter() throws Exception {
        MockHttpServletRequest holder = new MockHttpServletRequest("GET", "/api/paths/top");
        MockHttpServletResponse holderResponse = new MockHttpServletResponse();
        assertThat(bounds.preHandle(holder, holderResponse, new Object())).isTrue();
        try {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri("/api/attribution")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(refused.body()).get("detail").asString())
                    .contains("journeys.analysis.max-concurrent");
            assertThat(post("/api/cypher", "application/json", "{\"query\":\"RETURN 1 AS one\"}").status())
                    .isEqualTo(429);
            // Light requests are not counted: the health check and the import list stay answered. The health may
            // still say DOWN (503) while a loaded machine finishes its start: what counts is that no bound refused it.
            assertThat(get("/actuator/health").status()).isNotEqualTo(429);
        } finally {
            bounds.afterCompletion(holder, holderResponse, new Object(), null);
        }
        assertThat(get("/api/attribution").status()).isEqualTo(200);
        assertThat(get("/api/paths/top").status()).isEqualTo(200);
    }

    @Test
    void answersTheStatusCallWhileEveryAnalysisTurnIsTakenInTurnsOfItsOwn() throws Exception {
        MockHttpServletRequest holder = new MockHttpServletRequest("GET", "/api/paths/top");
        MockHttpServletResponse holderResponse = new MockHttpServletResponse();
        assertThat(bounds.preHandle(holder, holderResponse, new Object())).isTrue();
        try {
            assertThat(uncached("/api/paths/top").status()).as("the only analysis turn is taken").isEqualTo(429);
            Response stats = uncached("/api/stats");
            assertThat(stats.status()).as(stats.body()).isEqualTo(200);
            assertThat(stats.json().has("journeys")).isTrue();
        } finally {
            bounds.afterCompletion(holder, holderResponse, new Object(), null);
        }

        // Its own turns are bounded all the same: while they are all taken, a further one is refused.
        java.util.List<MockHttpServletRequest> statusHolders = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < RequestBounds.STATUS_TURNS; i++) {
                MockHttpServletRequest statusHolder = new MockHttpServletRequest("GET", "/api/stats");
                assertThat(bounds.preHandle(statusHolder, new MockHttpServletResponse(), lookup())).isTrue();
                statusHolders.add(statusHolder);
            }
            Response refused = uncached("/api/stats");
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.json().get("detail").asString()).contains("/api/stats");
            assertThat(uncached("/api/paths/top").status()).as("the analyses keep their turn").isEqualTo(200);
        } finally {
            statusHolders.forEach(statusHolder -> bounds.afterCompletion(statusHolder, new MockHttpServletResponse(),
                    new Object(), null));
        }
        assertThat(uncached("/api/stats").status()).isEqualTo(200);
    }

    @Test
    void refusesAnAnswerTheAcceptHeaderExcludesBeforeItTakesATurnOrReadsAParameter() throws Exception {
        MockHttpServletRequest holder = new MockHttpServletRequest("GET", "/api/paths/top");
        MockHttpServletResponse holderResponse = new MockHttpServletResponse();
        assertThat(bounds.preHandle(holder, holderResponse, new Object())).isTrue();
        try {
            assertThat(uncached("/api/paths/top").status()).as("the only analysis turn is taken").isEqualTo(429);
            // Refused before the turns: a request that took one would get the 429 above, or compute its answer.
            for (String path : java.util.List.of("/api/paths/top", "/api/paths/top?k=0", "/api/attribution",
                    "/api/graph?format=csv", "/api/journeys/nobody")) {
                for (String accept : java.util.List.of("application/json;q=0, */*", "application/problem+json")) {
                    String refusing = path.contains("format=csv") ? "text/csv;q=0, */*" : accept;
                    Response refused = send(HttpRequest.newBuilder(uri(path)).header("Cache-Control", "no-cache")
                            .header("Accept", refusing).GET().build());
                    assertThat(refused.status()).as(path + " with " + refusing + ": " + refused.body())
                            .isEqualTo(406);
                    assertThat(refused.contentType()).startsWith("application/problem+json");
                    assertThat(refused.json().get("detail").asString()).contains(refusing);
                }
            }
            String before = graphChecksum();
            Response refusedImport = send(HttpRequest.newBuilder(uri("/api/events")).header("X-API-Key", API_KEY)
                    .header("Content-Type", "text/csv").header("Accept", "application/json;q=0, */*")
                    .POST(HttpRequest.BodyPublishers.ofString("journey_id,timestamp,touchpoint\n"
                            + "j1,2026-01-01T10:00:00Z,home\nj1,2026-01-01T10:01:00Z,cart\n")).build());
            assertThat(refusedImport.status()).as(refusedImport.body()).isEqualTo(406);
            assertThat(graphChecksum()).as("nothing imported for a refused report").isEqualTo(before);
        } finally {
            bounds.afterCompletion(holder, holderResponse, new Object(), null);
        }
    }

    @Test
    void answersTheLookUpsWhileEveryAnalysisTurnIsTakenInTheStatusTurns() throws Exception {
        importCsv("", "journey_id,timestamp,touchpoint\nj1,2026-01-01T10:00:00Z,home\nj1,2026-01-01T10:01:00Z,cart\n");
        MockHttpServletRequest holder = new MockHttpServletRequest("GET", "/api/paths/top");
        MockHttpServletResponse holderResponse = new MockHttpServletResponse();
        assertThat(bounds.preHandle(holder, holderResponse, new Object())).isTrue();
        try {
            assertThat(uncached("/api/paths/top").status()).as("the only analysis turn is taken").isEqualTo(429);
            Response touchpoints = uncached("/api/touchpoints");
            assertThat(touchpoints.status()).as(touchpoints.body()).isEqualTo(200);
            assertThat(touchpoints.json()).extracting(t -> t.get("name").asString()).contains("home", "cart");
            for (String journey : java.util.List.of("/api/journeys/j1", "/api/journeys?id=j1")) {
                Response answer = uncached(journey);
                assertThat(answer.status()).as(journey + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.json().get("steps")).hasSize(2);
            }
            assertThat(uncached("/api/journeys/nobody").status()).isEqualTo(404);
        } finally {
            bounds.afterCompletion(holder, holderResponse, new Object(), null);
        }

        // They share the status call's turns: while those are all taken, a look-up is refused, an analysis is not.
        java.util.List<MockHttpServletRequest> lookUps = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < RequestBounds.STATUS_TURNS; i++) {
                MockHttpServletRequest lookUp = new MockHttpServletRequest("GET", "/api/touchpoints");
                assertThat(bounds.preHandle(lookUp, new MockHttpServletResponse(), lookup())).isTrue();
                lookUps.add(lookUp);
            }
            for (String path : java.util.List.of("/api/touchpoints", "/api/journeys/j1", "/api/journeys?id=j1")) {
                Response refused = uncached(path);
                assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(429);
                assertThat(refused.json().get("detail").asString()).contains("/api/touchpoints", "/api/journeys");
            }
            assertThat(uncached("/api/paths/top").status()).isEqualTo(200);
        } finally {
            lookUps.forEach(lookUp -> bounds.afterCompletion(lookUp, new MockHttpServletResponse(), new Object(),
                    null));
        }
    }

    /** The handler of a look-up, {@code GET /api/stats}, as Spring MVC passes it to the interceptors. */
    private HandlerMethod lookup() throws NoSuchMethodException {
        return new HandlerMethod(reads, GraphReadController.class.getDeclaredMethod("stats",
                HttpServletRequest.class));
    }

    /** A GET computed afresh, not answered from the answer cache in front of the turns. */
    private Response uncached(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Cache-Control", "no-cache").GET().build());
    }

    @Test
    void opensCypherToReadersWhenConfigured() {
        Response response = post("/api/cypher", "application/json", "{\"query\":\"RETURN 1 AS one\"}", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rows").get(0).get(0).asInt()).isEqualTo(1);
    }
}
