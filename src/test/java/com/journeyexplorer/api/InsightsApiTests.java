package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/insights/moments} and {@code GET /api/compare} on the demo store and its planted stories. */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=5000"})
class InsightsApiTests extends ApiTestSupport {

    private static final String TREND_FOLLOWERS = "segment%3Dtrend%20follower";
    private static final String BARGAIN_HUNTERS = "segment%3Dbargain%20hunter";

    @Test
    void influencerPostLiftsTheTrendFollowersPurchaseRate() {
        Response response = get("/api/insights/moments?segment=trend follower&limit=1000");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        JsonNode influencer = moment(answer, "Influencer post");
        assertThat(influencer).as("Influencer post among the ranked touchpoints").isNotNull();
        assertThat(influencer.get("lift").asDouble()).isGreaterThan(1);
        assertThat(influencer.get("difference").get("value").asDouble()).isPositive();
        assertThat(influencer.get("difference").get("lower").asDouble()).isPositive();
        assertThat(influencer.get("direction").asString()).isEqualTo("TOWARD_PURCHASE");
        assertThat(influencer.get("purchaseRateWith").get("rate").asDouble())
                .isGreaterThan(influencer.get("purchaseRateWithout").get("rate").asDouble());
        assertThat(influencer.get("journeysWith").asLong() + influencer.get("journeysWithout").asLong())
                .isEqualTo(answer.get("journeys").asLong());
    }

    @Test
    void momentsAreRankedByTheStrengthOfTheDifference() {
        JsonNode answer = get("/api/insights/moments?limit=5&confidence=0.9").json();

        JsonNode moments = answer.get("moments");
        assertThat(moments).hasSize(5);
        assertThat(answer.get("touchpoints").asInt()).isGreaterThan(5);
        assertThat(answer.get("confidence").asDouble()).isEqualTo(0.9);
        List<Double> strengths = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            JsonNode moment = moments.get(i);
            assertThat(moment.get("rank").asInt()).isEqualTo(i + 1);
            strengths.add(Math.abs(moment.get("difference").get("z").asDouble()));
            assertThat(moment.get("pageRank").asDouble()).isBetween(0.0, 1.0);
            assertThat(moment.get("betweenness").asDouble()).isGreaterThanOrEqualTo(0);
        }
        assertThat(strengths).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void betweennessIsExactOnTheDemoGraphAndEstimatedFromFewerSourcesWhenAsked() {
        JsonNode exact = get("/api/insights/moments?limit=1000").json();
        assertThat(exact.get("betweennessExact").asBoolean()).isTrue();
        // the 31 touchpoints with the start and the outcome nodes
        assertThat(exact.get("betweennessSources").asInt()).isGreaterThan(exact.get("touchpoints").asInt());

        JsonNode sampled = get("/api/insights/moments?limit=1000&betweennessSources=8").json();
        assertThat(sampled.get("betweennessExact").asBoolean()).isFalse();
        assertThat(sampled.get("betweennessSources").asInt()).isEqualTo(8);
        assertThat(get("/api/insights/moments?limit=1000&betweennessSources=8").json()).isEqualTo(sampled);
        // the estimate changes betweenness only: the counts, tests and ranks stay
        for (int i = 0; i < exact.get("moments").size(); i++) {
            JsonNode a = exact.get("moments").get(i);
            JsonNode b = sampled.get("moments").get(i);
            assertThat(b.get("touchpoint")).isEqualTo(a.get("touchpoint"));
            assertThat(b.get("difference")).isEqualTo(a.get("difference"));
            assertThat(b.get("pageRank")).isEqualTo(a.get("pageRank"));
        }
        assertInvalid(get("/api/insights/moments?betweennessSources=0"), "betweennessSources");
    }

    @Test
    void rejectsAConfidenceOutsideItsRange() {
        assertInvalid(get("/api/insights/moments?confidence=0.3"), "confidence");
        assertInvalid(get("/api/insights/moments?level=channel"), "level");
    }

    @Test
    void everyAlphaTakesTheSameRangeAndSaysSo() {
        for (String endpoint : List.of("/api/insights/moments", "/api/trends")) {
            Response tooLoose = get(endpoint + "?alpha=0.3");
            assertInvalid(tooLoose, "alpha");
            assertThat(tooLoose.json().get("detail").asString()).as(endpoint)
                    .isEqualTo("Parameter 'alpha' must be between 0.001 and 0.2, was 0.3");
            assertThat(get(endpoint + "?alpha=0.2").status()).as(endpoint).isEqualTo(200);
        }
    }

    @Test
    void comparesTrendFollowersWithBargainHunters() {
        Response response = get("/api/compare?a=" + TREND_FOLLOWERS + "&b=" + BARGAIN_HUNTERS + "&limit=5");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("a").get("filter").asString()).isEqualTo("segment=trend follower");
        long sizeA = answer.get("a").get("journeys").asLong();
        long sizeB = answer.get("b").get("journeys").asLong();
        assertThat(sizeA).isPositive();
        assertThat(sizeB).isPositive();
        assertThat(answer.get("outcomes")).hasSize(3);
        long countedA = 0;
        for (JsonNode outcome : answer.get("outcomes")) {
            countedA += outcome.get("countA").asLong();
            assertRate(outcome.get("rateA"));
            assertRate(outcome.get("rateB"));
            assertThat(outcome.get("difference").get("pValue").asDouble()).isBetween(0.0, 1.0);
            assertThat(outcome.get("adjustedPValue").asDouble()).isBetween(0.0, 1.0);
            if (outcome.get("outcome").asString().equals("PURCHASE")) {
                assertThat(outcome.get("lift").asDouble()).isCloseTo(outcome.get("rateA").get("rate").asDouble()
                        / outcome.get("rateB").get("rate").asDouble(), within(1e-9));
                assertThat(answer.get("a").get("attribution").get("conversions").asLong())
                        .isEqualTo(outcome.get("countA").asLong());
            }
        }
        assertThat(countedA).isEqualTo(sizeA);
        assertThat(answer.get("outcomeTest").get("pValue").asDouble()).isBetween(0.0, 1.0);
        for (String list : List.of("paths", "transitions")) {
            assertThat(answer.get(list)).as(list).hasSize(5);
            for (JsonNode difference : answer.get(list)) {
                assertThat(difference.get("adjustedPValue").asDouble()).isBetween(0.0, 1.0);
                assertThat(difference.get("difference").get("pValue").asDouble()).isBetween(0.0, 1.0);
            }
        }
        assertThat(answer.get("a").get("attribution").get("model").asString()).isEqualTo("markov");
        assertThat(answer.get("b").get("attribution").get("labels")).isNotEmpty();
    }

    @Test
    void anEmptySelectionHasNoRatesInsteadOfNaN() {
        Response response = get("/api/compare?a=segment%3Dnobody&b=&model=linear");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("a").get("journeys").asLong()).isZero();
        assertThat(answer.get("b").get("journeys").asLong()).isEqualTo(5000);
        JsonNode purchase = answer.get("outcomes").get(0);
        assertThat(purchase.get("rateA").has("rate")).isFalse();
        assertThat(purchase.get("rateB").get("rate").asDouble()).isPositive();
        assertThat(purchase.get("difference").get("pValue").asDouble()).isEqualTo(1.0);
    }

    @Test
    void openApiDescribesTheParameters() {
        JsonNode paths = get("/v3/api-docs").json().get("paths");

        JsonNode model = null;
        for (JsonNode parameter : paths.get("/api/attribution").get("get").get("parameters")) {
            if (parameter.get("name").asString().equals("model")) {
                model = parameter;
            }
        }
        assertThat(model).isNotNull();
        assertThat(model.get("description").asString()).isNotBlank();
        assertThat(model.get("schema").get("enum")).extracting(JsonNode::asString).contains("time-decay");
        assertThat(paths.has("/api/insights/moments")).isTrue();
        JsonNode moments = get("/api/insights/moments?limit=1000").json();
        assertThat(moments.get("moments")).as("every touchpoint counted is ranked")
                .hasSize(moments.get("touchpoints").asInt());
        assertThat(get("/v3/api-docs").json().get("components").get("schemas").get("MomentsAnswer").get("properties")
                .get("touchpoints").get("description").asString())
                .as("the touchpoints counted are those ranked, seen before a purchase").contains("before its purchase")
                .doesNotContain("seen by at least one selected journey");
        assertThat(paths.get("/api/compare").get("get").get("parameters")).extracting(p -> p.get("name").asString())
                .contains("a", "b", "limit");
        List<String> boundedHalfLives = new ArrayList<>();
        for (String endpoint : List.of("/api/attribution", "/api/compare")) {
            for (JsonNode parameter : paths.get(endpoint).get("get").get("parameters")) {
                JsonNode schema = parameter.get("schema");
                if (parameter.get("name").asString().equals("halfLife") && schema.path("minimum").asInt(-1) == 0
                        && schema.path("maximum").asInt() == 3650) {
                    boundedHalfLives.add(endpoint);
                }
            }
        }
        assertThat(boundedHalfLives).containsExactly("/api/attribution", "/api/compare");
    }

    @Test
    void namesTheMalformedParameterInsideAFilter() {
        assertInvalid(get("/api/compare?a=outcome%3Dmaybe&b=" + BARGAIN_HUNTERS), "a.outcome");
        assertInvalid(get("/api/compare?a=" + TREND_FOLLOWERS + "&b=segmnt%3Dx"), "b.segmnt");
        assertInvalid(get("/api/compare?a=" + TREND_FOLLOWERS + "&b=level%3Dchannel"), "b.level");
        assertInvalid(get("/api/compare?a=" + TREND_FOLLOWERS), "b");
        assertInvalid(get("/api/compare?a=" + TREND_FOLLOWERS + "&b=&model=shapley"), "model");
    }

    private static void assertRate(JsonNode rate) {
        double value = rate.get("rate").asDouble();
        assertThat(rate.get("lower").asDouble()).isBetween(0.0, value);
        assertThat(rate.get("upper").asDouble()).isBetween(value, 1.0);
    }

    private static void assertInvalid(Response response, String parameter) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
    }

    private static JsonNode moment(JsonNode answer, String touchpoint) {
        for (JsonNode moment : answer.get("moments")) {
            if (moment.get("touchpoint").asString().equals(touchpoint)) {
                return moment;
            }
        }
        return null;
    }
}
