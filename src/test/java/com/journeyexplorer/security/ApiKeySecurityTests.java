package com.journeyexplorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

/** Default settings: writes need the key, reads and the UI are open, no CORS. */
class ApiKeySecurityTests extends ApiTestSupport {

    private static final String CSV = "text/csv";
    private static final String ROW = "journey_id,timestamp,touchpoint\nsec-1,2026-03-01T10:00:00Z,Newsletter\n";

    @Test
    void refusesAnUploadWithoutKeyAndWritesNothing() {
        String before = storeState();

        assertUnauthorized(post("/api/events", CSV, ROW, null));

        assertThat(get("/api/journeys/sec-1").status()).isEqualTo(404);
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void refusesAWrongKeyOnBothImporters() {
        String before = storeState();

        assertUnauthorized(post("/api/events", CSV, ROW, "wrong-key"));
        assertUnauthorized(post("/api/journeys/aggregated", CSV, "path;total_conversions\nA > B;3\n", "test-"));
        assertUnauthorized(post("/api/events", CSV, ROW, ""));

        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void refusesOtherWritesUnderApiEvenWhenNoEndpointExists() {
        assertUnauthorized(send(HttpRequest.newBuilder(uri("/api/journeys/sec-1")).DELETE().build()));
        assertUnauthorized(send(HttpRequest.newBuilder(uri("/api/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    @Test
    void acceptsTheKeyAsHeaderOrBearerToken() {
        assertThat(post("/api/events", CSV, ROW.replace("sec-1", "sec-2")).status()).isEqualTo(200);
        Response bearer = send(HttpRequest.newBuilder(uri("/api/events")).header("Content-Type", CSV)
                .header("Authorization", "Bearer test-key")
                .POST(HttpRequest.BodyPublishers.ofString(ROW.replace("sec-1", "sec-3"))).build());
        assertThat(bearer.status()).as(bearer.body()).isEqualTo(200);
        assertThat(get("/api/journeys/sec-3").status()).isEqualTo(200);
    }

    @Test
    void leavesReadsTheUiTheDocsAndHealthOpen() {
        assertThat(get("/api/stats").status()).isEqualTo(200);
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(get("/").status()).isIn(200, 404);
    }

    @Test
    void answersOptionsWithoutTheKeyWhereverGetIsOpen() {
        for (String path : List.of("/api/stats", "/api/paths/top", "/api/events", "/api/predict", "/")) {
            HttpResponse<String> options = options(path, null);
            assertThat(options.statusCode()).as(path + ": " + options.body()).isEqualTo(200);
            assertThat(options.headers().firstValue("Allow")).as(path).isPresent();
        }
        assertThat(options("/api/stats", null).headers().firstValue("Allow").orElseThrow()).contains("GET")
                .doesNotContain("POST");
        assertThat(options("/api/events", null).headers().firstValue("Allow").orElseThrow()).contains("POST");
        assertThat(options("/api/stats", "wrong-key").statusCode()).as("a wrong key is refused everywhere")
                .isEqualTo(401);
        // The key is checked before the address is looked up: a method an endpoint lacks is a 405 only with it.
        assertUnauthorized(send(HttpRequest.newBuilder(uri("/api/predict"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()));
        assertThat(send(HttpRequest.newBuilder(uri("/api/predict")).header("X-API-Key", API_KEY)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).status()).isEqualTo(405);
    }

    @Test
    void requiresTheKeyForCypherByDefault() {
        assertUnauthorized(post("/api/cypher", "application/json", "{\"query\":\"RETURN 1 AS one\"}", null));
        assertThat(post("/api/cypher", "application/json", "{\"query\":\"RETURN 1 AS one\"}").status())
                .isEqualTo(200);
    }

    @Test
    void createsNoSessionAndAllowsNoCrossOriginReads() {
        var raw = rawGet("/api/stats");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(raw.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private java.net.http.HttpResponse<String> rawGet(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                            .header("Origin", "http://elsewhere.test").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OPTIONS request, with the given API key or with none when {@code apiKey} is null. */
    static HttpResponse<String> options(java.net.URI uri, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> options(String path, String apiKey) {
        return options(uri(path), apiKey);
    }

    static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://journeyexplorer.dev/problems/unauthorized");
    }
}
