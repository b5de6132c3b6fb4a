package com.journeyexplorer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;


import tools.jackson.databind.JsonNode;

/**
 * The experience on the journey map page, on the demo store with its survey answers: the emotion curve shows the
 * answers and mean score per stage of {@code /api/experience?by=stage}, the pain-points panel the rows of
 * {@code /api/experience/painpoints} with the shipping-costs page among the top, the map marks the pain points, the
 * plain words answer "Is the experience positive?", and a segment filter redraws all of them from the filtered
 * answers. Skips where Chromium is absent, as {@link JourneyMapPageTests} does.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=3000"})
class ExperiencePageTests extends PageTestSupport {

    static final String SHIPPING = "Checkout - shipping costs";
    static final String SEGMENT = "trend follower";
    static final Path SCREENSHOT = Path.of("target", "screenshots", "experience.png");

    @Test
    void curveAndPainPointsShowTheExperienceAndFollowTheFilters() throws IOException {
        page.open(port, "/");
        Map<String, String> everyone = curveOf(get("/api/experience?by=stage&comments=0").json());
        assertThat(everyone).containsKeys("consideration", "purchase").hasSizeGreaterThanOrEqualTo(3);
        assertThat(shownCurve()).isEqualTo(everyone);
        List<String> stageOrder = new java.util.ArrayList<>();
        get("/api/graph?maxEdges=1").json().get("meta").get("stages")
                .forEach(stage -> stageOrder.add(stage.asString().toLowerCase(java.util.Locale.ROOT)));
        assertThat(List.copyOf(shownCurve().keySet())).as("points left to right in the stage order")
                .isSortedAccordingTo(java.util.Comparator.comparingInt(stage -> stageOrder.indexOf(stage)));
        assertThat(browser.findElements(By.cssSelector("#emotion-curve path.curve"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#emotion-curve path.band"))).hasSize(1);
        String curveText = browser.findElement(By.id("emotion-curve")).getText();
        everyone.forEach((stage, answersAndMean) -> assertThat(curveText).as("the answers of " + stage + " as a label")
                .contains(String.format("n = %,d", Long.parseLong(answersAndMean.split("/")[0]))));

        JsonNode pains = get("/api/experience/painpoints?limit=8").json().get("painPoints");
        List<String> expectedPains = new java.util.ArrayList<>();
        pains.forEach(row -> expectedPains.add(row.get("touchpoint").asString()));
        assertThat(expectedPains.subList(0, 3)).as("the planted story: shipping costs hurt").contains(SHIPPING);
        assertThat(shownPainPoints()).isEqualTo(expectedPains);
        String panel = browser.findElement(By.id("pain-points")).getText();
        assertThat(panel).contains(pains.get(0).get("why").asString(), "cost = badExperience");
        assertThat(browser.findElement(By.cssSelector("#map g.node[data-label='" + SHIPPING + "']"))
                .getAttribute("class")).contains("pain-point");

        String answer = get("/api/experience?comments=0").json().get("answer").asString();
        String insights = browser.findElement(By.id("insights")).getText();
        assertThat(insights).contains("Is the experience positive?", answer);

        page.screenshot(SCREENSHOT);
        int generation = page.generation();
        ((JavascriptExecutor) browser).executeScript("const field = document.querySelector('#filters "
                + "input[name=segment]'); field.value = arguments[0]; field.dispatchEvent(new Event('change', "
                + "{ bubbles: true }));", SEGMENT);
        page.waitForGeneration(generation + 1);
        String segment = "&segment=" + SEGMENT;
        Map<String, String> trendFollowers = curveOf(get("/api/experience?by=stage&comments=0" + segment).json());
        assertThat(trendFollowers).isNotEqualTo(everyone);
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> shownCurve().equals(trendFollowers));
        List<String> segmentPains = new java.util.ArrayList<>();
        get("/api/experience/painpoints?limit=8" + segment).json().get("painPoints")
                .forEach(row -> segmentPains.add(row.get("touchpoint").asString()));
        assertThat(shownPainPoints()).isEqualTo(segmentPains);
        String segmentAnswer = get("/api/experience?comments=0" + segment).json().get("answer").asString();
        assertThat(segmentAnswer).isNotEqualTo(answer);
        assertThat(browser.findElement(By.id("insights")).getText()).contains(segmentAnswer)
                .doesNotContain(answer);
    }

    /**
     * A pain point's mark is drawn on its touchpoint's box, so that the name starts where the other names of the map
     * start, right of their boxes: before the name, the mark pushed it out of line with them.
     */
    @Test
    void aPainPointsMarkIsOnItsBoxAndLeavesTheNameInLineWithTheOthers() {
        page.open(port, "/");
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const map = document.getElementById('map');
                const rows = [...map.querySelectorAll('g.node-label')].filter(g => g.querySelector('tspan.name'))
                  .map(g => {
                    const origin = g.getScreenCTM().e;
                    const name = g.querySelector('tspan.name').getBoundingClientRect();
                    const mark = g.querySelector('.pain-rank');
                    const at = mark && mark.getBoundingClientRect();
                    const hit = mark && document.elementFromPoint((at.left + at.right) / 2, (at.top + at.bottom) / 2);
                    return {offset: name.left - origin, marked: Boolean(mark),
                      onBox: !mark || Math.abs((at.left + at.right) / 2 - origin - 6) < 1,
                      beforeName: !mark || at.right <= name.left,
                      boxTakesClick: !mark || Boolean(hit && hit.closest('g.node'))};
                  });
                return {marked: rows.filter(r => r.marked).length,
                  spread: Math.max(...rows.map(r => r.offset)) - Math.min(...rows.map(r => r.offset)),
                  offBox: rows.filter(r => !r.onBox).length, overName: rows.filter(r => !r.beforeName).length,
                  markTakesClick: rows.filter(r => !r.boxTakesClick).length};""");
        assertThat(((Number) layout.get("marked")).intValue()).as("the top five pain points marked").isEqualTo(5);
        assertThat(((Number) layout.get("spread")).doubleValue()).as("how far apart the names start, right of their "
                + "boxes").isLessThan(3);
        assertThat(((Number) layout.get("offBox")).intValue()).as("marks beside their box").isZero();
        assertThat(((Number) layout.get("overName")).intValue()).as("marks over their name").isZero();
        assertThat(((Number) layout.get("markTakesClick")).intValue()).as("marks that take the box's click").isZero();

        // The rank in the tooltip, as in the touchpoint's accessible name.
        WebElement shipping = browser.findElement(By.cssSelector("#map g.node.pain-point[data-label='" + SHIPPING
                + "']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", shipping);
        WebElement tooltip = browser.findElement(By.id("tooltip"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> tooltip.isDisplayed());
        assertThat(tooltip.getText()).contains("pain point #"
                + shipping.getDomAttribute("aria-label").replaceAll(".*pain point #(\\d+).*", "$1"));
    }

    @Test
    void mapColouredByExperienceShowsTheShippingCostsInTheBadColourAndFollowsTheFilters() {
        page.open(port, "/");
        assertThat(browser.findElement(By.id("experience-legend")).isDisplayed()).isFalse();

        int generation = page.generation();
        ((JavascriptExecutor) browser).executeScript("const select = document.getElementById('map-colour'); "
                + "select.value = 'experience'; select.dispatchEvent(new Event('change'));");
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> ("experience:" + generation).equals(
                d.findElement(By.id("map")).getDomAttribute("data-colour")));

        Map<String, String> everyone = meansOf(get("/api/experience?by=touchpoint&comments=0").json());
        assertThat(shownMeans()).isEqualTo(onTheMap(everyone));
        WebElement shipping = browser.findElement(By.cssSelector("#map g.node[data-label='" + SHIPPING + "']"));
        assertThat(shipping.getDomAttribute("class")).contains("mood-bad");
        assertThat(shipping.findElement(By.tagName("rect")).getDomAttribute("fill"))
                .as("red end of the scale").isNotEqualTo(shipping.findElement(By.tagName("rect"))
                        .getDomAttribute("data-fill"));
        assertThat(browser.findElements(By.cssSelector("#map g.node.mood-good"))).as("most touchpoints please")
                .isNotEmpty();
        assertThat(browser.findElement(By.id("experience-legend")).isDisplayed()).isTrue();

        ((JavascriptExecutor) browser).executeScript("const field = document.querySelector('#filters "
                + "input[name=segment]'); field.value = arguments[0]; field.dispatchEvent(new Event('change', "
                + "{ bubbles: true }));", SEGMENT);
        page.waitForGeneration(generation + 1);
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> ("experience:" + (generation + 1)).equals(
                d.findElement(By.id("map")).getDomAttribute("data-colour")));
        Map<String, String> trendFollowers = meansOf(get("/api/experience?by=touchpoint&comments=0&segment="
                + SEGMENT).json());
        assertThat(trendFollowers).isNotEqualTo(everyone);
        assertThat(shownMeans()).isEqualTo(onTheMap(trendFollowers));

        ((JavascriptExecutor) browser).executeScript("const select = document.getElementById('map-colour'); "
                + "select.value = 'stage'; select.dispatchEvent(new Event('change'));");
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> shownMeans().isEmpty());
        WebElement back = browser.findElement(By.cssSelector("#map g.node[data-label='" + SHIPPING + "'] rect"));
        assertThat(back.getDomAttribute("fill")).isEqualTo(back.getDomAttribute("data-fill"));
    }

    @Test
    void aScreenReaderHearsThePainPointRankAndTheScoreOfATouchpointAsTheMapShowsThem() {
        page.open(port, "/");
        List<String> pains = new java.util.ArrayList<>();
        get("/api/experience/painpoints?limit=8").json().get("painPoints")
                .forEach(row -> pains.add(row.get("touchpoint").asString()));
        int rank = pains.indexOf(SHIPPING) + 1;
        assertThat(rank).isBetween(1, 5);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("#map g.node.pain-point[data-label='" + SHIPPING + "']")).isEmpty());
        String name = shippingSaid();
        assertThat(name).as("the ⚠ and its rank, said").startsWith(SHIPPING + ": ")
                .endsWith(", pain point #" + rank);
        String said = name.substring(0, name.length() - (", pain point #" + rank).length());

        int generation = page.generation();
        ((JavascriptExecutor) browser).executeScript("const select = document.getElementById('map-colour'); "
                + "select.value = 'experience'; select.dispatchEvent(new Event('change'));");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> ("experience:" + generation).equals(
                d.findElement(By.id("map")).getDomAttribute("data-colour")));
        JsonNode shipping = null;
        for (JsonNode row : get("/api/experience?by=touchpoint&comments=0").json().get("labels")) {
            if (row.get("label").asString().equals(SHIPPING)) {
                shipping = row.get("experience");
            }
        }
        assertThat(shipping).isNotNull();
        String score = String.format(java.util.Locale.ROOT, "mean score %.2f of 1 from %,d answers",
                shipping.get("meanScore").asDouble(), shipping.get("responses").asLong());
        assertThat(shippingSaid()).as("the colour's score, said")
                .isEqualTo(said + ", pain point #" + rank + ", " + score);
    }

    @Test
    void theCurvesFiguresAreATableThatAScreenReaderReads() {
        page.open(port, "/");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (JsonNode row : get("/api/experience?by=stage&comments=0").json().get("labels")) {
            JsonNode summary = row.get("experience");
            if (summary.get("responses").asLong() > 0) {
                JsonNode interval = summary.get("meanInterval");
                double mean = summary.get("meanScore").asDouble();
                expected.put(row.get("label").asString(), List.of(row.get("label").asString(), fixed(mean),
                        fixed(interval.isNull() ? mean : interval.get("lower").asDouble()) + " to "
                                + fixed(interval.isNull() ? mean : interval.get("upper").asDouble()),
                        String.format(java.util.Locale.ROOT, "%,d", summary.get("responses").asLong())));
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        String caption = "Emotion curve: mean survey score per stage, 0 worst to 1 best";
        assertThat(page.accessibleNodes("table", caption)).as("a table a screen reader reaches").isNotEmpty();
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#emotion-curve table tbody tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream()
                    .map(cell -> cell.getDomProperty("textContent")).toList();
            if (expected.containsKey(row.getDomAttribute("data-stage"))) {
                shown.put(row.getDomAttribute("data-stage"), cells.subList(0, 4));
            }
        }
        assertThat(shown).as("stage, mean score, interval and answers of every stage with answers")
                .isEqualTo(expected);
    }

    /** Two decimals of the double's exact value, rounded half up, as JavaScript's toFixed does. */
    private static String fixed(double value) {
        return new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The accessible name of the shipping costs page's button on the map. */
    private String shippingSaid() {
        return page.accessibleNames("button").stream().filter(name -> name.startsWith(SHIPPING + ": "))
                .findFirst().orElseThrow();
    }

    @Test
    void theCurveKeepsTheStageOrderWhenTheMapCannotBeHad() {
        List<String> stageOrder = new java.util.ArrayList<>();
        get("/api/graph?maxEdges=1").json().get("meta").get("stages")
                .forEach(stage -> stageOrder.add(stage.asString().toLowerCase(java.util.Locale.ROOT)));
        List<String> answered = List.copyOf(curveOf(get("/api/experience?by=stage&comments=0").json()).keySet());
        assertThat(answered).as("the API lists the stages in another order").isNotEqualTo(stageOrder.stream()
                .filter(answered::contains).toList());

        page.open(port, "/?group=Broken:(");
        assertThat(browser.findElement(By.id("map")).getText()).contains("Journey map unavailable");
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> shownCurve().size() == answered.size());
        assertThat(List.copyOf(shownCurve().keySet())).as("points left to right in the stage order")
                .isEqualTo(stageOrder.stream().filter(answered::contains).toList());
        page.assertNoConsoleErrors(message -> message.contains("400"));
    }

    @Test
    void colouringByExperienceThatCannotBeHadSaysWhyInsteadOfAScoreLegendBesideTheStageColours() {
        page.open(port, "/");
        page.driver.executeCdpCommand("Network.enable", Map.of());
        page.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            ((JavascriptExecutor) browser).executeScript("const select = document.getElementById('map-colour'); "
                    + "select.value = 'experience'; select.dispatchEvent(new Event('change'));");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("map-colour-status"))
                    .getText().isEmpty());
        } finally {
            page.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency",
                    0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
        assertThat(browser.findElement(By.id("map-colour-status")).getText())
                .startsWith("colours by experience unavailable: ");
        assertThat(browser.findElement(By.id("experience-legend")).isDisplayed()).as("no scale of scores").isFalse();
        WebElement shipping = browser.findElement(By.cssSelector("#map g.node[data-label='" + SHIPPING + "'] rect"));
        assertThat(shipping.getDomAttribute("fill")).isEqualTo(shipping.getDomAttribute("data-fill"));
        page.assertNoConsoleErrors(message -> message.contains("ERR_INTERNET_DISCONNECTED"));

        ((JavascriptExecutor) browser).executeScript("const select = document.getElementById('map-colour'); "
                + "select.value = 'stage'; select.dispatchEvent(new Event('change'));");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("map-colour-status"))
                .getText().isEmpty());
    }

    /** Label -> mean score (3 decimals) of the labels with answers. */
    private static Map<String, String> meansOf(JsonNode experience) {
        Map<String, String> means = new java.util.TreeMap<>();
        for (JsonNode row : experience.get("labels")) {
            JsonNode summary = row.get("experience");
            if (summary.get("responses").asLong() > 0) {
                means.put(row.get("label").asString(), String.format(java.util.Locale.ROOT, "%.3f",
                        summary.get("meanScore").asDouble()));
            }
        }
        return means;
    }

    /** Of {@code means}, the labels drawn on the map as our touchpoints. */
    private Map<String, String> onTheMap(Map<String, String> means) {
        Map<String, String> drawn = new java.util.TreeMap<>();
        for (WebElement node : browser.findElements(By.cssSelector("#map g.node.touchpoint.own"))) {
            String label = node.getDomAttribute("data-label");
            if (means.containsKey(label)) {
                drawn.put(label, means.get(label));
            }
        }
        return drawn;
    }

    /** Label -> data-mean of the map's nodes that show a score. */
    private Map<String, String> shownMeans() {
        Map<String, String> shown = new java.util.TreeMap<>();
        for (WebElement node : browser.findElements(By.cssSelector("#map g.node[data-mean]"))) {
            shown.put(node.getDomAttribute("data-label"), node.getDomAttribute("data-mean"));
        }
        return shown;
    }

    /** Stage -> "answers/mean" of the stages with answers, the way the curve labels its points. */
    private static Map<String, String> curveOf(JsonNode experience) {
        Map<String, String> curve = new LinkedHashMap<>();
        for (JsonNode row : experience.get("labels")) {
            JsonNode summary = row.get("experience");
            if (summary.get("responses").asLong() > 0) {
                curve.put(row.get("label").asString(), summary.get("responses").asLong() + "/"
                        + String.format(java.util.Locale.ROOT, "%.3f", summary.get("meanScore").asDouble()));
            }
        }
        return curve;
    }

    private Map<String, String> shownCurve() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement point : browser.findElements(By.cssSelector("#emotion-curve g.point"))) {
            shown.put(point.getDomAttribute("data-stage"), point.getDomAttribute("data-responses") + "/"
                    + point.getDomAttribute("data-mean"));
        }
        return shown;
    }

    private List<String> shownPainPoints() {
        return browser.findElements(By.cssSelector("#pain-points tr[data-touchpoint]")).stream()
                .map(row -> row.getDomAttribute("data-touchpoint")).toList();
    }
}
