package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The experience answers over HTTP where a touchpoint has only a few answers, most of them praise: the most negative
 * comments are those of negative answers only, and the pain points' sentences count one journey and one answer in
 * the singular.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FewAnswersExperienceApiTests extends ApiTestSupport {

    @BeforeAll
    void importOneJourneyWithAFewAnswers() {
        Response events = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,type
                j1,2026-03-10T12:00:00Z,Checkout,touchpoint
                j1,2026-03-10T12:05:00Z,Help,touchpoint
                j1,2026-03-10T12:06:00Z,Help,frustration
                """);
        assertThat(events.status()).as(events.body()).isIn(200, 201);
        // A promoter, a passive, a satisfied and a dissatisfied customer at Checkout; one detractor at Help.
        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale,comment
                r1,j1,Checkout,10,nps,Loved the checkout
                r2,j1,Checkout,7,nps,It was fine
                r3,j1,Checkout,5,csat,Quick and easy
                r4,j1,Checkout,1,csat,Too many steps
                r5,j1,Help,0,nps,No answer to my question
                """);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
    }

    @Test
    void theMostNegativeCommentsAreThoseOfNegativeAnswersOnly() {
        Response response = get("/api/experience?by=touchpoint&comments=3");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode checkout = label(response.json(), "Checkout");
        assertThat(checkout.get("experience").get("negativeShare").asDouble()).isEqualTo(0.25);
        // Before, the passive's and a promoter's praise filled the three places left by one negative answer.
        assertThat(checkout.get("comments")).extracting(comment -> comment.get("comment").asString())
                .containsExactly("Too many steps");
        JsonNode withoutTime = checkout.get("comments").get(0);
        assertThat(withoutTime.path("at").isMissingNode() || withoutTime.get("at").isNull())
                .as("an answer joined by journey id has no time, rather than -1: " + withoutTime).isTrue();
    }

    @Test
    void painPointSentencesCountOneJourneyAndOneAnswerInTheSingular() {
        Response counted = get("/api/experience/painpoints?minResponses=1");

        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        assertThat(counted.json().get("painPoints")).extracting(row -> row.get("why").asString()).containsExactly(
                "100.0% of 1 answer negative, 100.0% frustration events per visit: 100.0% bad experience × "
                        + "1 journey × 100.0% lost = 1.0",
                "25.0% of 4 answers negative, 0.0% frustration events per visit: 25.0% bad experience × "
                        + "1 journey × 100.0% lost = 0.3");

        Response tooFew = get("/api/experience/painpoints");
        assertThat(tooFew.json().get("painPoints")).extracting(row -> row.get("why").asString()).containsExactly(
                "1 answer (fewer than 5, not counted), 100.0% frustration events per visit: 100.0% bad "
                        + "experience × 1 journey × 100.0% lost = 1.0");
    }

    private static JsonNode label(JsonNode answer, String label) {
        for (JsonNode row : answer.get("labels")) {
            if (row.get("label").asString().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + answer);
    }
}
