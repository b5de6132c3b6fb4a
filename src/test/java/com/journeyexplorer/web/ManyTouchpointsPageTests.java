package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.demo.Clickstream;
import com.journeyexplorer.demo.DemoCsvWriter;

import tools.jackson.databind.JsonNode;

/**
 * The journey map page on the clickstream shape, 5,000 touchpoints: the busiest transitions by default, a search that
 * centres the map on one touchpoint, and the level and grouping rules editable on the page and kept in the address.
 */
// The page fires several requests at once; on a busy test machine they may queue for a turn longer than usual.
@TestPropertySource(properties = "journeys.analysis.queue-wait=120s")
class ManyTouchpointsPageTests extends ApiTestSupport {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "journey-map-5000-touchpoints.png");
    private static final int JOURNEYS = 20_000;

    private static PageBrowser browser;
    private static boolean imported;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = PageBrowser.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void importTheClickstreamOnce() throws IOException {
        if (imported) {
            return;
        }
        Path file = Files.createTempFile(Path.of("target"), "clickstream-", ".csv");
        try {
            DemoCsvWriter.write(new Clickstream(42, Clickstream.DEFAULT_TOUCHPOINTS), JOURNEYS, file);
            Response response = postFile("/api/events", "text/csv", file);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        } finally {
            Files.deleteIfExists(file);
        }
        imported = true;
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    @Test
    void showsTheBusiestTransitionsOfThousandsOfTouchpoints() throws IOException {
        assertThat(get("/api/stats").json().get("touchpoints").asInt()).isGreaterThan(2_000);
        browser.open(port, "/");
        tools.jackson.databind.JsonNode stats = get("/api/stats").json();
        long open = stats.get("outcomes").get("OPEN").asLong();
        long finished = stats.get("journeys").asLong() - open;
        assertThat(open).as("the clickstream's latest journeys are still open").isPositive();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
                By.cssSelector("#kpis .kpi-good dd")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("#kpis .kpi-good dd")).getText())
                .as("the purchase rate of finished journeys, as the analyses count it")
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.0f%%",
                        100.0 * stats.get("outcomes").get("PURCHASE").asLong() / finished));
        assertThat(browser.driver.findElement(By.cssSelector("#kpis .kpi")).getText())
                .contains(String.format(java.util.Locale.ROOT, "%,d open", open));

        JsonNode graph = answer("/api/graph?maxEdges=150");
        assertThat(graph.get("meta").get("totalLinks").asInt()).isGreaterThan(150);
        assertThat(browser.driver.findElements(By.cssSelector("#map path.link"))).hasSize(graph.get("links").size());
        assertThat(browser.driver.findElement(By.id("map-note")).getText()).contains("Showing the 150 busiest of");
        assertThat(browser.driver.findElements(By.cssSelector("#touchpoint-names option")))
                .hasSize(get("/api/touchpoints").json().size());
        assertThat(browser.driver.findElements(By.cssSelector("#sankey svg .sankey-node"))).isNotEmpty();
        browser.screenshot(SCREENSHOT);
    }

    @Test
    void searchCentresTheMapOnATouchpointAndKeepsItInTheAddress() {
        browser.open(port, "/");
        String wanted = rarelyVisitedProduct();
        assertThat(browser.mapLabels()).doesNotContain(wanted);

        int generation = browser.generation();
        WebElement box = browser.driver.findElement(By.cssSelector("#search input[name=touchpoint]"));
        box.sendKeys(wanted.toLowerCase(java.util.Locale.ROOT), Keys.ENTER);
        browser.waitForGeneration(generation + 1);

        assertThat(address()).contains("focus=" + wanted);
        WebElement node = browser.driver.findElement(By.cssSelector("#map g.node.focus"));
        assertThat(node.getDomAttribute("data-label")).isEqualTo(wanted);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElement(
                By.cssSelector("#details-body .details-title")).getText().startsWith(wanted));
        long through = answer("/api/graph?maxEdges=150&contains=" + wanted).get("meta").get("journeys").asLong();
        assertThat(browser.driver.findElement(By.id("map-note")).getText())
                .startsWith("Centred on " + wanted).contains(String.format("%,d journeys", through));

        // Opened again from its address (a reload, a shared link), the map is centred on it, its name in the box.
        String centred = browser.driver.getCurrentUrl().replaceFirst("^http://[^/]+", "");
        browser.open(port, centred);
        assertThat(browser.driver.findElement(By.cssSelector("#map g.node.focus")).getDomAttribute("data-label"))
                .isEqualTo(wanted);
        assertThat(browser.driver.findElement(By.cssSelector("#search input[name=touchpoint]"))
                .getDomProperty("value")).as("the search box names the touchpoint centred on").isEqualTo(wanted);

        generation = browser.generation();
        browser.driver.findElement(By.id("clear-focus")).click();
        browser.waitForGeneration(generation + 1);
        assertThat(address()).doesNotContain("focus=");
        assertThat(browser.driver.findElements(By.cssSelector("#map g.node.focus"))).isEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("#search input[name=touchpoint]"))
                .getDomProperty("value")).isEmpty();
    }

    /**
     * A page that one journey visits, once: the map centred on it, its details, its box's name and its links say "1
     * journey", "1 visit", "1 transition", not "1 journeys".
     */
    @Test
    void aTouchpointOfOneJourneyIsSaidInTheSingular() {
        String single = pageOfOneJourney();
        browser.open(port, "/?focus=" + URLEncoder.encode(single, StandardCharsets.UTF_8));

        assertThat(browser.driver.findElement(By.id("map-note")).getText()).startsWith("Centred on " + single)
                .contains(": only the journeys that pass through it. 1 journey. ");
        WebElement node = browser.driver.findElement(By.cssSelector("#map g.node.focus"));
        assertThat(node.getDomAttribute("aria-label")).startsWith(single + ": 1 journey (100%), 1 visit, ");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElement(
                By.cssSelector("#details-body .details-title")).getText().startsWith(single));
        assertThat(browser.driver.findElement(By.cssSelector("#details-body .figures span")).getText())
                .isEqualTo("journey (100%)");
        assertThat(browser.driver.findElements(By.cssSelector("#details-body ul.links li small")))
                .isNotEmpty().allSatisfy(link -> assertThat(link.getText()).startsWith("1 transition · "));
        assertThat(browser.driver.findElement(By.id("details-status")).getDomProperty("textContent"))
                .contains(": 1 journey, 1 link in and 1 out on the map.");
    }

    @Test
    void levelAndGroupingRulesAreEditableAndKeptInTheAddress() {
        browser.open(port, "/");
        int generation = browser.generation();
        WebElement group = browser.driver.findElement(By.name("group"));
        group.sendKeys("Products:^Product \\d+$; Blog:^Blog post .*", Keys.TAB);
        browser.waitForGeneration(generation + 1);

        assertThat(address()).contains("group=Products:^Product \\d+$", "group=Blog:^Blog post .*");
        assertThat(browser.mapLabels()).contains("Products", "Blog").noneMatch(label -> label.matches("(Product|Blog post) \\d+"));

        generation = browser.generation();
        new Select(browser.driver.findElement(By.name("level"))).selectByValue("channel");
        browser.waitForGeneration(generation + 1);
        assertThat(address()).contains("level=channel");
        assertThat(browser.mapLabels()).contains("website", "competitor");

        // The address alone brings the same view back.
        String shared = browser.driver.getCurrentUrl();
        browser.driver.get("about:blank");
        browser.driver.get(shared);
        browser.waitForGeneration(1);
        assertThat(browser.driver.findElement(By.name("group")).getDomProperty("value"))
                .isEqualTo("Products:^Product \\d+$; Blog:^Blog post .*");
        assertThat(new Select(browser.driver.findElement(By.name("level"))).getFirstSelectedOption().getText())
                .isEqualTo("channel");
    }

    /** A product page with journeys that the default map (the 150 busiest transitions) does not show. */
    @Test
    void everyBoxOfTwoThousandLinksIsDrawnInsideTheMap() {
        browser.open(port, "/?maxEdges=2000");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> layout = (java.util.Map<String, Object>) browser.driver.executeScript("""
                const svg = document.querySelector('#map svg');
                const boxes = [...document.querySelectorAll('#map g.node')].map(node => {
                  const y = Number(/translate\\([^,]+,([^)]+)\\)/.exec(node.getAttribute('transform'))[1]);
                  return {top: y, bottom: y + Number(node.querySelector('rect').getAttribute('height'))};
                });
                return {height: Number(svg.getAttribute('height')), boxes: boxes.length,
                  outside: boxes.filter(box => box.top < 0 || box.bottom > Number(svg.getAttribute('height'))).length,
                  tallest: Math.max(...boxes.map(box => box.bottom - box.top))};""");
        assertThat(((Number) layout.get("boxes")).intValue()).as("a column of hundreds of touchpoints")
                .isGreaterThan(200);
        assertThat(((Number) layout.get("outside")).intValue()).as("boxes above the top or below the bottom")
                .isZero();
        assertThat(((Number) layout.get("tallest")).doubleValue())
                .as("the busiest touchpoint's box is taller than the smallest one, as its journeys say").isGreaterThan(4);
    }

    @Test
    void aSkipLinkTakesTheKeyboardPastAMapOfTwoThousandLinks() {
        browser.open(port, "/?maxEdges=2000");
        @SuppressWarnings("unchecked")
        java.util.List<java.util.List<Number>> order = (java.util.List<java.util.List<Number>>) browser.driver
                .executeScript("""
                        return [...document.querySelectorAll('#map g.node[tabindex]')].map(node => {
                          const at = /translate\\(([^,]+),([^)]+)\\)/.exec(node.getAttribute('transform'));
                          return [Number(at[1]), Number(at[2])];
                        });""");
        assertThat(order).as("hundreds of touchpoints in the Tab order").hasSizeGreaterThan(200);
        assertThat(order).as("column by column, each from the top down").isSortedAccordingTo(
                java.util.Comparator.comparingDouble((java.util.List<Number> at) -> at.get(0).doubleValue())
                        .thenComparingDouble(at -> at.get(1).doubleValue()));

        WebElement skip = browser.driver.findElement(By.id("skip-map"));
        assertThat(skip.getRect().getX()).as("out of sight until focused").isNegative();
        browser.driver.executeScript("document.querySelector('#search button[type=submit]').focus()");
        browser.press(Keys.TAB);
        assertThat(browser.focused()).as("the next Tab stop before the map's touchpoints").isEqualTo(skip);
        assertThat(skip.isDisplayed()).isTrue();
        assertThat(skip.getText()).isEqualTo("Skip past the map");
        assertThat(skip.getRect().getX()).as("in sight while focused").isNotNegative();
        browser.press(Keys.ENTER);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("details-head");
        browser.press(Keys.TAB);
        assertThat(browser.driver.executeScript("return document.activeElement.closest('#map') === null"))
                .as("the next Tab goes on after the map, not into it").isEqualTo(true);
        assertThat(browser.driver.getCurrentUrl()).as("the address keeps the filters alone").doesNotContain("#");
    }

    @Test
    void thePainPointMarksOverlapNoNameOnTheMap() {
        // Bad answers about every touchpoint of the purchase and loyalty stages, the columns after the crowded
        // consideration column, so that the five pain points marked are there; importing them again adds nothing.
        StringBuilder answers = new StringBuilder("journey_id,touchpoint,score,scale\n");
        for (JsonNode touchpoint : get("/api/touchpoints").json()) {
            String stage = touchpoint.path("stage").asString("");
            if ((stage.equals("purchase") || stage.equals("loyalty")) && touchpoint.path("owner").asString("own")
                    .equals("own")) {
                for (int i = 1; i <= 10; i++) {
                    answers.append(String.format("web-%07d,\"%s\",1,csat\n", i,
                            touchpoint.get("name").asString().replace("\"", "\"\"")));
                }
            }
        }
        Response imported = post("/api/feedback", "text/csv", answers.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(answer("/api/experience/painpoints?limit=8").get("painPoints").size()).isGreaterThanOrEqualTo(5);

        browser.open(port, "/?maxEdges=2000");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> marks = (java.util.Map<String, Object>) browser.driver.executeScript("""
                const marks = [...document.querySelectorAll('#map .pain-rank')];
                const names = [...document.querySelectorAll(
                  '#map g.node-label tspan.name, #map g.node-label tspan.figure')];
                const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                const overlaps = marks.flatMap(mark => names
                  .filter(name => meet(mark.getBoundingClientRect(), name.getBoundingClientRect()))
                  .map(name => mark.textContent + ' over ' + name.textContent));
                return {marks: marks.length, overlaps};""");
        assertThat(((Number) marks.get("marks")).intValue()).as("the top five pain points marked").isEqualTo(5);
        assertThat((java.util.List<?>) marks.get("overlaps")).as("marks over a name or a count").isEmpty();
    }

    @Test
    void theDetailsOfATouchpointBeyondTheThousandThatLoseMostShowItsDropOff() {
        JsonNode thousand = answer("/api/dropoff?limit=1000&rankBy=exits").get("touchpoints");
        assertThat(thousand).as("more touchpoints lose journeys than the longest list holds").hasSize(1000);
        java.util.Set<String> listed = new java.util.HashSet<>();
        thousand.forEach(row -> listed.add(row.get("touchpoint").asString()));
        JsonNode row = null;
        for (JsonNode touchpoint : get("/api/touchpoints").json()) {
            String name = touchpoint.get("name").asString();
            if (!listed.contains(name) && name.startsWith("Product ")) {
                JsonNode own = answer("/api/dropoff?touchpoint=" + name.replace(' ', '+')).get("touchpoints");
                if (own.size() == 1 && own.get(0).get("toAbandonment").asLong() > 0) {
                    row = own.get(0);
                    break;
                }
            }
        }
        assertThat(row).as("a product page past the first 1,000 where journeys end").isNotNull();
        String name = row.get("touchpoint").asString();

        browser.open(port, "/?focus=" + name.replace(' ', '+'));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> d.findElement(
                By.cssSelector("#details-body .details-title")).getText().startsWith(name)
                && d.findElements(By.cssSelector("#details-dropoff.loading")).isEmpty());
        assertThat(browser.driver.findElement(By.id("details-dropoff")).getText().replace('\n', ' '))
                .doesNotContain("no drop-off recorded")
                .contains(Math.round(100 * row.get("exitRate").asDouble()) + "% of its visitors leave here",
                        row.get("toAbandonment").asLong() + " abandon here");
    }

    /** A touchpoint that one finished journey visits, once. */
    private String pageOfOneJourney() {
        for (JsonNode touchpoint : get("/api/touchpoints").json()) {
            String name = touchpoint.get("name").asString();
            if (touchpoint.path("journeys").asLong() == 1 && touchpoint.path("events").asLong() == 1
                    && answer("/api/graph?maxEdges=1&contains=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .get("meta").get("journeys").asLong() == 1) {
                return name;
            }
        }
        throw new AssertionError("no page that one finished journey visits once");
    }

    private String rarelyVisitedProduct() {
        java.util.Set<String> onMap = browser.mapLabels();
        for (JsonNode touchpoint : get("/api/touchpoints").json()) {
            String name = touchpoint.get("name").asString();
            if (name.startsWith("Product ") && !onMap.contains(name) && touchpoint.path("journeys").asLong(1) > 0) {
                return name;
            }
        }
        throw new AssertionError("no product page off the map");
    }

    private JsonNode answer(String pathAndQuery) {
        Response response = get(pathAndQuery);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String address() {
        return URLDecoder.decode(browser.driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }
}
