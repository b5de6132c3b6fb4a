package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

/** Answers are kept for the current snapshot only: an import makes every later answer fresh. */
class AnalysisResponseCacheTests extends ApiTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static final String EVENTS = """
            journey_id,timestamp,touchpoint
            cache-%1$s,2026-03-01T10:00:00Z,Home
            cache-%1$s,2026-03-01T10:01:00Z,Cart
            """;

    @Test
    void answersRepeatedQueriesFromTheCacheUntilTheNextImport() {
        assertThat(post("/api/events?openHorizon=0", "text/csv", EVENTS.formatted("a")).status()).isEqualTo(200);

        Response first = get("/api/paths/top?outcome=any&limit=5");
        Response second = get("/api/paths/top?outcome=any&limit=5");
        assertThat(first.cache()).isEqualTo("MISS");
        assertThat(second.cache()).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(get("/api/paths/top?outcome=any&limit=6").cache()).as("other parameters").isEqualTo("MISS");

        Response fresh = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/paths/top?outcome=any&limit=5")).header("Cache-Control", "no-cache").GET().build());
        assertThat(fresh.cache()).isEqualTo("MISS");
        assertThat(fresh.body()).isEqualTo(first.body());

        assertThat(post("/api/events?openHorizon=0", "text/csv", EVENTS.formatted("b")).status()).isEqualTo(200);
        Response afterImport = get("/api/paths/top?outcome=any&limit=5");
        assertThat(afterImport.cache()).isEqualTo("MISS");
        assertThat(afterImport.json().get("total").asLong()).isEqualTo(2);
        assertThat(first.json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aKeptGraphAnswerCarriesTheHeadersOfTheFirst() throws Exception {
        for (String format : List.of("node-link", "csv", "graphml")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/graph?maxEdges=1&format=" + format)).GET().build();
            HttpResponse<String> first = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(second.headers().firstValue("X-Cache")).as(format).hasValue("HIT");
            assertThat(first.headers().firstValue(GraphExportController.LINKS_TOTAL)).as(format).isPresent();
            for (String header : List.of(GraphExportController.LINKS_SHOWN, GraphExportController.LINKS_TOTAL,
                    "Content-Disposition")) {
                assertThat(second.headers().firstValue(header)).as(format + ": " + header)
                        .isEqualTo(first.headers().firstValue(header));
            }
            assertThat(second.body()).isEqualTo(first.body());
        }
    }

    @Test
    void neverKeepsProblems() {
        assertThat(get("/api/paths/top?limit=0").status()).isEqualTo(400);
        assertThat(get("/api/paths/top?limit=0").cache()).isEqualTo("MISS");
    }
}
