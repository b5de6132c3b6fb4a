package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The figures every change reports reconcile with the store's totals ({@code GET /api/stats}): events after = events
 * before + events it added ({@code eventsImported}; an entry's {@code events}; an undo's {@code eventsRestored}) -
 * {@code eventsRemoved}, and journey records after = before + journeys created ({@code journeysCreated}, an undo's
 * {@code journeysRecreated}) - {@code journeysRemoved}; in the import's answer, the job's report, the journal's
 * entry, and the undo's answer, which mirrors the import it undoes. Over HTTP on the embedded Neo4j, for every kind
 * of import. Each test uses its own journeys, customers and sources.
 */
class ImportCountsReconcileApiTests extends ApiTestSupport {

    private static final String CSV = "text/csv";

    /** The store's totals: journey records (an aggregated path's record stands for its count) and events. */
    private record Totals(long records, long events) {
    }

    private Totals totals() {
        JsonNode stats = get("/api/stats").json();
        return new Totals(stats.get("journeyRecords").asLong(), stats.get("events").asLong());
    }

    private JsonNode importEvents(String query, String csv) {
        return importCsv("?openHorizon=0" + query, csv);
    }

    private JsonNode importPaths(String source, String rows) {
        Response response = post("/api/journeys/aggregated?source=" + source, CSV,
                "path,total_conversions,total_conversion_value,total_null\n" + rows);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /**
     * Checks the import's answer and its journal entry (listed, and as {@code GET /api/imports/{id}} tells it)
     * against the totals before and after it.
     */
    private void assertImportReconciles(Totals before, JsonNode answer) {
        Totals after = totals();
        String figures = answer.toString();
        assertThat(after.events()).as(figures).isEqualTo(before.events() + answer.get("eventsImported").asLong()
                - answer.get("eventsRemoved").asLong());
        assertThat(after.records()).as(figures).isEqualTo(before.records() + answer.get("journeysCreated").asLong()
                - answer.get("journeysRemoved").asLong());
        assertThat(answer.get("totalEvents").asLong()).isEqualTo(after.events());
        for (JsonNode entry : new JsonNode[] {listedImport(answer.get("importId").asString()),
                get("/api/imports/" + answer.get("importId").asString()).json().get("entry")}) {
            assertThat(entry.get("events").asLong()).as(entry.toString())
                    .isEqualTo(answer.get("eventsImported").asLong());
            assertThat(entry.get("eventsRemoved").asLong()).as(entry.toString())
                    .isEqualTo(answer.get("eventsRemoved").asLong());
            assertThat(entry.get("journeysCreated").asLong()).as(entry.toString())
                    .isEqualTo(answer.get("journeysCreated").asLong());
            assertThat(entry.get("journeysRemoved").asLong()).as(entry.toString())
                    .isEqualTo(answer.get("journeysRemoved").asLong());
        }
    }

    /**
     * Undoes the import of {@code answer}: the undo's answer and entry reconcile, mirror the import's figures, and the
     * totals are those before the import ({@code beforeImport}).
     */
    private void undoReconciles(Totals beforeImport, JsonNode answer) {
        Totals before = totals();
        Response response = send(HttpRequest.newBuilder(uri("/api/imports/" + answer.get("importId").asString()))
                .header("X-API-Key", API_KEY).DELETE().build());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode undo = response.json();
        Totals after = totals();
        String figures = answer + " undone by " + undo;
        assertThat(after.events()).as(figures).isEqualTo(before.events() + undo.get("eventsRestored").asLong()
                - undo.get("eventsRemoved").asLong());
        assertThat(after.records()).as(figures).isEqualTo(before.records()
                + undo.get("journeysRecreated").asLong() - undo.get("journeysRemoved").asLong());
        assertThat(after).as(figures).isEqualTo(beforeImport);
        assertThat(undo.get("eventsRemoved").asLong()).as(figures).isEqualTo(answer.get("eventsImported").asLong());
        assertThat(undo.get("eventsRestored").asLong()).as(figures).isEqualTo(answer.get("eventsRemoved").asLong());
        assertThat(undo.get("journeysRemoved").asLong()).as(figures)
                .isEqualTo(answer.get("journeysCreated").asLong());
        assertThat(undo.get("journeysRecreated").asLong()).as(figures)
                .isEqualTo(answer.get("journeysRemoved").asLong());
        JsonNode entry = listedImport(undo.get("importId").asString());
        assertThat(entry.get("events").asLong()).as(entry.toString()).isEqualTo(undo.get("eventsRestored").asLong());
        assertThat(entry.get("eventsRemoved").asLong()).isEqualTo(undo.get("eventsRemoved").asLong());
        assertThat(entry.get("journeysCreated").asLong()).isEqualTo(undo.get("journeysRecreated").asLong());
        assertThat(entry.get("journeysRemoved").asLong()).isEqualTo(undo.get("journeysRemoved").asLong());
    }

    @Test
    void newJourneysAndDuplicatesReconcileAndSoDoTheirUndos() {
        Totals empty = totals();
        String file = """
                journey_id,timestamp,touchpoint
                new-1,2026-03-01T10:00:00Z,New home
                new-1,2026-03-01T10:05:00Z,New shop
                new-1,2026-03-01T10:05:00Z,New shop
                new-2,2026-03-01T11:00:00Z,New home
                """;
        JsonNode created = importEvents("", file);
        assertThat(created.get("eventsImported").asLong()).isEqualTo(3);
        assertThat(created.get("duplicateEvents").asLong()).isEqualTo(1);
        assertImportReconciles(empty, created);

        Totals stored = totals();
        JsonNode again = importEvents("", file + "new-2,2026-03-01T11:10:00Z,New shop\n");
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(4);
        assertImportReconciles(stored, again);

        undoReconciles(stored, again);
        undoReconciles(empty, created);
    }

    @Test
    void extendingAJourneyReconcilesAndSoDoesItsUndo() {
        importEvents("", """
                journey_id,timestamp,touchpoint
                longer-1,2026-03-01T10:00:00Z,Longer home
                longer-1,2026-03-01T10:05:00Z,Longer shop
                """);
        Totals before = totals();

        JsonNode extended = importEvents("", """
                journey_id,timestamp,touchpoint
                longer-1,2026-03-01T10:02:00Z,Longer search
                longer-1,2026-03-01T10:05:00Z,Longer shop
                """);

        assertThat(extended.get("journeysUpdated").asLong()).isEqualTo(1);
        assertImportReconciles(before, extended);
        undoReconciles(before, extended);
    }

    @Test
    void anEventThatJoinsTwoSessionsMovesEventsWithoutRemovingAnyAndItsUndoMirrorsIt() {
        // 40 minutes apart: two sessions at the default gap of 30 minutes.
        importEvents("", """
                customer_id,timestamp,touchpoint
                joined,2026-03-01T10:00:00Z,Joined home
                joined,2026-03-01T10:01:00Z,Joined search
                joined,2026-03-01T10:40:00Z,Joined shop
                """);
        Totals before = totals();

        JsonNode joined = importEvents("", """
                customer_id,timestamp,touchpoint
                joined,2026-03-01T10:20:00Z,Joined search
                """);

        assertThat(joined.get("journeysRemoved").asLong()).isEqualTo(1);
        assertThat(joined.get("eventsRemoved").asLong()).as(joined.toString()).isZero();
        assertImportReconciles(before, joined);
        undoReconciles(before, joined);
    }

    @Test
    void aLongerSessionGapReSplitsStoredSessionsAndAShorterOneSplitsThemAgain() {
        String file = """
                customer_id,timestamp,touchpoint
                regap,2026-03-01T10:00:00Z,Regap home
                regap,2026-03-01T10:40:00Z,Regap shop
                regap,2026-03-01T10:45:00Z,Regap cart
                """;
        importEvents("", file);
        Totals before = totals();

        JsonNode longer = importEvents("&sessionGap=1h", file);
        assertThat(longer.get("journeysRemoved").asLong()).isEqualTo(1);
        assertThat(longer.get("eventsImported").asLong()).isZero();
        assertImportReconciles(before, longer);

        Totals oneSession = totals();
        JsonNode shorter = importEvents("&sessionGap=10m", file);
        assertThat(shorter.get("journeysCreated").asLong()).isEqualTo(1);
        assertImportReconciles(oneSession, shorter);

        undoReconciles(oneSession, shorter);
        undoReconciles(before, longer);
    }

    @Test
    void aBackgroundImportsReportReconcilesAsTheSynchronousOne() throws InterruptedException {
        importEvents("", """
                customer_id,timestamp,touchpoint
                queued,2026-03-01T10:00:00Z,Queued home
                queued,2026-03-01T11:00:00Z,Queued shop
                """);
        Totals before = totals();
        Response accepted = send(HttpRequest.newBuilder(uri("/api/events?openHorizon=0")).header("X-API-Key", API_KEY)
                .header("Content-Type", CSV).header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        customer_id,timestamp,touchpoint
                        queued,2026-03-01T10:25:00Z,Queued search
                        queued,2026-03-01T10:50:00Z,Queued search
                        """)).build());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String job = "/api/imports/" + accepted.json().get("id").asString();

        JsonNode status = get(job).json();
        // A bound for a hung job (a minute), not a timing assertion.
        for (int i = 0; i < 1200 && !status.get("status").asString().equals("done"); i++) {
            Thread.sleep(50);
            status = get(job).json();
        }

        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("done");
        assertThat(status.get("report").get("eventsRemoved").asLong()).isZero();
        assertImportReconciles(before, status.get("report"));
        undoReconciles(before, status.get("report"));
    }

    @Test
    void aggregatedPathsRaisingAndLoweringCountsReconcileAndSoDoTheirUndos() {
        Totals empty = totals();
        JsonNode first = importPaths("recount", """
                Recount A > Recount B,2,20,3
                Recount A > Recount C,4,40,1
                Recount B > Recount C,1,10,0
                """);
        assertImportReconciles(empty, first);

        Totals before = totals();
        // A > B rises, A > C falls, B > C goes and C > A comes.
        JsonNode second = importPaths("recount", """
                Recount A > Recount B,5,50,3
                Recount A > Recount C,1,10,1
                Recount C > Recount A,2,20,0
                """);
        assertThat(second.get("journeysRemoved").asLong()).isEqualTo(1);
        // Conversions: 3 more of A > B > Conversion, 3 fewer of A > C > Conversion; 2 of the new path.
        assertThat(second.get("eventsImported").asLong()).isEqualTo(3 * 3 + 2 * 3);
        assertThat(second.get("eventsRemoved").asLong()).isEqualTo(3 * 3 + 3);
        assertImportReconciles(before, second);

        Totals same = totals();
        JsonNode unchanged = importPaths("recount", """
                Recount A > Recount B,5,50,3
                Recount A > Recount C,1,10,1
                Recount C > Recount A,2,20,0
                """);
        // The same counts again write nothing: no path updated, no journal entry to undo, the totals as they were.
        assertThat(unchanged.get("journeysUpdated").asLong()).as(unchanged.toString()).isZero();
        assertThat(unchanged.get("eventsImported").asLong()).isZero();
        assertThat(unchanged.get("eventsRemoved").asLong()).isZero();
        assertThat(unchanged.hasNonNull("importId")).as(unchanged.toString()).isFalse();
        assertThat(totals()).isEqualTo(same);

        // One count changed: only that path's record is written again (and kept for the undo).
        JsonNode oneChanged = importPaths("recount", """
                Recount A > Recount B,5,50,4
                Recount A > Recount C,1,10,1
                Recount C > Recount A,2,20,0
                """);
        assertThat(oneChanged.get("journeysUpdated").asLong()).as(oneChanged.toString()).isEqualTo(1);
        assertThat(oneChanged.get("eventsImported").asLong()).isEqualTo(2);
        assertImportReconciles(same, oneChanged);

        undoReconciles(same, oneChanged);
        undoReconciles(before, second);
        undoReconciles(empty, first);
    }

    @Test
    void anErasureReconcilesWithTheStoresTotals() {
        importEvents("", """
                journey_id,customer_id,timestamp,touchpoint
                erased-1,erased-customer,2026-03-01T10:00:00Z,Erased home
                erased-1,erased-customer,2026-03-01T10:05:00Z,Erased shop
                erased-2,erased-customer,2026-03-02T10:00:00Z,Erased home
                """);
        Totals before = totals();

        Response response = send(HttpRequest.newBuilder(uri("/api/customers/erased-customer"))
                .header("X-API-Key", API_KEY).DELETE().build());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode erased = response.json();
        assertThat(erased.get("eventsErased").asLong()).isEqualTo(3);
        assertThat(totals()).isEqualTo(new Totals(before.records() - erased.get("journeysErased").asLong(),
                before.events() - erased.get("eventsErased").asLong()));
        JsonNode entry = listedImport(erased.get("importId").asString());
        assertThat(entry.get("events").asLong()).isZero();
        assertThat(entry.get("journeysCreated").asLong()).isZero();
        assertThat(entry.get("eventsRemoved").asLong()).isEqualTo(3);
        assertThat(entry.get("journeysRemoved").asLong()).isEqualTo(2);
    }
}
