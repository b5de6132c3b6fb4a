package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The analysis endpoints on the process-mining running example (6 cases, 42 events; {@code pay compensation} is the
 * purchase, so 3 cases purchase and 3 end abandoned at {@code reject request}), over HTTP on the embedded Neo4j.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningExampleApiTests extends ApiTestSupport {

    @BeforeAll
    void importRunningExample() {
        Response response = postRunningExample();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void topPathsListTheSixVariantsThreePurchasedAndThreeAbandoned() {
        JsonNode top = ok("/api/paths/top?outcome=any");

        assertThat(top.get("total").asLong()).isEqualTo(6);
        assertThat(top.get("distinctVariants").asLong()).isEqualTo(6);
        assertThat(top.get("variants")).hasSize(6).allSatisfy(variant -> {
            assertThat(variant.get("journeys").asLong()).isEqualTo(1);
            assertThat(variant.get("share").asDouble()).isCloseTo(1.0 / 6, within(1e-12));
            assertThat(variant.get("steps").get(0).asString()).isEqualTo("register request");
            assertThat(variant.get("medianSeconds").asDouble()).isPositive();
        });
        assertThat(lastSteps(top, 1.0)).hasSize(3).containsOnly("pay compensation");
        assertThat(lastSteps(top, 0.0)).hasSize(3).containsOnly("reject request");
        assertThat(top.get("other").get("journeys").asLong()).isZero();
        assertThat(top.get("other").get("variants").asLong()).isZero();
    }

    @Test
    void dropOffByExitRateLeavesOutTouchpointsTooFewJourneysVisitUnlessToldOtherwise() {
        assertThat(ok("/api/dropoff?rankBy=exit-rate").get("touchpoints")).as("six cases: under 30 journeys each")
                .isEmpty();
        JsonNode all = ok("/api/dropoff?rankBy=exit-rate&minJourneys=1&limit=100").get("touchpoints");
        assertThat(all).isNotEmpty();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("exitRate").asDouble()).isLessThanOrEqualTo(all.get(i - 1).get("exitRate")
                    .asDouble());
        }
        JsonNode busy = ok("/api/dropoff?minJourneys=6&limit=100").get("touchpoints");
        assertThat(busy).isNotEmpty().allSatisfy(t -> assertThat(t.get("journeys").asLong()).isGreaterThanOrEqualTo(6));
        assertThat(ok("/api/dropoff?limit=100").get("touchpoints").size()).isEqualTo(all.size());
        assertThat(get("/api/dropoff?minJourneys=0").status()).isEqualTo(400);
    }

    @Test
    void dropOffOfOneTouchpointIsItsRowWhateverItsRank() {
        JsonNode all = ok("/api/dropoff?limit=100").get("touchpoints");
        JsonNode last = all.get(all.size() - 1);
        assertThat(ok("/api/dropoff?limit=1").get("touchpoints").get(0)).isNotEqualTo(last);
        JsonNode own = ok("/api/dropoff?limit=1&touchpoint=" + last.get("touchpoint").asString().replace(' ', '+'))
                .get("touchpoints");
        assertThat(own).hasSize(1);
        assertThat(own.get(0)).isEqualTo(last);
        Response unknown = get("/api/dropoff?touchpoint=nowhere");
        assertProblem(unknown, 404, "parameter", "touchpoint");
        assertThat(unknown.json().get("detail").asString()).contains("'nowhere'");
    }

    @Test
    void topPathsToPurchaseEndAtThePurchaseAndLimitMovesTheRestToOther() {
        JsonNode top = ok("/api/paths/top?outcome=purchase&limit=2");

        assertThat(top.get("total").asLong()).isEqualTo(3);
        assertThat(top.get("variants")).hasSize(2);
        assertThat(lastSteps(top, 1.0)).containsOnly("pay compensation");
        assertThat(top.get("other").get("variants").asLong()).isEqualTo(1);
        assertThat(top.get("other").get("journeys").asLong()).isEqualTo(1);
        assertThat(top.get("other").get("share").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void likelyPathsComeInDescendingProbabilityAndTheChainGivesAnEvenChanceOfPurchase() {
        JsonNode likely = ok("/api/paths/likely?outcome=purchase&k=5");

        assertThat(likely.get("outcome").asString()).isEqualTo("(purchase)");
        List<Double> probabilities = new ArrayList<>();
        likely.get("paths").forEach(path -> probabilities.add(path.get("probability").asDouble()));
        assertThat(probabilities).hasSize(5).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        likely.get("paths").forEach(path -> {
            assertThat(path.get("steps").get(0).asString()).isEqualTo("register request");
            assertThat(path.get("steps").get(path.get("steps").size() - 1).asString())
                    .isEqualTo("pay compensation");
        });
        JsonNode start = likely.get("outcomeProbabilities").get(0);
        assertThat(start.get("node").asString()).isEqualTo("(start)");
        assertThat(start.get("purchase").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(start.get("abandoned").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(probabilityOf(likely, "pay compensation", "purchase")).isCloseTo(1.0, within(1e-9));
        assertThat(probabilityOf(likely, "reject request", "abandoned")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void flowsReconcileAtEveryNodeAndStep() {
        JsonNode flows = ok("/api/flows?steps=6&topPerStep=2");

        assertThat(flows.get("total").asLong()).isEqualTo(6);
        Map<String, Long> outgoing = new HashMap<>();
        Set<String> ids = new HashSet<>();
        flows.get("nodes").forEach(node -> ids.add(node.get("id").asString()));
        flows.get("links").forEach(link -> {
            assertThat(ids).contains(link.get("source").asString(), link.get("target").asString());
            outgoing.merge(link.get("source").asString(), link.get("value").asLong(), Long::sum);
        });
        Map<Integer, Long> perStep = new HashMap<>();
        assertThat(flows.get("nodes")).isNotEmpty().allSatisfy(node -> {
            long ends = node.get("purchased").asLong() + node.get("abandoned").asLong()
                    + node.get("diverted").asLong() + node.get("open").asLong() + node.get("beyond").asLong();
            assertThat(node.get("journeys").asLong()).as(node.get("id").asString())
                    .isEqualTo(outgoing.getOrDefault(node.get("id").asString(), 0L) + ends);
            perStep.merge(node.get("step").asInt(), node.get("journeys").asLong(), Long::sum);
        });
        assertThat(flows.get("nodes")).anyMatch(node -> node.get("label").asString().equals("(other)"));
        assertThat(flows.get("dropoff")).hasSize(6).allSatisfy(step -> {
            long journeys = step.get("journeys").asLong();
            assertThat(journeys).isEqualTo(perStep.get(step.get("step").asInt()));
            assertThat(step.get("purchased").asLong() + step.get("abandoned").asLong()
                    + step.get("diverted").asLong() + step.get("open").asLong() + step.get("beyond").asLong()
                    + linksLeaving(flows, step.get("step").asInt())).isEqualTo(journeys);
        });
        assertThat(flows.get("dropoff").get(0).get("journeys").asLong()).isEqualTo(6);
    }

    @Test
    void transitionProbabilitiesSumToOnePerNodeAndFilteredCountsMatchTheUnfilteredTable() {
        JsonNode all = ok("/api/transitions").get("transitions");
        Map<String, Double> sums = new HashMap<>();
        all.forEach(t -> sums.merge(t.get("from").asString(), t.get("probability").asDouble(), Double::sum));

        assertThat(sums).containsKeys("(start)", "decide", "register request")
                .allSatisfy((node, sum) -> assertThat(sum).as(node).isCloseTo(1.0, within(1e-9)));
        assertThat(countsOf(all)).containsEntry("(start)>register request", 6L)
                .containsEntry("reject request>(abandoned)", 3L).containsEntry("decide>pay compensation", 3L);
        // a filter every journey passes takes the shaped-graph route and must give the same counts
        assertThat(countsOf(ok("/api/transitions?from=2000-01-01").get("transitions"))).isEqualTo(countsOf(all));
        assertThat(ok("/api/transitions?outcome=abandoned").get("transitions")).allSatisfy(
                t -> assertThat(t.get("to").asString()).isNotIn("(purchase)", "pay compensation"));
    }

    @Test
    void transitionsKeepTheirFieldNamesWithTimingOnlyBetweenSteps() {
        JsonNode all = ok("/api/transitions").get("transitions");

        JsonNode decided = find(all, "examine casually", "decide");
        assertThat(decided.propertyNames()).contains("from", "to", "journeys", "count", "probability",
                "meanSeconds", "medianSeconds", "p90Seconds");
        assertThat(find(all, "(start)", "register request").has("meanSeconds")).isFalse();
    }

    @Test
    void neighbourhoodShowsWhatFollowsADecision() {
        JsonNode around = ok("/api/touchpoints/decide/neighbourhood?before=1&after=1");

        assertThat(around.get("journeys").asLong()).isEqualTo(6);
        JsonNode after = around.get("after").get(0);
        assertThat(after.get("offset").asInt()).isEqualTo(1);
        Map<String, Long> next = new HashMap<>();
        after.get("labels").forEach(l -> next.put(l.get("label").asString(), l.get("journeys").asLong()));
        // around the first decision of each case: cases 3 and 5 reinitiate before their final decision
        assertThat(next).containsOnly(Map.entry("pay compensation", 2L), Map.entry("reject request", 2L),
                Map.entry("reinitiate request", 2L));
        assertThat(after.get("labels").get(0).get("share").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(around.get("before").get(0).get("offset").asInt()).isEqualTo(-1);
    }

    @Test
    void unknownTouchpointIsA404Problem() {
        assertProblem(get("/api/paths/top?contains=teleport"), 404, "touchpoint", "teleport");
        assertProblem(get("/api/touchpoints/teleport/neighbourhood"), 404, "touchpoint", "teleport");
        assertProblem(get("/api/funnel?steps=decide,teleport"), 404, "touchpoint", "teleport");
        // no touchpoint of the log has a stage: a stage funnel is refused as a whole
        assertProblem(get("/api/funnel?stages=awareness"), 422, "missing", "stage");
    }

    @Test
    void outOfRangeOrMalformedParametersAre400ProblemsNamingTheParameter() {
        assertProblem(get("/api/paths/top?limit=0"), 400, "parameter", "limit");
        assertProblem(get("/api/paths/top?limit=1001"), 400, "parameter", "limit");
        assertProblem(get("/api/paths/likely?k=101"), 400, "parameter", "k");
        assertProblem(get("/api/paths/likely?outcome=any"), 400, "parameter", "outcome");
        assertProblem(get("/api/flows?steps=21"), 400, "parameter", "steps");
        assertProblem(get("/api/flows?topPerStep=0"), 400, "parameter", "topPerStep");
        assertProblem(get("/api/touchpoints/decide/neighbourhood?after=11"), 400, "parameter", "after");
        assertProblem(get("/api/diversions?limit=x"), 400, "parameter", "limit");
        assertProblem(get("/api/dropoff?rankBy=luck"), 400, "parameter", "rankBy");
        assertProblem(get("/api/funnel?top=51"), 400, "parameter", "top");
        assertProblem(get("/api/transitions?from=2026-13-01"), 400, "parameter", "from");
        assertProblem(get("/api/paths/top?group=Checks:check%5B"), 400, "parameter", "group");
        assertProblem(get("/api/flows?stpes=3"), 400, "parameter", "stpes");
        assertProblem(get("/api/dropoff?level=channel"), 400, "parameter", "level");
        assertThat(get("/api/paths/top?limit=1001").json().get("detail").asString()).contains("1", "1000");
    }

    @Test
    void aValidQueryWithoutMatchesIs200WithEmptyResults() {
        String none = "segment=nobody";
        JsonNode top = ok("/api/paths/top?" + none);
        assertThat(top.get("variants")).isEmpty();
        assertThat(top.get("total").asLong()).isZero();
        JsonNode likely = ok("/api/paths/likely?" + none);
        assertThat(likely.get("paths")).isEmpty();
        assertThat(likely.get("outcomeProbabilities")).isEmpty();
        assertThat(ok("/api/transitions?" + none).get("transitions")).isEmpty();
        JsonNode flows = ok("/api/flows?" + none);
        assertThat(flows.get("nodes")).isEmpty();
        assertThat(flows.get("links")).isEmpty();
        assertThat(flows.get("dropoff")).isEmpty();
        assertThat(ok("/api/diversions?" + none).get("diversions")).isEmpty();
        assertThat(ok("/api/dropoff?" + none).get("touchpoints")).isEmpty();
        assertThat(ok("/api/touchpoints/decide/neighbourhood?" + none).get("journeys").asLong()).isZero();
        JsonNode steps = ok("/api/funnel?steps=register request,decide&" + none);
        assertThat(steps.get("total").asLong()).isZero();
        assertThat(steps.get("steps")).hasSize(2).allSatisfy(step -> assertThat(step.has("conversion"))
                .as("no conversion of no journeys, the first step's as the others'").isFalse());
    }

    @Test
    void noAnswerGivesAShareOrRateOfNoJourney() {
        String none = "segment=nobody";
        List<String> zeros = new ArrayList<>();
        for (String path : List.of("/api/paths/top?", "/api/paths/likely?", "/api/transitions?",
                "/api/flows?", "/api/diversions?", "/api/dropoff?", "/api/touchpoints/decide/neighbourhood?",
                "/api/funnel?steps=register request,decide&", "/api/attribution?", "/api/attribution?model=markov&",
                "/api/summary?", "/api/insights/moments?", "/api/time-to-convert?", "/api/experience/painpoints?",
                "/api/experience/drivers?", "/api/compare?b=segment%3Dnobody&a=")) {
            sharesOfNothing(ok(path + none), path, zeros);
        }
        assertThat(zeros).as("a share or rate of no journey is left out, not 0").isEmpty();
    }

    /** The share and rate fields under {@code node} (named {@code where}) that are 0, collected in {@code found}. */
    private static void sharesOfNothing(JsonNode node, String where, List<String> found) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isNumber() && value.asDouble() == 0
                        && name.matches("(?i).*(share|rate|conversion|probability|effect)(OfTotal)?")) {
                    found.add(where + "." + name);
                }
                sharesOfNothing(value, where + "." + name, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                sharesOfNothing(node.get(i), where + "[" + i + "]", found);
            }
        }
    }

    private JsonNode ok(String pathAndQuery) {
        Response response = get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertProblem(Response response, int status, String field, String value) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get(field).asString()).isEqualTo(value);
    }

    private static List<String> lastSteps(JsonNode top, double purchaseRate) {
        List<String> last = new ArrayList<>();
        top.get("variants").forEach(variant -> {
            if (variant.get("purchaseRate").asDouble() == purchaseRate) {
                JsonNode steps = variant.get("steps");
                last.add(steps.get(steps.size() - 1).asString());
            }
        });
        return last;
    }

    private static double probabilityOf(JsonNode likely, String node, String outcome) {
        for (JsonNode row : likely.get("outcomeProbabilities")) {
            if (row.get("node").asString().equals(node)) {
                return row.get(outcome).asDouble();
            }
        }
        throw new AssertionError("no node " + node);
    }

    private static long linksLeaving(JsonNode flows, int step) {
        long sum = 0;
        for (JsonNode link : flows.get("links")) {
            if (link.get("step").asInt() == step) {
                sum += link.get("value").asLong();
            }
        }
        return sum;
    }

    private static Map<String, Long> countsOf(JsonNode transitions) {
        Map<String, Long> counts = new HashMap<>();
        transitions.forEach(t -> counts.put(t.get("from").asString() + ">" + t.get("to").asString(),
                t.get("count").asLong()));
        return counts;
    }

    private static JsonNode find(JsonNode transitions, String from, String to) {
        for (JsonNode t : transitions) {
            if (t.get("from").asString().equals(from) && t.get("to").asString().equals(to)) {
                return t;
            }
        }
        throw new AssertionError("no transition " + from + " -> " + to);
    }
}
