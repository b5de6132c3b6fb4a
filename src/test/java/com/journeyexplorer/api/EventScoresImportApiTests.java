package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/events} with answers on the events: a row with a score becomes a survey response about its
 * event's journey and touchpoint, seen by {@code /api/experience}; a bad score or scale rejects the upload with a 400
 * naming line and field, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventScoresImportApiTests extends ApiTestSupport {

    /** a1 (given id) buys; c2's events have no journey id and are split by customer. Scores in a mapped column. */
    private static final String EVENTS = """
            journey_id,customer_id,timestamp,touchpoint,channel,stage,type,stars,note
            a1,c1,2026-01-01T10:00:00Z,Ad,social,awareness,touchpoint,,
            a1,c1,2026-01-01T10:10:00Z,Shipping,website,purchase,touchpoint,1,too expensive
            a1,c1,2026-01-01T10:30:00Z,Pay,website,purchase,purchase,5,
            ,c2,2026-01-02T09:00:00Z,Ad,social,awareness,touchpoint,,
            ,c2,2026-01-02T09:10:00Z,Shipping,website,purchase,touchpoint,4,fine
            """;

    private static final String MAPPING = "scoreColumn=stars&commentColumn=note&scale=csat&openHorizon=0";

    @Test
    @Order(1)
    void badScoreOrScaleIsA400NamingLineAndFieldAndStoresNothing() {
        String before = storeState();

        Response rejected = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,score,scale,comment
                a1,c1,2026-01-01T10:00:00Z,Ad,,,
                a1,c1,2026-01-01T10:10:00Z,Shipping,11,nps,too expensive
                a1,c1,2026-01-01T10:20:00Z,Pay,4,stars,
                a1,c1,2026-01-01T10:30:00Z,Pay,3,,
                """);

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        JsonNode errors = rejected.json().get("errors");
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("score");
        assertThat(errors.get(0).get("reason").asString()).contains("nps scale");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(4);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("scale");
        assertThat(errors.get(2).get("line").asLong()).isEqualTo(5);
        assertThat(errors.get(2).get("field").asString()).isEqualTo("scale");
        assertThat(storeState()).isEqualTo(before);
        assertThat(get("/api/experience").json().get("overall").get("responses").asLong()).isZero();

        Response badDefault = post("/api/events?scale=stars", "text/csv", EVENTS);
        assertThat(badDefault.status()).isEqualTo(400);
        assertThat(badDefault.body()).contains("scale");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void scoredEventsBecomeAnswersAboutTheirJourneyAndTouchpoint() {
        Response imported = post("/api/events?" + MAPPING, "text/csv", EVENTS);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        JsonNode answer = get("/api/experience?by=touchpoint").json();
        assertThat(answer.get("overall").get("responses").asLong()).isEqualTo(3);
        JsonNode shipping = label(answer, "Shipping");
        // csat 1 (a1) and 4 (c2's journey): normalized 0 and 0.75
        assertThat(shipping.get("experience").get("responses").asLong()).isEqualTo(2);
        assertThat(shipping.get("experience").get("meanScore").asDouble()).isEqualTo(0.375);
        assertThat(shipping.get("comments")).extracting(c -> c.get("comment").asString())
                .containsExactlyInAnyOrder("too expensive", "fine");
        assertThat(label(answer, "Pay").get("experience").get("responses").asLong()).isEqualTo(1);
        assertThat(get("/api/experience?outcome=purchase").json().get("overall").get("responses").asLong())
                .as("a1 bought; c2's journey did not").isEqualTo(2);
        assertThat(get("/api/experience?by=stage").json().get("labels")).extracting(r -> r.get("label").asString())
                .contains("purchase");
    }

    @Test
    @Order(3)
    void importingTheSameScoredEventsAgainStoresNoSecondAnswer() {
        Response again = post("/api/events?" + MAPPING, "text/csv", EVENTS);
        assertThat(again.status()).as(again.body()).isEqualTo(200);

        assertThat(get("/api/experience").json().get("overall").get("responses").asLong()).isEqualTo(3);
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
