package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.analysis.stats.PseudoScores;

import tools.jackson.databind.JsonNode;

/**
 * The experience answers over HTTP at edge values: equal scores (segment {@code three}: three NPS 7, normalized 0.7
 * each; segment {@code six}: six NPS 8), where the spread is zero: the interval is the pseudo-scores' alone, neither
 * zero-wide nor made of rounding errors;
 * answers that are neither positive nor negative (segment {@code neutral}); and the edge selections render as JSON
 * numbers, never NaN or Infinity; bad parameters are 400 problems naming them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperienceEdgeValuesApiTests extends ApiTestSupport {

    private static final double Z95 = 1.959963984540054;

    /** Forty answers of sentiment -0.2 (normalized 0.4): neither positive nor negative. */
    private static final String NEUTRAL_SENTIMENTS = java.util.stream.IntStream.rangeClosed(1, 40)
            .mapToObj(i -> "n" + i + ",e3,Faq,-0.2,sentiment\n").collect(java.util.stream.Collectors.joining());

    @BeforeAll
    void importJourneysAndAnswers() {
        Response events = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,channel,stage,segment
                e1,2026-03-01T10:00:00Z,Faq,web,consideration,three
                e2,2026-03-01T11:00:00Z,Faq,web,consideration,six
                e3,2026-03-01T12:00:00Z,Faq,web,consideration,neutral
                """);
        assertThat(events.status()).as(events.body()).isIn(200, 201);
        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale
                q1,e1,Faq,7,nps
                q2,e1,Faq,7,nps
                q3,e1,Faq,7,nps
                q4,e2,Faq,8,nps
                q5,e2,Faq,8,nps
                q6,e2,Faq,8,nps
                q7,e2,Faq,8,nps
                q8,e2,Faq,8,nps
                q9,e2,Faq,8,nps
                n0,e3,Faq,3,csat
                """ + NEUTRAL_SENTIMENTS);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
    }

    @Test
    void equalScoresHaveTheirScoreAsMeanAndInterval() {
        Response response = get("/api/experience?segment=three");

        JsonNode faq = response.json().get("labels").get(0).get("experience");
        assertThat(faq.get("meanScore").asDouble()).isEqualTo(0.7);
        // Once a zero-wide [0.7, 0.7], before that a spread of rounding errors: [0.699999988, 0.700000012].
        double[] three = PseudoScores.interval(new double[] {0.7, 0.7, 0.7}, Z95);
        assertThat(faq.get("meanInterval").get("lower").asDouble()).isCloseTo(three[0], within(1e-9)).isLessThan(0.6);
        assertThat(faq.get("meanInterval").get("upper").asDouble()).isCloseTo(three[1], within(1e-9))
                .isGreaterThan(0.8);
        assertThat(faq.get("nps").get("interval").get("lower").asDouble())
                .isCloseTo(PseudoScores.npsInterval(3, 0, 0, Z95)[0], within(1e-7));

        JsonNode experience = get("/api/compare?a=segment%3Dsix&b=segment%3Dsix").json().get("experience");
        assertThat(experience.get("a").get("meanScore").asDouble()).isEqualTo(0.8);
        double[] six = {0.8, 0.8, 0.8, 0.8, 0.8, 0.8};
        assertThat(experience.get("a").get("lower").asDouble())
                .isCloseTo(PseudoScores.interval(six, Z95)[0], within(1e-9));
        assertThat(experience.get("a").get("upper").asDouble())
                .isCloseTo(PseudoScores.interval(six, Z95)[1], within(1e-9));
        double half = Z95 * Math.sqrt(2 * PseudoScores.meanVariance(six, Z95));
        assertThat(experience.get("difference").get("value").asDouble()).isZero();
        assertThat(experience.get("difference").get("lower").asDouble()).isCloseTo(-half, within(1e-9));
        assertThat(experience.get("difference").get("upper").asDouble()).isCloseTo(half, within(1e-9));
    }

    @Test
    void answersNeitherPositiveNorNegativeBelowTheMiddleAreMixedNotNo() {
        Response response = get("/api/experience?segment=neutral");

        // Sentiment -0.2 (0.4) forty times and CSAT 3 (0.5): the mean's interval lies below 0.5, but no answer is
        // negative.
        JsonNode overall = response.json().get("overall");
        assertThat(overall.get("meanInterval").get("upper").asDouble()).isLessThan(0.5);
        assertThat(overall.get("negativeShare").asDouble()).isZero();
        assertThat(response.json().get("answer").asString()).startsWith("Mixed: 0% of 41 answers are positive and 0% "
                + "negative");
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        for (String[] bad : new String[][] {{"/api/experience?by=journey", "by"},
                {"/api/experience?comments=21", "comments"}, {"/api/experience?confidence=1", "confidence"},
                {"/api/experience/painpoints?minResponses=0", "minResponses"},
                {"/api/experience/painpoints?limit=0", "limit"},
                {"/api/experience/drivers?confidence=0.4", "confidence"},
                {"/api/experience/drivers?limit=501", "limit"}, {"/api/experience?level=stage", "level"}}) {
            Response response = get(bad[0]);
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.contentType()).as(bad[0]).startsWith("application/problem+json");
            assertThat(response.json().get("parameter").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
    }

    @Test
    void edgeSelectionsRenderAsJsonNumbers() {
        for (String path : new String[] {"/api/experience?segment=three", "/api/experience?segment=none",
                "/api/experience?by=stage", "/api/experience?by=channel", "/api/experience/painpoints?minResponses=1",
                "/api/experience/drivers", "/api/compare?a=segment%3Dsix&b=segment%3Dnone",
                "/api/paths/top?segment=six"}) {
            Response response = get(path);
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("NaN").doesNotContain("Infinity");
            assertThat(response.json().isObject()).as(path).isTrue();
        }
    }
}
