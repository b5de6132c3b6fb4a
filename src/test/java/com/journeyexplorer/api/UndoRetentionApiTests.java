package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The journal keeps the copies that undo an entry for {@code journeys.journal.undo-retention} (90 days by default),
 * over HTTP on the embedded Neo4j. Entries are aged by setting their {@code finishedAt} in the store, not by waiting.
 */
class UndoRetentionApiTests extends ApiTestSupport {

    private long copiesOf(String entryId) {
        try (var session = driver.session()) {
            return session.run("MATCH (:Import {id: $id})-[:REPLACED]->(p) RETURN count(p)", Map.of("id", entryId))
                    .single().get(0).asLong();
        }
    }

    /** Every entry up to {@code entryId} in the journal's order finished 100 days ago. */
    private void ageUpTo(String entryId) {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (x:Import {id: $id})
                    MATCH (i:Import) WHERE i.sequence <= x.sequence
                    SET i.finishedAt = datetime() - duration('P100D')""", Map.of("id", entryId)).consume();
        }
    }

    @Test
    void anEntryOlderThanTheRetentionLosesItsCopiesAndCannotBeUndoneWhileANewerOneCan() {
        String first = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                old-1,2026-03-01T10:00:00Z,Retention home
                new-1,2026-03-01T11:00:00Z,Retention home
                """).get("importId").asString();
        String old = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                old-1,2026-03-01T10:05:00Z,Retention cart
                """).get("importId").asString();
        String recent = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                new-1,2026-03-01T11:05:00Z,Retention cart
                """).get("importId").asString();
        assertThat(copiesOf(old)).isEqualTo(1);
        assertThat(listedImport(old).get("undoable").asBoolean()).isTrue();
        ageUpTo(old);

        // The next write drops the copies of the entries finished before the retention.
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                later-1,2026-03-02T10:00:00Z,Retention home
                """);

        assertThat(copiesOf(old)).isZero();
        assertThat(copiesOf(recent)).isEqualTo(1);
        assertThat(listedImport(old).get("undoable").asBoolean()).isFalse();
        assertThat(listedImport(first).get("undoable").asBoolean()).isFalse();
        assertThat(listedImport(recent).get("undoable").asBoolean()).isTrue();

        assertUndoExpiredChangingNothing(old);
        assertThat(listedImport(old).get("status").asString()).isEqualTo("done");

        Response undone = delete("/api/imports/" + recent);
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.json().get("journeysRestored").asLong()).isEqualTo(1);
        assertThat(get("/api/journeys/new-1").json().get("steps")).hasSize(1);
        assertThat(get("/api/journeys/old-1").json().get("steps")).hasSize(2);
    }

    @Test
    void anEntryOlderThanTheRetentionIsListedNotUndoableAndItsUndoRefusedBeforeAnyWriteDropsItsCopies() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                aged-1,2026-03-03T10:00:00Z,Aged home
                """);
        String aged = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                aged-1,2026-03-03T10:05:00Z,Aged cart
                """).get("importId").asString();
        assertThat(listedImport(aged).get("undoable").asBoolean()).isTrue();

        // No write follows: the copies are still there, but the entry is older than the retention.
        ageUpTo(aged);

        assertThat(copiesOf(aged)).isEqualTo(1);
        assertThat(listedImport(aged).get("undoable").asBoolean()).isFalse();
        assertUndoExpiredChangingNothing(aged);
        assertThat(get("/api/journeys/aged-1").json().get("steps")).hasSize(2);
    }

    @Test
    void oneEntrySaysWhetherItIsUndoableAsTheListingDoesBeforeAndAfterTheRetention() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                told-1,2026-03-05T10:00:00Z,Told home
                """);
        String told = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                told-1,2026-03-05T10:05:00Z,Told cart
                """).get("importId").asString();

        JsonNode fresh = get("/api/imports/" + told).json();

        assertThat(listedImport(told).get("undoable").asBoolean()).isTrue();
        assertThat(fresh.get("undoable")).as(fresh.toString()).isEqualTo(listedImport(told).get("undoable"));

        // No write follows: only the entry's age, tested as the listing tests it, makes it permanent.
        ageUpTo(told);
        JsonNode aged = get("/api/imports/" + told).json();

        assertThat(listedImport(told).get("undoable").asBoolean()).isFalse();
        assertThat(aged.get("undoable")).as(aged.toString()).isEqualTo(listedImport(told).get("undoable"));
        assertThat(aged.get("entry").get("undoable").asBoolean()).isFalse();
    }

    @Test
    void aFeedbackImportDropsTheCopiesOfEntriesOlderThanTheRetention() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                answered-1,2026-03-04T10:00:00Z,Answered home
                """);
        String aged = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                answered-1,2026-03-04T10:05:00Z,Answered cart
                """).get("importId").asString();
        ageUpTo(aged);
        assertThat(copiesOf(aged)).isEqualTo(1);

        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale
                answered-r1,answered-1,Answered cart,4,csat
                """);

        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
        assertThat(copiesOf(aged)).isZero();
        assertThat(listedImport(aged).get("undoable").asBoolean()).isFalse();
        String feedback = answers.json().get("importId").asString();
        assertThat(listedImport(feedback).get("undoable").asBoolean()).isTrue();
    }

    /** The undo of {@code importId} is the 409 {@code undo-expired} naming it and the setting, and changes nothing. */
    private void assertUndoExpiredChangingNothing(String importId) {
        String state = storeState();
        Response refused = delete("/api/imports/" + importId);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("undo-expired");
        assertThat(refused.json().get("import").asString()).isEqualTo(importId);
        assertThat(refused.json().get("detail").asString()).contains(importId)
                .contains("journeys.journal.undo-retention").contains("90d");
        assertThat(storeState()).as("nothing undone, nothing journaled").isEqualTo(state);
    }
}
