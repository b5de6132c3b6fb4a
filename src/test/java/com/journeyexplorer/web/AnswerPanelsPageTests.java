package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The answer panels of the journey map page on the demo store: likely paths with the chain's outcome probabilities
 * (in the panel and on the map when hovering a touchpoint), the diversions with the minimum cut marked on the map, the
 * key moments, and the comparison of two segments with its significant differences. Each shows the numbers of its
 * endpoint, follows a filter change and the address, and says plainly when there is nothing to show or the answer is a
 * problem. Skips where Chromium is absent, as {@link JourneyMapPageTests} does.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=3000"})
class AnswerPanelsPageTests extends PageTestSupport {

    static final String SEGMENT = "trend follower";
    static final String OTHER_SEGMENT = "bargain hunter";

    @Test
    void likelyPathsShowTheChainsPathsAndOutcomeProbabilitiesAndFollowTheSegment() {
        page.open(port, "/");
        JsonNode likely = get("/api/paths/likely?outcome=purchase&k=10").json();
        List<String> everyone = likelyOf(likely);
        assertThat(everyone).hasSize(10);
        assertThat(shownLikely()).isEqualTo(everyone);
        Map<String, JsonNode> outcomes = new HashMap<>();
        likely.get("outcomeProbabilities").forEach(row -> outcomes.put(row.get("node").asString(), row));
        assertThat(text("likely")).contains("From the start, a journey ends in a purchase with probability "
                + percent(outcomes.get("(start)").get("purchase").asDouble(), 1));

        // Hovering a touchpoint, on the map or in a path, shows the chain's probability of each outcome from there.
        JsonNode cart = outcomes.get("Cart");
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("#map g.node[data-label='Cart'] rect")))
                .perform();
        assertThat(tooltip()).contains("then buy " + percent(cart.get("purchase").asDouble(), 0),
                "then abandon " + percent(cart.get("abandoned").asDouble(), 0),
                "then go to a competitor " + percent(cart.get("diverted").asDouble(), 0));
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("#likely .chip[data-node='Cart']")))
                .perform();
        assertThat(tooltip()).contains("a purchase " + percent(cart.get("purchase").asDouble(), 1),
                "abandonment " + percent(cart.get("abandoned").asDouble(), 1),
                "a competitor " + percent(cart.get("diverted").asDouble(), 1));

        int generation = page.generation();
        browser.findElement(By.cssSelector("#likely-tabs button[data-outcome='diverted']")).click();
        List<String> toCompetitors = likelyOf(get("/api/paths/likely?outcome=diverted&k=10").json());
        waitUntil(() -> shownLikely().equals(toCompetitors));
        assertThat(browser.findElements(By.cssSelector("#likely .chip.competitor"))).isNotEmpty();
        assertThat(page.generation()).as("the tabs redraw this panel only").isEqualTo(generation);

        setSegment(SEGMENT);
        List<String> trendFollowers = likelyOf(get("/api/paths/likely?outcome=diverted&k=10&segment=" + SEGMENT)
                .json());
        assertThat(trendFollowers).isNotEqualTo(toCompetitors);
        waitUntil(() -> shownLikely().equals(trendFollowers));
    }

    @Test
    void likelyPathStepsTakeTheTabOrderShowTheirTooltipOnFocusAndSayItsFiguresInTheirName() {
        page.open(port, "/");
        JsonNode likely = get("/api/paths/likely?outcome=purchase&k=10").json();
        waitUntil(() -> shownLikely().equals(likelyOf(likely)));
        Map<String, JsonNode> outcomes = new HashMap<>();
        likely.get("outcomeProbabilities").forEach(row -> outcomes.put(row.get("node").asString(), row));
        List<WebElement> steps = browser.findElements(By.cssSelector("#likely .chip[data-node]"));
        assertThat(browser.findElements(By.cssSelector("#likely .chip[tabindex='0']")))
                .as("every step with the chain's probabilities, no outcome chip").hasSize(steps.size());
        WebElement tooltip = browser.findElement(By.id("tooltip"));

        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()",
                browser.findElement(By.cssSelector("#likely-tabs [aria-selected='true']")));
        page.press(Keys.TAB);
        WebElement first = page.focused();
        assertThat(first).as("Tab goes from the tabs to the first step").isEqualTo(steps.get(0));
        String node = first.getDomAttribute("data-node");
        assertThat(node).isEqualTo(likely.get("paths").get(0).get("steps").get(0).asString());
        JsonNode row = outcomes.get(node);
        List<String> figures = List.of("a purchase " + percent(row.get("purchase").asDouble(), 1),
                "abandonment " + percent(row.get("abandoned").asDouble(), 1),
                "a competitor " + percent(row.get("diverted").asDouble(), 1));
        assertThat(tooltip()).as("focus shows the tooltip a hover shows").startsWith(node).contains(figures);
        String name = first.getDomAttribute("aria-label");
        assertThat(name).as("a screen reader hears what the tooltip shows")
                .startsWith(node + ": from here, the journey ends in ").contains(figures);
        assertThat(page.accessibleNodes("image", name)).as("the name a screen reader gets").isNotEmpty();

        page.press(Keys.ESCAPE);
        assertThat(tooltip.isDisplayed()).as("Escape hides it").isFalse();
        assertThat(page.focused()).as("without moving the focus").isEqualTo(first);
        page.press(Keys.TAB);
        WebElement second = page.focused();
        assertThat(second).as("Tab goes on to the next step").isEqualTo(steps.get(1));
        assertThat(tooltip()).startsWith(second.getDomAttribute("data-node"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].blur()", second);
        assertThat(tooltip.isDisplayed()).as("and blur hides it").isFalse();
    }

    @Test
    void diversionsListTheWaysToCompetitorsAndMarkTheMinimumCutOnTheMap() {
        page.open(port, "/");
        JsonNode everyone = get("/api/diversions?limit=20").json();
        assertThat(shownDiversions()).isEqualTo(diversionsOf(everyone)).isNotEmpty();
        assertThat(text("diversions")).contains("Minimum cut", "Support email - slow answer");
        assertThat(cutOnMap()).as("the cut's transitions drawn on the map are marked").isEqualTo(cutExpected(""))
                .isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#map-card .legend")).getText()).contains("minimum cut");
        assertThat(browser.findElement(By.id("cut-on-map")).getText()).contains("of the cut");

        setSegment(SEGMENT);
        JsonNode segment = get("/api/diversions?limit=20&segment=" + SEGMENT).json();
        assertThat(diversionsOf(segment)).isNotEqualTo(diversionsOf(everyone));
        waitUntil(() -> shownDiversions().equals(diversionsOf(segment)));
        assertThat(cutOnMap()).isEqualTo(cutExpected("&segment=" + SEGMENT));
    }

    /**
     * A diversion in the minimum cut is marked so, in its row and on the map, though more than twenty busier
     * transitions of the cut, from the start to a competitor, fill the cut's list the table asks for. The journeys
     * are undone afterwards, so that the other tests meet the demo store as they expect.
     */
    @Test
    void aDiversionInTheCutIsMarkedSoWhenTheCutListsBusierTransitionsOnly() {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,segment\n");
        for (int rival = 1; rival <= 21; rival++) {
            for (int journey = 1; journey <= 2; journey++) {
                csv.append(String.format("rival-%d-%d,2026-04-01T10:00:00Z,Rival %d,cut past the list\n", rival,
                        journey, rival));
            }
        }
        csv.append("shop-1,2026-04-01T10:00:00Z,Shop page,cut past the list\n")
                .append("shop-1,2026-04-01T10:01:00Z,Rival 22,cut past the list\n");
        Response imported = post("/api/events?openHorizon=0&competitor=Rival.*", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        try {
            JsonNode answer = get("/api/diversions?limit=20&segment=cut+past+the+list").json();
            assertThat(answer.get("minimumCut").get("edges")).as("the busiest twenty of the cut").hasSize(20)
                    .noneMatch(edge -> edge.get("from").asString().equals("Shop page"));
            assertThat(answer.get("minimumCut").get("edgesTotal").asInt()).isEqualTo(22);

            page.open(port, "/?segment=cut+past+the+list");
            assertThat(shownDiversions()).containsExactly("Shop page -> Rival 22 1 cut");
            assertThat(browser.findElement(By.cssSelector("#diversions tr[data-touchpoint]"))
                    .findElements(By.cssSelector("i.ln.cut"))).as("the cut's mark in its row").hasSize(1);
            assertThat(cutOnMap()).as("every transition of the cut drawn, the quietest too")
                    .isEqualTo(cutExpected("&segment=cut+past+the+list")).hasSize(22)
                    .contains("Shop page -> Rival 22");
            assertThat(browser.findElement(By.id("cut-on-map")).getText())
                    .isEqualTo("All 22 transitions of the cut are marked on the map.");
        } finally {
            assertThat(delete("/api/imports/" + imported.json().get("importId").asString()).status()).isEqualTo(200);
        }
    }

    @Test
    void keyMomentsRankTheTouchpointsWithTheirScoresAndFollowTheDevice() {
        page.open(port, "/");
        JsonNode everyone = get("/api/insights/moments?limit=50").json();
        assertThat(shownMoments()).isEqualTo(momentsOf(everyone)).hasSize(15);
        JsonNode first = everyone.get("moments").get(0);
        WebElement row = browser.findElement(By.cssSelector("#moments tr[data-rank='1']"));
        assertThat(row.getText()).contains(first.get("touchpoint").asString(),
                percent(first.get("purchaseRateWith").get("rate").asDouble(), 1),
                String.format(Locale.ROOT, "%.3f", first.get("pageRank").asDouble()));
        assertThat(text("moments")).contains("toward purchase", "away from purchase");

        int generation = page.generation();
        new Select(browser.findElement(By.name("device"))).selectByVisibleText("mobile");
        page.waitForGeneration(generation + 1);
        List<String> mobile = momentsOf(get("/api/insights/moments?limit=50&device=mobile").json());
        assertThat(mobile).isNotEqualTo(momentsOf(everyone));
        waitUntil(() -> shownMoments().equals(mobile));
    }

    @Test
    void compareShowsTwoSegmentsWithTheirSignificantDifferencesAndFollowsTheFiltersAndTheAddress() {
        page.open(port, "/");
        assertThat(text("compare")).contains("Pick a segment or a period for A");
        browser.findElement(By.name("aSegment")).sendKeys(SEGMENT);
        browser.findElement(By.name("bSegment")).sendKeys(OTHER_SEGMENT);
        browser.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        String sides = "a=segment%3D" + SEGMENT + "&b=segment%3D" + OTHER_SEGMENT + "&model=last&limit=5";
        JsonNode answer = get("/api/compare?" + sides).json();
        List<String> expected = outcomesOf(answer);
        assertThat(expected).contains("PURCHASE 248/90 significant", "ABANDONED 530/575");
        waitUntil(() -> shownOutcomes().equals(expected));
        assertThat(text("compare")).contains("segment: " + SEGMENT, "segment: " + OTHER_SEGMENT,
                String.format("%,d journeys", answer.get("a").get("journeys").asLong()), "χ² = ", "the two differ",
                "Paths whose shares differ most", "Transitions whose shares differ most");
        assertThat(browser.findElements(By.cssSelector("#compare .star"))).isNotEmpty();
        assertThat(browser.getCurrentUrl()).contains("compareA=segment%3Dtrend%2Bfollower",
                "compareB=segment%3Dbargain%2Bhunter");

        int generation = page.generation();
        new Select(browser.findElement(By.name("device"))).selectByVisibleText("mobile");
        page.waitForGeneration(generation + 1);
        List<String> mobile = outcomesOf(get("/api/compare?a=device%3Dmobile%26segment%3D" + SEGMENT
                + "&b=device%3Dmobile%26segment%3D" + OTHER_SEGMENT + "&model=last&limit=5").json());
        assertThat(mobile).isNotEqualTo(expected);
        waitUntil(() -> shownOutcomes().equals(mobile));
        assertThat(text("compare")).contains("device: mobile");

        // The address keeps both choices: opened again, the page compares the same two selections.
        page.open(port, browser.getCurrentUrl().replaceFirst("^http://[^/]+", ""));
        assertThat(browser.findElement(By.name("aSegment")).getDomProperty("value")).isEqualTo(SEGMENT);
        waitUntil(() -> shownOutcomes().equals(mobile));
    }

    @Test
    void panelsSayWhenNothingMatchesAndShowAProblemReadably() {
        page.open(port, "/?segment=nobody&compareA=segment%3Dnobody");
        assertThat(text("likely")).contains("No journeys match the filters.");
        assertThat(text("diversions")).contains("No selected journey goes from one of our touchpoints to a competitor.");
        assertThat(text("moments")).contains("No journeys match the filters.");
        assertThat(text("compare")).contains("Neither side has any journeys, so there is nothing to compare.");
        assertThat(text("funnel")).isEqualTo("No journeys match the filters.");
        assertThat(text("likely") + text("diversions") + text("moments") + text("compare"))
                .doesNotContain("unavailable");

        page.open(port, "/?group=Broken:(");
        assertThat(text("likely")).contains("Likely paths unavailable", "Parameter 'group'",
                "invalid regular expression");
        page.assertNoConsoleErrors(message -> message.contains("400"));
    }

    // ---- what the page shows

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String tooltip() {
        WebElement tip = browser.findElement(By.id("tooltip"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class).until(d -> tip.isDisplayed());
        return tip.getText().replace('\n', ' ');
    }

    private List<String> shownLikely() {
        return browser.findElements(By.cssSelector("#likely tr[data-steps]")).stream()
                .map(row -> row.getDomAttribute("data-steps").replace("\",\"", " > ").replaceAll("[\\[\\]\"]", "")
                        + " " + probability(Double.parseDouble(row.getDomAttribute("data-probability")))
                        + " " + row.getDomAttribute("data-journeys"))
                .toList();
    }

    private List<String> shownDiversions() {
        return browser.findElements(By.cssSelector("#diversions tr[data-touchpoint]")).stream()
                .map(row -> row.getDomAttribute("data-touchpoint") + " -> " + row.getDomAttribute("data-competitor")
                        + " " + row.getDomAttribute("data-journeys") + (row.getAttribute("class").contains("in-cut")
                                ? " cut" : ""))
                .toList();
    }

    private Set<String> cutOnMap() {
        Map<String, String> labels = new HashMap<>();
        browser.findElements(By.cssSelector("#map g.node")).forEach(node -> labels.put(node.getDomAttribute(
                "data-id"), node.getDomAttribute("data-label")));
        Set<String> cut = new HashSet<>();
        browser.findElements(By.cssSelector("#map path.link.min-cut")).forEach(link -> cut.add(labels.get(
                link.getDomAttribute("data-source")) + " -> " + labels.get(link.getDomAttribute("data-target"))));
        return cut;
    }

    private List<String> shownMoments() {
        return browser.findElements(By.cssSelector("#moments tr[data-touchpoint]")).stream()
                .map(row -> row.getDomAttribute("data-rank") + " " + row.getDomAttribute("data-touchpoint") + " "
                        + row.getDomAttribute("data-direction"))
                .toList();
    }

    private List<String> shownOutcomes() {
        return browser.findElements(By.cssSelector("#compare tr[data-outcome]")).stream()
                .map(row -> row.getDomAttribute("data-outcome") + " " + row.getDomAttribute("data-count-a") + "/"
                        + row.getDomAttribute("data-count-b") + (row.getAttribute("class").contains("significant")
                                ? " significant" : ""))
                .toList();
    }

    // ---- what the API answers

    private static List<String> likelyOf(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        for (JsonNode path : answer.get("paths")) {
            List<String> steps = new ArrayList<>();
            path.get("steps").forEach(step -> steps.add(step.asString()));
            rows.add(String.join(" > ", steps) + " " + probability(path.get("probability").asDouble()) + " "
                    + path.get("journeys").asLong());
        }
        return rows;
    }

    private static List<String> diversionsOf(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : answer.get("diversions")) {
            String edge = row.get("touchpoint").asString() + " -> " + row.get("competitor").asString();
            rows.add(edge + " " + row.get("journeys").asLong() + (row.get("inCut").asBoolean() ? " cut" : ""));
        }
        return rows;
    }

    /** The whole cut's transitions among the links of the map's graph (the busiest 150 of the same filters). */
    private Set<String> cutExpected(String filters) {
        JsonNode diversions = get("/api/diversions?limit=1000" + filters).json();
        assertThat(diversions.get("minimumCut").get("edges")).as("the whole cut listed")
                .hasSize(diversions.get("minimumCut").get("edgesTotal").asInt());
        JsonNode graph = get("/api/graph?maxEdges=150" + filters).json();
        Map<String, String> labels = new HashMap<>();
        graph.get("nodes").forEach(node -> labels.put(node.get("id").asString(), node.get("label").asString()));
        Set<String> links = new HashSet<>();
        graph.get("links").forEach(link -> links.add(labels.get(link.get("source").asString()) + " -> "
                + labels.get(link.get("target").asString())));
        Set<String> cut = new HashSet<>();
        diversions.get("minimumCut").get("edges").forEach(edge -> cut.add(edge.get("from").asString() + " -> "
                + edge.get("to").asString()));
        cut.retainAll(links);
        return cut;
    }

    private static List<String> momentsOf(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        for (JsonNode moment : answer.get("moments")) {
            if (rows.size() == 15) {
                break;
            }
            rows.add(moment.get("rank").asInt() + " " + moment.get("touchpoint").asString() + " "
                    + moment.get("direction").asString());
        }
        return rows;
    }

    /** Each outcome's counts in a and b, and "significant" where its Holm-adjusted p is at most 1 - confidence. */
    private static List<String> outcomesOf(JsonNode answer) {
        double alpha = 1 - answer.get("confidence").asDouble();
        List<String> rows = new ArrayList<>();
        for (JsonNode outcome : answer.get("outcomes")) {
            JsonNode p = outcome.get("adjustedPValue");
            rows.add(outcome.get("outcome").asString() + " " + outcome.get("countA").asLong() + "/"
                    + outcome.get("countB").asLong() + (p != null && !p.isNull() && p.asDouble() <= alpha
                            ? " significant" : ""));
        }
        return rows;
    }

    // ---- helpers

    /** Twelve significant digits, as the API writes numbers, so the page's copy and the answer compare equal. */
    private static String probability(double value) {
        return String.format(Locale.ROOT, "%.11e", value);
    }

    /** The page's percent(): a share as a percentage with {@code digits} decimals. */
    private static String percent(double share, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f%%", share * 100);
    }

    private void setSegment(String segment) {
        int generation = page.generation();
        ((JavascriptExecutor) browser).executeScript("const field = document.querySelector('#filters "
                + "input[name=segment]'); field.value = arguments[0]; field.dispatchEvent(new Event('change', "
                + "{ bubbles: true }));", segment);
        page.waitForGeneration(generation + 1);
    }

    private void waitUntil(Supplier<Boolean> shown) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> shown.get());
    }
}
