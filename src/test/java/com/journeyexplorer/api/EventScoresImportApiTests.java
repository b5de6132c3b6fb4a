package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

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
 * naming line and field, and nothing is stored. The answers are part of the import's journal entry: counted in its
 * report, deleted by its undo, and rolled back with its journeys when their write fails. The score, scale and
 * comment of a row with a score are the answer's, not also attributes of the event.
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
        Response misnamed = post("/api/events?scale=csat&scoreColumn=Stars", "text/csv", """
                journey_id,timestamp,touchpoint,stars
                x1,2026-01-03T10:00:00Z,Home,4
                """);
        assertThat(misnamed.status()).as("the score would have become a journey attribute").isEqualTo(400);
        assertThat(misnamed.json().get("errors").get(0).get("reason").asString())
                .startsWith("the header has no column named by scoreColumn=Stars (columns found: journey_id,");
        assertThat(misnamed.json().get("parameter").asString()).isEqualTo("scoreColumn");
        assertThat(storeState()).isEqualTo(before);
        assertThat(get("/api/experience").json().get("overall").get("responses").asLong()).isZero();

        Response badDefault = post("/api/events?scale=stars", "text/csv", EVENTS);
        assertThat(badDefault.status()).isEqualTo(400);
        assertThat(badDefault.body()).contains("scale");
        assertThat(storeState()).isEqualTo(before);
    }

    private String firstImportId;

    @Test
    @Order(2)
    void scoredEventsBecomeAnswersAboutTheirJourneyAndTouchpoint() {
        Response imported = post("/api/events?" + MAPPING, "text/csv", EVENTS);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("answersStored").asLong()).isEqualTo(3);
        assertThat(imported.json().get("answersUnmatched").asLong()).isZero();
        assertThat(imported.json().get("duplicateAnswers").asLong()).isZero();
        firstImportId = imported.json().get("importId").asString();
        assertThat(responseImportIds()).as("the answers are stored under the events' own entry")
                .containsExactly(firstImportId, firstImportId, firstImportId);
        JsonNode entry = get("/api/imports?limit=1").json().get(0);
        assertThat(entry.get("id").asString()).isEqualTo(firstImportId);
        assertThat(entry.get("responses").asLong()).isEqualTo(3);

        JsonNode answer = get("/api/experience?by=touchpoint").json();
        assertThat(answer.get("overall").get("responses").asLong()).isEqualTo(3);
        JsonNode shipping = label(answer, "Shipping");
        // csat 1 (a1) and 4 (c2's journey): normalized 0 and 0.75
        assertThat(shipping.get("experience").get("responses").asLong()).isEqualTo(2);
        assertThat(shipping.get("experience").get("meanScore").asDouble()).isEqualTo(0.375);
        // the most negative comments are those of negative answers: csat 4 ("fine") is a positive one
        assertThat(shipping.get("comments")).extracting(c -> c.get("comment").asString())
                .containsExactly("too expensive");
        assertThat(label(answer, "Pay").get("experience").get("responses").asLong()).isEqualTo(1);
        assertThat(get("/api/experience?outcome=purchase").json().get("overall").get("responses").asLong())
                .as("a1 bought; c2's journey did not").isEqualTo(2);
        assertThat(get("/api/experience?by=stage").json().get("labels")).extracting(r -> r.get("label").asString())
                .contains("purchase");
        String journey = get("/api/journeys/a1").body();
        assertThat(journey).as("the score and comment are the answer's, not attributes too").contains("\"steps\"")
                .doesNotContain("\"stars\"").doesNotContain("\"note\"").doesNotContain("too expensive");
    }

    @Test
    @Order(3)
    void importingTheSameScoredEventsAgainStoresNoSecondAnswer() {
        Response again = post("/api/events?" + MAPPING, "text/csv", EVENTS);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("answersStored").asLong()).isZero();
        assertThat(again.json().get("duplicateAnswers").asLong()).isEqualTo(3);
        assertThat(again.json().has("importId")).as("nothing new, no entry").isFalse();

        assertThat(get("/api/experience").json().get("overall").get("responses").asLong()).isEqualTo(3);
    }

    @Test
    @Order(4)
    void undoingTheEventImportDeletesTheAnswersGivenOnItsEvents() {
        Response undo = send(HttpRequest.newBuilder(uri("/api/imports/" + firstImportId)).DELETE()
                .header("X-API-Key", API_KEY).build());
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(undo.json().get("responsesRemoved").asLong()).isEqualTo(3);

        assertThat(responseImportIds()).isEmpty();
        assertThat(get("/api/experience").json().get("overall").get("responses").asLong()).isZero();
        assertThat(get("/api/stats").json().get("journeys").asLong()).isZero();
    }

    @Test
    @Order(5)
    void aFailedWriteOfTheAnswersLeavesNeitherJourneysNorAnswers() {
        // An answer stored behind the app's back with the id the import derives for one of its answers, under a
        // uniqueness constraint on the ids of ANSWERED relationships (the app keeps none: the imports lease keeps ids
        // unique): the constraint refuses the import's write of the answers, after its journeys were written.
        String taken = idOfTheAnswerOn("Pay");
        try (var session = driver.session()) {
            session.run("CREATE CONSTRAINT refuse_answer IF NOT EXISTS FOR ()-[a:ANSWERED]-() REQUIRE a.id IS UNIQUE")
                    .consume();
            session.run("""
                    CREATE (:Elsewhere)-[:ANSWERED {id: $id, importId: 'elsewhere', scale: 'csat', score: 3.0}]->
                           (:Elsewhere)""", java.util.Map.of("id", taken)).consume();
        }
        try {
            Response failed = post("/api/events?" + MAPPING, "text/csv", EVENTS);

            assertThat(failed.status()).as(failed.body()).isEqualTo(503);
            assertThat(failed.contentType()).startsWith("application/problem+json");
            assertThat(get("/api/stats").json().get("journeys").asLong()).isZero();
            assertThat(responseImportIds()).as("only the answer stored behind the app's back").containsExactly(
                    "elsewhere");
            try (var session = driver.session()) {
                assertThat(session.run("MATCH (j:Journey) RETURN count(j) AS n").single().get("n").asLong())
                        .isZero();
                assertThat(session.run("MATCH (i:Import) WHERE i.status = 'rolled back' RETURN count(i) AS n")
                        .single().get("n").asLong()).isEqualTo(1);
            }
            assertThat(get("/api/experience").json().get("overall").get("responses").asLong()).isZero();
        } finally {
            try (var session = driver.session()) {
                session.run("DROP CONSTRAINT refuse_answer IF EXISTS").consume();
                session.run("MATCH (e:Elsewhere) DETACH DELETE e").consume();
            }
        }
    }

    @Test
    @Order(6)
    void aCommentWithoutAScoreStaysAnAttributeOfItsEvent() {
        Response imported = post("/api/events?" + MAPPING, "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,channel,stage,type,stars,note
                n1,c9,2026-02-01T10:00:00Z,Ad,social,awareness,touchpoint,,called twice
                n1,c9,2026-02-01T10:10:00Z,Shipping,website,purchase,touchpoint,2,slow
                """);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("answersStored").asLong()).isEqualTo(1);

        String journey = get("/api/journeys/n1").body();
        assertThat(journey).contains("\"note\":\"called twice\"").doesNotContain("\"stars\"")
                .doesNotContain("slow");
        assertThat(label(get("/api/experience").json(), "Shipping").get("comments"))
                .extracting(c -> c.get("comment").asString()).containsExactly("slow");
    }

    /** The import id of every stored answer (relationship or node). */
    private java.util.List<String> responseImportIds() {
        try (var session = driver.session()) {
            return session.run("""
                    CALL () {
                      MATCH ()-[a:ANSWERED]->() RETURN a.importId AS id
                      UNION ALL
                      MATCH (r:Response) RETURN r.importId AS id
                    }
                    RETURN id""").list(row -> row.get("id").asString());
        }
    }

    /** The id the import derives for the answer given at {@code touchpoint}: read from a scratch import and undo. */
    private String idOfTheAnswerOn(String touchpoint) {
        Response scratch = post("/api/events?" + MAPPING, "text/csv", EVENTS);
        assertThat(scratch.status()).as(scratch.body()).isEqualTo(200);
        String id;
        try (var session = driver.session()) {
            id = session.run("MATCH ()-[a:ANSWERED {touchpoint: $touchpoint}]->() RETURN a.id AS id",
                    java.util.Map.of("touchpoint", touchpoint)).single().get("id").asString();
        }
        Response undo = send(HttpRequest.newBuilder(uri("/api/imports/" + scratch.json().get("importId")
                .asString())).DELETE().header("X-API-Key", API_KEY).build());
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        return id;
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
