package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.UnreadAnswers;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The page when the server refuses every analysis with a problem: a client that does not read a large answer keeps
 * more than {@code journeys.analysis.max-pending-answers} waiting, so that every analysis is a 503 problem (as
 * {@code PendingAnswersTests} has it). The status line then says that the views could not be updated, and why.
 */
@TestPropertySource(properties = "journeys.analysis.max-pending-answers=1MB")
class BusyServerPageTests extends PageTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void theStatusSaysTheViewsCouldNotBeUpdatedAndWhyWhenTheServerRefusesEveryOne() throws Exception {
        Response imported = post("/api/events", "text/csv", UnreadAnswers.longJourneyCsv("long"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        page.open(port, "/");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("updated ");

        try (Socket slowReader = UnreadAnswers.requestWithoutReading(port, "/api/journeys/long")) {
            UnreadAnswers.awaitPending(meters, bytes -> bytes > 1 << 20);
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
        UnreadAnswers.awaitPending(meters, bytes -> bytes == 0);
        // The browser's own lines for the refused requests, and the stage funnel's 422 of a store without stages.
        page.assertNoConsoleErrors(message -> message.contains("status of 503")
                || message.contains("/api/funnel") && message.contains("status of 422"));
    }
}
