package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.UnreadAnswers;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A client that asks for a large answer and does not read it keeps that answer on the heap until the server's write
 * timeout, after the analysis gave its turn back. Beyond {@code journeys.analysis.max-pending-answers} of such
 * answers a further analysis is refused with a 503 problem and Retry-After instead of adding to the heap; cheap
 * requests stay answered, and analyses are answered again once the client has gone.
 */
@TestPropertySource(properties = "journeys.analysis.max-pending-answers=1MB")
class PendingAnswersTests extends ApiTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void refusesAnalysesWhileUnreadAnswersHoldMoreThanTheLimit() throws Exception {
        Response imported = post("/api/events", "text/csv", UnreadAnswers.longJourneyCsv("long"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(get("/api/paths/top").status()).isEqualTo(200);

        try (Socket slowReader = UnreadAnswers.requestWithoutReading(port, "/api/journeys/long")) {
            UnreadAnswers.awaitPending(meters, bytes -> bytes > 1 << 20);

            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    uri("/api/paths/top?limit=3")).header("Cache-Control", "no-cache").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("type").asString()).endsWith("/answers-pending");
            assertThat(problem.get("detail").asString()).contains("journeys.analysis.max-pending-answers");
            assertThat(problem.get("limitBytes").asLong()).isEqualTo(1 << 20);
            assertThat(get("/actuator/health").status()).isEqualTo(200);
        }
        UnreadAnswers.awaitPending(meters, bytes -> bytes == 0);
        assertThat(get("/api/paths/top?limit=3").status()).isEqualTo(200);
    }
}
