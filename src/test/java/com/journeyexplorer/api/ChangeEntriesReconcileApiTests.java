package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The journal entries of changes that add and remove no event and no journey (outcome rules, touchpoint metadata,
 * survey answers) say so, and so do their undos: the store's totals ({@code GET /api/stats}) stay as they were while
 * the entries count the journeys they rewrote. A class of its own: an outcome redefinition rewrites journeys that an
 * earlier import wrote, which would keep the other reconciliation tests from undoing theirs.
 */
class ChangeEntriesReconcileApiTests extends ApiTestSupport {

    /** The store's totals: journey records and events. */
    private record Totals(long records, long events) {
    }

    private Totals totals() {
        JsonNode stats = get("/api/stats").json();
        return new Totals(stats.get("journeyRecords").asLong(), stats.get("events").asLong());
    }

    @Test
    void outcomeRulesTouchpointMetadataAndAnswersAddAndRemoveNothingAndNeitherDoTheirUndos() {
        Response imported = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint
                change-1,change-a,2026-03-01T10:00:00Z,Change home
                change-1,change-a,2026-03-01T10:05:00Z,Change cart
                change-2,change-b,2026-03-01T11:00:00Z,Change home
                change-2,change-b,2026-03-01T11:05:00Z,Change rival
                change-3,change-c,2026-03-01T12:00:00Z,Change home
                """);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Totals stored = totals();
        JsonNode outcomesBefore = get("/api/stats").json().get("outcomes");

        Response outcomes = post("/api/outcomes?purchase=Change cart", "application/json", "");
        assertThat(outcomes.status()).as(outcomes.body()).isEqualTo(200);
        assertThat(outcomes.json().get("journeysChanged").asLong()).isEqualTo(1);
        String outcomesEntry = outcomes.json().get("importId").asString();
        assertNothingAddedOrRemoved(outcomesEntry, 1, stored);

        Response metadata = send(HttpRequest.newBuilder(uri("/api/touchpoints/Change rival"))
                .header("X-API-Key", API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"owner\": \"competitor\"}")).build());
        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.json().get("journeysChanged").asLong()).isEqualTo(1);
        String metadataEntry = metadata.json().get("importId").asString();
        assertNothingAddedOrRemoved(metadataEntry, 1, stored);

        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,timestamp,touchpoint,score,scale
                change-answer-1,change-1,2026-03-01T10:06:00Z,Change cart,5,csat
                change-answer-2,change-3,2026-03-01T12:01:00Z,Change home,1,csat
                """);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
        String answersEntry = answers.json().get("importId").asString();
        assertNothingAddedOrRemoved(answersEntry, 0, stored);
        assertThat(listedImport(answersEntry).get("responses").asLong()).isEqualTo(2);

        for (String entry : new String[] {answersEntry, metadataEntry, outcomesEntry}) {
            Response undo = send(HttpRequest.newBuilder(uri("/api/imports/" + entry)).header("X-API-Key", API_KEY)
                    .DELETE().build());
            assertThat(undo.status()).as(undo.body()).isEqualTo(200);
            JsonNode undone = undo.json();
            assertThat(undone.get("eventsRestored").asLong()).as(undone.toString()).isZero();
            assertThat(undone.get("eventsRemoved").asLong()).as(undone.toString()).isZero();
            assertThat(undone.get("journeysRecreated").asLong()).as(undone.toString()).isZero();
            assertThat(undone.get("journeysRemoved").asLong()).as(undone.toString()).isZero();
            assertThat(totals()).as("after the undo of " + entry).isEqualTo(stored);
            assertNothingAddedOrRemoved(undone.get("importId").asString(), entry.equals(answersEntry) ? 0 : 1,
                    stored);
        }
        assertThat(get("/api/stats").json().get("outcomes")).as("the outcome rule undone").isEqualTo(outcomesBefore);
    }

    /** The entry {@code id} added and removed no event and no journey, wrote {@code journeys}, and the totals held. */
    private void assertNothingAddedOrRemoved(String id, long journeys, Totals stored) {
        JsonNode entry = listedImport(id);
        assertThat(entry.get("journeys").asLong()).as(entry.toString()).isEqualTo(journeys);
        assertThat(entry.get("events").asLong()).as(entry.toString()).isZero();
        assertThat(entry.get("eventsRemoved").asLong()).as(entry.toString()).isZero();
        assertThat(entry.get("journeysCreated").asLong()).as(entry.toString()).isZero();
        assertThat(entry.get("journeysRemoved").asLong()).as(entry.toString()).isZero();
        assertThat(totals()).as(entry.toString()).isEqualTo(stored);
    }
}
