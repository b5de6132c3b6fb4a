package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * A filter value that no journey has (a 200 selecting nothing, with a warning in {@code meta.warnings} naming the
 * values there are) and the bounded neighbourhood, on 25 pages leading to one hub: page i on i + 1 journeys, each
 * journey in segment {@code s<i>}, on a mobile, in the web channel, with a campaign and a resource per event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterWarningsAndLimitsApiTests extends ApiTestSupport {

    private static final int PAGES = 25;

    @BeforeAll
    void importPagesLeadingToTheHub() {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,channel,segment,device,campaign,"
                + "resource\n");
        int journey = 0;
        for (int page = 0; page < PAGES; page++) {
            for (int copy = 0; copy <= page; copy++) {
                journey++;
                String[] steps = {String.format("Page %02d", page), "Hub", "Cart"};
                for (int step = 0; step < steps.length; step++) {
                    csv.append("j").append(journey).append(",2026-01-05T10:0").append(step).append(":00Z,")
                            .append(steps[step]).append(",web,").append(String.format("s%02d", page))
                            .append(",mobile,spring,r").append(step).append('\n');
                }
            }
        }
        importCsv("?openHorizon=0", csv.toString());
    }

    @Test
    void theNeighbourhoodListsTheLimitsMostFrequentLabelsPerOffsetAndSumsTheOthers() {
        JsonNode around = get("/api/touchpoints/Hub/neighbourhood?before=10&after=10").json();
        JsonNode before = around.get("before").get(0);
        assertThat(before.get("journeys").asLong()).isEqualTo(PAGES * (PAGES + 1) / 2);
        JsonNode labels = before.get("labels");
        assertThat(labels).hasSize(NeighbourhoodController.DEFAULT_LIMIT);
        assertThat(labels.get(0).get("label").asString()).as("the most frequent first").isEqualTo("Page 24");
        JsonNode other = before.get("other");
        assertThat(other.get("labels").asInt()).isEqualTo(PAGES - NeighbourhoodController.DEFAULT_LIMIT);
        assertThat(other.get("journeys").asLong()).as("pages 00 to 04").isEqualTo(1 + 2 + 3 + 4 + 5);
        assertThat(listed(labels) + other.get("journeys").asLong()).isEqualTo(before.get("journeys").asLong());
        assertThat(around.get("after").get(0).has("other")).as("one label after the hub, nothing left out")
                .isFalse();

        JsonNode three = get("/api/touchpoints/neighbourhood?touchpoint=Hub&before=1&after=0&limit=3").json()
                .get("before").get(0);
        assertThat(three.get("labels")).hasSize(3);
        assertThat(three.get("other").get("labels").asInt()).isEqualTo(PAGES - 3);
        assertThat(listed(three.get("labels")) + three.get("other").get("journeys").asLong())
                .isEqualTo(three.get("journeys").asLong());
        assertThat(three.get("other").get("share").asDouble())
                .isCloseTo((double) three.get("other").get("journeys").asLong() / three.get("journeys").asLong(),
                        within(1e-9));

        Response refused = get("/api/touchpoints/Hub/neighbourhood?limit=1001");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("parameter").asString()).isEqualTo("limit");
    }

    @Test
    void aFilterValueNoJourneyHasIsAnEmptyAnswerWithAWarningNamingTheKnownValues() {
        Response top = get("/api/paths/top?segment=nope");
        assertThat(top.status()).as(top.body()).isEqualTo(200);
        assertThat(top.json().get("total").asLong()).isZero();
        JsonNode warning = only(top.json().get("meta").get("warnings"));
        assertThat(warning.get("parameter").asString()).isEqualTo("segment");
        assertThat(warning.get("value").asString()).isEqualTo("nope");
        assertThat(warning.get("knownCount").asInt()).isEqualTo(PAGES);
        List<String> known = texts(warning.get("known"));
        assertThat(known).hasSize(FilterWarnings.MAX_KNOWN).startsWith("s00", "s01").isSorted();
        assertThat(warning.get("detail").asString()).contains("segment", "'nope'", "s00");

        JsonNode two = get("/api/attribution?channel=tv&device=tablet").json().get("meta").get("warnings");
        assertThat(two).hasSize(2);
        assertThat(two.get(0).get("parameter").asString()).isEqualTo("channel");
        assertThat(texts(two.get(0).get("known"))).containsExactly("web");
        assertThat(two.get(1).get("parameter").asString()).isEqualTo("device");
        assertThat(texts(two.get(1).get("known"))).containsExactly("mobile");

        JsonNode attribute = only(get("/api/transitions?attr.campaign=autumn").json().get("meta").get("warnings"));
        assertThat(attribute.get("parameter").asString()).isEqualTo("attr.campaign");
        assertThat(texts(attribute.get("known"))).containsExactly("spring");
        JsonNode event = only(get("/api/summary?event.resource=r9").json().get("meta").get("warnings"));
        assertThat(event.get("parameter").asString()).isEqualTo("event.resource");
        assertThat(texts(event.get("known"))).containsExactly("r0", "r1", "r2");

        JsonNode sides = get("/api/compare?a=segment%3Dnope&b=segment%3Ds01").json().get("meta").get("warnings");
        assertThat(only(sides).get("parameter").asString()).as("named as the side's errors are")
                .isEqualTo("a.segment");

        JsonNode graph = get("/api/graph?device=tablet").json();
        assertThat(only(graph.get("meta").get("warnings")).get("parameter").asString()).isEqualTo("device");
        assertThat(graph.get("meta").get("journeys").asLong()).as("the graph's own meta kept").isZero();

        for (String matching : List.of("/api/paths/top?segment=s03", "/api/paths/top?channel=web&device=mobile"
                + "&attr.campaign=spring&event.resource=r1", "/api/graph?segment=s03")) {
            JsonNode answer = get(matching).json();
            assertThat(answer.has("meta") && answer.get("meta").has("warnings")).as(matching).isFalse();
        }
    }

    private static long listed(JsonNode labels) {
        long sum = 0;
        for (JsonNode label : labels) {
            sum += label.get("journeys").asLong();
        }
        return sum;
    }

    private static JsonNode only(JsonNode warnings) {
        assertThat(warnings).hasSize(1);
        return warnings.get(0);
    }

    private static List<String> texts(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asString()));
        return texts;
    }
}
