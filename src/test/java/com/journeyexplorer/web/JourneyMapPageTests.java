package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;


import tools.jackson.databind.JsonNode;

/**
 * The journey map page at {@code /} in Debian's headless Chromium, driven by Selenium against the app on demo data.
 * Skips where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent (install the Debian packages
 * {@code chromium} and {@code chromium-driver}); Selenium never downloads a browser or a driver here.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=3000"})
class JourneyMapPageTests extends PageTestSupport {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "journey-map.png");

    @Test
    void mapShowsTheTouchpointsAndDiversionsOfTheApi() {
        open();
        JsonNode graph = get("/api/graph?maxEdges=150").json();
        Set<String> expected = new HashSet<>();
        graph.get("nodes").forEach(node -> {
            if (node.get("journeys").asLong() > 0 || !node.get("kind").asString().equals("outcome")) {
                expected.add(node.get("label").asString());
            }
        });
        assertThat(mapLabels()).isEqualTo(expected)
                .contains("Product page", "Checkout - shipping costs", "CompetitorA site", "CompetitorB marketplace",
                        "(purchase)", "(abandoned)", "(diverted)");
        long diversions = 0;
        for (JsonNode link : graph.get("links")) {
            diversions += link.get("diversion").asBoolean() ? 1 : 0;
        }
        assertThat(browser.findElements(By.cssSelector("#map text.column-title")).stream()
                .map(title -> title.getDomProperty("textContent")))
                .as("columns in the stage order of the answer's meta.stages")
                .containsSubsequence("start", "awareness", "consideration", "purchase", "loyalty", "advocacy",
                        "outcome");
        assertThat(browser.findElements(By.cssSelector("#map path.link"))).hasSize(graph.get("links").size());
        assertThat(browser.findElements(By.cssSelector("#map path.link.diversion"))).hasSize((int) diversions)
                .isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#map g.node[data-label='CompetitorA site']"))
                .getAttribute("class")).contains("competitor");
        assertThat(browser.findElements(By.cssSelector("#map g.node-labels g.node-label tspan.name")))
                .as("a name for every box")
                .hasSize(browser.findElements(By.cssSelector("#map g.nodes g.node")).size());
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("const map = "
                + "document.getElementById('map'); return map.querySelector('g.nodes')"
                + ".compareDocumentPosition(map.querySelector('g.node-labels')) & Node.DOCUMENT_POSITION_FOLLOWING;"))
                .as("the names are drawn after every box, so no box of the next column hides one").isNotEqualTo(0L);
        // Own touchpoints are coloured by their stage's place in meta.stages: one colour per stage, none shared.
        java.util.Map<String, String> stageOf = new java.util.HashMap<>();
        graph.get("nodes").forEach(node -> stageOf.put(node.get("label").asString(),
                node.hasNonNull("stage") ? node.get("stage").asString().toLowerCase(java.util.Locale.ROOT) : ""));
        java.util.Map<String, Set<String>> fillsByStage = new java.util.TreeMap<>();
        for (WebElement node : browser.findElements(By.cssSelector("#map g.node.touchpoint.own"))) {
            String stage = stageOf.getOrDefault(node.getDomAttribute("data-label"), "");
            fillsByStage.computeIfAbsent(stage, key -> new HashSet<>())
                    .add(node.findElement(By.tagName("rect")).getDomAttribute("fill"));
        }
        assertThat(fillsByStage).containsKeys("awareness", "consideration", "purchase", "loyalty");
        assertThat(fillsByStage.values()).allSatisfy(fills -> assertThat(fills).hasSize(1));
        assertThat(fillsByStage.values().stream().flatMap(Set::stream).distinct().count())
                .as("a colour of its own for each stage").isEqualTo(fillsByStage.size());
        assertThat(browser.findElements(By.cssSelector("#sankey svg .sankey-node"))).isNotEmpty();
        assertThat(browser.findElement(By.id("insights")).getText()).contains("How customers discover us",
                "Do they consider competitors?", "Where to invest first");
    }

    @Test
    void filterChangeRedrawsEveryViewFromTheApi() {
        open();
        String journeysBefore = browser.findElement(By.id("map-note")).getText();
        String insightsBefore = browser.findElement(By.id("insights")).getText();
        int generation = generation();
        new Select(browser.findElement(By.name("level"))).selectByValue("channel");
        waitForGeneration(generation + 1);
        assertThat(mapLabels()).contains("social", "search", "competitor", "(purchase)")
                .doesNotContain("Product page");
        String sankey = browser.findElement(By.id("sankey")).getText();
        assertThat(sankey).contains("social");

        generation = generation();
        new Select(browser.findElement(By.name("device"))).selectByVisibleText("mobile");
        waitForGeneration(generation + 1);
        long mobile = get("/api/graph?device=mobile&level=channel").json().get("meta").get("journeys").asLong();
        assertThat(browser.findElement(By.id("map-note")).getText()).startsWith(String.format("%,d journeys", mobile))
                .isNotEqualTo(journeysBefore);
        assertThat(browser.findElement(By.id("insights")).getText()).isNotEqualTo(insightsBefore);
        assertThat(browser.findElement(By.cssSelector("#downloads a")).getAttribute("href"))
                .contains("device=mobile", "level=channel");
    }

    @Test
    void headlineFiguresCountTheJourneysTheFiltersSelect() {
        open();
        int generation = generation();
        new Select(browser.findElement(By.name("device"))).selectByVisibleText("mobile");
        waitForGeneration(generation + 1);
        JsonNode mobile = get("/api/summary?device=mobile&includeOpen=true").json();
        long journeys = mobile.get("journeys").asLong();
        assertThat(journeys).isLessThan(get("/api/stats").json().get("journeys").asLong());
        assertThat(kpi("journeys")).as("the journeys the map counts too").isEqualTo(String.format("%,d", journeys));
        assertThat(browser.findElement(By.id("map-note")).getText()).startsWith(String.format("%,d journeys", journeys));
        long finished = journeys - mobile.get("outcomes").get("OPEN").asLong();
        assertThat(kpi("purchase")).isEqualTo(String.format(java.util.Locale.ROOT, "%.0f%%",
                100.0 * mobile.get("outcomes").get("PURCHASE").asLong() / finished));
    }

    @Test
    void headlineTouchpointsAreThoseTheSelectedJourneysVisitBesideTheStores() {
        open();
        int generation = generation();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const form = document.getElementById('filters');
                form.elements.from.value = '2026-01-05';
                form.elements.to.value = '2026-01-06';
                form.elements.device.value = 'tablet';
                form.elements.to.dispatchEvent(new Event('change', {bubbles: true}));""");
        waitForGeneration(generation + 1);
        JsonNode oneDay = get("/api/summary?from=2026-01-05&to=2026-01-06&device=tablet&includeOpen=true").json();
        int visited = oneDay.get("touchpointsVisited").asInt();
        int stored = oneDay.get("data").get("touchpoints").asInt();
        assertThat(visited).as("a day's journeys on tablets visit some of the store's touchpoints: " + oneDay)
                .isPositive().isLessThan(stored);
        assertThat(kpi("journeys")).isEqualTo(String.format("%,d", oneDay.get("journeys").asLong()));
        assertThat(kpi("touchpoints visited")).as("the selection's count, beside the store's")
                .isEqualTo(String.format("%,d of %,d", visited, stored));
    }

    @Test
    void refusedFiltersLeaveNoFigureOfTheFormerSelection() {
        open();
        int generation = generation();
        WebElement from = browser.findElement(By.name("from"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const form = document.getElementById('filters');
                form.elements.from.value = '2026-05-01';
                form.elements.to.value = '2026-01-01';
                form.elements.to.dispatchEvent(new Event('change', {bubbles: true}));""");
        waitForGeneration(generation + 1);
        assertThat(from.getDomProperty("value")).isEqualTo("2026-05-01");
        assertThat(browser.findElement(By.id("map")).getText()).contains("Journey map unavailable",
                "Parameter 'from' must not be after 'to'");
        assertThat(browser.findElement(By.id("map-note")).getText()).as("no count of the map that was there")
                .doesNotContain("journeys");
        assertThat(kpi("journeys")).isEqualTo("–");
        assertThat(kpi("touchpoints visited")).isEqualTo("–");
        assertThat(kpi("purchase")).isEqualTo("–");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('paths').innerHTML = ''");
        browser.findElement(By.cssSelector("#path-tabs button[data-outcome='abandoned']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("paths")).getText()
                .isEmpty());
        assertThat(browser.findElement(By.id("paths")).getText()).as("the tab asks with the filters shown")
                .contains("Parameter 'from' must not be after 'to'");
        page.assertNoConsoleErrors(message -> message.contains("400"));
    }

    @Test
    void aRefusedFilterSaysItsProblemBesideTheFiltersAndThePageLogsNothingOfItsOwn() {
        open();
        Response refused = get("/api/graph?maxEdges=150&group=Broken:(");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode problem = refused.json();
        assertThat(problem.get("parameter").asString()).isEqualTo("group");
        int generation = generation();
        setGroup("Broken:(");
        waitForGeneration(generation + 1);
        WebElement said = browser.findElement(By.id("filter-problem"));
        assertThat(said.isDisplayed()).as("the problem beside the filters, not in each view alone").isTrue();
        assertThat(said.getText()).isEqualTo("Filters refused: " + problem.get("detail").asString());
        WebElement group = browser.findElement(By.name("group"));
        assertThat(group.getDomAttribute("aria-invalid")).as("the field it names").isEqualTo("true");
        assertThat(group.getDomAttribute("aria-describedby")).isEqualTo("filter-problem");
        // The browser writes a line of its own for each refused request; the page adds none.
        page.assertNoConsoleErrors(message -> message.contains(
                "Failed to load resource: the server responded with a status of 400"));

        generation = generation();
        setGroup("");
        waitForGeneration(generation + 1);
        assertThat(said.isDisplayed()).as("gone once the filters are taken").isFalse();
        assertThat(group.getDomAttribute("aria-invalid")).isNull();
    }

    private void setGroup(String rules) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const field = document.querySelector('#filters input[name=group]');
                field.value = arguments[0];
                field.dispatchEvent(new Event('change', {bubbles: true}));""", rules);
    }

    @Test
    void filtersThatSelectNoJourneySayItOnTheMapInsteadOfAnEmptyCanvas() {
        assertThat(get("/api/graph?segment=nobody").json().get("meta").get("journeys").asInt()).isZero();
        page.open(port, "/?segment=nobody");
        assertThat(browser.findElement(By.id("map")).getText()).isEqualTo("No finished journeys match the filters.");
        assertThat(browser.findElements(By.cssSelector("#map g.node"))).as("no lone start node").isEmpty();
        assertThat(browser.findElement(By.id("map-note")).getText()).as("no transitions to choose more of")
                .doesNotContain("transitions");
        assertThat(browser.findElement(By.id("attribution")).getText())
                .as("the store has purchases: not a request to import some")
                .isEqualTo("The filters select no finished journey, so there is nothing to attribute.");
    }

    @Test
    void aServerThatGivesNoAnswerIsSaidInWordsInEachView() {
        open();
        int generation = generation();
        page.driver.executeCdpCommand("Network.enable", java.util.Map.of());
        offline(true);
        try {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                    const field = document.querySelector('#filters input[name=segment]');
                    field.value = 'trend follower';
                    field.dispatchEvent(new Event('change', {bubbles: true}));""");
            waitForGeneration(generation + 1);
            assertThat(browser.findElement(By.id("map")).getText()).contains("Journey map unavailable",
                    "No answer from the server");
            assertThat(browser.findElement(By.id("pain-points")).getText()).contains("Pain points unavailable",
                    "No answer from the server");
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Failed to fetch");
        } finally {
            offline(false);
        }
        page.assertNoConsoleErrors(message -> message.contains("ERR_INTERNET_DISCONNECTED"));
    }

    private static void offline(boolean offline) {
        page.driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", offline,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private String kpi(String label) {
        return browser.findElements(By.cssSelector("#kpis .kpi")).stream()
                .filter(kpi -> kpi.findElement(By.tagName("dt")).getText().equalsIgnoreCase(label))
                .map(kpi -> kpi.findElement(By.tagName("dd")).getText()).findFirst().orElse("");
    }

    @Test
    void clickingATouchpointOpensItsDetails() throws IOException {
        open();
        WebElement productPage = browser.findElement(By.cssSelector("#map g.node[data-label='Product page'] rect"));
        productPage.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.cssSelector("#details-body .details-title")).getText()
                .startsWith("Product page"));
        wait.until(d -> d.findElements(By.cssSelector("#details-body .loading")).isEmpty());
        String details = browser.findElement(By.id("details-body")).getText().toLowerCase(java.util.Locale.ROOT);
        assertThat(details).contains("comes from", "goes to", "drop-off", "neighbourhood", "then buy", "cart",
                "of its visitors leave here", "one step before", "one step after").doesNotContain("unavailable");
        assertThat(browser.findElement(By.cssSelector("#map g.node[data-label='Product page']")).getAttribute("class"))
                .contains("selected");
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.cssSelector("header.top"))).perform();
        screenshot();
    }

    @Test
    void aTouchpointIsSelectedByKeyboardAsByAClick() {
        open();
        WebElement cart = browser.findElement(By.cssSelector("#map g.node[data-label='Cart']"));
        assertThat(cart.getDomAttribute("role")).isEqualTo("button");
        assertThat(cart.getDomAttribute("aria-label")).startsWith("Cart: ").contains(" journeys");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", cart);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.SPACE).perform();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(
                By.cssSelector("#details-body .details-title")).getText().startsWith("Cart"));
        assertThat(cart.getDomAttribute("class")).as("marked on the map as a click marks it").contains("selected");
        assertThat(cart.getDomAttribute("aria-pressed")).as("and for a screen reader").isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#map g.node[aria-pressed='true']"))).hasSize(1);
        WebElement status = browser.findElement(By.id("details-status"));
        assertThat(status.getDomAttribute("role")).isEqualTo("status");
        assertThat(status.getDomProperty("textContent")).as("what the details now show, said where the focus is")
                .startsWith("Touchpoint details show Cart: ").contains(" journeys, ");
    }

    @Test
    void aFilterChangeRedrawsTheSelectedTouchpointsDetailsWithTheNewMapsFigures() {
        open();
        browser.findElement(By.cssSelector("#map g.node[data-label='Cart'] rect")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String all = mapJourneys("Cart", "");
        wait.until(d -> d.findElement(By.cssSelector("#details-body .figures b")).getText().equals(all));

        int generation = generation();
        new Select(browser.findElement(By.name("device"))).selectByVisibleText("mobile");
        waitForGeneration(generation + 1);
        String mobile = mapJourneys("Cart", "&device=mobile");
        assertThat(mobile).isNotEqualTo(all);
        wait.until(d -> d.findElement(By.cssSelector("#details-body .figures b")).getText().equals(mobile));
        assertThat(browser.findElement(By.cssSelector("#details-body .details-title")).getText()).startsWith("Cart");
        assertThat(browser.findElement(By.cssSelector("#map g.node[data-label='Cart']")).getDomAttribute(
                "aria-pressed")).as("still selected on the new map").isEqualTo("true");

        generation = generation();
        WebElement segment = browser.findElement(By.name("segment"));
        segment.sendKeys("nobody at all");
        waitForGeneration(generation + 1);
        wait.until(d -> d.findElement(By.id("details-body")).getText()
                .startsWith("Cart is not on the map for these filters."));
        assertThat(browser.findElements(By.cssSelector("#details-body .figures")))
                .as("no figure of another selection stays").isEmpty();
    }

    /** The journeys of the map's node {@code label} with the filters {@code query}, as the page writes a count. */
    private String mapJourneys(String label, String query) {
        return count(get("/api/graph?maxEdges=150" + query).json().get("nodes").valueStream()
                .filter(node -> node.get("label").asString().equals(label)).findFirst().orElseThrow()
                .get("journeys").asLong());
    }

    @Test
    void aTouchpointsDetailsListItsLinksOnTheMapWithTheFiguresOfTheirTooltips() {
        open();
        assertThat(browser.findElements(By.cssSelector("#map path.link"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#map path.link[tabindex]")))
                .as("the links are not in the Tab order: a map may draw thousands").isEmpty();
        WebElement productPage = browser.findElement(By.cssSelector("#map g.node[data-label='Product page']"));
        String id = productPage.getDomAttribute("data-id");
        JsonNode graph = get("/api/graph?maxEdges=150").json();
        java.util.List<JsonNode> outgoing = new java.util.ArrayList<>();
        graph.get("links").forEach(link -> {
            if (link.get("source").asString().equals(id)) {
                outgoing.add(link);
            }
        });
        outgoing.sort(java.util.Comparator.comparingLong((JsonNode link) -> link.get("journeys").asLong())
                .reversed());
        assertThat(outgoing).as("more than the six listed first").hasSizeGreaterThan(6);

        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", productPage);
        page.press(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(
                By.cssSelector("#details-body .details-title")).getText().startsWith("Product page"));
        java.util.List<WebElement> listed = browser.findElements(By.cssSelector(
                "#details-body li[data-source='" + id + "']"));
        assertThat(listed).as("every link from it on the map, the busiest first")
                .extracting(li -> li.getDomAttribute("data-target"))
                .containsExactlyElementsOf(outgoing.stream().map(link -> link.get("target").asString()).toList());
        assertThat(listed.get(0).getText().replace('\n', ' ')).as("with the figures of the link's tooltip")
                .contains(linkFigures(outgoing.get(0), "Product page"));
        WebElement last = listed.get(listed.size() - 1);
        assertThat(last.isDisplayed()).isFalse();
        WebElement rest = (WebElement) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return arguments[0].closest('details').querySelector('summary')", last);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", rest);
        page.press(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> last.isDisplayed());
        assertThat(last.getText().replace('\n', ' ')).as("the rest behind a disclosure")
                .contains(linkFigures(outgoing.get(outgoing.size() - 1), "Product page"));
    }

    /** The nodes of a Sankey export by their id. */
    private static java.util.Map<String, JsonNode> sankeyNodesById(JsonNode sankey) {
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        sankey.get("nodes").forEach(node -> byId.put(node.get("id").asString(), node));
        return byId;
    }

    /** The figures of a map link as the touchpoint details list them. */
    private static java.util.List<String> linkFigures(JsonNode link, String source) {
        java.util.List<String> figures = new java.util.ArrayList<>(java.util.List.of(
                String.format(java.util.Locale.ROOT, "%,d journeys", link.get("journeys").asLong()),
                String.format(java.util.Locale.ROOT, "%,d transitions", link.get("count").asLong()),
                String.format(java.util.Locale.ROOT, "%.1f%% of %s's next steps",
                        link.get("probability").asDouble() * 100, source)));
        if (link.hasNonNull("medianSeconds")) {
            figures.add("median time ");
        }
        return figures;
    }

    @Test
    void pathTabsFunnelAndAttributionShowTheAnalyses() {
        open();
        assertThat(browser.findElements(By.cssSelector("#paths table.paths tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.id("paths")).getText()).contains("Order confirmation");
        browser.findElement(By.cssSelector("#path-tabs button[data-outcome='diverted']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("#paths .chip.competitor")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#funnel ol.funnel li"))).hasSize(5);
        JsonNode stages = get("/api/funnel").json().get("stages");
        assertThat(browser.findElements(By.cssSelector("#funnel ol.funnel li")).get(1).getText())
                .as("the conversion is of those reaching the stage before, not of the count shown above it")
                .contains(Math.round(100 * stages.get(1).get("conversion").asDouble()) + "% of those reaching "
                        + stages.get(0).get("stage").asString() + " reach it too");
        assertThat(browser.findElements(By.cssSelector("#attribution .hbar"))).isNotEmpty();
        int generation = generation();
        new Select(browser.findElement(By.id("attribution-model"))).selectByValue("first");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("attribution")).getText()
                .contains("purchases shared out"));
        assertThat(generation()).isEqualTo(generation);
    }

    @Test
    void outcomeTabsMoveAndSelectWithTheArrowKeysHomeAndEnd() {
        open();
        for (String tabs : java.util.List.of("path-tabs", "likely-tabs")) {
            assertThat(browser.findElement(By.id(tabs)).getDomAttribute("role")).isEqualTo("tablist");
            assertThat(tabIndexes(tabs)).as("one tab in the Tab order, the selected one")
                    .containsExactly("purchase=0", "abandoned=-1", "diverted=-1");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()",
                    tab(tabs, "purchase"));
            pressAndExpect(tabs, org.openqa.selenium.Keys.ARROW_RIGHT, "abandoned");
            pressAndExpect(tabs, org.openqa.selenium.Keys.END, "diverted");
            pressAndExpect(tabs, org.openqa.selenium.Keys.ARROW_RIGHT, "purchase");
            pressAndExpect(tabs, org.openqa.selenium.Keys.ARROW_LEFT, "diverted");
            pressAndExpect(tabs, org.openqa.selenium.Keys.HOME, "purchase");
        }
        pressAndExpect("likely-tabs", org.openqa.selenium.Keys.ARROW_RIGHT, "abandoned");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "abandoned".equals(
                d.findElement(By.id("likely")).getDomAttribute("data-ready")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()",
                tab("path-tabs", "purchase"));
        pressAndExpect("path-tabs", org.openqa.selenium.Keys.ARROW_LEFT, "diverted");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "diverted".equals(
                d.findElement(By.id("paths")).getDomAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("#paths .chip.competitor"))).isNotEmpty();
        tab("path-tabs", "abandoned").click();
        assertThat(tabIndexes("path-tabs")).as("a click selects as before, and moves the Tab stop with it")
                .containsExactly("purchase=-1", "abandoned=0", "diverted=-1");
    }

    private WebElement tab(String tabs, String outcome) {
        return browser.findElement(By.cssSelector("#" + tabs + " [data-outcome='" + outcome + "']"));
    }

    private java.util.List<String> tabIndexes(String tabs) {
        return browser.findElements(By.cssSelector("#" + tabs + " [data-outcome]")).stream()
                .map(tab -> tab.getDomAttribute("data-outcome") + "=" + tab.getDomAttribute("tabindex")).toList();
    }

    /** Presses {@code key} on the focused tab, then expects focus and selection on the tab of {@code outcome}. */
    private void pressAndExpect(String tabs, org.openqa.selenium.Keys key, String outcome) {
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(key).perform();
        WebElement expected = tab(tabs, outcome);
        assertThat(browser.switchTo().activeElement()).as(key.name() + " focuses " + outcome).isEqualTo(expected);
        assertThat(expected.getDomAttribute("aria-selected")).isEqualTo("true");
        assertThat(expected.getDomAttribute("tabindex")).isEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("#" + tabs + " [aria-selected='true']"))).hasSize(1);
    }

    @Test
    void aFocusedTouchpointShowsItsTooltipAndSaysItsFiguresInItsName() {
        open();
        WebElement cart = browser.findElement(By.cssSelector("#map g.node[data-label='Cart']"));
        WebElement tooltip = browser.findElement(By.id("tooltip"));
        assertThat(tooltip.isDisplayed()).isFalse();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", cart);
        assertThat(tooltip.isDisplayed()).as("focus shows the tooltip a hover shows").isTrue();
        assertThat(tooltip.getText()).startsWith("Cart").contains("journeys", "visits", "then buy", "stage");
        org.openqa.selenium.Rectangle box = cart.getRect();
        org.openqa.selenium.Rectangle tip = tooltip.getRect();
        assertThat(Math.abs(tip.getY() - box.getY())).as("beside the touchpoint, not at the window's corner")
                .isLessThan(200);
        String name = cart.getDomAttribute("aria-label");
        assertThat(name).as("a screen reader hears what the tooltip shows").startsWith("Cart: ")
                .contains(" journeys (", " visits", "then buy ", "then abandon ", "then go to a competitor ",
                        "stage ");
        assertThat(browser.findElement(By.cssSelector("#map svg")).getDomAttribute("role"))
                .as("a group of buttons, not a picture whose content a screen reader may skip").isEqualTo("group");
        assertThat(page.accessibleNodes("button", name)).as("the name a screen reader gets")
                .isNotEmpty();
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.cssSelector("#map g.node[data-label='Product page']")))
                .perform();
        assertThat(tooltip.getText()).as("a hover elsewhere borrows the tooltip").contains("Product page")
                .doesNotStartWith("Cart");
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.cssSelector("header.top"))).perform();
        assertThat(tooltip.isDisplayed()).as("and gives it back to the focused touchpoint when the mouse leaves")
                .isTrue();
        assertThat(tooltip.getText()).startsWith("Cart");
        cart.click();
        WebElement productPage = browser.findElement(By.cssSelector("#map g.node[data-label='Product page']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", productPage);
        assertThat(productPage.findElement(By.tagName("rect")).getCssValue("stroke-dasharray"))
                .as("the focused touchpoint's frame is dashed").isNotEqualTo("none");
        assertThat(cart.findElement(By.tagName("rect")).getCssValue("stroke-dasharray"))
                .as("the selected one's solid, so the two stay apart").isEqualTo("none");
        assertThat(cart.findElement(By.tagName("rect")).getCssValue("stroke-width")).isEqualTo("2px");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", cart);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].blur()", cart);
        assertThat(tooltip.isDisplayed()).as("and blur hides it").isFalse();

        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", cart);
        assertThat(tooltip.isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#map path.link.dim"))).isNotEmpty();
        page.press(org.openqa.selenium.Keys.ESCAPE);
        assertThat(tooltip.isDisplayed()).as("Escape hides it too").isFalse();
        assertThat(page.focused()).as("without moving the focus").isEqualTo(cart);
        assertThat(browser.findElements(By.cssSelector("#map path.link.dim"))).as("nor leaving links dimmed")
                .isEmpty();
    }

    @Test
    void sankeyNodesTakeTheTabOrderShowTheirTooltipOnFocusAndSayItsFiguresInTheirName() {
        open();
        JsonNode sankey = get("/api/graph?format=sankey&steps=5&topPerStep=8").json();
        java.util.Map<String, JsonNode> byId = sankeyNodesById(sankey);
        java.util.List<WebElement> nodes = browser.findElements(By.cssSelector("#sankey g.sankey-node"));
        assertThat(nodes).hasSize(byId.size());
        assertThat(browser.findElement(By.cssSelector("#sankey svg")).getDomAttribute("role"))
                .as("a group whose images a screen reader reads").isEqualTo("group");
        assertThat(browser.findElements(By.cssSelector("#sankey [tabindex]"))).as("the nodes, not the links")
                .hasSize(nodes.size());
        WebElement tooltip = browser.findElement(By.id("tooltip"));

        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('sankey-steps').focus()");
        page.press(org.openqa.selenium.Keys.TAB);
        WebElement first = page.focused();
        assertThat(first).as("Tab goes from the steps to the first node").isEqualTo(nodes.get(0));
        JsonNode node = byId.get(first.getDomAttribute("data-id"));
        assertThat(node.get("kind").asString()).isEqualTo("step");
        java.util.List<String> figures = java.util.List.of(
                "journeys " + String.format(java.util.Locale.ROOT, "%,d", node.get("value").asLong()),
                "bought here " + String.format(java.util.Locale.ROOT, "%,d", node.get("purchased").asLong()),
                "abandoned here " + String.format(java.util.Locale.ROOT, "%,d", node.get("abandoned").asLong()),
                "left for a competitor " + String.format(java.util.Locale.ROOT, "%,d",
                        node.get("diverted").asLong()));
        assertThat(tooltip.isDisplayed()).as("focus shows the tooltip a hover shows").isTrue();
        assertThat(tooltip.getText().replace('\n', ' ')).startsWith("step 1: " + node.get("name").asString())
                .contains(figures);
        String name = first.getDomAttribute("aria-label");
        assertThat(name).as("a screen reader hears what the tooltip shows")
                .startsWith("step 1: " + node.get("name").asString() + ": ").contains(figures);
        assertThat(page.accessibleNodes("image", name)).as("the name a screen reader gets").isNotEmpty();

        page.press(org.openqa.selenium.Keys.ESCAPE);
        assertThat(tooltip.isDisplayed()).as("Escape hides it").isFalse();
        assertThat(page.focused()).as("without moving the focus").isEqualTo(first);
        page.press(org.openqa.selenium.Keys.TAB);
        assertThat(page.focused()).as("Tab goes on to the next node").isEqualTo(nodes.get(1));
        assertThat(tooltip.isDisplayed()).isTrue();
        assertThat(tooltip.getText()).contains(byId.get(nodes.get(1).getDomAttribute("data-id")).get("name")
                .asString());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].blur()", nodes.get(1));
        assertThat(tooltip.isDisplayed()).as("and blur hides it").isFalse();
    }

    @Test
    void aSankeyNodeSaysAndShowsWhereItsJourneysGoNextWithTheFiguresOfItsLinksTooltips() {
        open();
        JsonNode sankey = get("/api/graph?format=sankey&steps=5&topPerStep=8").json();
        java.util.Map<String, JsonNode> byId = sankeyNodesById(sankey);
        java.util.Map<String, java.util.List<JsonNode>> next = new java.util.HashMap<>();
        sankey.get("links").forEach(link -> {
            if (!link.get("dropoff").asBoolean() && link.get("value").asLong() > 0) {
                next.computeIfAbsent(link.get("source").asString(), id -> new java.util.ArrayList<>()).add(link);
            }
        });
        // The node with the most next steps, so that some are beyond the five listed.
        String id = next.keySet().stream().max(java.util.Comparator.comparingInt((String source) -> next.get(source)
                .size()).thenComparingLong(source -> byId.get(source).get("value").asLong())).orElseThrow();
        JsonNode node = byId.get(id);
        long journeys = node.get("value").asLong();
        java.util.List<JsonNode> links = next.get(id).stream().sorted(java.util.Comparator.comparingLong(
                (JsonNode link) -> -link.get("value").asLong()).thenComparing(link -> targetName(link, byId)))
                .toList();
        assertThat(links).as("demo data where a step has more next steps than listed").hasSizeGreaterThan(5);
        java.util.List<String> expected = new java.util.ArrayList<>(links.subList(0, 5).stream()
                .map(link -> targetName(link, byId) + " " + count(link.get("value").asLong()) + " ("
                        + share(link.get("value").asLong(), journeys) + ")")
                .toList());
        long rest = links.subList(5, links.size()).stream().mapToLong(link -> link.get("value").asLong()).sum();
        expected.add("and " + (links.size() - 5) + " more " + count(rest) + " (" + share(rest, journeys) + ")");
        String atNextStep = "then, at step " + (node.get("step").asInt() + 2);

        WebElement tooltip = browser.findElement(By.id("tooltip"));
        WebElement focused = browser.findElement(By.cssSelector("#sankey g.sankey-node[data-id='"
                + id.replace("'", "\\'") + "']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", focused);
        assertThat(tooltip.isDisplayed()).isTrue();
        assertThat(tooltip.getText().replace('\n', ' ')).as("the focus tooltip lists the next steps, busiest first")
                .contains(atNextStep).containsSubsequence(expected);
        assertThat(focused.getDomAttribute("aria-label")).as("and the node's name says them")
                .endsWith("; " + atNextStep + ": " + String.join(", ", expected));
        assertThat(page.accessibleNodes("image", focused.getDomAttribute("aria-label"))).isNotEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].blur()", focused);

        WebElement busiest = (WebElement) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('#sankey path.sankey-link')]
                    .find(link => link.dataset.source === arguments[0] && link.dataset.target === arguments[1]);
                """, id, links.get(0).get("target").asString());
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('mouseenter', {clientX: 100, clientY: 100}))", busiest);
        assertThat(tooltip.getText().replace('\n', ' ')).as("the busiest link's tooltip has the figures listed")
                .contains("journeys " + count(links.get(0).get("value").asLong()),
                        "of " + nodeName(node.get("name").asString()) + "'s journeys "
                                + share(links.get(0).get("value").asLong(), journeys));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('mouseleave'))", busiest);
    }

    @Test
    void escapeHidesATooltipShownByAHoverAndUndimsTheMapsLinks() {
        open();
        WebElement tooltip = browser.findElement(By.id("tooltip"));
        WebElement sankeyNode = browser.findElement(By.cssSelector("#sankey g.sankey-node rect"));
        hover(sankeyNode);
        assertThat(tooltip.isDisplayed()).as("a hover shows the Sankey node's tooltip").isTrue();
        assertThat(page.focused().getTagName()).as("with nothing focused").isEqualTo("body");
        page.press(org.openqa.selenium.Keys.ESCAPE);
        assertThat(tooltip.isDisplayed()).as("Escape hides it while the mouse stays").isFalse();

        WebElement cart = browser.findElement(By.cssSelector("#map g.node[data-label='Cart']"));
        hover(cart);
        assertThat(tooltip.isDisplayed()).as("a hover shows the touchpoint's tooltip").isTrue();
        assertThat(tooltip.getText()).startsWith("Cart");
        assertThat(browser.findElements(By.cssSelector("#map path.link.dim"))).as("and dims the other links")
                .isNotEmpty();
        page.press(org.openqa.selenium.Keys.ESCAPE);
        assertThat(tooltip.isDisplayed()).as("Escape hides it").isFalse();
        assertThat(browser.findElements(By.cssSelector("#map path.link.dim"))).as("and undims the links").isEmpty();
    }

    private void hover(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", element);
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(element).perform();
    }

    private static String targetName(JsonNode link, java.util.Map<String, JsonNode> byId) {
        return nodeName(byId.get(link.get("target").asString()).get("name").asString());
    }

    /** As the page names a node: "(other)" is "other". */
    private static String nodeName(String name) {
        return name.startsWith("(") && name.endsWith(")") ? name.substring(1, name.length() - 1) : name;
    }

    private static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    /** The page's share with one decimal: the double's exact value rounded half up, as JavaScript's toFixed does. */
    private static String share(long part, long whole) {
        return new java.math.BigDecimal((double) part / whole * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }

    /**
     * Every touchpoint's name and figure are readable on the demo store in a wide and a narrow window: no two labels'
     * boxes overlap, and none runs into the boxes of the next column (or out of the map, right of the outcomes).
     */
    @Test
    void noTwoLabelsOfTheMapOverlapNorRunIntoTheNextColumn() throws IOException {
        for (int width : new int[] {1280, 800}) {
            page.open(port, "/", width);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> layout = (java.util.Map<String, Object>) ((org.openqa.selenium
                    .JavascriptExecutor) browser).executeScript("""
                    const map = document.getElementById('map');
                    const lefts = [...map.querySelectorAll('g.nodes g.node rect')]
                      .map(rect => rect.getBoundingClientRect().left);
                    const mapRight = map.querySelector('svg').getBoundingClientRect().right;
                    const labels = [...map.querySelectorAll('g.node-label')].map(g => {
                      const boxes = [...g.querySelectorAll('tspan.name, tspan.figure')]
                        .map(part => part.getBoundingClientRect()).filter(box => box.width > 0);
                      const box = {left: Math.min(...boxes.map(b => b.left)), right: Math.max(...boxes.map(b => b.right)),
                        top: Math.min(...boxes.map(b => b.top)), bottom: Math.max(...boxes.map(b => b.bottom))};
                      const own = g.getScreenCTM().e; // the left of its box
                      const next = Math.min(mapRight, ...lefts.filter(left => left > own + 1));
                      return {text: g.textContent, ...box, next};
                    });
                    const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                    const overlaps = labels.flatMap((a, i) => labels.slice(i + 1).filter(b => meet(a, b))
                      .map(b => a.text + ' over ' + b.text));
                    const intoNext = labels.filter(label => label.right > label.next)
                      .map(label => label.text + ' by ' + Math.round(label.right - label.next) + ' px');
                    return {labels: labels.length, overlaps, intoNext};""");
            page.screenshot(Path.of("target", "screenshots", "journey-map-labels-" + width + ".png"));
            assertThat(((Number) layout.get("labels")).intValue()).as("labels at %d px", width).isGreaterThan(20);
            assertThat((java.util.List<?>) layout.get("overlaps")).as("labels over another at %d px", width).isEmpty();
            assertThat((java.util.List<?>) layout.get("intoNext")).as("labels into the next column at %d px", width)
                    .isEmpty();
        }
    }

    @Test
    void aMapWiderThanANarrowWindowScrollsToItsOutcomes() {
        page.open(port, "/", 600);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> fit = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor)
                browser).executeScript("""
                        const map = document.getElementById('map');
                        const box = map.getBoundingClientRect();
                        const right = Math.max(...[...map.querySelectorAll('g.node-label.outcome text')]
                            .map(label => label.getBoundingClientRect().right));
                        return {overflowX: getComputedStyle(map).overflowX, clientWidth: map.clientWidth,
                            scrollWidth: map.scrollWidth, outcomeRight: right - box.left + map.scrollLeft};
                        """);
        assertThat(((Number) fit.get("scrollWidth")).doubleValue()).as("the map is wider than its panel here")
                .isGreaterThan(((Number) fit.get("clientWidth")).doubleValue());
        assertThat(fit.get("overflowX")).as("so the panel scrolls sideways").isIn("auto", "scroll");
        assertThat(((Number) fit.get("outcomeRight")).doubleValue()).as("to the right end of the outcomes' labels")
                .isLessThanOrEqualTo(((Number) fit.get("scrollWidth")).doubleValue());
    }

    /**
     * Keyboard focus is clearly visible on every control that takes it, the filter fields, the import panel's, the
     * map's touchpoints and the tabs alike (WCAG 2.2 focus appearance): a solid outline at least 2 px thick whose colour
     * has a contrast of at least 3:1 against the background it is drawn on.
     */
    @Test
    void everyControlShowsItsKeyboardFocusAsASolidOutlineOfTwoPixelsAtThreeToOneContrast() {
        open();
        page.press(org.openqa.selenium.Keys.TAB);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> focus = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor)
                browser).executeScript("""
                document.getElementById('import-panel').open = true;
                const rgb = colour => (colour.match(/[\\d.]+/g) || []).map(Number);
                const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
                  .map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
                  .reduce((sum, v, i) => sum + [0.2126, 0.7152, 0.0722][i] * v, 0);
                const contrast = (a, b) => {
                  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
                  return (light + 0.05) / (dark + 0.05);
                };
                const background = element => {
                  for (let e = element.parentElement; e; e = e.parentElement) {
                    const colour = rgb(getComputedStyle(e).backgroundColor);
                    if (colour.length === 3 || colour[3] > 0) return colour.slice(0, 3);
                  }
                  return [255, 255, 255];
                };
                const controls = [...document.querySelectorAll(
                  'a[href], button, input, select, textarea, summary, [tabindex]')]
                  .filter(c => !c.disabled && c.getAttribute('tabindex') !== '-1' && c.getClientRects().length);
                const faint = [];
                for (const control of controls) {
                  control.focus({ preventScroll: true });
                  const style = getComputedStyle(control);
                  const ratio = contrast(rgb(style.outlineColor), background(control));
                  if (!control.matches(':focus-visible') || style.outlineStyle !== 'solid'
                      || parseFloat(style.outlineWidth) < 2 || ratio < 3) {
                    faint.push(`${control.tagName} ${control.id || control.getAttribute('name')
                      || control.getAttribute('class')}: ${style.outlineStyle} ${style.outlineWidth} `
                      + `${ratio.toFixed(2)}:1`);
                  }
                }
                const kinds = new Set(controls.map(c => (c.closest('#filters') ? 'filter'
                  : c.closest('#import-form') ? 'import' : c.closest('#map') ? 'map'
                  : c.getAttribute('role') === 'tab' ? 'tab' : 'other')));
                return {controls: controls.length, kinds: [...kinds], faint};""");
        @SuppressWarnings("unchecked")
        java.util.List<String> kinds = (java.util.List<String>) focus.get("kinds");
        assertThat(kinds).as("the controls looked at")
                .contains("filter", "import", "map", "tab");
        assertThat(((Number) focus.get("controls")).intValue()).isGreaterThan(50);
        assertThat((java.util.List<?>) focus.get("faint")).as("controls whose focus is faint or unseen").isEmpty();
    }

    /**
     * Every text field's placeholder, the example of what to type (the touchpoint funnel's steps and window, the
     * comparison's segments), is shown whole, not cut at the field's edge.
     */
    @Test
    void everyPlaceholderIsShownWhole() {
        open();
        @SuppressWarnings("unchecked")
        java.util.List<String> placeholders = (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor)
                browser).executeScript("""
                const context = document.createElement('canvas').getContext('2d');
                return [...document.querySelectorAll('input[placeholder]')].filter(i => i.getClientRects().length)
                  .map(input => {
                    const style = getComputedStyle(input);
                    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    const cut = context.measureText(input.placeholder).width > room;
                    return `${input.name}: ${cut ? 'cut' : 'whole'}`;
                  });""");
        assertThat(placeholders).as("the placeholders looked at").contains("steps: whole", "window: whole",
                "aSegment: whole", "bSegment: whole", "touchpoint: whole").allMatch(shown -> shown.endsWith("whole"));
    }

    @Test
    void resetTurnsAMapCentredByTheSearchBackIntoTheWholeMap() {
        open();
        Set<String> whole = mapLabels();
        String wholeNote = browser.findElement(By.id("map-note")).getText();
        int generation = generation();
        browser.findElement(By.cssSelector("#search input[name=touchpoint]")).sendKeys("support email - slow",
                org.openqa.selenium.Keys.ENTER);
        waitForGeneration(generation + 1);
        assertThat(browser.getCurrentUrl()).contains("focus=Support");
        assertThat(browser.findElement(By.id("map-note")).getText()).startsWith("Centred on Support email - slow");
        assertThat(browser.findElement(By.id("clear-focus")).isDisplayed()).isTrue();

        generation = generation();
        browser.findElement(By.cssSelector("#filters button[type=reset]")).click();
        waitForGeneration(generation + 1);
        assertThat(browser.getCurrentUrl()).doesNotContain("focus=");
        assertThat(browser.findElement(By.id("map-note")).getText()).isEqualTo(wholeNote);
        assertThat(mapLabels()).isEqualTo(whole);
        assertThat(browser.findElements(By.cssSelector("#map g.node.focus"))).isEmpty();
        assertThat(browser.findElement(By.id("clear-focus")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#search input[name=touchpoint]")).getDomProperty("value"))
                .isEmpty();
    }

    @Test
    void theMapsColourAndTheFirstStepsCountStayInTheAddressAndComeBackFromIt() {
        open();
        assertThat(browser.getCurrentUrl()).doesNotContain("colour=", "firstSteps=");
        int generation = generation();
        Set<String> fourSteps = sankeyNodesOf(get("/api/graph?format=sankey&steps=4&topPerStep=8").json());
        new Select(browser.findElement(By.id("sankey-steps"))).selectByVisibleText("4");
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> shownSankeyNodes().equals(fourSteps));
        new Select(browser.findElement(By.id("map-colour"))).selectByValue("experience");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> ("experience:" + generation).equals(
                d.findElement(By.id("map")).getDomAttribute("data-colour")));
        String address = browser.getCurrentUrl();
        assertThat(address).contains("colour=experience", "firstSteps=4");

        // Back from another page, and the address opened anew: the same choices, the views drawn with them.
        browser.get("about:blank");
        browser.navigate().back();
        waitForGeneration(1);
        assertTheChoices("experience", "4", fourSteps);
        page.open(port, address.replaceFirst("^http://[^/]+", ""));
        assertTheChoices("experience", "4", fourSteps);

        open();
        assertTheChoices("stage", "5", sankeyNodesOf(get("/api/graph?format=sankey&steps=5&topPerStep=8").json()));
        assertThat(browser.getCurrentUrl()).doesNotContain("colour=", "firstSteps=");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirstStepsCountAsksForTheStepFlowsAloneAndRedrawsNoOtherView() {
        open();
        int generation = generation();
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("performance.setResourceTimingBufferSize(10000); performance.clearResourceTimings();");
        Set<String> threeSteps = sankeyNodesOf(get("/api/graph?format=sankey&steps=3&topPerStep=8").json());
        assertThat(shownSankeyNodes()).isNotEqualTo(threeSteps);
        new Select(browser.findElement(By.id("sankey-steps"))).selectByVisibleText("3");
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> shownSankeyNodes().equals(threeSteps));

        // Every request the page made since the change, as the browser's resource timing lists them.
        List<String> asked = (List<String>) script.executeScript("return performance.getEntriesByType('resource')"
                + ".map(entry => entry.name).filter(name => name.includes('/api/'))");
        assertThat(asked).as("the step flows asked again, and nothing else").hasSize(1);
        assertThat(asked.get(0)).contains("/api/graph?", "format=sankey", "steps=3");
        assertThat(generation()).as("no other view redrawn").isEqualTo(generation);
        assertThat(browser.findElement(By.id("sankey")).getDomAttribute("data-ready")).startsWith("3:");
        assertThat(browser.getCurrentUrl()).contains("firstSteps=3");
    }

    @Test
    void theSelectedTouchpointStaysInTheAddressAndItsDetailsComeBackFromIt() {
        open();
        browser.findElement(By.cssSelector("#map g.node[data-label='Cart'] rect")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.cssSelector("#details-body .details-title")).getText().startsWith("Cart"));
        assertThat(browser.getCurrentUrl()).contains("selected=Cart");

        int generation = generation();
        new Select(browser.findElement(By.name("device"))).selectByVisibleText("mobile");
        waitForGeneration(generation + 1);
        String address = browser.getCurrentUrl();
        assertThat(address).as("kept beside the filters").contains("selected=Cart", "device=mobile");

        // Reloaded, and opened from the address as a shared link: the same touchpoint selected, its details shown.
        String mobile = mapJourneys("Cart", "&device=mobile");
        browser.navigate().refresh();
        waitForGeneration(1);
        assertTheDetailsOf("Cart", mobile);
        page.open(port, address.replaceFirst("^http://[^/]+", ""));
        assertTheDetailsOf("Cart", mobile);

        // A label no map has: the page draws as ever and says so in the details.
        String unknown = "No such <page>";
        page.open(port, "/?selected=" + URLEncoder.encode(unknown, StandardCharsets.UTF_8));
        wait.until(d -> d.findElement(By.id("details-body")).getText()
                .startsWith(unknown + " is not on the map for these filters."));
        assertThat(mapLabels()).contains("Cart");
        assertThat(browser.findElements(By.cssSelector("#map g.node.selected"))).isEmpty();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("updated");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDetailsFiguresStayOnOneLineBesideNamesThatWrap() {
        page.open(port, "/?selected=Cart", 1280);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("#details-neighbourhood ul.mini li")).size() >= 4);
        // The lines each figure's text takes, by the client rectangles of a range over it: one per line.
        List<String> broken = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('#details-body ul.mini li > b')].filter(figure => {
                  const text = document.createRange();
                  text.selectNodeContents(figure.firstChild);
                  return new Set([...text.getClientRects()].map(line => Math.round(line.top))).size > 1;
                }).map(figure => figure.textContent);
                """);
        assertThat(broken).as("figures broken over two lines").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#details-body ul.mini li > b"))).hasSizeGreaterThan(8);
        page.open(port, "/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void noTableHeadingBreaksInsideAWordInANarrowWindow() {
        page.open(port, "/", 800);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("#diversions th")).isEmpty());
        // The one-word headings shown, and those whose word takes more than one line (a range's rectangles by line).
        String words = """
                return [...document.querySelectorAll('main th')].filter(th => th.innerText.trim()
                  && !/\\s/.test(th.innerText.trim()))""";
        List<String> broken = (List<String>) ((JavascriptExecutor) browser).executeScript(words + """
                .filter(th => {
                  const text = document.createRange();
                  text.selectNodeContents(th);
                  return new Set([...text.getClientRects()].map(line => Math.round(line.top))).size > 1;
                }).map(th => th.innerText.trim());
                """);
        assertThat(broken).as("headings broken inside their word").isEmpty();
        assertThat((List<String>) ((JavascriptExecutor) browser).executeScript(words + ".map(th => th.innerText);"))
                .as("one-word headings checked").contains("CUT");
        page.open(port, "/");
    }

    private void assertTheDetailsOf(String label, String journeys) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.cssSelector("#details-body .details-title")).getText().startsWith(label));
        wait.until(d -> d.findElement(By.cssSelector("#details-body .figures b")).getText().equals(journeys));
        assertThat(browser.findElement(By.cssSelector("#map g.node[data-label='" + label + "']"))
                .getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.getCurrentUrl()).contains("selected=" + label);
    }

    private void assertTheChoices(String colour, String steps, Set<String> sankeyNodes) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("map"))
                .getDomAttribute("data-colour") != null && d.findElement(By.id("map")).getDomAttribute("data-colour")
                .startsWith(colour + ":"));
        assertThat(new Select(browser.findElement(By.id("map-colour"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo(colour);
        assertThat(new Select(browser.findElement(By.id("sankey-steps"))).getFirstSelectedOption().getText())
                .isEqualTo(steps);
        assertThat(browser.findElement(By.id("experience-legend")).isDisplayed()).isEqualTo(colour.equals("experience"));
        assertThat(shownSankeyNodes()).isEqualTo(sankeyNodes);
    }

    private Set<String> shownSankeyNodes() {
        Set<String> ids = new HashSet<>();
        browser.findElements(By.cssSelector("#sankey .sankey-node")).forEach(node -> ids.add(node.getDomAttribute(
                "data-id")));
        return ids;
    }

    private static Set<String> sankeyNodesOf(JsonNode sankey) {
        Set<String> ids = new HashSet<>();
        sankey.get("nodes").forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }

    private void open() {
        page.open(port, "/");
    }

    private int generation() {
        return page.generation();
    }

    private void waitForGeneration(int generation) {
        page.waitForGeneration(generation);
    }

    private Set<String> mapLabels() {
        return page.mapLabels();
    }

    private void screenshot() throws IOException {
        page.screenshot(SCREENSHOT);
    }
}
