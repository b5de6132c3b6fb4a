package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The panels of the journey map page that look ahead and over time, on the demo store (5,000 journeys, whose week from
 * 2026-03-02 has a planted change): what happens next to an open journey ({@code POST /api/predict}), the outcome
 * rates per period with the flagged periods ({@code /api/trends}) and the time to convert ({@code
 * /api/time-to-convert}). Each shows the numbers of its endpoint, asked over real HTTP here, follows the filters and
 * keeps its own choices in the address, and fails alone. Skips where Chromium is absent, as {@link
 * JourneyMapPageTests} does.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=5000"})
class PredictionPanelsPageTests extends PageTestSupport {

    static final String SEGMENT = "trend follower";
    /** The whole page with the three panels filled, for a look (not compared with anything). */
    static final Path SCREENSHOT = Path.of("target", "screenshots", "prediction-panels.png");

    @Test
    void whatHappensNextPredictsFromTheStepsInTheAddressAndFollowsNewStepsAndTheSegment() throws IOException {
        page.open(port, "/?next=Instagram%20ad,Product%20page");
        JsonNode two = predict("", "Instagram ad", "Product page");
        waitFor(this::shownPrediction, predictionOf(two));
        assertThat(shownSteps()).containsExactly("Instagram ad", "Product page");
        assertThat(text("predict")).contains("purchase " + percent(two.get("outcomes").get("purchase").asDouble(), 1),
                "abandoned " + percent(two.get("outcomes").get("abandoned").asDouble(), 1),
                "to a competitor " + percent(two.get("outcomes").get("diverted").asDouble(), 1),
                String.format(Locale.ROOT, "%,d journeys were there", two.get("support").asLong()),
                "Next best touchpoints");
        assertThat(two.get("next")).isNotEmpty();

        // A typed step is added at the end and kept in the address; a next touchpoint is taken with its button.
        browser.findElement(By.cssSelector("#predict-form input[name=step]")).sendKeys("Cart", Keys.ENTER);
        JsonNode three = predict("", "Instagram ad", "Product page", "Cart");
        waitFor(this::shownPrediction, predictionOf(three));
        assertThat(browser.getCurrentUrl()).contains("next=Instagram+ad%2CProduct+page%2CCart");
        String best = three.get("next").get(0).get("touchpoint").asString();
        browser.findElement(By.cssSelector("#predict button[data-take='" + best + "']")).click();
        JsonNode four = predict("", "Instagram ad", "Product page", "Cart", best);
        waitFor(this::shownPrediction, predictionOf(four));
        assertThat(shownSteps()).containsExactly("Instagram ad", "Product page", "Cart", best);

        int generation = page.generation();
        setSegment(SEGMENT);
        assertThat(page.generation()).isGreaterThan(generation);
        JsonNode segment = predict("&segment=" + SEGMENT, "Instagram ad", "Product page", "Cart", best);
        assertThat(predictionOf(segment)).isNotEqualTo(predictionOf(four));
        waitFor(this::shownPrediction, predictionOf(segment));

        // Removing a step asks again.
        browser.findElement(By.cssSelector("#predict-steps button[data-index='0']")).click();
        JsonNode shorter = predict("&segment=" + SEGMENT, "Product page", "Cart", best);
        waitFor(this::shownPrediction, predictionOf(shorter));
        page.screenshot(SCREENSHOT);
    }

    @Test
    void whatHappensNextMarksTheStepsTheDataLacks() {
        page.open(port, "/?next=Instagram%20ad,Nowhere");
        JsonNode answer = predict("", "Instagram ad", "Nowhere");
        assertThat(answer.get("unknownSteps").toString()).isEqualTo("[\"Nowhere\"]");
        waitFor(this::shownPrediction, predictionOf(answer));
        assertThat(browser.findElement(By.cssSelector("#predict-steps .chip[data-step='Nowhere']")).getDomAttribute(
                "class")).contains("unknown");
        assertThat(browser.findElement(By.cssSelector("#predict-steps .chip[data-step='Instagram ad']"))
                .getDomAttribute("class")).doesNotContain("unknown");
        assertThat(text("predict")).contains("Not touchpoints of the data, so left out: Nowhere.");
    }

    @Test
    void trendsDrawTheRatesPerPeriodListTheFlaggedWeekAndFollowTheIntervalTheFiltersAndTheAddress() {
        page.open(port, "/");
        JsonNode weeks = get("/api/trends?interval=week").json();
        waitFor(this::shownPeriods, periodsOf(weeks));
        assertThat(flaggedStarts(weeks)).containsExactly("2026-03-02");
        List<WebElement> listed = browser.findElements(By.cssSelector("#trends ul.flagged-periods li"));
        assertThat(listed).extracting(li -> li.getDomAttribute("data-start")).containsExactly("2026-03-02");
        JsonNode flagged = period(weeks, "2026-03-02");
        List<String> changes = changesOf(flagged);
        assertThat(changes).contains("abandonment up");
        assertThat(listed.get(0).findElements(By.cssSelector(".change")))
                .extracting(change -> change.getDomAttribute("data-rate") + " " + change.getDomAttribute("data-change")
                        + " " + Double.parseDouble(change.getDomAttribute("data-p")))
                .containsExactlyElementsOf(changes.stream().map(change -> change + " " + flagged.get(change.split(
                        " ")[0]).get("adjustedPValue").asDouble()).toList());
        assertThat(listed.get(0).getText()).contains("week from 2026-03-02", "abandonment ▲ "
                + percent(flagged.get("abandonment").get("rate").asDouble(), 1), "p (Holm) < 0.001");
        assertThat(browser.findElements(By.cssSelector("#trends circle[data-start='2026-03-02']"))).hasSize(
                changes.size());
        assertThat(browser.findElements(By.cssSelector("#trends path.band"))).hasSize(3);

        int generation = page.generation();
        new Select(browser.findElement(By.id("trends-interval"))).selectByVisibleText("day");
        JsonNode days = get("/api/trends?interval=day").json();
        waitFor(this::shownPeriods, periodsOf(days));
        assertThat(browser.getCurrentUrl()).contains("interval=day");
        assertThat(page.generation()).as("the interval redraws this panel only").isEqualTo(generation);

        new Select(browser.findElement(By.name("device"))).selectByVisibleText("mobile");
        page.waitForGeneration(generation + 1);
        JsonNode mobile = get("/api/trends?interval=day&device=mobile").json();
        assertThat(periodsOf(mobile)).isNotEqualTo(periodsOf(days));
        waitFor(this::shownPeriods, periodsOf(mobile));

        page.open(port, browser.getCurrentUrl().replaceFirst("^http://[^/]+", ""));
        assertThat(new Select(browser.findElement(By.id("trends-interval"))).getFirstSelectedOption().getText())
                .isEqualTo("day");
        waitFor(this::shownPeriods, periodsOf(mobile));
    }

    @Test
    void trendPeriodsAreOneTabStopWalkedWithTheArrowKeysShowTheirTooltipOnFocusAndSayItsFiguresInTheirName() {
        page.open(port, "/");
        JsonNode weeks = get("/api/trends?interval=week").json();
        waitFor(this::shownPeriods, periodsOf(weeks));
        List<WebElement> periods = browser.findElements(By.cssSelector("#trends g.period"));
        assertThat(periods).hasSizeGreaterThan(2);
        assertThat(browser.findElements(By.cssSelector("#trends g.period[tabindex='0']")))
                .as("one period in the Tab order, however many there are").hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#trends svg")).getDomAttribute("role"))
                .as("a group whose images a screen reader reads").isEqualTo("group");
        WebElement tooltip = browser.findElement(By.id("tooltip"));

        ((JavascriptExecutor) browser).executeScript("document.getElementById('trends-interval').focus()");
        page.press(Keys.TAB);
        assertThat(page.focused()).as("Tab goes from the interval to the first period").isEqualTo(periods.get(0));
        JsonNode first = weeks.get("periods").get(0);
        String said = "week from " + first.get("start").asString() + ": "
                + String.format(Locale.ROOT, "%,d", first.get("journeys").asLong()) + " journeys";
        assertThat(tooltip()).as("focus shows the tooltip a hover shows").startsWith(said.replace(":", ""));
        assertThat(periods.get(0).getDomAttribute("aria-label")).startsWith(said);

        page.press(Keys.ARROW_RIGHT);
        assertThat(page.focused()).as("the right arrow moves to the next period").isEqualTo(periods.get(1));
        assertThat(periods.get(1).getDomAttribute("tabindex")).isEqualTo("0");
        assertThat(periods.get(0).getDomAttribute("tabindex")).isEqualTo("-1");
        for (int i = 1; i < periods.size() && !"2026-03-02".equals(page.focused().getDomAttribute("data-start"));
                i++) {
            page.press(Keys.ARROW_RIGHT);
        }
        WebElement flaggedWeek = page.focused();
        assertThat(flaggedWeek.getDomAttribute("data-start")).isEqualTo("2026-03-02");
        JsonNode flagged = period(weeks, "2026-03-02").get("abandonment");
        String abandonment = "abandonment " + percent(flagged.get("rate").asDouble(), 1) + " ["
                + percent(flagged.get("lower").asDouble(), 1) + ", " + percent(flagged.get("upper").asDouble(), 1)
                + "]";
        assertThat(tooltip()).startsWith("week from 2026-03-02").contains(abandonment + " ▲");
        String name = flaggedWeek.getDomAttribute("aria-label");
        assertThat(name).as("a screen reader hears what the tooltip shows").startsWith("week from 2026-03-02: ")
                .contains("purchase ", abandonment + " up", "to a competitor ");
        assertThat(page.accessibleNodes("image", name)).as("the name a screen reader gets").isNotEmpty();

        page.press(Keys.ESCAPE);
        assertThat(tooltip.isDisplayed()).as("Escape hides it").isFalse();
        assertThat(page.focused()).as("without moving the focus").isEqualTo(flaggedWeek);
        page.press(Keys.END);
        assertThat(page.focused()).as("End moves to the last period").isEqualTo(periods.get(periods.size() - 1));
        assertThat(tooltip.isDisplayed()).isTrue();
        page.pressWithShift(Keys.TAB);
        assertThat(page.focused()).isEqualTo(browser.findElement(By.id("trends-interval")));
        assertThat(tooltip.isDisplayed()).as("and blur hides it").isFalse();
        page.press(Keys.TAB);
        assertThat(page.focused()).as("Tab comes back to the period left").isEqualTo(periods.get(periods.size() - 1));
    }

    @Test
    void timeToConvertShowsPercentilesHistogramAndSegmentsAndFollowsTheTouchpointsTheFiltersAndTheAddress() {
        page.open(port, "/");
        JsonNode all = get("/api/time-to-convert").json();
        waitFor(this::shownTimes, timesOf(all));
        JsonNode percentiles = all.get("all").get("percentiles");
        for (String p : List.of("p50", "p75", "p90", "p95", "p99")) {
            assertThat(browser.findElement(By.cssSelector("#ttc [data-percentile='" + p + "'] dd")).getText())
                    .isEqualTo(duration(percentiles.get(p).asDouble()));
        }
        assertThat(text("ttc")).contains(String.format(Locale.ROOT, "%,d of %,d journeys convert",
                all.get("all").get("converted").asLong(), all.get("all").get("started").asLong()), "Per segment");
        assertThat(browser.findElements(By.cssSelector("#ttc .histogram .bin"))).hasSize(16);

        WebElement form = browser.findElement(By.id("ttc-form"));
        form.findElement(By.name("fromTouchpoint")).sendKeys("Cart");
        form.findElement(By.name("toTouchpoint")).sendKeys("Checkout - payment", Keys.ENTER);
        JsonNode cart = get("/api/time-to-convert?fromTouchpoint=Cart&toTouchpoint=Checkout - payment").json();
        assertThat(timesOf(cart)).isNotEqualTo(timesOf(all));
        waitFor(this::shownTimes, timesOf(cart));
        assertThat(browser.getCurrentUrl()).contains("fromTouchpoint=Cart", "toTouchpoint=Checkout+-+payment");
        assertThat(text("ttc")).contains("never visit Cart");

        int generation = page.generation();
        new Select(browser.findElement(By.name("device"))).selectByVisibleText("mobile");
        page.waitForGeneration(generation + 1);
        JsonNode mobile = get("/api/time-to-convert?fromTouchpoint=Cart&toTouchpoint=Checkout - payment"
                + "&device=mobile").json();
        assertThat(timesOf(mobile)).isNotEqualTo(timesOf(cart));
        waitFor(this::shownTimes, timesOf(mobile));

        page.open(port, browser.getCurrentUrl().replaceFirst("^http://[^/]+", ""));
        assertThat(browser.findElement(By.cssSelector("#ttc-form input[name=fromTouchpoint]")).getDomProperty("value"))
                .isEqualTo("Cart");
        waitFor(this::shownTimes, timesOf(mobile));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLabelOfTheTimeToConvertHistogramLiesWithinItAtAWideAndANarrowWindow() {
        for (int width : new int[] {PageBrowser.WIDTH, 1280, 800, 640}) {
            page.open(port, "/", width);
            waitFor(() -> List.of(String.valueOf(browser.findElements(By.cssSelector("#ttc .histogram .bin")).size())),
                    List.of("16"));
            // Each shown label's box against the histogram's, in CSS pixels: the labels outside it, in words.
            List<String> outside = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                    const chart = document.querySelector('#ttc .histogram').getBoundingClientRect();
                    return [...document.querySelectorAll('#ttc .histogram .edge')].filter(edge => edge.innerText.trim())
                      .map(edge => {
                        const text = document.createRange();
                        text.selectNodeContents(edge);
                        return [edge.innerText.trim(), text.getBoundingClientRect()];
                      })
                      .filter(([, box]) => box.left < chart.left || box.right > chart.right
                        || box.top < chart.top || box.bottom > chart.bottom)
                      .map(([text, box]) => `${text}: ${box.left} to ${box.right} of ${chart.left} to ${chart.right}`);
                    """);
            assertThat(outside).as("labels outside the histogram at a window %d px wide", width).isEmpty();
            List<String> shown = (List<String>) ((JavascriptExecutor) browser).executeScript("return [...document"
                    + ".querySelectorAll('#ttc .histogram .edge')].map(edge => edge.innerText.trim()).filter(Boolean)");
            assertThat(shown).as("labels shown at %d px", width).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void eachPanelFailsAloneAndSaysWhenNothingMatches() {
        page.open(port, "/?fromTouchpoint=Teleport&next=Cart");
        assertThat(text("ttc")).contains("Time to convert unavailable", "Parameter 'fromTouchpoint'");
        assertOk("trends", "predict");

        page.open(port, "/?interval=fortnight&next=Cart");
        assertThat(text("trends")).contains("Trends unavailable", "Parameter 'interval'");
        assertOk("ttc", "predict");

        page.open(port, "/?next=" + String.join(",", Collections.nCopies(201, "Cart")));
        assertThat(text("predict")).contains("Prediction unavailable", "steps");
        assertOk("ttc", "trends");
        page.assertNoConsoleErrors(message -> message.contains("400"));

        page.open(port, "/?segment=nobody&next=Cart");
        assertThat(text("predict")).contains("No finished journeys match the filters");
        assertThat(text("trends")).contains("No timed journeys match the filters.");
        assertThat(text("ttc")).contains("No selected journey starts here");
        assertOk("ttc", "trends", "predict");
    }

    // ---- what the page shows

    /** The text of element {@code id} on one line. */
    private String text(String id) {
        return browser.findElement(By.id(id)).getText().replace('\n', ' ');
    }

    /** The tooltip's text on one line, once it shows. */
    private String tooltip() {
        WebElement tip = browser.findElement(By.id("tooltip"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> tip.isDisplayed());
        return tip.getText().replace('\n', ' ');
    }

    private void assertOk(String... ids) {
        for (String id : ids) {
            assertThat(text(id)).as(id).isNotBlank().doesNotContain("unavailable");
        }
    }

    private List<String> shownSteps() {
        return browser.findElements(By.cssSelector("#predict-steps .chip")).stream()
                .map(chip -> chip.getDomAttribute("data-step")).toList();
    }

    /** The outcome probabilities, the context with its support and the next touchpoints, as the panel holds them. */
    private List<String> shownPrediction() {
        List<String> rows = new ArrayList<>();
        browser.findElements(By.cssSelector("#predict .outcome-bar")).forEach(bar -> rows.add(bar.getDomAttribute(
                "data-outcome") + " " + Double.parseDouble(bar.getDomAttribute("data-probability"))));
        browser.findElements(By.cssSelector("#predict [data-context]")).forEach(context -> rows.add("context "
                + context.getDomAttribute("data-context")));
        browser.findElements(By.cssSelector("#predict .support")).forEach(support -> rows.add("support "
                + support.getText()));
        browser.findElements(By.cssSelector("#predict [data-unknown]")).forEach(unknown -> rows.add("unknown "
                + unknown.getDomAttribute("data-unknown")));
        browser.findElements(By.cssSelector("#predict tr[data-touchpoint]")).forEach(row -> rows.add(
                row.getDomAttribute("data-touchpoint") + " " + row.getDomAttribute("data-taken") + " "
                        + Double.parseDouble(row.getDomAttribute("data-purchase"))));
        return rows;
    }

    private List<String> shownPeriods() {
        return browser.findElements(By.cssSelector("#trends g.period")).stream()
                .map(period -> period.getDomAttribute("data-start") + " " + period.getDomAttribute("data-journeys")
                        + " " + rate(period.getDomAttribute("data-purchase")) + " "
                        + rate(period.getDomAttribute("data-abandonment")) + " "
                        + rate(period.getDomAttribute("data-diversion")) + " "
                        + period.getDomAttribute("data-flagged"))
                .toList();
    }

    private List<String> shownTimes() {
        List<String> rows = new ArrayList<>();
        browser.findElements(By.cssSelector("#ttc [data-percentile]")).forEach(p -> rows.add(p.getDomAttribute(
                "data-percentile") + " " + Double.parseDouble(p.getDomAttribute("data-seconds"))));
        browser.findElements(By.cssSelector("#ttc .bin")).forEach(bin -> rows.add("bin " + Double.parseDouble(
                bin.getDomAttribute("data-from")) + " " + bin.getDomAttribute("data-journeys")));
        browser.findElements(By.cssSelector("#ttc tr[data-segment]")).forEach(row -> rows.add(row.getDomAttribute(
                "data-segment") + " " + row.getDomAttribute("data-converted") + " " + rate(row.getDomAttribute(
                        "data-p50"))));
        return rows;
    }

    // ---- what the API answers

    /** The prediction for {@code steps} with the page's eight next touchpoints and the filters {@code query} (&...). */
    private JsonNode predict(String query, String... steps) {
        return post("/api/predict?next=8" + query, "application/json", JSON.writeValueAsString(java.util.Map.of("steps",
                List.of(steps)))).json();
    }

    private static List<String> predictionOf(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        for (String outcome : List.of("purchase", "abandoned", "diverted")) {
            rows.add(outcome + " " + answer.get("outcomes").get(outcome).asDouble());
        }
        if (!answer.get("context").isEmpty()) {
            rows.add("context " + answer.get("context"));
        }
        rows.add("support " + String.format(Locale.ROOT, "%,d", answer.get("support").asLong()));
        if (!answer.get("unknownSteps").isEmpty()) {
            rows.add("unknown " + answer.get("unknownSteps"));
        }
        for (JsonNode next : answer.get("next")) {
            rows.add(next.get("touchpoint").asString() + " " + next.get("taken").asLong() + " "
                    + next.get("purchase").asDouble());
        }
        return rows;
    }

    private static List<String> periodsOf(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        for (JsonNode period : answer.get("periods")) {
            rows.add(period.get("start").asString() + " " + period.get("journeys").asLong() + " "
                    + rate(period.get("purchase").get("rate")) + " " + rate(period.get("abandonment").get("rate"))
                    + " " + rate(period.get("diversion").get("rate")) + " " + period.get("flagged").asBoolean());
        }
        return rows;
    }

    private static List<String> flaggedStarts(JsonNode answer) {
        List<String> starts = new ArrayList<>();
        answer.get("periods").forEach(period -> {
            if (period.get("flagged").asBoolean()) {
                starts.add(period.get("start").asString());
            }
        });
        return starts;
    }

    private static JsonNode period(JsonNode answer, String start) {
        for (JsonNode period : answer.get("periods")) {
            if (period.get("start").asString().equals(start)) {
                return period;
            }
        }
        throw new AssertionError("no period from " + start);
    }

    /** The flagged rates of a period in the page's order, "abandonment up". */
    private static List<String> changesOf(JsonNode period) {
        List<String> changes = new ArrayList<>();
        for (String rate : List.of("purchase", "abandonment", "diversion")) {
            JsonNode change = period.get(rate).get("change");
            if (change != null && !change.isNull()) {
                changes.add(rate + " " + change.asString());
            }
        }
        return changes;
    }

    private static List<String> timesOf(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        JsonNode all = answer.get("all");
        JsonNode percentiles = all.get("percentiles");
        for (String p : List.of("p50", "p75", "p90", "p95", "p99")) {
            rows.add(p + " " + percentiles.get(p).asDouble());
        }
        all.get("histogram").forEach(bin -> rows.add("bin " + bin.get("fromSeconds").asDouble() + " "
                + bin.get("journeys").asLong()));
        answer.get("segments").forEach(segment -> rows.add(segment.get("segment").asString() + " "
                + segment.get("converted").asLong() + " " + rate(segment.get("percentiles").get("p50"))));
        return rows;
    }

    // ---- helpers

    private static String rate(String attribute) {
        return attribute == null || attribute.isEmpty() ? "-" : String.valueOf(Double.parseDouble(attribute));
    }

    private static String rate(JsonNode value) {
        return value == null || value.isNull() ? "-" : String.valueOf(value.asDouble());
    }

    /** The page's percent(): a share as a percentage with {@code digits} decimals. */
    private static String percent(double share, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f%%", share * 100);
    }

    /** The page's duration(): seconds, minutes, hours with one decimal, then days with one decimal. */
    private static String duration(double seconds) {
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 5400) {
            return Math.round(seconds / 60) + " min";
        }
        if (seconds < 172800) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
    }

    private void setSegment(String segment) {
        int generation = page.generation();
        ((JavascriptExecutor) browser).executeScript("const field = document.querySelector('#filters "
                + "input[name=segment]'); field.value = arguments[0]; field.dispatchEvent(new Event('change', "
                + "{ bubbles: true }));", segment);
        page.waitForGeneration(generation + 1);
    }

    /** Waits until the page shows {@code expected}; else fails showing the difference. */
    private void waitFor(Supplier<List<String>> shown, List<String> expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> shown.get().equals(expected));
        } catch (TimeoutException e) {
            assertThat(shown.get()).isEqualTo(expected);
        }
    }
}
