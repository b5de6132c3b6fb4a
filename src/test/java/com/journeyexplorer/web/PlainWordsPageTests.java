package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The journey map page's plain words on a log without purchases, stages, channels or competitors (the process-mining
 * running example imported without a purchase rule, plus two journeys through touchpoints named like URL paths): every
 * sentence matches a complete API answer, none gives advice about purchases, and the page says what the data lacks
 * and what to import. Skips where Chromium is absent, as {@link JourneyMapPageTests} does.
 */
@TestPropertySource(properties = "journeys.demo.load-on-start=false")
class PlainWordsPageTests extends PageTestSupport {

    static final String LOG = "pm4py-running-example/running-example.csv";

    /** The imports of the log and the journeys named like URL paths, for a test that needs the store empty. */
    private static final List<String> IMPORTS = new java.util.ArrayList<>();

    @BeforeEach
    void importTheLog() {
        if (get("/api/stats").json().get("journeys").asLong() > 0) {
            return;
        }
        Response log = postFile("/api/events?journeyColumn=case:concept:name&touchpointColumn=concept:name"
                + "&timestampColumn=time:timestamp&openHorizon=0", "text/csv", TestData.file(LOG));
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        IMPORTS.add(log.json().get("importId").asString());
        Response paths = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint
                web-1,2026-03-01T10:00:00Z,/google+redesign/apparel
                web-1,2026-03-01T10:01:00Z,50% off?
                web-1,2026-03-01T10:02:00Z,#top
                web-2,2026-03-02T10:00:00Z,/google+redesign/apparel
                web-2,2026-03-02T10:01:00Z,#top
                """);
        assertThat(paths.status()).as(paths.body()).isEqualTo(200);
        IMPORTS.add(paths.json().get("importId").asString());
    }

    /** The stage funnel's 422 (no touchpoint has a stage) is an answer the page shows, not a failure of it. */
    @Override
    boolean isExpectedConsoleError(String message) {
        return message.contains("/api/funnel") && message.contains("422");
    }

    @Test
    void thePlainWordsComeFromCompleteAnswersAndSayWhatTheDataLacks() {
        open();
        JsonNode summary = get("/api/summary?top=10").json();
        String insights = browser.findElement(By.id("insights")).getText();

        JsonNode first = summary.get("firstSteps");
        assertThat(first.get("distinct").asLong()).isEqualTo(2);
        assertThat(insights).contains("How customers discover us", "Most journeys start with register request (75%), "
                + "/google+redesign/apparel (25%).");
        JsonNode ends = summary.get("endsWithoutPurchase").get("top");
        assertThat(insights).contains("Where journeys end", "Journeys end most often at "
                + ends.get(0).get("label").asString() + " (" + ends.get(0).get("journeys").asLong() + ") and "
                + ends.get(1).get("label").asString() + " (" + ends.get(1).get("journeys").asLong() + ").");
        assertThat(insights).contains("Do they consider competitors?", "cannot show customers leaving for one");
        assertThat(insights).doesNotContain("Fix ", "Where to invest first", "without a purchase there",
                "buy clearly", "What they look at before buying", "The crucial moments");

        String lacks = browser.findElement(By.id("data-lacks")).getText();
        assertThat(lacks).contains("What the data lacks", "No purchases.", "No stages.", "No channels.",
                "No competitors.", "purchase=<touchpoint>", "stageColumn=", "channelColumn=", "competitor=");
        assertThat(browser.findElements(By.cssSelector("#data-lacks li[data-lack]"))).hasSize(4);

        assertThat(browser.findElement(By.id("funnel")).getText()).contains("No touchpoint has a stage")
                .doesNotContain("0%");
        assertThat(browser.findElement(By.id("attribution")).getText())
                .contains("No selected journey ends in a purchase");
    }

    /**
     * A store without journeys says so, with the way to fill it, rather than that the filters select none: with no
     * filter set, and with one. The imports are undone for it; the next test imports the log again.
     */
    @Test
    void anEmptyStoreSaysItIsEmptyAndHowToImportInsteadOfThatNoJourneyMatchesTheFilters() {
        for (String imported : IMPORTS) {
            assertThat(delete("/api/imports/" + imported).status()).isEqualTo(200);
        }
        IMPORTS.clear();
        assertThat(get("/api/stats").json().get("journeys").asLong()).isZero();

        for (String address : List.of("/", "/?segment=nobody")) {
            page.open(port, address);
            assertThat(browser.findElement(By.id("map")).getText()).as(address)
                    .startsWith("No journeys yet: the store is empty.").contains("Importing journeys");
            for (String view : List.of("insights", "sankey", "paths", "likely", "diversions", "moments", "attribution",
                    "trends", "ttc")) {
                assertThat(browser.findElement(By.id(view)).getText()).as(view + " at " + address)
                        .contains("No journeys yet: the store is empty.", "Import journeys from a file")
                        .doesNotContain("match the filters", "Import purchase events");
            }
        }
        assertThat(browser.findElement(By.id("import-panel")).getDomProperty("open")).isEqualTo("false");
        browser.findElement(By.cssSelector("#map button[data-open-import]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> "true".equals(d.findElement(
                By.id("import-panel")).getDomProperty("open")));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the panel's file choice")
                .isEqualTo("import-file");
    }

    @Test
    void clickingANodeNamedLikeAUrlPathOpensItsNeighbourhood() {
        open();
        browser.findElement(By.cssSelector("#map g.node[data-label='/google+redesign/apparel'] rect")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.cssSelector("#details-body .details-title")).getText()
                .startsWith("/google+redesign/apparel"));
        wait.until(d -> d.findElements(By.cssSelector("#details-body .loading")).isEmpty());
        String details = browser.findElement(By.id("details-body")).getText();
        assertThat(details).contains("one step after", "#top").doesNotContain("unavailable");
    }

    /**
     * A page address hundreds of characters long, without a space, breaks in the panels instead of widening the page,
     * and is cut with an ellipsis on the map and the first steps instead of running over the other columns' names.
     * The journeys are undone afterwards, so that the other tests meet the store as they expect.
     */
    @Test
    void aVeryLongTouchpointNameNeitherWidensThePageNorRunsOverTheMap() {
        // Its query string is longer than any panel is wide, with nowhere a browser would break a line.
        String address = "https://shop.example.com/collections/summer-2026/outdoor-furniture/garden-lounge-sets/product/"
                + "teak-sofa?utm_source=newsletter&utm_medium=email&utm_campaign=summer_sale_2026_garden_furniture"
                + "_teak_sofa&utm_content=hero_banner_image_with_the_sofa_on_the_terrace";
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,segment\n");
        for (int i = 1; i <= 3; i++) {
            csv.append(String.format("long-%d,2026-04-0%dT10:00:00Z,%s,long names\n", i, i, address))
                    .append(String.format("long-%d,2026-04-0%dT10:01:00Z,Size guide,long names\n", i, i));
        }
        Response imported = post("/api/events?openHorizon=0", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        try {
            page.open(port, "/?segment=long+names");
            assertThat(browser.findElement(By.id("insights")).getText()).contains(address);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> fit = (java.util.Map<String, Object>) ((JavascriptExecutor) browser)
                    .executeScript("""
                    const page = document.documentElement;
                    const map = document.querySelector('#map svg');
                    const node = [...map.querySelectorAll('g.node')].find(g => g.dataset.label === arguments[0]);
                    const label = [...map.querySelectorAll('g.node-label')].find(g => g.__data__ === node.__data__);
                    const box = label.querySelector('text').getBoundingClientRect();
                    const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                    const overNames = [...map.querySelectorAll('g.node-label')].filter(g => g !== label)
                        .filter(g => meet(box, g.querySelector('text').getBoundingClientRect())).length;
                    const outside = [...document.querySelectorAll('main .card *')]
                        .filter(element => !element.closest('svg') && element.getBoundingClientRect().right
                            > element.closest('.card').getBoundingClientRect().right + 1)
                        .map(element => element.tagName + ' in ' + element.closest('.card').id);
                    return {pageWidth: page.scrollWidth, windowWidth: page.clientWidth, outside,
                        name: node.getAttribute('aria-label'), shown: label.textContent, overNames,
                        sankeyCut: document.querySelectorAll('#sankey .sankey-node[data-cut]').length};""",
                            address);
            assertThat(((Number) fit.get("pageWidth")).intValue()).as("no panel widens the page past the window")
                    .isLessThanOrEqualTo(((Number) fit.get("windowWidth")).intValue());
            assertThat((java.util.List<?>) fit.get("outside")).as("text running out of its panel").isEmpty();
            assertThat((String) fit.get("shown")).as("cut on the map").startsWith("https://shop.example.com/")
                    .contains("…").hasSizeLessThan(address.length());
            assertThat((String) fit.get("name")).as("whole in its accessible name").startsWith(address + ":");
            assertThat(((Number) fit.get("overNames")).intValue()).as("names of the next columns it runs over").isZero();
            assertThat(((Number) fit.get("sankeyCut")).intValue()).as("cut in the first steps").isPositive();
            ((JavascriptExecutor) browser).executeScript("[...document.querySelectorAll('#map g.node')]"
                    + ".find(g => g.dataset.label === arguments[0]).focus()", address);
            WebElement tooltip = browser.findElement(By.id("tooltip"));
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> tooltip.isDisplayed());
            assertThat(tooltip.getText()).as("whole in its tooltip").startsWith(address);
            assertThat(Integer.parseInt(tooltip.getDomProperty("scrollWidth")))
                    .as("the name breaks inside the tooltip instead of running out of it")
                    .isLessThanOrEqualTo(Integer.parseInt(tooltip.getDomProperty("clientWidth")));
        } finally {
            assertThat(delete("/api/imports/" + imported.json().get("importId").asString()).status()).isEqualTo(200);
        }
    }

    @Test
    void theTouchpointFunnelShowsTheCountsOfTheApi() {
        open();
        JsonNode funnel = get("/api/funnel?steps=register request,decide,reinitiate request").json();
        // A quoted name, as one with a comma would be: the form leaves the list to the API's reading.
        browser.findElement(By.cssSelector("#step-funnel input[name=steps]"))
                .sendKeys("register request, \"decide\", reinitiate request");
        browser.findElement(By.cssSelector("#step-funnel button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector("#step-funnel-result ol.funnel li")).size() == 3);
        List<String> shown = browser.findElements(By.cssSelector("#step-funnel-result .funnel-row .num")).stream()
                .map(element -> element.getText()).toList();
        List<String> expected = new java.util.ArrayList<>();
        funnel.get("steps").forEach(step -> expected.add(String.format("%,d", step.get("journeys").asLong())));
        assertThat(shown).isEqualTo(expected);
        assertThat(funnel.get("steps").get(2).get("journeys").asLong()).isPositive();
    }

    private void open() {
        page.open(port, "/");
    }
}
