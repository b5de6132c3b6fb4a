package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** The planted stories of the demo store come out on top of the analysis endpoints (5,000 demo journeys). */
@TestPropertySource(properties = { "journeys.demo.load-on-start=true", "journeys.demo.journeys=5000" })
class DemoStoriesApiTests extends ApiTestSupport {

    private static final String SHIPPING = "Checkout - shipping costs";
    private static final String SLOW_EMAIL = "Support email - slow answer";

    @Test
    void shippingCostsAtCheckoutLoseTheMostJourneysToAbandonment() {
        JsonNode dropoff = ok("/api/dropoff?rankBy=abandonment&limit=5");

        assertThat(dropoff.get("total").asLong()).isGreaterThanOrEqualTo(5000);
        JsonNode touchpoints = dropoff.get("touchpoints");
        assertThat(touchpoints).hasSize(5);
        assertThat(touchpoints.get(0).get("touchpoint").asString()).isEqualTo(SHIPPING);
        assertThat(touchpoints.get(0).get("owner").asString()).isEqualTo("own");
        assertThat(touchpoints.get(0).get("toAbandonment").asLong())
                .isGreaterThan(touchpoints.get(1).get("toAbandonment").asLong());
        JsonNode first = touchpoints.get(0);
        assertThat(first.get("abandonmentRate").asDouble()).isCloseTo(
                (double) first.get("toAbandonment").asLong() / first.get("journeys").asLong(), within(1e-12));
    }

    @Test
    void theSlowSupportEmailLosesJourneysToCompetitorsAtTheHighestRate() {
        JsonNode diversions = ok("/api/diversions?limit=1000");

        List<JsonNode> edges = new ArrayList<>();
        diversions.get("diversions").forEach(edges::add);
        assertThat(edges).hasSizeGreaterThan(3).isSortedAccordingTo(
                (a, b) -> Long.compare(b.get("journeys").asLong(), a.get("journeys").asLong()));
        assertThat(edges.subList(0, 2)).anyMatch(edge -> edge.get("touchpoint").asString().equals(SLOW_EMAIL));
        JsonNode highestRate = edges.stream().max((a, b) -> Double.compare(a.get("rate").asDouble(),
                b.get("rate").asDouble())).orElseThrow();
        assertThat(highestRate.get("touchpoint").asString()).isEqualTo(SLOW_EMAIL);
        assertThat(highestRate.get("competitor").asString()).startsWith("Competitor");
        assertThat(highestRate.get("cameBack").asLong()).isBetween(0L, highestRate.get("journeys").asLong());
        JsonNode cut = diversions.get("minimumCut");
        long cutSum = 0;
        for (JsonNode edge : cut.get("edges")) {
            cutSum += edge.get("journeys").asLong();
        }
        assertThat(cut.get("edges")).isNotEmpty();
        assertThat(cut.get("journeys").asLong()).isEqualTo(cutSum).isPositive();
    }

    @Test
    void attributionMarksTheCreditOfCompetitorTouchpointsAsACompetitors() {
        JsonNode byChannel = ok("/api/attribution?model=markov&level=channel").get("labels");
        Map<String, Boolean> competitor = new java.util.HashMap<>();
        byChannel.forEach(label -> competitor.put(label.get("label").asString(),
                label.has("competitor") && label.get("competitor").asBoolean()));
        assertThat(competitor).containsEntry("competitor", true).containsEntry("website", false);
        JsonNode byTouchpoint = ok("/api/attribution?model=first").get("labels");
        byTouchpoint.forEach(label -> assertThat(label.has("competitor"))
                .as(label.toString()).isEqualTo(label.get("label").asString().startsWith("Competitor")));
        JsonNode compared = ok("/api/compare?a=segment%3Dtrend%20follower&b=&model=markov&level=channel");
        assertThat(compared.get("a").get("attribution").get("labels").findValues("competitor")).isNotEmpty();
    }

    @Test
    void topPathsPlusOtherMakeTheTotal() {
        for (String outcome : List.of("any", "purchase", "diverted")) {
            JsonNode top = ok("/api/paths/top?limit=10&outcome=" + outcome);
            long listed = 0;
            double shares = 0;
            for (JsonNode variant : top.get("variants")) {
                listed += variant.get("journeys").asLong();
                shares += variant.get("share").asDouble();
            }
            assertThat(top.get("variants")).as(outcome).hasSize(10);
            assertThat(listed + top.get("other").get("journeys").asLong()).as(outcome)
                    .isEqualTo(top.get("total").asLong());
            assertThat(shares + top.get("other").get("share").asDouble()).isCloseTo(1.0, within(1e-9));
            assertThat(top.get("other").get("variants").asLong() + 10).isEqualTo(top.get("distinctVariants").asLong());
        }
    }

    @Test
    void theInfluencerPostLiftsTrendFollowersPurchaseRate() {
        double with = purchaseShare("segment=trend follower&contains=Influencer post");
        double without = purchaseShare("segment=trend follower&excludes=Influencer post");

        assertThat(with).isGreaterThan(1.5 * without);
    }

    @Test
    void funnelConversionsAreSharesAndDropOutsAreExplained() {
        JsonNode funnel = ok("/api/funnel");

        assertThat(funnel.get("stages")).hasSize(5);
        assertThat(funnel.get("stages").get(0).get("stage").asString()).isEqualTo("awareness");
        assertThat(funnel.get("stages")).allSatisfy(stage -> {
            assertThat(stage.get("conversion").asDouble()).isBetween(0.0, 1.0);
            assertThat(stage.get("journeys").asLong()).isLessThanOrEqualTo(funnel.get("total").asLong());
            long explained = 0;
            for (JsonNode at : stage.get("abandonedAt")) {
                explained += at.get("journeys").asLong();
            }
            assertThat(explained).isLessThanOrEqualTo(stage.get("droppedOut").asLong());
        });
        assertThat(funnel.get("stages").get(2).get("journeys").asLong()).isPositive();
    }

    @Test
    void funnelOfNoSelectedJourneyGivesNoStageAConversion() {
        JsonNode funnel = ok("/api/funnel?segment=nobody");

        assertThat(funnel.get("total").asLong()).isZero();
        assertThat(funnel.get("stages")).hasSize(5).allSatisfy(stage -> assertThat(stage.has("conversion"))
                .as("no conversion of no journeys, the first stage's as the others'").isFalse());
        assertThat(funnel.get("stages")).allSatisfy(stage -> assertThat(stage.has("shareOfTotal"))
                .as("no share of no journeys").isFalse());
    }

    @Test
    void likelyPathsToADiversionPassACompetitorOrTheSlowEmail() {
        JsonNode likely = ok("/api/paths/likely?outcome=diverted&k=3&level=channel");

        assertThat(likely.get("paths")).hasSize(3).allSatisfy(path -> {
            JsonNode steps = path.get("steps");
            assertThat(steps.get(steps.size() - 1).asString()).isEqualTo("competitor");
        });
        JsonNode start = likely.get("outcomeProbabilities").get(0);
        assertThat(start.get("purchase").asDouble() + start.get("abandoned").asDouble()
                + start.get("diverted").asDouble()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void openApiDescribesTheEndpointsAndTheirParameters() {
        JsonNode api = ok("/v3/api-docs");

        JsonNode paths = api.get("paths");
        assertThat(paths.propertyNames()).contains("/api/paths/top", "/api/paths/likely", "/api/diversions",
                "/api/funnel", "/api/dropoff", "/api/transitions", "/api/flows",
                "/api/touchpoints/{name}/neighbourhood");
        List<String> names = new ArrayList<>();
        paths.get("/api/paths/top").get("get").get("parameters").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("limit", "from", "outcome", "level", "group").doesNotContain("parameters");
    }

    private double purchaseShare(String query) {
        long all = ok("/api/paths/top?limit=1&" + query).get("total").asLong();
        long purchased = ok("/api/paths/top?limit=1&outcome=purchase&" + query).get("total").asLong();
        assertThat(all).as(query).isGreaterThan(30);
        return (double) purchased / all;
    }

    private JsonNode ok(String pathAndQuery) {
        Response response = get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return response.json();
    }
}
