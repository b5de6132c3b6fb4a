package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

/**
 * Journey ids, customer ids and touchpoint names as users' files have them, read back through every endpoint that
 * names one in its path, percent-encoded as a client encodes a path segment.
 */
class IdsInPathsApiTests extends ApiTestSupport {

    static final List<String> IDS = List.of("a/b", "a\\b", "50%", "a;b", "x;jsessionid=1", "a+b", "a.b", ".", "..",
            "../stats", "..\\x", "a b", "u1|1777888800", "u\\|1|1777888800", "a?b", "a#b", "café", "日本", "%2F",
            "%5C", "https://example.com/a?b=c#d", "a//b");

    @BeforeEach
    void importIds() {
        if (get("/api/stats").json().get("journeys").asLong() > 0) {
            return;
        }
        StringBuilder csv = new StringBuilder("journey_id,customer_id,timestamp,touchpoint\n");
        for (String id : IDS) {
            csv.append(quoted(id)).append(",reader,2026-03-01T10:00:00Z,").append(quoted(id)).append('\n');
            csv.append(quoted(id)).append(",reader,2026-03-01T10:01:00Z,Checkout\n");
        }
        importCsv("?openHorizon=0", csv.toString());
    }

    @Test
    void everyIdIsReadInThePathAndInTheQueryOfEveryEndpointThatNamesOne() {
        SoftAssertions softly = new SoftAssertions();
        for (String id : IDS) {
            String e = component(id);
            Response journey = getRaw("/api/journeys/" + e);
            Response neighbourhood = getRaw("/api/touchpoints/" + e + "/neighbourhood");
            Response metadata = put("/api/touchpoints/" + e);
            Response importJob = getRaw("/api/imports/" + e);
            if (dotSegment(id)) {
                for (Response refused : List.of(journey, neighbourhood, metadata, importJob)) {
                    softly.assertThat(refused.status()).as(id + ": " + refused.body()).isEqualTo(400);
                    softly.assertThat(refused.contentType()).as(id).startsWith("application/problem+json");
                    softly.assertThat(refused.body()).as(id).contains("path segment '" + id + "'",
                            "/api/journeys?id=", "/api/touchpoints?name=");
                }
            } else {
                softly.assertThat(journey.status()).as(id + ": " + journey.body()).isEqualTo(200);
                softly.assertThat(journey.body()).as(id).contains(json(id));
                softly.assertThat(neighbourhood.status()).as(id + ": " + neighbourhood.body()).isEqualTo(200);
                softly.assertThat(neighbourhood.body()).as(id).startsWith("{\"label\":" + json(id) + ",");
                softly.assertThat(metadata.status()).as(id + ": " + metadata.body()).isEqualTo(200);
                softly.assertThat(metadata.body()).as(id).startsWith("{\"name\":" + json(id) + ",");
                softly.assertThat(importJob.status()).as(id + ": " + importJob.body()).isEqualTo(404);
                softly.assertThat(importJob.contentType()).as(id).startsWith("application/problem+json");
                softly.assertThat(importJob.body()).as(id).contains("\"import\":" + json(id));
            }
            Response journeyById = getRaw("/api/journeys?id=" + e);
            softly.assertThat(journeyById.status()).as(id + ": " + journeyById.body()).isEqualTo(200);
            softly.assertThat(journeyById.body()).as(id).contains("\"id\":" + json(id) + ",");
            Response neighbourhoodByName = getRaw("/api/touchpoints/neighbourhood?touchpoint=" + e);
            softly.assertThat(neighbourhoodByName.status()).as(id + ": " + neighbourhoodByName.body()).isEqualTo(200);
            softly.assertThat(neighbourhoodByName.body()).as(id).startsWith("{\"label\":" + json(id) + ",");
            Response metadataByName = put("/api/touchpoints?name=" + e);
            softly.assertThat(metadataByName.status()).as(id + ": " + metadataByName.body()).isEqualTo(200);
            softly.assertThat(metadataByName.body()).as(id).startsWith("{\"name\":" + json(id) + ",");
        }
        softly.assertAll();
    }

    @Test
    void everyCustomerIdIsErasedInThePathAndInTheQuery() {
        StringBuilder byPath = new StringBuilder("journey_id,customer_id,timestamp,touchpoint\n");
        StringBuilder byQuery = new StringBuilder("journey_id,customer_id,timestamp,touchpoint\n");
        for (int i = 0; i < IDS.size(); i++) {
            String customer = "," + quoted(IDS.get(i)) + ",2026-03-02T10:00:00Z,A\n";
            byPath.append("path-").append(i).append(customer);
            byQuery.append("query-").append(i).append(customer);
        }
        SoftAssertions softly = new SoftAssertions();
        importCsv("?openHorizon=0", byPath.toString());
        for (String id : IDS) {
            Response erased = delete("/api/customers/" + component(id));
            if (dotSegment(id)) {
                softly.assertThat(erased.status()).as(id + ": " + erased.body()).isEqualTo(400);
                softly.assertThat(erased.body()).as(id).contains("path segment", "DELETE /api/customers?id=");
                erased = delete("/api/customers?id=" + component(id));
            }
            softly.assertThat(erased.status()).as(id + ": " + erased.body()).isEqualTo(200);
            softly.assertThat(erased.body()).as(id).contains("\"journeysErased\":1,");
        }
        importCsv("?openHorizon=0", byQuery.toString());
        for (String id : IDS) {
            Response erased = delete("/api/customers?id=" + component(id));
            softly.assertThat(erased.status()).as(id + ": " + erased.body()).isEqualTo(200);
            softly.assertThat(erased.body()).as(id).contains("\"journeysErased\":1,");
        }
        softly.assertAll();
        assertThat(getRaw("/api/journeys?id=" + component("u1|1777888800")).status()).as("the readers' journeys stay")
                .isEqualTo(200);
    }

    @Test
    void anIdThatAPathCannotCarryIsAProblemSayingWhyAndWhatToSendInstead() throws IOException {
        Response bareSemicolon = getRaw("/api/journeys/a;b");
        assertProblem(bareSemicolon, 400);
        assertThat(bareSemicolon.json().get("detail").asString()).contains("';'", "%3B", "/api/journeys?id=");
        Response encodedDots = getRaw("/api/journeys/%2E%2E");
        assertProblem(encodedDots, 400);
        assertThat(encodedDots.json().get("detail").asString()).contains("path segment '..'", "/api/journeys?id=");
        Response encodedDot = getRaw("/api/journeys/a%2Eb");
        assertProblem(encodedDot, 400);
        assertThat(encodedDot.json().get("detail").asString()).contains("%2E", "write a '.'");
        for (String bare : List.of("u1\\|2|1777888800", "a\\b", "caf\u00e9", "{a}")) {
            String answer = rawRequest(("GET /api/journeys/" + bare + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/html\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            assertThat(answer).as(bare).startsWith("HTTP/1.1 400").containsIgnoringCase(
                    "Content-Type: application/problem+json").contains("must be percent-encoded", "%5C")
                    .doesNotContain("%7C").doesNotContainIgnoringCase("<html");
        }
    }

    /**
     * A journey id of several columns, as a user types it: the bare {@code |} is read in the path under
     * {@code /api/} as it is in the query, while a dot segment beside it is still refused and the addresses outside
     * {@code /api/} refuse it as before.
     */
    @Test
    void aBareBarInAnIdIsReadInThePath() throws IOException {
        String journey = rawRequest("GET /api/journeys/u1|1777888800 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(journey).startsWith("HTTP/1.1 200").contains("\"id\":\"u1|1777888800\"");
        String neighbourhood = rawRequest("GET /api/touchpoints/u1|1777888800/neighbourhood HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");
        assertThat(neighbourhood).startsWith("HTTP/1.1 200").contains("{\"label\":\"u1|1777888800\",");
        String unknown = rawRequest("GET /api/journeys/u1|1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(unknown).startsWith("HTTP/1.1 404").contains("\"journey\":\"u1|1\"",
                "\"instance\":\"/api/journeys/u1%7C1\"");

        for (String target : List.of("/api/journeys/u1|1/../../stats", "/api/journeys/|/..", "/css/..|/../x")) {
            String answer = rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").contains("path segment '..'");
        }
        for (String target : List.of("/css/journey-map.css|", "/index.html|x", "/actuator/health|")) {
            String answer = rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("application/problem+json")
                    .contains("outside /api/", "'|'");
        }
        assertThat(getRaw("/css/journey-map.css").status()).isEqualTo(200);
    }

    /**
     * Encoded slashes and backslashes pass on to Spring undecoded, which decodes them inside one path segment: no
     * {@code ..} among them reaches a file beside the page's static files, or another endpoint.
     */
    @Test
    void encodedSlashesAndDotsDoNotLeaveTheStaticFilesOrTheEndpoint() {
        assertThat(getRaw("/css/journey-map.css").status()).isEqualTo(200);
        for (String target : List.of("/css/..%2F..%2Fapplication.yml", "/css/..%5C..%5Capplication.yml",
                "/..%2Fapplication.yml", "/..%5Capplication.yml", "/css/%2E%2E/%2E%2E/application.yml",
                "/css/%2E%2E%2F%2E%2E%2Fapplication.yml", "/css/..%252F..%252Fapplication.yml",
                "/css/..%2F..%2Fcom%2Fjourneyexplorer%2FJourneyExplorerApplication.class",
                "/js/%5C..%5C..%5Capplication.yml", "/js/..%2F%2F..%2Fapplication.yml", "/webjars/..%2Fapplication.yml",
                "/css%2F..%2F..%2Fapplication.yml", "/index.html%2F..%2Fapplication.yml")) {
            Response answer = getRaw(target);
            assertThat(answer.status()).as(target + ": " + answer.body()).isIn(400, 404);
            assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
            assertThat(answer.body()).as(target).doesNotContain("journeys:", "data-dir", "spring:");
        }
        Response stats = getRaw("/api/journeys/..%2Fstats");
        assertThat(stats.status()).as("a journey named ../stats, not /api/stats").isEqualTo(200);
        assertThat(stats.json().get("id").asString()).isEqualTo("../stats");
        Response above = getRaw("/api/journeys/..%2F..%2Fstats");
        assertProblem(above, 404);
        assertThat(above.json().get("journey").asString()).isEqualTo("../../stats");
        Response backslashes = getRaw("/api/journeys/..%5C..%5Cstats");
        assertProblem(backslashes, 404);
        assertThat(backslashes.json().get("journey").asString()).isEqualTo("..\\..\\stats");
    }

    private Response put(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("X-API-Key", API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"channel\":\"web\"}")).build());
    }

    /** A GET whose path and query are sent exactly as written (already percent-encoded). */
    private Response getRaw(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET().build());
    }

    /**
     * {@code text} percent-encoded as JavaScript's {@code encodeURIComponent} encodes it (and Python's
     * {@code urllib.parse.quote(text, safe='')} for these characters): everything but letters, digits and
     * {@code -_.!~*'()}, a space as {@code %20}.
     */
    static String component(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!")
                .replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }

    /** Whether {@code id} is a dot segment, which no path can carry. */
    private static boolean dotSegment(String id) {
        return id.equals(".") || id.equals("..");
    }

    /** {@code text} as a JSON string. */
    private static String json(String text) {
        return JSON.writeValueAsString(text);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
