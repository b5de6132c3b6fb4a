package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Survey responses in the journal, over HTTP on the embedded Neo4j: a feedback import is listed with the imports,
 * undoing it deletes exactly the answers it stored (and the experience answers return to what they were), and erasing
 * a customer deletes their answers, whether joined by customer id or by the id of one of their journeys. Each test
 * uses its own journeys, customers and touchpoints.
 */
class FeedbackJournalApiTests extends ApiTestSupport {

    private static final String CSV = "text/csv";

    private JsonNode importOk(String path, String body) {
        Response response = post(path, CSV, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long count(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.run(cypher, parameters).single().get(0).asLong();
        }
    }

    private JsonNode entry(String importId) {
        for (JsonNode entry : get("/api/imports").json()) {
            if (entry.get("id").asString().equals(importId)) {
                return entry;
            }
        }
        throw new AssertionError("no journal entry " + importId);
    }

    /** The answers counted at a touchpoint by {@code /api/experience?by=touchpoint}; 0 when it has no row. */
    private static long answersAt(JsonNode answer, String touchpoint) {
        for (JsonNode row : answer.get("labels")) {
            if (row.get("label").asString().equals(touchpoint)) {
                return row.get("experience").get("responses").asLong();
            }
        }
        return 0;
    }

    /** Every stored answer as {@code answer}: the ANSWERED relationships and the Response nodes. */
    private static final String ANSWERS = """
            CALL () {
              MATCH ()-[a:ANSWERED]->()
              RETURN a AS answer
              UNION ALL
              MATCH (r:Response)
              RETURN r AS answer
            }""";

    @Test
    void aFeedbackImportIsListedAndUndoingItReturnsTheExperienceToWhatItWas() {
        importOk("/api/events?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint,type
                undo-1,undo-c1,2026-04-01T10:00:00Z,Undo home,touchpoint
                undo-1,undo-c1,2026-04-01T10:05:00Z,Undo pay,purchase
                undo-2,undo-c2,2026-04-01T11:00:00Z,Undo home,touchpoint
                """);
        importOk("/api/feedback", """
                response_id,journey_id,touchpoint,score,scale
                undo-kept,undo-2,Undo home,2,csat
                """);
        String experienceBefore = get("/api/experience?by=touchpoint").body();
        long responsesBefore = count(ANSWERS + " RETURN count(*)", Map.of());

        JsonNode report = importOk("/api/feedback", """
                response_id,journey_id,touchpoint,score,scale
                undo-a,undo-1,Undo home,5,csat
                undo-b,undo-1,Undo pay,9,nps
                undo-c,undo-2,Undo home,1,csat
                """);
        String importId = report.get("importId").asString();
        assertThat(get("/api/experience?by=touchpoint").body()).isNotEqualTo(experienceBefore);

        JsonNode listed = entry(importId);
        assertThat(listed.get("kind").asString()).isEqualTo("feedback");
        assertThat(listed.get("status").asString()).isEqualTo("done");
        assertThat(listed.get("responses").asLong()).isEqualTo(3);
        assertThat(listed.get("journeys").asLong()).isZero();
        assertThat(count("MATCH ()-[a:ANSWERED {importId: $id}]->() RETURN count(a)", Map.of("id", importId)))
                .as("answers joined to journeys are relationships").isEqualTo(3);

        Response undo = delete("/api/imports/" + importId);

        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(undo.json().get("responsesRemoved").asLong()).isEqualTo(3);
        assertThat(undo.json().get("journeysRemoved").asLong()).isZero();
        assertThat(get("/api/experience?by=touchpoint").body()).isEqualTo(experienceBefore);
        assertThat(count(ANSWERS + " RETURN count(*)", Map.of())).isEqualTo(responsesBefore);
        assertThat(count("MATCH ()-[a:ANSWERED {id: 'undo-kept'}]->() RETURN count(a)", Map.of()))
                .as("an earlier feedback import keeps its answers").isEqualTo(1);
        assertThat(entry(importId).get("status").asString()).isEqualTo("undone");
        JsonNode undoEntry = entry(undo.json().get("importId").asString());
        assertThat(undoEntry.get("kind").asString()).isEqualTo("undo");
        assertThat(undoEntry.get("responses").asLong()).isEqualTo(3);
        assertThat(get("/api/stats").json().get("journeys").asLong()).as("the journeys stay")
                .isGreaterThanOrEqualTo(2);
        assertThat(get("/api/journeys/undo-1").status()).isEqualTo(200);

        assertThat(delete("/api/imports/" + importId).status()).as("undone already").isEqualTo(409);
        JsonNode again = importOk("/api/feedback", """
                response_id,journey_id,touchpoint,score,scale
                undo-a,undo-1,Undo home,5,csat
                """);
        assertThat(again.get("imported").asLong()).as("an undone answer can be imported again").isEqualTo(1);
    }

    @Test
    void erasingACustomerDeletesTheirAnswersByCustomerIdAndByJourney() {
        importOk("/api/events?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint,type
                gone-1,gone-c,2026-05-01T10:00:00Z,Gone home,touchpoint
                gone-1,gone-c,2026-05-01T10:05:00Z,Gone pay,purchase
                stay-1,stay-c,2026-05-01T11:00:00Z,Gone home,touchpoint
                """);
        importOk("/api/feedback", """
                response_id,journey_id,customer_id,timestamp,touchpoint,score,scale
                gone-by-journey,gone-1,,,Gone home,1,csat
                gone-by-customer,,gone-c,2026-05-01T10:03:00Z,Gone pay,2,csat
                gone-unmatched,,gone-c,2026-01-01T00:00:00Z,,0,nps
                stay-answer,stay-1,stay-c,,Gone home,5,csat
                gone-on-other-journey,stay-1,gone-c,,Gone home,3,csat
                """);
        JsonNode before = get("/api/experience?by=touchpoint").json();
        assertThat(answersAt(before, "Gone pay")).isEqualTo(1);
        assertThat(answersAt(before, "Gone home")).isEqualTo(3);

        Response erased = delete("/api/customers/gone-c");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("responsesErased").asLong())
                .as("by journey, by customer and time, unmatched, and with the id on another's journey").isEqualTo(4);
        assertThat(erased.json().get("journeysErased").asLong()).isEqualTo(1);
        assertThat(count(ANSWERS + """
                 WITH answer
                 WHERE answer.customerId = $customer OR answer.journeyId IN $journeys OR answer.id STARTS WITH 'gone-'
                RETURN count(*)
                """, Map.of("customer", "gone-c", "journeys", List.of("gone-1")))).isZero();
        assertThat(count("MATCH (:Journey {id: 'stay-1'})-[a:ANSWERED {id: 'stay-answer'}]->() RETURN count(a)",
                Map.of())).isEqualTo(1);
        JsonNode byTouchpoint = get("/api/experience?by=touchpoint").json();
        assertThat(answersAt(byTouchpoint, "Gone pay")).isZero();
        assertThat(answersAt(byTouchpoint, "Gone home")).as("stay-answer only").isEqualTo(1);
        JsonNode listed = entry(erased.json().get("importId").asString());
        assertThat(listed.get("kind").asString()).isEqualTo("erasure");
        assertThat(listed.get("responses").asLong()).isEqualTo(4);
    }

    @Test
    void aCustomerWithOnlyAnswersCanBeErased() {
        importOk("/api/feedback", """
                response_id,customer_id,timestamp,score,scale
                only-answer,only-c,2026-01-01T00:00:00Z,7,nps
                """);

        Response erased = delete("/api/customers/only-c");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("journeysErased").asLong()).isZero();
        assertThat(erased.json().get("responsesErased").asLong()).isEqualTo(1);
        assertThat(count("MATCH (r:Response {customerId: 'only-c'}) RETURN count(r)", Map.of())).isZero();
        assertThat(delete("/api/customers/only-c").status()).isEqualTo(404);
    }
}
