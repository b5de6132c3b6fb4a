package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The journey map page at {@code /} in Debian's headless Chromium, driven by Selenium against the app on demo data.
 * Skips where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent (install the Debian packages
 * {@code chromium} and {@code chromium-driver}); Selenium never downloads a browser or a driver here.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=3000"})
class JourneyMapPageTests extends ApiTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "screenshots", "journey-map.png");

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver)");
        profile = Files.createTempDirectory("journey-map-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1440,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

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
                .containsSubsequence("start", "awareness", "consideration", "purchase", "loyalty", "advocacy", "outcome");
        assertThat(browser.findElements(By.cssSelector("#map path.link"))).hasSize(graph.get("links").size());
        assertThat(browser.findElements(By.cssSelector("#map path.link.diversion"))).hasSize((int) diversions)
                .isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#map g.node[data-label='CompetitorA site']"))
                .getAttribute("class")).contains("competitor");
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
    void pathTabsFunnelAndAttributionShowTheAnalyses() {
        open();
        assertThat(browser.findElements(By.cssSelector("#paths table.paths tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.id("paths")).getText()).contains("Order confirmation");
        browser.findElement(By.cssSelector("#path-tabs button[data-outcome='diverted']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("#paths .chip.competitor")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#funnel ol.funnel li"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#attribution .hbar"))).isNotEmpty();
        int generation = generation();
        new Select(browser.findElement(By.id("attribution-model"))).selectByValue("first");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("attribution")).getText()
                .contains("purchases shared out"));
        assertThat(generation()).isEqualTo(generation);
    }

    private void open() {
        browser.manage().window().setSize(new Dimension(1440, 1800));
        browser.get("http://localhost:" + port + "/");
        waitForGeneration(1);
    }

    private int generation() {
        String value = browser.findElement(By.tagName("body")).getDomAttribute("data-generation");
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** Waits until every view has been redrawn at least {@code generation} times. */
    private void waitForGeneration(int generation) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> generation() >= generation);
    }

    private Set<String> mapLabels() {
        Set<String> labels = new HashSet<>();
        browser.findElements(By.cssSelector("#map g.node")).forEach(node -> labels.add(node.getDomAttribute(
                "data-label")));
        return labels;
    }

    /** The whole page, beyond the window, through the DevTools protocol, to target/screenshots/journey-map.png. */
    private void screenshot() throws IOException {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", 1440, "height", height.intValue(), "scale", 1);
        Map<String, Object> shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, Base64.getDecoder().decode((String) shot.get("data")));
    }
}
