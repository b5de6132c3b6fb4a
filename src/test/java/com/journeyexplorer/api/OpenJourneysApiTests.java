package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Journeys still in progress, over HTTP on the embedded Neo4j: a shop's event export whose last week holds journeys
 * that have not ended yet. Under the default horizon (30 days) they are OPEN, not ABANDONED: shown as such, left out
 * of the analyses unless asked for, never absorbed as abandonment; as later data arrives they become abandoned. The
 * tests run in order, as the data grows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenJourneysApiTests extends ApiTestSupport {

    private static final String EXPORT = """
            journey_id,timestamp,touchpoint,type
            old-a,2026-01-05T10:00:00Z,Home,
            old-a,2026-01-05T10:05:00Z,Cart,
            old-p,2026-01-06T09:00:00Z,Home,
            old-p,2026-01-06T09:03:00Z,Cart,
            old-p,2026-01-06T09:09:00Z,Order confirmation,purchase
            old-d,2026-01-07T12:00:00Z,Home,
            old-d,2026-01-07T12:02:00Z,Rival site,
            new-o1,2026-03-01T08:00:00Z,Home,
            new-o1,2026-03-01T08:04:00Z,Cart,
            new-o2,2026-03-10T18:00:00Z,Home,
            new-p,2026-03-09T11:00:00Z,Home,
            new-p,2026-03-09T11:07:00Z,Order confirmation,purchase
            new-x,2026-03-08T15:00:00Z,Home,
            new-x,2026-03-08T15:02:00Z,Cart,
            new-x,2026-03-08T15:05:00Z,Cart,abandon
            """;

    private JsonNode ok(String pathAndQuery) {
        Response response = get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private String outcome(String id) {
        return ok("/api/journeys/" + id).get("outcome").asString();
    }

    private static Map<String, Long> edges(JsonNode transitions) {
        Map<String, Long> edges = new HashMap<>();
        transitions.forEach(edge -> edges.put(edge.get("from").asString() + " -> " + edge.get("to").asString(),
                edge.get("journeys").asLong()));
        return edges;
    }

    @Test
    @Order(1)
    void journeysEndingWithinTheHorizonOfTheLatestEventAreOpen() {
        Response response = post("/api/events?competitor=Rival site", "text/csv", EXPORT);
        assertThat(response.status()).as(response.body()).isEqualTo(200);

        JsonNode outcomes = ok("/api/stats").get("outcomes");
        assertThat(outcomes.get("OPEN").asLong()).isEqualTo(2);
        assertThat(outcomes.get("ABANDONED").asLong()).isEqualTo(2);
        assertThat(outcomes.get("PURCHASE").asLong()).isEqualTo(2);
        assertThat(outcomes.get("DIVERTED").asLong()).isEqualTo(1);
        assertThat(outcome("new-o1")).isEqualTo("OPEN");
        assertThat(outcome("new-o2")).isEqualTo("OPEN");
        // A purchase, or an explicit abandon event, ends a journey whatever its time.
        assertThat(outcome("new-p")).isEqualTo("PURCHASE");
        assertThat(outcome("new-x")).isEqualTo("ABANDONED");
    }

    @Test
    @Order(2)
    void analysesLeaveOpenJourneysOutUnlessAskedAndFilterThem() {
        JsonNode top = ok("/api/paths/top");
        assertThat(top.get("total").asLong()).isEqualTo(5);
        assertThat(ok("/api/paths/top?outcome=open").get("total").asLong()).isEqualTo(2);
        assertThat(ok("/api/paths/top?includeOpen=true").get("total").asLong()).isEqualTo(7);
        assertThat(ok("/api/dropoff").get("total").asLong()).isEqualTo(5);

        // Of the finished journeys that saw the cart, one bought, two gave up there (one by an abandon event).
        JsonNode cart = ok("/api/dropoff?rankBy=abandonment").get("touchpoints");
        assertThat(cart).anySatisfy(row -> {
            assertThat(row.get("touchpoint").asString()).isEqualTo("Cart");
            assertThat(row.get("journeys").asLong()).isEqualTo(3);
            assertThat(row.get("toAbandonment").asLong()).isEqualTo(2);
        });

        assertThat(edges(ok("/api/transitions").get("transitions")))
                .doesNotContainKeys("Cart -> (open)", "Home -> (open)");
        assertThat(edges(ok("/api/transitions?includeOpen=true").get("transitions")))
                .containsEntry("Cart -> (open)", 1L).containsEntry("Home -> (open)", 1L);

        Response bad = get("/api/paths/top?outcome=unfinished");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("parameter").asString()).isEqualTo("outcome");
        assertThat(bad.body()).contains("open");
    }

    @Test
    @Order(2)
    void aComparisonOfTwoPeriodsComparesFinishedJourneys() {
        JsonNode compare = ok("/api/compare?a=to%3D2026-02-01&b=from%3D2026-02-01");

        assertThat(compare.get("a").get("journeys").asLong()).isEqualTo(3);
        assertThat(compare.get("b").get("journeys").asLong()).isEqualTo(2);
        assertThat(compare.get("outcomes")).extracting(row -> row.get("outcome").asString())
                .containsExactly("PURCHASE", "ABANDONED", "DIVERTED");
        JsonNode withOpen = ok("/api/compare?a=to%3D2026-02-01%26includeOpen%3Dtrue"
                + "&b=from%3D2026-02-01%26includeOpen%3Dtrue");
        assertThat(withOpen.get("b").get("journeys").asLong()).isEqualTo(4);
        assertThat(withOpen.get("outcomes")).extracting(row -> row.get("outcome").asString()).contains("OPEN");
    }

    @Test
    @Order(2)
    void trendsSayWhichPeriodsStillHoldOpenJourneys() {
        JsonNode periods = ok("/api/trends?interval=month").get("periods");
        Map<String, JsonNode> byStart = new HashMap<>();
        periods.forEach(period -> byStart.put(period.get("start").asString(), period));

        assertThat(byStart.get("2026-01-01").has("stillOpen")).isFalse();
        assertThat(byStart.get("2026-03-01").get("stillOpen").asLong()).as("new-o1 and new-o2").isEqualTo(2);
        assertThat(byStart.get("2026-03-01").get("diversion").has("pValue")).as("settling: not tested").isFalse();
    }

    @Test
    @Order(2)
    void flowsEndOpenJourneysAtAnOpenEndOfTheirOwn() {
        // new-o2 stops at Home, new-o1 at Cart: both end there for now, neither goes on past the steps shown
        Map<String, JsonNode> open = nodes(ok("/api/flows?outcome=open&steps=3"));
        assertThat(open.get("0:Home").get("open").asLong()).isEqualTo(1);
        assertThat(open.get("1:Cart").get("open").asLong()).isEqualTo(1);
        assertThat(open.get("1:Cart").get("beyond").asLong()).isZero();
        assertThat(open.get("1:Cart").get("abandoned").asLong()).isZero();

        Map<String, JsonNode> all = nodes(ok("/api/flows?includeOpen=true&steps=3"));
        assertThat(all.get("1:Cart").get("open").asLong()).isEqualTo(1);
        assertThat(nodes(ok("/api/flows?steps=3")).get("1:Cart").get("open").asLong()).isZero();
    }

    private static Map<String, JsonNode> nodes(JsonNode flows) {
        Map<String, JsonNode> nodes = new HashMap<>();
        flows.get("nodes").forEach(node -> nodes.put(node.get("id").asString(), node));
        return nodes;
    }

    @Test
    @Order(3)
    void theMarkovChainNeverAbsorbsOpenJourneysAsAbandonment() {
        JsonNode finished = start(ok("/api/paths/likely?outcome=purchase"));
        assertThat(finished.get("purchase").asDouble()).isCloseTo(2 / 5.0, within(1e-9));
        assertThat(finished.get("abandoned").asDouble()).isCloseTo(2 / 5.0, within(1e-9));
        assertThat(finished.get("diverted").asDouble()).isCloseTo(1 / 5.0, within(1e-9));

        JsonNode withOpen = start(ok("/api/paths/likely?outcome=purchase&includeOpen=true"));
        assertThat(withOpen.get("purchase").asDouble()).isCloseTo(2 / 7.0, within(1e-9));
        assertThat(withOpen.get("abandoned").asDouble()).isCloseTo(2 / 7.0, within(1e-9));
        assertThat(withOpen.get("diverted").asDouble()).isCloseTo(1 / 7.0, within(1e-9));

        assertThat(get("/api/paths/likely?outcome=open").status()).isEqualTo(400);

        // Markov attribution leaves open journeys out even when they are selected: they have not failed to convert.
        JsonNode attribution = ok("/api/attribution?model=markov");
        JsonNode attributionWithOpen = ok("/api/attribution?model=markov&includeOpen=true");
        assertThat(attribution.get("conversionProbability").asDouble()).isCloseTo(2 / 5.0, within(1e-9));
        assertThat(attributionWithOpen.get("conversionProbability").asDouble())
                .isEqualTo(attribution.get("conversionProbability").asDouble());
        assertThat(attributionWithOpen.get("labels").toString()).isEqualTo(attribution.get("labels").toString());
        // so do its totals: purchases / journeys is the chain's conversion probability
        assertThat(attributionWithOpen.get("totals").get("journeys").asLong()).isEqualTo(5);
        assertThat(attributionWithOpen.get("totals").get("conversions").asLong()).isEqualTo(2);
        // a heuristic model has no chain: its totals count every journey selected
        assertThat(ok("/api/attribution?model=linear&includeOpen=true").get("totals").get("journeys").asLong())
                .isEqualTo(7);
    }

    @Test
    @Order(3)
    void graphExportsWithOpenJourneysGiveEachNodeItsChanceOfStayingOpenSoTheFourAddUpToOne() {
        JsonNode withOpen = ok("/api/graph?includeOpen=true");
        Map<String, JsonNode> byId = new HashMap<>();
        withOpen.get("nodes").forEach(node -> byId.put(node.get("id").asString(), node));
        JsonNode start = byId.get("start");
        assertThat(start.get("purchaseProbability").asDouble()).isCloseTo(2 / 7.0, within(1e-9));
        assertThat(start.get("openProbability").asDouble()).isCloseTo(2 / 7.0, within(1e-9));
        for (JsonNode node : withOpen.get("nodes")) {
            if (node.has("purchaseProbability") && !node.get("kind").asString().equals("outcome")) {
                assertThat(node.get("purchaseProbability").asDouble() + node.get("abandonProbability").asDouble()
                        + node.get("divertProbability").asDouble() + node.get("openProbability").asDouble())
                        .as(node.toString()).isCloseTo(1, within(1e-9));
            }
        }
        assertThat(get("/api/graph?includeOpen=true&format=graphml").body())
                .contains("attr.name=\"openProbability\" attr.type=\"double\"");

        ok("/api/graph").get("nodes").forEach(node -> assertThat(node.has("openProbability")).as(node.toString())
                .isFalse());
    }

    private static JsonNode start(JsonNode likely) {
        for (JsonNode row : likely.get("outcomeProbabilities")) {
            if (row.get("node").asString().equals("(start)")) {
                return row;
            }
        }
        throw new AssertionError("no (start) row in " + likely);
    }

    @Test
    @Order(4)
    void neo4jKeepsHowTheJourneyEndsAndTheAggregatedGraphCountsOpenJourneysApart() {
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (j:Journey {id: 'new-o1'}) RETURN j.outcome AS o").single().get("o")
                    .asString()).isEqualTo("ABANDONED");
            long open = session.run("""
                    MATCH (:Touchpoint)-[r:TRANSITION]->(:Touchpoint {name: '(open)'}) RETURN sum(r.count) AS n""")
                    .single().get("n").asLong();
            assertThat(open).isEqualTo(2);
        }
    }

    @Test
    @Order(5)
    void laterDataClosesJourneysThatStoppedAndAnImportMayGiveItsOwnHorizon() {
        Response later = post("/api/events", "text/csv", """
                journey_id,timestamp,touchpoint
                late-1,2026-05-01T09:00:00Z,Home
                """);
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        Response finishedLog = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint
                late-2,2026-04-30T09:00:00Z,Home
                """);
        assertThat(finishedLog.status()).as(finishedLog.body()).isEqualTo(200);

        assertThat(outcome("new-o1")).isEqualTo("ABANDONED");
        assertThat(outcome("new-o2")).isEqualTo("ABANDONED");
        assertThat(outcome("late-1")).isEqualTo("OPEN");
        assertThat(outcome("late-2")).isEqualTo("ABANDONED");
        assertThat(ok("/api/stats").get("outcomes").get("OPEN").asLong()).isEqualTo(1);
        assertThat(edges(ok("/api/transitions?includeOpen=true").get("transitions")))
                .containsEntry("Home -> (open)", 1L).doesNotContainKey("Cart -> (open)");

        Response negative = post("/api/events?openHorizon=-2d", "text/csv", """
                journey_id,timestamp,touchpoint
                late-3,2026-04-30T09:00:00Z,Home
                """);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.contentType()).startsWith("application/problem+json");
        assertThat(negative.json().get("parameter").asString()).isEqualTo("openHorizon");
    }
}
