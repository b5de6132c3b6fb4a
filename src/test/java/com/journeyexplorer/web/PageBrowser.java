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

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the page tests: opening the page, waiting until every view has
 * been redrawn, reading the map's labels, the console's errors and a full-page screenshot. {@link #start()} skips the
 * calling test class where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent (install the Debian
 * packages {@code chromium} and {@code chromium-driver}); Selenium never downloads a browser or a driver here.
 */
final class PageBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1440;

    final ChromeDriver driver;
    private final Path profile;

    private PageBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static PageBrowser start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver)");
        Path profile = Files.createTempDirectory("journey-map-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new PageBrowser(new ChromeDriver(service, options), profile);
    }

    /** Opens {@code pathAndQuery} of the app and waits for the first complete drawing. */
    void open(int port, String pathAndQuery) {
        open(port, pathAndQuery, WIDTH);
    }

    /** Opens {@code pathAndQuery} in a window {@code width} pixels wide and waits for the first complete drawing. */
    void open(int port, String pathAndQuery, int width) {
        driver.manage().window().setSize(new Dimension(width, 1800));
        driver.get("http://localhost:" + port + pathAndQuery);
        waitForGeneration(1);
    }

    /** How many times every view has been redrawn since the page opened. */
    int generation() {
        String value = driver.findElement(By.tagName("body")).getDomAttribute("data-generation");
        return value == null ? 0 : Integer.parseInt(value);
    }

    void waitForGeneration(int generation) {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> generation() >= generation);
    }

    Set<String> mapLabels() {
        Set<String> labels = new HashSet<>();
        driver.findElements(By.cssSelector("#map g.node")).forEach(node -> labels.add(node.getDomAttribute(
                "data-label")));
        return labels;
    }

    void assertNoConsoleErrors() {
        assertNoConsoleErrors(message -> false);
    }

    /** No error in the browser's console since the last look, but those {@code expected} accepts. */
    void assertNoConsoleErrors(java.util.function.Predicate<String> expected) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(expected.negate()).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    /**
     * The nodes of the browser's accessibility tree with this role and name that a screen reader gets (the query
     * answers ignored ones too).
     */
    @SuppressWarnings("unchecked")
    List<Object> accessibleNodes(String role, String name) {
        Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        Object root = ((Map<String, Object>) document.get("root")).get("nodeId");
        Map<String, Object> found = driver.executeCdpCommand("Accessibility.queryAXTree",
                Map.of("nodeId", root, "role", role, "accessibleName", name));
        return ((List<Object>) found.get("nodes")).stream()
                .filter(node -> !Boolean.TRUE.equals(((Map<String, Object>) node).get("ignored"))).toList();
    }

    /** The names a screen reader gets of the nodes of the accessibility tree with this role (ignored ones left out). */
    @SuppressWarnings("unchecked")
    List<String> accessibleNames(String role) {
        Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        Object root = ((Map<String, Object>) document.get("root")).get("nodeId");
        Map<String, Object> found = driver.executeCdpCommand("Accessibility.queryAXTree",
                Map.of("nodeId", root, "role", role));
        return ((List<Object>) found.get("nodes")).stream().map(node -> (Map<String, Object>) node)
                .filter(node -> !Boolean.TRUE.equals(node.get("ignored")) && node.get("name") != null)
                .map(node -> String.valueOf(((Map<String, Object>) node.get("name")).get("value"))).toList();
    }

    /** The element that has the focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses {@code keys} on the focused element, as a keyboard does. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses {@code key} with Shift held down (Shift+Tab). */
    void pressWithShift(CharSequence key) {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).perform();
    }

    /** The whole page, beyond the window, through the DevTools protocol. */
    void screenshot(Path file) throws IOException {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollHeight");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", WIDTH, "height", height.intValue(), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
