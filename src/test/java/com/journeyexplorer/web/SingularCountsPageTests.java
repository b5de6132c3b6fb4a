package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;


/**
 * The journey map page on a store of a few journeys, where many counts are one: each is said with its noun in the
 * singular and, where a verb follows, the verb agrees ("1 journey ends", "1 of 12 journeys converts"), in the import
 * panel's store totals, the comparison's sides, the minimum cut, the top paths' rest, the plain words, the key moments
 * and the time to convert. Skips where Chromium is absent, as {@link JourneyMapPageTests} does.
 */
@TestPropertySource(properties = "journeys.demo.load-on-start=false")
class SingularCountsPageTests extends PageTestSupport {

    /** A count of one before a plural noun, or a plural verb after "1 journey": the wording this test rules out. */
    static final String ONE_WITH_A_PLURAL = "(?s).*\\b1 (journeys|touchpoints|answers|responses|events|paths|other paths"
            + "|steps|transitions|rows|records|periods|purchases|bytes|columns)\\b.*"
            + "|.*\\b1 journey (end|reach|convert|visit|are|were|have)\\b.*";


    /** The stage funnel's 422 (no touchpoint has a stage) is an answer the page shows, not a failure of it. */
    @Override
    boolean isExpectedConsoleError(String message) {
        return message.contains("/api/funnel") && message.contains("422");
    }

    @Test
    void everyCountOfOneIsSaidInTheSingularWithItsVerbAgreeing() throws IOException {
        // One journey of two events, imported in the panel: the store's totals after it.
        page.open(port, "/");
        WebElement panel = browser.findElement(By.id("import-panel"));
        if (panel.getDomAttribute("open") == null) {
            panel.findElement(By.tagName("summary")).click();
        }
        WebElement key = browser.findElement(By.id("import-key"));
        key.clear();
        key.sendKeys(API_KEY, Keys.TAB);
        Path one = Files.createTempFile("journeys", ".csv");
        Files.writeString(one, "journey_id,timestamp,touchpoint\nlook-1,2026-03-01T10:00:00Z,Home\n"
                + "look-1,2026-03-01T10:01:00Z,Cart\n");
        browser.findElement(By.id("import-file")).sendKeys(one.toAbsolutePath().toString());
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-preview tr[data-line='2']")).isEmpty());
        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        assertThat(text("import-result")).contains("Imported 2 events into 1 journey",
                "The store now holds 1 journey and 2 events.");
        Files.delete(one);

        // One buyer, one journey to a competitor, and eleven that end without a purchase, each its own path (the
        // panel's journey of March is still open as the panel imports it).
        String browsing = IntStream.rangeClosed(1, 11).mapToObj(i -> ("browse-" + i + ",2026-03-03T10:00:00Z,Home,browsers\n"
                + "browse-" + i + ",2026-03-03T10:01:00Z,Page " + i + ",browsers\n")).collect(Collectors.joining());
        Response more = post("/api/events?purchase=Purchase&competitor=Rival&openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,segment
                buyer-1,2026-03-01T10:00:00Z,Home,buyers
                buyer-1,2026-03-01T10:01:00Z,Product,buyers
                buyer-1,2026-03-01T10:02:00Z,Purchase,buyers
                rival-1,2026-03-02T10:00:00Z,Home,leavers
                rival-1,2026-03-02T10:01:00Z,Rival,leavers
                """ + browsing);
        assertThat(more.status()).as(more.body()).isEqualTo(200);
        long journeys = get("/api/stats").json().get("journeys").asLong();
        assertThat(journeys).isEqualTo(14);

        page.open(port, "/?compareA=segment%3Dbuyers&compareB=segment%3Dleavers");
        waitUntil(() -> browser.findElements(By.cssSelector("#compare .side .num")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("#compare .side .num"))).extracting(WebElement::getText)
                .containsExactly("1 journey", "1 journey");
        waitUntil(() -> text("diversions").contains("Minimum cut"));
        assertThat(text("diversions")).contains("Minimum cut: closing this transition, 1 journey in all, would cut");
        assertThat(text("insights")).contains("Of the 1 journey that ends in a purchase,",
                "Rival is visited in 1 journey,");
        waitUntil(() -> text("moments").contains(" buys"));
        assertThat(text("moments")).containsPattern("^1 of \\d+ journeys buys ");
        waitUntil(() -> text("ttc").contains("convert"));
        assertThat(text("ttc")).containsPattern(": 1 of \\d+ journeys converts ");

        browser.findElement(By.cssSelector("#path-tabs button[data-outcome='abandoned']")).click();
        waitUntil(() -> "abandoned".equals(browser.findElement(By.id("paths")).getDomAttribute("data-ready")));
        assertThat(text("paths")).contains("…and 1 other path with 1 journey.");

        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotMatch(ONE_WITH_A_PLURAL);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}
