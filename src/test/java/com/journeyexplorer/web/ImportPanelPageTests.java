package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.TestData;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.HeldWriteLock;
import com.journeyexplorer.graph.JourneyGraph;

import tools.jackson.databind.JsonNode;

/**
 * The import panel of the journey map page in headless Chromium, against the app with its API key required for
 * writes (the test profile's): a file chosen in the page is previewed with the columns and mapping the server
 * suggests, the page asks for the key when the server refuses the preview, the import writes the journeys and every
 * view is drawn again; a bad file shows the problem with its line. Skips where Chromium is absent.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=400"})
class ImportPanelPageTests extends PageTestSupport {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "import-panel.png");

    @Autowired
    JourneyGraph graph;

    @Autowired
    JourneysProperties properties;

    @Test
    void importsTheRunningExampleAskingForTheKeyOnceAndRedrawsTheViews() throws IOException {
        page.open(port, "/");
        script("sessionStorage.clear()");
        page.open(port, "/");
        long journeysBefore = get("/api/stats").json().get("journeys").asLong();
        assertThat(kpi("journeys")).isEqualTo(journeysKpi());
        openPanel();

        choose(TestData.file("pm4py-running-example/running-example.csv"));
        WebElement status = browser.findElement(By.id("import-status"));
        waitUntil(() -> status.getText().contains("API key"));
        assertThat(browser.findElement(By.id("import-key-use")).isDisplayed()).isTrue();
        browser.findElement(By.id("import-key")).sendKeys(API_KEY);
        browser.findElement(By.id("import-key-use")).click();

        waitUntil(() -> browser.findElements(By.cssSelector("#import-preview tr[data-line]")).size() == 20);
        assertThat(browser.findElement(By.id("import-mapping")).getText()).contains("case:concept:name",
                "concept:name", "time:timestamp", "org:resource", "case:creator");
        assertThat(selected("journey")).isEqualTo("case:concept:name");
        assertThat(selected("touchpoint")).isEqualTo("concept:name");
        assertThat(selected("timestamp")).isEqualTo("time:timestamp");
        assertThat(selected("customer")).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#import-preview tr[data-line='2']")).getText())
                .contains("3", "register request", "2010-12-30 13:32:00", "touchpoint");
        assertThat(status.getText()).contains("CSV", "9 columns", "20 valid");
        assertThat(script("return sessionStorage.getItem('journeyExplorer.apiKey')")).isEqualTo(API_KEY);

        WebElement purchase = browser.findElement(By.cssSelector("#import-form input[name=purchase]"));
        purchase.sendKeys("pay compensation", Keys.TAB);
        waitUntil(() -> browser.findElement(By.cssSelector("#import-preview tr[data-line='10']")).getText()
                .contains("purchase"));
        WebElement frustration = browser.findElement(By.cssSelector("#import-form input[name=frustration]"));
        frustration.sendKeys("reinitiate request", Keys.TAB);
        waitUntil(() -> browser.findElement(By.cssSelector("#import-preview tr[data-line='6']")).getText()
                .contains("frustration"));

        int generation = page.generation();
        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        assertThat(browser.findElement(By.id("import-result")).getText())
                .contains("Imported 42 events into 6 journeys", "purchase: 3 events", "frustration: 3 events");
        page.waitForGeneration(generation + 1);
        long journeysAfter = get("/api/stats").json().get("journeys").asLong();
        assertThat(journeysAfter).isEqualTo(journeysBefore + 6);
        String kpiAfter = journeysKpi();
        assertThat(kpiAfter).startsWith(String.format("%,d", journeysAfter));
        waitUntil(() -> kpi("journeys").equals(kpiAfter));
        assertThat(get("/api/touchpoints").body()).contains("pay compensation");
        page.screenshot(SCREENSHOT);
        page.assertNoConsoleErrors(message -> message.contains("/api/events/preview") && message.contains("401"));
    }

    @Test
    void theChannelChosenStaysChosenWhenAnImportBringsNewChannels() throws IOException {
        page.open(port, "/?channel=social");
        openPanel();
        WebElement key = browser.findElement(By.id("import-key"));
        key.clear();
        key.sendKeys(API_KEY, Keys.TAB);
        Path file = Files.createTempFile("podcast-journeys", ".csv");
        Files.writeString(file, "journey_id,timestamp,touchpoint,channel\n"
                + "pod-1,2026-03-01T10:00:00Z,Podcast mention,podcast\npod-1,2026-03-01T10:05:00Z,Home page,website\n");
        choose(file);
        waitUntil(() -> browser.findElements(By.cssSelector("#import-preview tr[data-line]")).size() == 2);

        int generation = page.generation();
        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        page.waitForGeneration(generation + 1);
        Select channel = new Select(browser.findElement(By.id("channel-filter")));
        waitUntil(() -> channel.getOptions().stream().anyMatch(option -> option.getText().equals("podcast")));
        assertThat(channel.getFirstSelectedOption().getText()).as("the channel the views were drawn for")
                .isEqualTo("social");
        assertThat(script("return location.search")).asString().contains("channel=social");
        Files.delete(file);
    }

    @Test
    void aFileImportedAgainForAnotherOpenHorizonIsSaidWrittenAgainNotExtended() throws IOException {
        // Two journeys stored as a finished log, then the same file imported in the panel with a horizon of 30 days
        // (the panel sends none of its own, so the page's import is sent with one, as a client of the API may): no
        // event is added, both are written again, and the one without a purchase, the latest of its data, is open.
        String csv = "journey_id,timestamp,touchpoint\n"
                + "horizon-buy,2026-03-02T09:00:00Z,Home page\nhorizon-buy,2026-03-02T09:05:00Z,Checkout\n"
                + "horizon-open,2026-03-02T09:00:00Z,Home page\nhorizon-open,2026-03-02T09:06:00Z,Cart\n";
        Response first = post("/api/events?openHorizon=0&purchase=Checkout", "text/csv", csv);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        openPanelWithTheKey();
        Path file = Files.createTempFile("horizon-journeys", ".csv");
        Files.writeString(file, csv);
        choose(file);
        waitUntil(() -> browser.findElements(By.cssSelector("#import-preview tr[data-line]")).size() == 4);
        browser.findElement(By.cssSelector("#import-form input[name=purchase]")).sendKeys("Checkout", Keys.TAB);
        waitUntil(() -> browser.findElement(By.cssSelector("#import-preview tr[data-line='3']")).getText()
                .contains("purchase"));

        script("const send = window.fetch; window.fetch = (url, init) => send.call(window, /^\\/api\\/events\\?/"
                + ".test(String(url)) ? `${url}&openHorizon=30d` : url, init);");
        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        String result = browser.findElement(By.id("import-result")).getText();
        assertThat(result).contains("Imported 0 events into 2 journeys (0 new, 0 extended, 2 written again only for a "
                + "new open horizon, their events as stored)",
                "Of the journeys updated, 1 journey was finished and is open now.");
        assertThat(result).doesNotContain("2 extended", "open and is finished");
        Files.delete(file);
    }

    @Test
    void aBadFileShowsTheProblemNamingItsLine() throws IOException {
        openPanelWithTheKey();
        Path bad = Files.createTempFile("bad-journeys", ".csv");
        Files.writeString(bad, "journey_id,timestamp,touchpoint\nj1,2026-03-01T10:00:00Z,Home\nj1,yesterday,Cart\n");
        String before = get("/api/stats").body();

        choose(bad);
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-preview tr.bad[data-line='3']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#import-preview tr.bad[data-line='3']")).getText())
                .contains("timestamp", "'yesterday' is not a timestamp");
        WebElement refusal = browser.findElement(By.cssSelector("#import-preview .import-refusal"));
        assertThat(refusal.getDomAttribute("data-line")).isEqualTo("3");
        assertThat(refusal.getText()).contains("The import would be refused from line 3",
                "1 of the 2 rows previewed is invalid", "import nothing", "onError=skip");
        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=problem]")).isEmpty());
        String problem = browser.findElement(By.id("import-result")).getText();
        assertThat(problem).contains("Invalid upload", "1 row is invalid; nothing was imported");
        assertThat(browser.findElement(By.cssSelector("#import-result tr[data-line='3']")).getText())
                .contains("3", "timestamp", "'yesterday' is not a timestamp");
        assertThat(get("/api/stats").body()).as("nothing written").isEqualTo(before);

        // Skipping bad rows, the import would take the good one: the preview no longer warns of a refusal.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(
                "#import-form select[name=onError]"))).selectByValue("skip");
        waitUntil(() -> browser.findElements(By.cssSelector("#import-preview .import-refusal")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#import-preview tr.bad[data-line='3']"))).hasSize(1);
        page.assertNoConsoleErrors(message -> message.contains("/api/events") && message.contains("400"));
        Files.delete(bad);
    }

    /**
     * A header without the columns the import reads is refused as the import refuses it, and its columns are still
     * offered: mapping them previews the rows.
     */
    @Test
    void aHeaderTheImportCannotReadShowsTheProblemAndItsColumnsToMap() throws IOException {
        openPanelWithTheKey();
        Path unmapped = Files.createTempFile("unmapped-journeys", ".csv");
        Files.writeString(unmapped, "case,time,page\nc1,2026-03-01T10:00:00Z,Home\n");

        choose(unmapped);
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=problem]")).isEmpty());
        assertThat(browser.findElement(By.id("import-result")).getText()).contains("Invalid upload",
                "the header has no column");
        assertThat(browser.findElement(By.id("import-mapping")).getText()).contains("case", "time", "page");
        for (String[] role : new String[][] {{"journey", "case"}, {"timestamp", "time"}, {"touchpoint", "page"}}) {
            // Each choice previews again and draws the mapping anew: chosen again until the new one shows it.
            waitUntil(() -> {
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(
                        "#import-mapping select[data-role='" + role[0] + "']"))).selectByValue(role[1]);
                return selected(role[0]).equals(role[1]);
            });
        }
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-preview tr[data-line='2']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#import-preview tr[data-line='2']")).getText())
                .contains("c1", "Home");
        page.assertNoConsoleErrors(message -> message.contains("/api/events/preview") && message.contains("400"));
        Files.delete(unmapped);
    }

    /**
     * An import run as a job ({@code 202 Accepted}, {@code Location: /api/imports/{id}}, polled until it ends), against
     * the real job endpoint: while another change holds the graph's write lock, the page's job waits and says for
     * which instance; Cancel stops it while it waits and nothing is written; the same file imported again runs to its
     * report.
     */
    @Test
    void followsAnImportJobWithItsProgressAndCancelsIt() throws Exception {
        openPanelWithTheKey();
        Path small = Files.createTempFile("journeys", ".csv");
        Files.writeString(small, "journey_id,timestamp,touchpoint\njob-1,2026-03-01T10:00:00Z,Home\n"
                + "job-1,2026-03-01T10:01:00Z,Cart\n");
        choose(small);
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-preview tr[data-line='2']")).isEmpty());
        String before = get("/api/stats").body();

        try (HeldWriteLock held = HeldWriteLock.hold(graph)) {
            browser.findElement(By.id("import-start")).click();
            WebElement progressText = browser.findElement(By.id("import-progress-text"));
            waitUntil(() -> progressText.getText().contains("waiting"));
            assertThat(progressText.getText())
                    .contains("waiting for instance " + properties.instance().name() + " to end its write");
            assertThat(browser.findElement(By.id("import-progress")).getDomProperty("max"))
                    .isEqualTo(String.valueOf(Files.size(small)));
            browser.findElement(By.id("import-cancel")).click();
            // The job stops waiting, and says so, while the other change still holds the lock.
            waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=cancelled]"))
                    .isEmpty());
        }
        assertThat(browser.findElement(By.id("import-cancel")).isDisplayed()).isFalse();
        assertThat(get("/api/stats").body()).as("the cancelled job wrote nothing").isEqualTo(before);

        int generation = page.generation();
        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        assertThat(browser.findElement(By.id("import-result")).getText())
                .contains("Imported 2 events into 1 journey");
        page.waitForGeneration(generation + 1);
        assertThat(get("/api/journeys/job-1").status()).isEqualTo(200);
        Files.delete(small);
    }

    @Test
    void cutsPageAddressesToTheirPageAndReadsTimesInTheZoneChosen() throws IOException {
        openPanelWithTheKey();
        Path export = Files.createTempFile("page-addresses", ".csv");
        Files.writeString(export, "journey_id,timestamp,touchpoint\n"
                + "panel-urls-1,2026-03-02 13:00:00,https://shop.example/product/12?utm_source=ig\n"
                + "panel-urls-1,2026-03-02 13:01:00,https://shop.example/cart/?step=2#top\n");

        choose(export);
        waitUntil(() -> browser.findElements(By.cssSelector("#import-preview tr[data-line]")).size() == 2);
        new Select(browser.findElement(By.cssSelector("#import-form select[name=urls]"))).selectByValue("path");
        waitUntil(() -> browser.findElement(By.cssSelector("#import-preview tr[data-line='2']")).getText()
                .contains("/product/12") && !browser.findElement(By.id("import-preview")).getText().contains("utm_"));
        browser.findElement(By.cssSelector("#import-form input[name=zone]")).sendKeys("Europe/Paris", Keys.TAB);
        // The zone's preview (13:00 in Paris is 12:00 UTC) disables the import button while it runs: click after it.
        waitUntil(() -> browser.findElement(By.cssSelector("#import-preview tr[data-line='2']")).getText()
                .contains("12:00:00") && browser.findElement(By.id("import-start")).isEnabled());
        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());

        JsonNode steps = get("/api/journeys/panel-urls-1").json().get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("touchpoint").asString()).isEqualTo("/product/12");
        assertThat(steps.get(0).get("at").asString()).as("13:00 in Paris").isEqualTo("2026-03-02T12:00:00Z");
        assertThat(steps.get(1).get("touchpoint").asString()).isEqualTo("/cart");
        Files.delete(export);
    }

    /**
     * Rewrite rules typed one a line rename the previewed pages and the panel says what they did; a rule the server
     * cannot read is its problem under the field, which is marked invalid; the import sends the rules.
     */
    @Test
    void rewriteRulesRenameThePreviewedPagesAndAreSentWithTheImport() throws IOException {
        openPanelWithTheKey();
        Path export = Files.createTempFile("rewrite-rules", ".csv");
        Files.writeString(export, "journey_id,timestamp,touchpoint\n"
                + "panel-rewrite-1,2026-03-02T13:00:00Z,/en/product/12\n"
                + "panel-rewrite-1,2026-03-02T13:01:00Z,/en/product/13\n"
                + ",,\n"
                + "panel-rewrite-1,2026-03-02T13:02:00Z,/de/cart\n");

        choose(export);
        waitUntil(() -> browser.findElements(By.cssSelector("#import-preview tr[data-line]")).size() == 3);
        WebElement previewBox = browser.findElement(By.id("import-preview"));
        assertThat(previewBox.getText()).contains("1 row of empty cells only is passed over")
                .doesNotContain("page name");
        WebElement rules = browser.findElement(By.cssSelector("#import-form textarea[name=rewrite]"));
        assertThat(browser.findElement(By.cssSelector("label[for=import-rewrite]")).getText())
                .isEqualToIgnoringCase("Rewrite rules");
        rules.sendKeys("/product/\\d+ -> /product/:id", Keys.ENTER, Keys.ENTER, "^/(en|de)/ -> /", Keys.TAB);
        waitUntil(() -> !browser.findElement(By.cssSelector("#import-preview tr[data-line='5']")).getText()
                .contains("/de/"));
        assertThat(browser.findElement(By.cssSelector("#import-preview tr[data-line='5']")).getText())
                .contains("/cart");
        assertThat(browser.findElement(By.cssSelector("#import-preview tr[data-line='2']")).getText())
                .contains("/product/:id").doesNotContain("/en/");
        assertThat(browser.findElement(By.cssSelector("#import-preview .import-cleaning")).getText())
                .isEqualTo("3 page names become 2 touchpoints: 3 of the 3 rows previewed renamed.");

        rules.sendKeys(Keys.ENTER, "/product/(\\d+ -> /p", Keys.TAB);
        waitUntil(() -> "true".equals(rules.getDomAttribute("aria-invalid")));
        WebElement problem = browser.findElement(By.cssSelector(".import-rewrite .field-problem"));
        assertThat(problem.getText()).contains("rewrite", "/product/(\\d+", "not a valid regular expression");
        assertThat(rules.getDomAttribute("aria-describedby"))
                .contains("import-rewrite-hint", problem.getDomAttribute("id"));
        assertThat(browser.findElement(By.id("import-start")).isEnabled()).as("nothing to import as refused").isFalse();
        rules.sendKeys(Keys.BACK_SPACE.toString().repeat("/product/(\\d+ -> /p".length() + 1), Keys.TAB);
        waitUntil(() -> rules.getDomAttribute("aria-invalid") == null
                && browser.findElements(By.cssSelector("#import-preview tr[data-line]")).size() == 3);
        assertThat(browser.findElements(By.cssSelector(".field-problem"))).isEmpty();
        assertThat(rules.getDomAttribute("aria-describedby")).isEqualTo("import-rewrite-hint");

        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        assertThat(browser.findElement(By.id("import-result")).getText())
                .contains("3 page names became 2 touchpoints, 3 events renamed", "1 row of empty cells only");
        JsonNode steps = get("/api/journeys/panel-rewrite-1").json().get("steps");
        assertThat(steps).extracting(step -> step.get("touchpoint").asString())
                .containsExactly("/product/:id", "/product/:id", "/cart");
        page.assertNoConsoleErrors(message -> message.contains("/api/events/preview") && message.contains("400"));
        Files.delete(export);
    }

    /**
     * A GA4 export whose two users started their sessions in the same second, so that they share a ga_session_id:
     * keyed by the session alone the panel previews one journey; the user and the session chosen as the key (a select
     * and "add a column") and batch_event_index as the order column, it previews and imports two journeys, each with
     * its events of one time in the column's order, not the file's. The header is GA4's, so the panel first shows the
     * key and the order that the server suggests for it.
     */
    @Test
    void keysJourneysByTwoColumnsChosenAndOrdersTheEventsOfOneTimeByTheOrderColumn() throws IOException {
        openPanelWithTheKey();
        Path export = Files.createTempFile("ga4-events", ".csv");
        Files.writeString(export, "event_timestamp,event_name,user_pseudo_id,ga_session_id,page_location,"
                + "batch_event_index\n"
                + "1700000051000000,page_view,111.51,1700000051,/home,0\n"
                + "1700000051000000,page_view,222.51,1700000051,/sale,0\n"
                + "1700000052000000,purchase,111.51,1700000051,/thanks,2\n"
                + "1700000052000000,page_view,111.51,1700000051,/cart,1\n"
                + "1700000053000000,page_view,222.51,1700000051,/home,0\n");
        recordPreviews();

        choose(export);
        waitUntil(() -> browser.findElements(By.cssSelector("#import-mapping select[data-role=journey]")).size() == 2);
        assertThat(keyColumns()).as("GA4's key suggested").containsExactly("user_pseudo_id", "ga_session_id");
        assertThat(selectedOrder()).isEqualTo("batch_event_index");
        assertThat(browser.findElement(By.id("import-map-journey-why")).getText()).containsIgnoringCase("GA4");

        // The session alone, no order: the two users' events are one journey.
        browser.findElement(By.cssSelector("#import-mapping button[data-remove-key='1']")).click();
        waitUntil(() -> keyColumns().equals(List.of("user_pseudo_id")));
        choose(By.id("import-map-journey"), "ga_session_id");
        waitUntil(() -> keyColumns().equals(List.of("ga_session_id")));
        choose(By.id("import-map-order"), "");
        choose(By.id("import-map-timestamp"), "event_timestamp");
        choose(By.id("import-map-touchpoint"), "page_location");
        WebElement status = browser.findElement(By.id("import-status"));
        waitUntil(() -> status.getText().contains("5 valid in 1 journey.")
                && selected("touchpoint").equals("page_location") && selectedOrder().isEmpty());
        assertThat(lastPreviewParameter("orderColumn")).as("order none sent empty, so that the preview reads no "
                + "order either, not GA4's batch_event_index in its place").isEqualTo("");

        // The user, then "add a column" and the session: two journeys.
        choose(By.id("import-map-journey"), "user_pseudo_id");
        waitUntil(() -> keyColumns().equals(List.of("user_pseudo_id"))
                && status.getText().contains("5 valid in 2 journeys."));
        browser.findElement(By.cssSelector("#import-mapping button[data-add-key]")).click();
        choose(By.cssSelector("#import-mapping select[data-key='1']"), "ga_session_id");
        waitUntil(() -> keyColumns().equals(List.of("user_pseudo_id", "ga_session_id")));
        choose(By.id("import-map-order"), "batch_event_index");
        waitUntil(() -> status.getText().contains("5 valid in 2 journeys.")
                && selectedOrder().equals("batch_event_index"));
        assertThat(browser.findElement(By.cssSelector("#import-preview tr[data-line='3']")).getText())
                .contains("222.51|1700000051", "/sale");
        assertThat(browser.findElement(By.id("import-map-order-why")).getText()).isEqualToIgnoringCase("chosen");
        page.screenshot(Path.of("target", "screenshots", "import-panel-journey-key.png"));

        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        assertThat(browser.findElement(By.id("import-result")).getText()).contains("Imported 5 events into 2 journeys");
        assertThat(steps("111.51|1700000051")).as("the events of one time in batch_event_index's order")
                .containsExactly("/home", "/cart", "/thanks");
        assertThat(steps("222.51|1700000051")).containsExactly("/sale", "/home");
        assertThat(get("/api/journeys/1700000051").status()).as("no journey keyed by the session alone").isEqualTo(404);
        // The header has no timestamp column until one is chosen: the first previews are refused.
        page.assertNoConsoleErrors(message -> message.contains("/api/events/preview") && message.contains("400"));
        Files.delete(export);
    }

    /**
     * A GA4 export with the batch of each event: the panel shows the two order columns the server suggests, batch
     * first, one select each like the journey's key; one removed and added again with "add a column", the import
     * puts the events of one time of two batches in batch order, then in their order within the batch.
     */
    @Test
    void ordersTheEventsOfOneTimeByTwoColumnsSuggestedRemovedAndAddedAgain() throws IOException {
        openPanelWithTheKey();
        Path export = Files.createTempFile("ga4-batches", ".csv");
        Files.writeString(export, "event_timestamp,event_name,user_pseudo_id,ga_session_id,page_location,"
                + "batch_ordering_id,batch_event_index\n"
                + "1700000061000000,page_view,111.61,1700000061,/cart,2,0\n"
                + "1700000061000000,page_view,111.61,1700000061,/product,1,3\n"
                + "1700000061000000,page_view,111.61,1700000061,/home,1,0\n");

        choose(export);
        waitUntil(() -> orderColumns().size() == 2);
        assertThat(orderColumns()).as("GA4's order suggested").containsExactly("batch_ordering_id",
                "batch_event_index");
        assertThat(browser.findElement(By.id("import-map-order-why")).getText()).containsIgnoringCase("GA4");

        browser.findElement(By.cssSelector("#import-mapping button[data-remove-order='1']")).click();
        waitUntil(() -> orderColumns().equals(List.of("batch_ordering_id"))
                && browser.findElements(By.cssSelector("#import-mapping select[data-order]")).size() == 1);
        browser.findElement(By.cssSelector("#import-mapping button[data-add-order]")).click();
        choose(By.cssSelector("#import-mapping select[data-order='1']"), "batch_event_index");
        waitUntil(() -> orderColumns().equals(List.of("batch_ordering_id", "batch_event_index"))
                && browser.findElement(By.id("import-status")).getText().contains("3 valid in 1 journey."));

        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        assertThat(steps("111.61|1700000061")).as("batch 1 (index 0, 3), then batch 2")
                .containsExactly("/home", "/product", "/cart");
        Files.delete(export);
    }

    /**
     * A GA4 export, one row per event: the panel shows the event name column and the purchase event the server
     * suggests, and the names of the rows previewed with their rows; page_view ticked as a step (purchase already
     * ticked as a purchase), the other rows are shown passed over, and the import keeps one step per page view and the
     * purchase instead of a step for every scroll and engagement event.
     */
    @Test
    void keepsOneStepPerPageViewOfAGa4ExportByTheEventNamesTicked() throws IOException {
        openPanelWithTheKey();
        Path export = Files.createTempFile("ga4-events", ".csv");
        Files.writeString(export, resource("web-exports/ga4-events.csv").replace(",111.", ",panel111.")
                .replace(",222.", ",panel222."));

        choose(export);
        waitUntil(() -> browser.findElements(By.cssSelector("#import-preview tr[data-line]")).size() == 19);
        assertThat(new Select(browser.findElement(By.id("import-map-event"))).getFirstSelectedOption().getText())
                .isEqualTo("event_name");
        assertThat(browser.findElement(By.id("import-map-event")).getAccessibleName())
                .isEqualToIgnoringCase("event name column");
        assertThat(browser.findElement(By.id("import-map-event-why")).getText()).containsIgnoringCase("GA4");
        assertThat(browser.findElement(By.cssSelector("#import-mapping tr[data-event='user_engagement']")).getText())
                .contains("user_engagement", "5");
        assertThat(eventBox("purchaseEvent", "purchase").isSelected()).as("GA4's purchase event suggested").isTrue();
        assertThat(eventBox("purchaseEvent", "purchase").getAccessibleName()).isEqualTo("purchase: purchase");
        assertThat(eventBox("events", "page_view").isSelected()).as("no events: every row a step").isFalse();
        new Select(browser.findElement(By.cssSelector("#import-form select[name=urls]"))).selectByValue("path");
        // The addresses cut to their path once the preview that the change waits for is drawn, not before.
        waitUntil(() -> text(By.cssSelector("#import-preview tr[data-line='13']")).contains("/checkout")
                && !text(By.id("import-preview")).contains("https://") && statusText().contains("19 valid"));

        // The purchase row is kept by its rule alone, the other names' rows are passed over. Each tick previews
        // again and may draw the mapping anew: every element is found again, never held across a preview.
        script("window.eventNamesDrawn = document.querySelector('#import-mapping .import-event-names')");
        tick("events", "page_view");
        waitUntil(() -> statusText().contains("7 valid") && statusText().contains("12 passed over"));
        assertThat(script("return document.querySelector('#import-mapping .import-event-names')"
                + " === window.eventNamesDrawn")).as("the same names after a tick: their checkboxes kept in place")
                .isEqualTo(true);
        tick("events", "purchase");
        waitUntil(() -> browser.findElement(By.id("import-start")).isEnabled() && statusText().contains("7 valid")
                && eventBox("events", "page_view").isSelected() && eventBox("events", "purchase").isSelected());
        assertThat(text(By.cssSelector("#import-preview tr[data-line='4']"))).contains("4", "skipped");
        assertThat(text(By.cssSelector("#import-preview tr[data-line='13']"))).contains("/checkout", "purchase");

        browser.findElement(By.id("import-start")).click();
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-result [data-state=done]")).isEmpty());
        assertThat(browser.findElement(By.id("import-result")).getText())
                .contains("Imported 7 events into 2 journeys", "purchaseEvent: 1 event (purchase 1)");
        JsonNode bought = get("/api/journeys/" + URLEncoder.encode("panel111.1701000000|1701000000",
                StandardCharsets.UTF_8)).json();
        assertThat(bought.get("steps").valueStream().map(step -> step.get("touchpoint").asString()).toList())
                .as("one step per page view, then the purchase").containsExactly("/", "/product/42", "/cart",
                        "/checkout", "/checkout");
        assertThat(bought.get("outcome").asString()).isEqualTo("PURCHASE");
        assertThat(steps("panel222.1701000100|1701000100")).containsExactly("/blog/mugs", "/product/42");
        page.screenshot(Path.of("target", "screenshots", "import-panel-event-names.png"));

        // No event name column: the preview reads the rows as the import would, with no rule by name, not with GA4's
        // suggested ones: every row a step, the purchase row too.
        choose(By.id("import-map-event"), "");
        waitUntil(() -> statusText().contains("19 valid") && browser.findElements(By.cssSelector(
                "#import-mapping .import-event-names")).isEmpty());
        assertThat(statusText()).doesNotContain("passed over");
        assertThat(browser.findElements(By.cssSelector("#import-preview tr.skipped"))).isEmpty();
        assertThat(text(By.cssSelector("#import-preview tr[data-line='13']"))).contains("/checkout", "touchpoint")
                .doesNotContain("purchase");
        assertThat(new Select(browser.findElement(By.id("import-map-event"))).getFirstSelectedOption().getText())
                .isEqualTo("none");
        page.assertNoConsoleErrors();
        Files.delete(export);
    }

    /**
     * The order by two columns, the second one a column that a role reads: the server's problem names that column, and
     * the panel says it under the second select, which it marks invalid, not under the first.
     */
    @Test
    void anOrderColumnsProblemIsSaidUnderTheSelectOfTheColumnItNames() throws IOException {
        openPanelWithTheKey();
        Path small = Files.createTempFile("journeys", ".csv");
        Files.writeString(small, "journey_id,timestamp,touchpoint,seq\norder-1,2026-03-01T10:00:00Z,Home,1\n");
        choose(small);
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-preview tr[data-line='2']")).isEmpty());

        choose(By.id("import-map-order"), "seq");
        // Drawn anew by the preview of the order chosen before "add a column" is pressed, else the redraw drops it.
        waitUntil(() -> text(By.id("import-map-order-why")).equalsIgnoreCase("chosen")
                && statusText().contains("1 valid"));
        browser.findElement(By.cssSelector("#import-mapping button[data-add-order]")).click();
        choose(By.cssSelector("#import-mapping select[data-order='1']"), "timestamp");
        waitUntil(() -> "true".equals(browser.findElement(By.id("import-map-order-2"))
                .getDomAttribute("aria-invalid")));

        WebElement problem = browser.findElement(By.cssSelector("#import-form .field-problem"));
        assertThat(problem.getText()).contains("'timestamp' is the column timestampColumn reads");
        assertThat(browser.findElements(By.cssSelector("#import-form .field-problem"))).hasSize(1);
        WebElement second = browser.findElement(By.id("import-map-order-2"));
        assertThat(List.of(second.getDomAttribute("aria-describedby").split(" ")))
                .contains("import-map-order-why", problem.getDomAttribute("id"));
        WebElement first = browser.findElement(By.id("import-map-order"));
        assertThat(first.getDomAttribute("aria-invalid")).as("the first column is not at fault").isNull();
        assertThat(first.getDomAttribute("aria-describedby")).isEqualTo("import-map-order-why");
        assertThat(script("return document.querySelector('#import-form .field-problem').previousElementSibling"
                + " === document.getElementById('import-map-order-2').closest('.key-column')"))
                .as("right under the second select").isEqualTo(true);
        page.assertNoConsoleErrors(message -> message.contains("/api/events/preview") && message.contains("400"));
        Files.delete(small);
    }

    /** The checkbox of rule {@code rule} ({@code events}, {@code purchaseEvent}, ...) of the event {@code name}. */
    private static WebElement eventBox(String rule, String name) {
        return browser.findElement(By.cssSelector("#import-mapping tr[data-event='" + name + "'] input[data-rule='"
                + rule + "']"));
    }

    /**
     * Ticks the checkbox of the rule {@code rule} for the event {@code name}, found again until the tick shows: a box
     * found just before a redraw is stale and takes no click, a box clicked stays ticked in every redraw after.
     */
    /**
     * The journeys figure the page should show for the whole store: the total, and the open journeys beside it when
     * there are any (the other tests of this class share the store, and an import of live data may leave some open).
     */
    private String journeysKpi() {
        JsonNode stats = get("/api/stats").json();
        String total = String.format("%,d", stats.get("journeys").asLong());
        long open = stats.path("outcomes").path("OPEN").asLong(0);
        return open == 0 ? total : total + String.format(" %,d open", open);
    }

    private static void tick(String rule, String name) {
        waitUntil(() -> {
            if (!eventBox(rule, name).isSelected()) {
                eventBox(rule, name).click();
            }
            return eventBox(rule, name).isSelected();
        });
    }

    /** The text of the element found by {@code by}, found anew. */
    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    private static String statusText() {
        return text(By.id("import-status"));
    }

    private static String resource(String name) throws IOException {
        try (var input = ImportPanelPageTests.class.getResourceAsStream("/" + name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Every field's problem is an element of its own that describes the field (aria-describedby), never in its label:
     * the field's accessible name stays its label, for the older fields (a zone the server does not know) as for the
     * mapping's (an order column that a role reads).
     */
    @Test
    void aFieldsProblemDescribesTheFieldAndIsNoPartOfItsName() throws IOException {
        openPanelWithTheKey();
        Path small = Files.createTempFile("journeys", ".csv");
        Files.writeString(small, "journey_id,timestamp,touchpoint,seq\nproblem-1,2026-03-01T10:00:00Z,Home,1\n");
        choose(small);
        waitUntil(() -> !browser.findElements(By.cssSelector("#import-preview tr[data-line='2']")).isEmpty());

        WebElement zone = browser.findElement(By.cssSelector("#import-form input[name=zone]"));
        zone.sendKeys("Mars/Olympus", Keys.TAB);
        waitUntil(() -> "true".equals(zone.getDomAttribute("aria-invalid")));
        assertDescribedByItsProblemOnly(zone, "Time zone", "Mars/Olympus");

        zone.clear();
        zone.sendKeys(Keys.TAB);
        waitUntil(() -> zone.getDomAttribute("aria-invalid") == null);
        assertThat(zone.getDomAttribute("aria-describedby")).isNull();
        choose(By.id("import-map-order"), "timestamp");
        WebElement order = browser.findElement(By.id("import-map-order"));
        waitUntil(() -> "true".equals(order.getDomAttribute("aria-invalid")));
        assertDescribedByItsProblemOnly(order, "order of same-time events", "timestampColumn");
        assertThat(order.getDomAttribute("aria-describedby")).as("why the column is suggested, still")
                .contains("import-map-order-why");
        page.assertNoConsoleErrors(message -> message.contains("/api/events/preview") && message.contains("400"));
        Files.delete(small);
    }

    /** The field's accessible name is its label's text alone; its problem, saying {@code problemSays}, describes it. */
    private static void assertDescribedByItsProblemOnly(WebElement field, String label, String problemSays) {
        WebElement problem = browser.findElement(By.cssSelector("#import-form .field-problem"));
        assertThat(problem.getText()).contains(problemSays);
        assertThat(field.getAccessibleName()).isEqualToIgnoringCase(label);
        assertThat(List.of(field.getDomAttribute("aria-describedby").split(" ")))
                .contains(problem.getDomAttribute("id"));
        // The text of the field's labels, whether a label holds the field or names it (for): the name any reader reads.
        Object labels = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(arguments[0].labels, label => label.textContent.trim()).join(' ')", field);
        assertThat(labels).asString().isEqualToIgnoringCase(label);
        assertThat(field.findElement(By.xpath("ancestor::div[contains(@class,'import-field')]"))
                .findElements(By.className("field-problem"))).as("said beside the field").containsExactly(problem);
    }

    /** Chooses {@code value} in the select found by {@code by}, again until it shows (a preview draws it anew). */
    private static void choose(By by, String value) {
        waitUntil(() -> {
            new Select(browser.findElement(by)).selectByValue(value);
            return value.equals(browser.findElement(by).getDomProperty("value"));
        });
    }

    private static List<String> keyColumns() {
        return browser.findElements(By.cssSelector("#import-mapping select[data-role=journey]")).stream()
                .map(select -> select.getDomProperty("value")).filter(value -> !value.isEmpty()).toList();
    }

    /** The order columns chosen in the mapping's selects, first column first. */
    private static List<String> orderColumns() {
        return browser.findElements(By.cssSelector("#import-mapping select[data-order]")).stream()
                .map(select -> select.getDomProperty("value")).filter(value -> !value.isEmpty()).toList();
    }

    private static String selectedOrder() {
        return browser.findElement(By.id("import-map-order")).getDomProperty("value");
    }

    private List<String> steps(String journeyId) {
        Response journey = get("/api/journeys/" + URLEncoder.encode(journeyId, StandardCharsets.UTF_8));
        assertThat(journey.status()).as(journey.body()).isEqualTo(200);
        return journey.json().get("steps").valueStream().map(step -> step.get("touchpoint").asString()).toList();
    }

    private static void openPanel() {
        WebElement panel = browser.findElement(By.id("import-panel"));
        if (panel.getDomAttribute("open") == null) {
            panel.findElement(By.tagName("summary")).click();
        }
    }

    /** The page opened with its import panel open and the API key typed. */
    private void openPanelWithTheKey() {
        page.open(port, "/");
        openPanel();
        WebElement key = browser.findElement(By.id("import-key"));
        key.clear();
        key.sendKeys(API_KEY, Keys.TAB);
    }

    private static void choose(Path file) {
        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
    }

    private static String selected(String role) {
        return browser.findElement(By.cssSelector("#import-mapping select[data-role='" + role + "']"))
                .getDomProperty("value");
    }

    private static String kpi(String label) {
        List<WebElement> kpis = browser.findElements(By.cssSelector("#kpis .kpi"));
        for (WebElement kpi : kpis) {
            if (kpi.findElement(By.tagName("dt")).getText().equalsIgnoreCase(label)) {
                return kpi.findElement(By.tagName("dd")).getText();
            }
        }
        return "";
    }

    /**
     * Records the address of every preview the page asks for from now on ({@code window.previews}); each is sent as
     * before. A page opened anew records none.
     */
    private static void recordPreviews() {
        script("window.previews = []; const send = window.fetch; window.fetch = (url, init) => {"
                + " if (String(url).includes('/api/events/preview')) window.previews.push(String(url));"
                + " return send.call(window, url, init); };");
    }

    /** The value of {@code parameter} in the last preview the page asked for, null where it sent none. */
    private static Object lastPreviewParameter(String parameter) {
        return ((JavascriptExecutor) browser).executeScript("return new URL(window.previews.at(-1), location.href)"
                + ".searchParams.get(arguments[0])", parameter);
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}
