package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.LongPredicate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The page when the server refuses every analysis with a problem: a client that does not read a large answer keeps
 * more than {@code journeys.analysis.max-pending-answers} waiting, so that every analysis is a 503 problem (as
 * {@code PendingAnswersTests} has it). The status line then says that the views could not be updated, and why.
 */
@TestPropertySource(properties = "journeys.analysis.max-pending-answers=1MB")
class BusyServerPageTests extends PageTestSupport {

    /** The longest journey an import takes: its answer (about 9 MB) is more than the socket buffers hold. */
    private static final int STEPS = 100_000;

    @Autowired
    MeterRegistry meters;

    @Test
    void theStatusSaysTheViewsCouldNotBeUpdatedAndWhyWhenTheServerRefusesEveryOne() throws Exception {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < STEPS; i++) {
            csv.append("long,").append(start.plusSeconds(i)).append(",A page with a rather long name ")
                    .append(i % 50).append('\n');
        }
        Response imported = post("/api/events", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        page.open(port, "/");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("updated ");

        try (Socket slowReader = new Socket()) {
            slowReader.setReceiveBufferSize(4096);
            slowReader.connect(new InetSocketAddress("localhost", port));
            OutputStream out = slowReader.getOutputStream();
            out.write(("GET /api/journeys/long HTTP/1.1\r\nHost: localhost\r\nCache-Control: no-cache\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitPending(bytes -> bytes > 1 << 20);
            JsonNode problem = get("/api/summary?segment=nobody").json();
            assertThat(problem.get("title").asString()).isEqualTo("Answers pending");
            assertThat(problem.get("detail").asString()).startsWith("the server holds ");

            int generation = page.generation();
            ((JavascriptExecutor) browser).executeScript("""
                    const field = document.querySelector('#filters input[name=segment]');
                    field.value = 'nobody';
                    field.dispatchEvent(new Event('change', {bubbles: true}));""");
            page.waitForGeneration(generation + 1);
            assertThat(browser.findElement(By.id("map")).getText()).contains("Journey map unavailable");
            assertThat(browser.findElement(By.id("status")).getText())
                    .as("not \"updated\": nothing was, and the server's problem says why")
                    .startsWith("The views could not be updated: Answers pending: the server holds ")
                    .contains("journeys.analysis.max-pending-answers").doesNotContain("updated ");
        }
        awaitPending(bytes -> bytes == 0);
        // The browser's own lines for the refused requests, and the stage funnel's 422 of a store without stages.
        page.assertNoConsoleErrors(message -> message.contains("status of 503")
                || message.contains("/api/funnel") && message.contains("status of 422"));
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
