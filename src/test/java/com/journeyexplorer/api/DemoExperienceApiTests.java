package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** The demo store's planted experiences come out on top of the experience endpoints (10,000 demo journeys). */
@TestPropertySource(properties = { "journeys.demo.load-on-start=true", "journeys.demo.journeys=10000" })
class DemoExperienceApiTests extends ApiTestSupport {

    private static final String SHIPPING = "Checkout - shipping costs";
    private static final String SLOW_EMAIL = "Support email - slow answer";
    private static final String INFLUENCER = "Influencer post";

    @Test
    void shippingCostsAndTheSlowSupportAnswerAreTheTopPainPoints() {
        JsonNode pain = ok("/api/experience/painpoints?limit=5");

        List<String> top = new ArrayList<>();
        pain.get("painPoints").forEach(row -> top.add(row.get("touchpoint").asString()));
        assertThat(top.subList(0, 2)).containsExactlyInAnyOrder(SHIPPING, SLOW_EMAIL);
    }

    @Test
    void frustrationEventsAreCountedWhereThePlantedStoriesAreAndKeepThemOnTop() {
        JsonNode experience = ok("/api/experience?by=touchpoint");

        List<String> frustrating = new ArrayList<>();
        experience.get("labels").forEach(row -> {
            if (row.get("frustrationEvents").asLong() > 0) {
                frustrating.add(row.get("label").asString());
                assertThat(row.get("frustrationPer100Visits").asDouble()).as(row.toString()).isGreaterThan(5.0);
            }
        });
        assertThat(frustrating).containsExactlyInAnyOrder(SHIPPING, SLOW_EMAIL);
        assertThat(experience.get("frustrationEvents").asLong()).isPositive();

        JsonNode pain = ok("/api/experience/painpoints?limit=2");
        assertThat(pain.get("painPoints")).extracting(row -> row.get("touchpoint").asString())
                .containsExactlyInAnyOrder(SHIPPING, SLOW_EMAIL);
        pain.get("painPoints").forEach(row -> {
            assertThat(row.get("frustrationRate").asDouble()).as(row.toString()).isPositive();
            double negative = row.get("negativeShare").asDouble();
            double frustration = row.get("frustrationRate").asDouble();
            assertThat(row.get("badExperience").asDouble()).as("frustration adds to the negative answers")
                    .isCloseTo(1 - (1 - negative) * (1 - frustration), org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void shippingCostsAndTheSlowSupportAnswerHaveTheLowestScores() {
        JsonNode experience = ok("/api/experience?by=touchpoint");

        List<JsonNode> answered = new ArrayList<>();
        experience.get("labels").forEach(row -> {
            if (row.get("experience").get("responses").asLong() >= 20) {
                answered.add(row);
            }
        });
        answered.sort((a, b) -> Double.compare(a.get("experience").get("meanScore").asDouble(),
                b.get("experience").get("meanScore").asDouble()));
        assertThat(answered.subList(0, 2)).extracting(row -> row.get("label").asString())
                .containsExactlyInAnyOrder(SHIPPING, SLOW_EMAIL);
        JsonNode shipping = answered.stream().filter(row -> row.get("label").asString().equals(SHIPPING))
                .findFirst().orElseThrow();
        assertThat(shipping.get("experience").get("negativeShare").asDouble()).isGreaterThan(0.5);
        assertThat(shipping.get("comments")).isNotEmpty();
        assertThat(experience.get("overall").get("nps")).as("the post-purchase NPS survey").isNotNull();
    }

    @Test
    void aSelectionOfNoJourneyIsSaidToBeOneRatherThanALackOfAnswers() {
        JsonNode none = ok("/api/experience?from=2100-01-01");

        assertThat(none.get("overall").get("responses").asLong()).isZero();
        assertThat(none.get("answer").asString()).isEqualTo("No journey matches the filters, so no answer is about "
                + "them.");
    }

    @Test
    void theAnswerNamesTheConfidenceAsGivenNotRoundedToAHundredPercent() {
        assertThat(ok("/api/experience?confidence=0.999").get("answer").asString()).contains("at 99.9% confidence");
        assertThat(ok("/api/experience").get("answer").asString()).contains("at 95% confidence");
    }

    @Test
    void theInfluencerPostDelightsTrendFollowers() {
        JsonNode trend = ok("/api/experience?segment=trend follower");

        JsonNode best = null;
        for (JsonNode row : trend.get("labels")) {
            if (row.get("experience").get("responses").asLong() >= 20 && (best == null
                    || row.get("experience").get("meanScore").asDouble() > best.get("experience").get("meanScore")
                            .asDouble())) {
                best = row;
            }
        }
        assertThat(best).isNotNull();
        assertThat(best.get("label").asString()).isEqualTo(INFLUENCER);
        assertThat(best.get("experience").get("positiveShare").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void aPositiveExperienceGoesWithMorePurchases() {
        JsonNode drivers = ok("/api/experience/drivers");

        List<JsonNode> rows = new ArrayList<>();
        drivers.get("drivers").forEach(rows::add);
        assertThat(rows).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(
                a.get("adjustedPValue").asDouble(), b.get("adjustedPValue").asDouble()));
        JsonNode top = rows.get(0);
        assertThat(top.get("positiveRate").asDouble()).isGreaterThan(top.get("negativeRate").asDouble());
        assertThat(top.get("differenceInterval").get("lower").asDouble()).isPositive();
        assertThat(top.get("adjustedPValue").asDouble()).isLessThan(0.05);
    }

    private JsonNode ok(String path) {
        Response response = get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
