package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.TestData;
import com.journeyexplorer.analysis.attribution.Attribution;
import com.journeyexplorer.analysis.attribution.AttributionModel;
import com.journeyexplorer.analysis.attribution.AttributionPath;
import com.journeyexplorer.analysis.attribution.FirstTouch;
import com.journeyexplorer.analysis.attribution.LastTouch;
import com.journeyexplorer.analysis.attribution.LinearTouch;
import com.journeyexplorer.analysis.attribution.PositionBased;
import com.journeyexplorer.analysis.attribution.TimeDecay;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/attribution} end to end: ChannelAttribution's worked example, its Data.csv and two paths with repeats
 * imported as aggregated paths, and touchpoint events with channels and stages for the shaping parameters (four
 * sources in one store, told apart by {@code attr.source}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttributionApiTests extends ApiTestSupport {

    private static final String WORKED = "/api/attribution?attr.source=worked";
    private static final String DATA = "/api/attribution?attr.source=ca";
    private static final long DATA_CONVERSIONS = 19785;
    private static final String SHAPED = "/api/attribution?attr.source=shaped";
    /** Social ad and Newsletter credited together ({@code |} escaped for the URI). */
    private static final String GROUP = "group=Ads and mail:Social ad%7CNewsletter";

    @BeforeAll
    void importBothSources() {
        String worked = """
                path;total_conversions;total_conversion_value;total_null
                A > B > A > B > B > A;1;1;0
                A > B > B > A > A;1;1;0
                A > A;1;1;0
                """;
        assertThat(post("/api/journeys/aggregated?source=worked", "text/csv", worked).status()).isEqualTo(200);
        String repeats = """
                path;total_conversions;total_conversion_value;total_null
                X > A > A > B;1;1;0
                Y > A > A > D;0;0;1
                """;
        assertThat(post("/api/journeys/aggregated?source=repeats", "text/csv", repeats).status()).isEqualTo(200);
        Response data = postFile("/api/journeys/aggregated?source=ca", "text/csv",
                TestData.file("channelattribution/Data.csv"));
        assertThat(data.status()).as(data.body()).isEqualTo(200);
    }

    /**
     * Seven journeys, as in {@code ShapedAttributionTests}: Search ad > Product 1 > Product 2 > purchase twice (value
     * 50 each), Social ad > Newsletter > Product 2 > purchase (30), Social ad > Product 1 three times, Newsletter.
     */
    @BeforeAll
    void importEventsWithChannelsAndStages() {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,channel,stage,type,value,source\n");
        String[][] journeys = {
                {"j1a", "Search ad", "Product 1", "Product 2", "Checkout!50"},
                {"j1b", "Search ad", "Product 1", "Product 2", "Checkout!50"},
                {"j2", "Social ad", "Newsletter", "Product 2", "Checkout!30"},
                {"j3a", "Social ad", "Product 1"}, {"j3b", "Social ad", "Product 1"},
                {"j3c", "Social ad", "Product 1"}, {"j4", "Newsletter"}};
        Map<String, String> channelAndStage = Map.of("Search ad", "paid,awareness", "Social ad", "paid,awareness",
                "Product 1", "web,consideration", "Product 2", "web,consideration", "Newsletter", "email,",
                "Checkout", "web,purchase");
        for (String[] journey : journeys) {
            for (int i = 1; i < journey.length; i++) {
                String[] step = journey[i].split("!");
                csv.append(journey[0]).append(",2026-01-05T10:0").append(i).append(":00Z,").append(step[0])
                        .append(',').append(channelAndStage.get(step[0]))
                        .append(step.length > 1 ? ",purchase," + step[1] : ",touchpoint,").append(",shaped\n");
            }
        }
        Response imported = post("/api/events?openHorizon=0", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void markovGivesTheWorkedExamplesRemovalEffectsAndCredits() {
        Response response = get(WORKED + "&model=markov");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("model").asString()).isEqualTo("markov");
        Map<String, JsonNode> labels = byLabel(answer);
        assertThat(labels).containsOnlyKeys("A", "B");
        assertThat(labels.get("A").get("removalEffect").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(labels.get("B").get("removalEffect").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(labels.get("A").get("conversions").asDouble()).isCloseTo(2, within(1e-9));
        assertThat(labels.get("B").get("conversions").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(labels.get("A").get("value").asDouble()).isCloseTo(2, within(1e-9));
        assertThat(answer.get("totals").get("conversions").asLong()).isEqualTo(3);
        assertThat(answer.get("totals").get("journeys").asLong()).isEqualTo(3);
        assertThat(answer.get("conversionProbability").asDouble()).isCloseTo(1, within(1e-9));
    }

    @Test
    @Order(2)
    void twoCallsGiveIdenticalJson() {
        Response first = get(WORKED);
        Response second = get(WORKED);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(get(DATA + "&model=markov").body()).isEqualTo(get(DATA + "&model=markov").body());
    }

    @Test
    @Order(3)
    void heuristicModelsEqualTheAnalysisClassesOnDataCsv() throws IOException {
        List<AttributionPath> paths = dataCsvPaths();
        Map<String, AttributionModel> models = Map.of("first", new FirstTouch(), "last", new LastTouch(),
                "linear", new LinearTouch(), "position", new PositionBased(), "time-decay&halfLife=2",
                new TimeDecay(2));
        for (Map.Entry<String, AttributionModel> model : models.entrySet()) {
            Response response = get(DATA + "&model=" + model.getKey());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Attribution expected = model.getValue().attribute(paths);
            Map<String, JsonNode> labels = byLabel(response.json());

            assertThat(labels.keySet()).as(model.getKey())
                    .containsExactlyInAnyOrderElementsOf(expected.credits().stream()
                            .map(Attribution.Credit::label).toList());
            double sum = 0;
            for (Attribution.Credit credit : expected.credits()) {
                JsonNode label = labels.get(credit.label());
                assertThat(label.get("conversions").asDouble()).as(model.getKey() + " " + credit.label())
                        .isCloseTo(credit.conversions(), within(1e-6));
                assertThat(label.get("value").asDouble()).as(model.getKey() + " " + credit.label())
                        .isCloseTo(credit.value(), within(1e-6));
                assertThat(label.has("removalEffect")).isFalse();
                sum += label.get("conversions").asDouble();
            }
            assertThat(sum).as(model.getKey()).isCloseTo(DATA_CONVERSIONS, within(1e-6));
            assertThat(response.json().get("totals").get("conversions").asLong()).isEqualTo(DATA_CONVERSIONS);
        }
    }

    @Test
    @Order(3)
    void aLimitListsTheMostCreditedLabelsAndSumsTheOthersSoTheTotalsReconcile() {
        for (String model : List.of("markov", "linear")) {
            JsonNode whole = get(DATA + "&model=" + model).json();
            assertThat(whole.has("other")).as("every label listed, nothing summed").isFalse();
            JsonNode all = whole.get("labels");
            assertThat(all.size()).isGreaterThan(3);

            Response response = get(DATA + "&model=" + model + "&limit=3");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode answer = response.json();
            JsonNode listed = answer.get("labels");
            assertThat(listed.size()).isEqualTo(3);
            double conversions = 0;
            double value = 0;
            for (int i = 0; i < 3; i++) {
                assertThat(listed.get(i)).as(model + ": the most credited first").isEqualTo(all.get(i));
                conversions += listed.get(i).get("conversions").asDouble();
                value += listed.get(i).get("value").asDouble();
            }
            JsonNode other = answer.get("other");
            assertThat(other.get("labels").asInt()).isEqualTo(all.size() - 3);
            double wholeValue = 0;
            for (JsonNode label : all) {
                wholeValue += label.get("value").asDouble();
            }
            assertThat(conversions + other.get("conversions").asDouble()).as(model)
                    .isCloseTo(answer.get("totals").get("conversions").asDouble(), within(1e-6));
            assertThat(value + other.get("value").asDouble()).as(model).isCloseTo(wholeValue, within(1e-6));
            assertThat(answer.get("totals")).isEqualTo(whole.get("totals"));
        }
        assertInvalid(get(DATA + "&limit=0"), "limit", "between 1 and 1000");
        assertInvalid(get(DATA + "&limit=1001"), "limit", "between 1 and 1000");
    }

    @Test
    @Order(3)
    void compareBoundsEachSidesAttributionAsAttributionDoesSoEachSideStillReconciles() {
        String compare = "/api/compare?a=attr.source%3Dca&b=attr.source%3Dworked";
        for (String model : List.of("markov", "linear")) {
            JsonNode whole = get(compare + "&model=" + model).json();
            Response response = get(compare + "&model=" + model + "&attributionLimit=1");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            for (String side : List.of("a", "b")) {
                JsonNode all = whole.get(side).get("attribution");
                assertThat(all.has("other")).as("every label listed by default, nothing summed").isFalse();
                assertThat(all.get("labels").size()).isGreaterThan(1);
                JsonNode limited = response.json().get(side).get("attribution");
                assertThat(limited.get("labels")).hasSize(1);
                assertThat(limited.get("labels").get(0)).as(model + " " + side + ": the most credited")
                        .isEqualTo(all.get("labels").get(0));
                JsonNode other = limited.get("other");
                assertThat(other.get("labels").asInt()).isEqualTo(all.get("labels").size() - 1);
                double wholeValue = 0;
                for (JsonNode label : all.get("labels")) {
                    wholeValue += label.get("value").asDouble();
                }
                assertThat(limited.get("labels").get(0).get("conversions").asDouble()
                        + other.get("conversions").asDouble()).as(model + " " + side)
                        .isCloseTo(limited.get("conversions").asDouble(), within(1e-6));
                assertThat(limited.get("labels").get(0).get("value").asDouble() + other.get("value").asDouble())
                        .as(model + " " + side).isCloseTo(wholeValue, within(1e-6));
                assertThat(limited.get("conversions")).isEqualTo(all.get("conversions"));
                assertThat(limited.get("value")).isEqualTo(all.get("value"));
            }
        }
        assertInvalid(get(compare + "&attributionLimit=0"), "attributionLimit", "between 1 and 1000");
        assertInvalid(get(compare + "&attributionLimit=1001"), "attributionLimit", "between 1 and 1000");
        assertThat(get("/v3/api-docs").json().get("paths").get("/api/compare").get("get").get("parameters"))
                .anySatisfy(parameter -> {
                    assertThat(parameter.get("name").asString()).isEqualTo("attributionLimit");
                    assertThat(parameter.get("schema").get("default").asInt()).isEqualTo(100);
                    assertThat(parameter.get("schema").get("maximum").asInt()).isEqualTo(1000);
                });
    }

    @Test
    @Order(4)
    void firstTouchCreditsEachPathsFirstLabel() throws IOException {
        Map<String, Double> expected = new HashMap<>();
        for (AttributionPath path : dataCsvPaths()) {
            expected.merge(path.steps()[0], (double) path.conversions(), Double::sum);
        }
        expected.values().removeIf(conversions -> conversions == 0);

        Map<String, JsonNode> labels = byLabel(get(DATA + "&model=first").json());

        assertThat(labels).hasSameSizeAs(expected);
        expected.forEach((label, conversions) ->
                assertThat(labels.get(label).get("conversions").asDouble()).as(label).isEqualTo(conversions));
    }

    @Test
    @Order(5)
    void removingASetReportsItsJointEffect() {
        JsonNode answer = get(DATA + "&remove=alpha,beta").json();
        Map<String, JsonNode> labels = byLabel(answer);
        JsonNode removal = answer.get("removal");

        assertThat(removal.get("labels")).extracting(JsonNode::asString).containsExactly("alpha", "beta");
        double joint = removal.get("removalEffect").asDouble();
        assertThat(joint).isGreaterThan(labels.get("alpha").get("removalEffect").asDouble())
                .isGreaterThan(labels.get("beta").get("removalEffect").asDouble()).isLessThanOrEqualTo(1);
        assertThat(removal.get("conversionProbabilityWithout").asDouble())
                .isCloseTo(answer.get("conversionProbability").asDouble() * (1 - joint), within(1e-12));
        JsonNode single = get(WORKED + "&remove=B").json().get("removal");
        assertThat(single.get("removalEffect").asDouble()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    @Order(6)
    void acceptsAHigherOrderWhoseCreditsSumToTheConversions() {
        Response response = get(DATA + "&model=markov&order=2");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("order").asInt()).isEqualTo(2);
        double sum = 0;
        for (JsonNode label : answer.get("labels")) {
            sum += label.get("conversions").asDouble();
        }
        assertThat(sum).isCloseTo(DATA_CONVERSIONS, within(1e-6));
        assertThat(byLabel(answer)).doesNotContainKey("Conversion");
    }

    @Test
    @Order(6)
    void collapsingRepeatsChangesTheSecondOrderCreditsButNotTheFirstOrder() {
        // worked out in MarkovAttributionTests: A A merged, X,A leads to A,B only, so X earns 1/3 instead of 1/6
        String repeats = "/api/attribution?attr.source=repeats&model=markov";
        Map<String, JsonNode> kept = byLabel(get(repeats + "&order=2").json());
        Map<String, JsonNode> collapsed = byLabel(get(repeats + "&order=2&collapseRepeats=true").json());
        assertThat(kept.get("X").get("conversions").asDouble()).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(collapsed.get("X").get("conversions").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(collapsed.get("Y").get("conversions").asDouble()).isCloseTo(0, within(1e-9));

        JsonNode firstOrder = get(WORKED + "&model=markov&collapseRepeats=true").json();
        assertThat(firstOrder.get("collapseRepeats").asBoolean()).isTrue();
        assertThat(byLabel(firstOrder).get("A").get("conversions").asDouble()).isCloseTo(2, within(1e-9));
        assertThat(byLabel(firstOrder).get("B").get("conversions").asDouble()).isCloseTo(1, within(1e-9));
    }

    @Test
    @Order(7)
    void rejectsAnOrderAboveFour() {
        assertInvalid(get(DATA + "&order=5"), "order", "between 1 and 4");
    }

    @Test
    @Order(8)
    void rejectsAnUnknownModelNamingTheAllowedOnes() {
        assertInvalid(get(DATA + "&model=shapley"), "model",
                "markov, first, last, linear, position, time-decay");
    }

    @Test
    @Order(9)
    void rejectsAHalfLifeOfZero() {
        assertInvalid(get(DATA + "&model=time-decay&halfLife=0"), "halfLife", "greater than 0");
        assertInvalid(get(DATA + "&model=time-decay&halfLife=soon"), "halfLife", "number");
    }

    @Test
    @Order(9)
    void everyHalfLifeOutOfRangeGetsTheSameMessage() {
        String range = "must be greater than 0 and at most 3650 (days; steps for untimed paths), was ";
        for (String halfLife : List.of("0", "-1", "3651", "1e999", "NaN")) {
            Response response = get(DATA + "&model=time-decay&halfLife=" + halfLife);
            assertInvalid(response, "halfLife", range + halfLife);
            assertThat(response.json().get("detail").asString()).isEqualTo("Parameter 'halfLife' " + range
                    + halfLife);
        }
    }

    @Test
    @Order(10)
    void rejectsParametersTheModelDoesNotUse() {
        assertInvalid(get(DATA + "&model=linear&order=2"), "order", "model=markov only");
        assertInvalid(get(DATA + "&model=first&remove=alpha"), "remove", "model=markov only");
    }

    @Test
    @Order(11)
    void removingAnUnknownLabelIsNotFound() {
        Response response = get(DATA + "&remove=alpha,nowhere");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("label").asString()).isEqualTo("nowhere");
        assertThat(response.json().get("parameter").asString()).isEqualTo("remove");
        assertThat(response.json().get("detail").asString()).contains("parameter 'remove'", "alpha");
        assertThat(names(response.json().get("known"))).contains("alpha").hasSizeLessThanOrEqualTo(10);
    }

    @Test
    @Order(11)
    void removingAnUnknownLabelIsNotFoundEvenWhereTheSelectionHasNoPurchase() {
        String noPurchase = "/api/attribution?attr.source=nowhere-at-all";

        Response unknown = get(noPurchase + "&remove=nowhere");
        Response known = get(noPurchase + "&remove=alpha");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("label").asString()).isEqualTo("nowhere");
        assertThat(unknown.json().get("parameter").asString()).isEqualTo("remove");
        assertThat(known.status()).as(known.body()).isEqualTo(200);
        assertThat(known.json().get("totals").get("conversions").asDouble()).isZero();
    }

    @Test
    @Order(11)
    void anUnknownNameInAFilterNamesTheParameterItCameFrom() {
        JsonNode stage = notFound(get("/api/funnel?stages=foo"));
        assertThat(stage.get("parameter").asString()).isEqualTo("stages");
        assertThat(stage.get("stage").asString()).isEqualTo("foo");
        assertThat(names(stage.get("known"))).contains("awareness", "consideration");

        assertThat(notFound(get("/api/funnel?steps=Nowhere")).get("parameter").asString()).isEqualTo("steps");
        assertThat(notFound(get("/api/paths/top?contains=Nowhere")).get("parameter").asString())
                .isEqualTo("contains");

        JsonNode side = notFound(get("/api/compare?a=startsWith%3DNowhere&b="));
        assertThat(side.get("parameter").asString()).isEqualTo("a.startsWith");
        assertThat(side.get("touchpoint").asString()).isEqualTo("Nowhere");
        assertThat(side.get("detail").asString()).contains("a.startsWith");
        assertThat(notFound(get("/api/compare?a=&b=endsWith%3DNowhere")).get("parameter").asString())
                .isEqualTo("b.endsWith");
    }

    private static JsonNode notFound(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    @Test
    @Order(12)
    void creditsStagesAsThePathAnalysesLabelThem() {
        // worked out in ShapedAttributionTests; Newsletter has no stage and keeps its name
        Response linear = get(SHAPED + "&level=stage&model=linear");
        assertThat(linear.status()).as(linear.body()).isEqualTo(200);
        assertThat(linear.json().get("level").asString()).isEqualTo("stage");
        assertCredits(linear.json(), Map.of("awareness", new double[] {1, 130.0 / 3},
                "consideration", new double[] {5.0 / 3, 230.0 / 3}, "Newsletter", new double[] {1.0 / 3, 10}));

        JsonNode markov = get(SHAPED + "&level=stage&model=markov").json();
        assertCredits(markov, Map.of("awareness", new double[] {1.32, 57.2},
                "consideration", new double[] {1.44, 62.4}, "Newsletter", new double[] {0.24, 10.4}));
        assertThat(byLabel(markov).get("awareness").get("removalEffect").asDouble()).isCloseTo(11.0 / 12,
                within(1e-9));
        assertThat(markov.get("conversionProbability").asDouble()).isCloseTo(3.0 / 7, within(1e-9));
        // the labels are those of the path analyses
        Response transitions = get("/api/transitions?attr.source=shaped&level=stage");
        assertThat(transitions.body()).contains("\"awareness\"", "\"consideration\"", "\"Newsletter\"");
    }

    @Test
    @Order(13)
    void creditsGroupsOfTouchpoints() {
        Response linear = get(SHAPED + "&model=linear&" + GROUP);
        assertThat(linear.status()).as(linear.body()).isEqualTo(200);
        assertCredits(linear.json(), Map.of("Search ad", new double[] {2.0 / 3, 100.0 / 3},
                "Product 1", new double[] {2.0 / 3, 100.0 / 3}, "Product 2", new double[] {1, 130.0 / 3},
                "Ads and mail", new double[] {2.0 / 3, 20}));

        Response markov = get(SHAPED + "&model=markov&remove=Ads and mail&" + GROUP);
        assertThat(markov.status()).as(markov.body()).isEqualTo(200);
        assertCredits(markov.json(), Map.of("Search ad", new double[] {0.3, 13}, "Product 1",
                new double[] {0.75, 32.5}, "Product 2", new double[] {1.125, 48.75},
                "Ads and mail", new double[] {0.825, 35.75}));
        assertThat(markov.json().get("removal").get("removalEffect").asDouble()).isCloseTo(11.0 / 15,
                within(1e-9));
        // groups and levels together: the group first, the other touchpoints by channel
        assertCredits(get(SHAPED + "&model=first&level=channel&" + GROUP).json(), Map.of(
                "paid", new double[] {2, 100}, "Ads and mail", new double[] {1, 30}));
        assertCredits(get(SHAPED + "&model=last&level=channel&" + GROUP).json(), Map.of(
                "web", new double[] {3, 130}));
    }

    @Test
    @Order(14)
    void rejectsTheShapingAttributionCannotTake() {
        assertInvalid(get(SHAPED + "&maxSteps=2"), "maxSteps", "taken whole, up to its purchase");
        assertInvalid(get(SHAPED + "&model=linear&collapseRepeats=true"), "collapseRepeats", "model=markov only");
        assertInvalid(get(SHAPED + "&group=NoColon"), "group", "Name:regular-expression");
        assertInvalid(get(SHAPED + "&level=page"), "level", "touchpoint, channel, stage");
    }

    @Test
    @Order(15)
    void comparesAttributionAtStagesAndWithGroups() {
        String compare = "/api/compare?a=attr.source%3Dshaped&b=attr.source%3Dshaped%26startsWith%3DSocial%20ad"
                + "&model=linear";
        Response stages = get(compare + "&level=stage");
        assertThat(stages.status()).as(stages.body()).isEqualTo(200);
        JsonNode a = stages.json().get("a").get("attribution");
        assertThat(a.get("level").asString()).isEqualTo("stage");
        assertCredits(a, Map.of("awareness", new double[] {1, 130.0 / 3},
                "consideration", new double[] {5.0 / 3, 230.0 / 3}, "Newsletter", new double[] {1.0 / 3, 10}));
        // b: only Social ad > Newsletter > Product 2 converts
        assertCredits(stages.json().get("b").get("attribution"), Map.of("awareness", new double[] {1.0 / 3, 10},
                "consideration", new double[] {1.0 / 3, 10}, "Newsletter", new double[] {1.0 / 3, 10}));
        // variants stay named by touchpoint
        assertThat(stages.json().get("paths").toString()).contains("Search ad > Product 1 > Product 2");

        Response grouped = get(compare + "&" + GROUP);
        assertThat(grouped.status()).as(grouped.body()).isEqualTo(200);
        assertCredits(grouped.json().get("b").get("attribution"), Map.of(
                "Ads and mail", new double[] {2.0 / 3, 20}, "Product 2", new double[] {1.0 / 3, 10}));
        assertInvalid(get(compare + "&group=Name:%5B"), "group", "invalid regular expression");
    }

    @Test
    @Order(15)
    void aComparedSideWithoutAPurchaseSaysWhyItsCreditsAreEmptyAsTheAttributionDoes() {
        Response response = get("/api/compare?a=outcome%3Dabandoned&b=&model=linear");
        assertThat(response.status()).as(response.body()).isEqualTo(200);

        JsonNode a = response.json().get("a").get("attribution");
        assertThat(a.get("labels")).isEmpty();
        assertThat(a.get("note").asString()).isEqualTo(get("/api/attribution?outcome=abandoned&model=linear").json()
                .get("note").asString()).startsWith("No selected journey ends in a purchase")
                .as("the store has purchases, so the filters are the reason, not a missing import")
                .contains("widen the filters").doesNotContain("Import purchase");
        assertThat(response.json().get("b").get("attribution").has("note")).isFalse();
    }

    /** Exactly the labels of {@code expected}, each with its {conversions, value}. */
    private static void assertCredits(JsonNode answer, Map<String, double[]> expected) {
        Map<String, JsonNode> labels = byLabel(answer);
        assertThat(labels).containsOnlyKeys(expected.keySet());
        expected.forEach((label, credit) -> {
            assertThat(labels.get(label).get("conversions").asDouble()).as(label).isCloseTo(credit[0],
                    within(1e-9));
            assertThat(labels.get(label).get("value").asDouble()).as(label).isCloseTo(credit[1], within(1e-9));
        });
    }

    private static void assertInvalid(Response response, String parameter, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    private static Map<String, JsonNode> byLabel(JsonNode answer) {
        Map<String, JsonNode> labels = new HashMap<>();
        for (JsonNode label : answer.get("labels")) {
            labels.put(label.get("label").asString(), label);
        }
        return labels;
    }

    /** Data.csv read independently of the importer: a converted and a non-converted path per row. */
    private static List<AttributionPath> dataCsvPaths() throws IOException {
        Path file = TestData.file("channelattribution/Data.csv");
        List<String> lines = Files.readAllLines(file);
        List<AttributionPath> paths = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(";");
            String[] steps = fields[0].trim().split("\\s*>\\s*");
            long conversions = Long.parseLong(fields[1].trim());
            long nulls = Long.parseLong(fields[3].trim());
            if (conversions > 0) {
                paths.add(AttributionPath.untimed(steps, true, Double.parseDouble(fields[2].trim()), conversions));
            }
            if (nulls > 0) {
                paths.add(AttributionPath.untimed(steps, false, 0, nulls));
            }
        }
        return paths;
    }
}
