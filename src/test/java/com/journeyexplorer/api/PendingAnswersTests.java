package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.LongPredicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

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

    /** The longest journey an import takes: its answer (about 9 MB) is more than the socket buffers hold. */
    private static final int STEPS = 100_000;

    @Autowired
    MeterRegistry meters;

    @Test
    void refusesAnalysesWhileUnreadAnswersHoldMoreThanTheLimit() throws Exception {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < STEPS; i++) {
            csv.append("long,").append(start.plusSeconds(i)).append(",A page with a rather long name ")
                    .append(i % 50).append('\n');
        }
        Response imported = post("/api/events", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(get("/api/paths/top").status()).isEqualTo(200);

        try (Socket slowReader = new Socket()) {
            slowReader.setReceiveBufferSize(4096);
            slowReader.connect(new InetSocketAddress("localhost", port));
            OutputStream out = slowReader.getOutputStream();
            out.write(("GET /api/journeys/long HTTP/1.1\r\nHost: localhost\r\nCache-Control: no-cache\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitPending(bytes -> bytes > 1 << 20);

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
        awaitPending(bytes -> bytes == 0);
        assertThat(get("/api/paths/top?limit=3").status()).isEqualTo(200);
    }

    /** Waits until the gauge of pending answer bytes satisfies {@code condition} (a minute at most). */
    private void awaitPending(LongPredicate condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.test(pending()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.test(pending())).as("pending answer bytes %d", pending()).isTrue();
    }

    private long pending() {
        var gauge = meters.find("journeys.answers.pending").gauge();
        return gauge == null ? 0 : (long) gauge.value();
    }
}
