package com.journeyexplorer.security;

import static com.journeyexplorer.security.ApiKeySecurityTests.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/** {@code protect-reads=true}: reads and the Cypher endpoint need the key too; CORS for one listed origin. */
@TestPropertySource(properties = {"journeys.security.protect-reads=true",
        "journeys.cors.allowed-origins=http://viz.example"})
class ProtectedReadsTests extends ApiTestSupport {

    @Test
    void refusesReadsWithoutKey() {
        assertUnauthorized(get("/api/stats"));
        assertUnauthorized(get("/api/paths/top"));
        assertUnauthorized(get("/actuator/prometheus"));
        assertUnauthorized(post("/api/cypher", "application/json", "{\"query\":\"RETURN 1\"}", null));
    }

    /**
     * Ids percent-encoded in a path ({@code %2F}, {@code %5C}, {@code %3B}) pass the firewall, and the addresses they
     * make are still the API's to the access rules: none reaches a read, or a protected endpoint, without the key.
     */
    @Test
    void refusesReadsOfIdsInPathsWithoutKey() {
        for (String path : java.util.List.of("/api/journeys/a%5Cb", "/api/journeys/a%3Bb", "/api/journeys/..%2Fstats",
                "/api/touchpoints/a%2F%2Fb/neighbourhood", "/api%2Fstats", "/api%5C..%5Cstats",
                "/actuator/health/..%2F..%2Fprometheus", "/actuator/health%2F..%2Fprometheus",
                "/css/..%2F..%2Fapi%2Fstats", "/%2E%2E/api/stats")) {
            Response answer = get(path);
            assertThat(answer.status()).as(path + ": " + answer.body()).isIn(400, 401, 404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.body()).as(path).doesNotContain("journeys\":", "# HELP");
        }
        assertUnauthorized(get("/api/journeys/a%5Cb"));
        assertUnauthorized(get("/api/journeys/a%3Bb"));
    }

    @Test
    void answersReadsWithKey() {
        Response stats = send(HttpRequest.newBuilder(uri("/api/stats")).header("X-API-Key", API_KEY).GET().build());
        assertThat(stats.status()).isEqualTo(200);
        assertThat(post("/api/cypher", "application/json", "{\"query\":\"RETURN 1 AS one\"}").status()).isEqualTo(200);
    }

    @Test
    void answersOptionsUnderApiOnlyWithTheKeyAsItAnswersGet() {
        assertThat(ApiKeySecurityTests.options(uri("/api/stats"), null).statusCode()).isEqualTo(401);
        var withKey = ApiKeySecurityTests.options(uri("/api/stats"), API_KEY);
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(withKey.headers().firstValue("Allow").orElseThrow()).contains("GET");
        var page = ApiKeySecurityTests.options(uri("/"), null);
        assertThat(page.statusCode()).as("the page stays open").isEqualTo(200);
        assertThat(page.headers().firstValue("Allow")).isPresent();
    }

    @Test
    void keepsHealthAndDocsOpen() {
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void allowsListedOriginsToReadWithTheKeyHeader() throws Exception {
        var preflight = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/stats"))
                .header("Origin", "http://viz.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-api-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("http://viz.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("x-api-key");

        var refused = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/events"))
                .header("Origin", "http://viz.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
