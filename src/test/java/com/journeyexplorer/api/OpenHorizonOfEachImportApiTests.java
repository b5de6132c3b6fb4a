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
 * The open horizon belongs to the journeys of the import that gives it: a shop's live export (the default horizon,
 * some journeys still open) and an unrelated finished log imported with {@code openHorizon=0}, whose events are later,
 * go into one store without the log ending the shop's open journeys; and a re-import whose only change is the horizon
 * says why it updated its journeys. The tests run in order, as the data grows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenHorizonOfEachImportApiTests extends ApiTestSupport {

    private static final String LIVE_EXPORT = """
            journey_id,timestamp,touchpoint,type
            live-1,2026-03-09T10:00:00Z,Home,
            live-1,2026-03-09T10:04:00Z,Cart,
            live-2,2026-03-10T18:00:00Z,Home,
            live-p,2026-03-08T11:00:00Z,Home,
            live-p,2026-03-08T11:07:00Z,Order confirmation,purchase
            """;

    /** A finished process log of other data, three months after the export. */
    private static final String FINISHED_LOG = """
            journey_id,timestamp,touchpoint
            case-1,2026-06-01T09:00:00Z,register request
            case-1,2026-06-01T09:30:00Z,check ticket
            case-2,2026-06-02T09:00:00Z,register request
            """;

    private String outcome(String id) {
        Response response = get("/api/journeys/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("outcome").asString();
    }

    private long open() {
        return get("/api/stats").json().get("outcomes").get("OPEN").asLong();
    }

    @Test
    @Order(1)
    void aFinishedLogOfOtherDataLeavesTheOpenJourneysOfEarlierImportsOpen() {
        importCsv("", LIVE_EXPORT);
        assertThat(open()).isEqualTo(2);

        JsonNode log = importCsv("?openHorizon=0", FINISHED_LOG);

        assertThat(log.get("journeysCreated").asLong()).isEqualTo(2);
        assertThat(outcome("case-1")).isEqualTo("ABANDONED");
        assertThat(outcome("live-1")).as("the log's later events are not the shop's latest").isEqualTo("OPEN");
        assertThat(outcome("live-2")).isEqualTo("OPEN");
        assertThat(outcome("live-p")).isEqualTo("PURCHASE");
        assertThat(open()).isEqualTo(2);
        // The Cypher guide's queries derive the status as the app does.
        try (var session = driver.session()) {
            assertThat(session.run("""
                    MATCH (any:Journey) WHERE any.endedAt IS NOT NULL AND coalesce(any.openHorizon, -1) <> 0
                    RETURN max(any.endedAt) AS latest""").single().get("latest").asZonedDateTime().toInstant())
                    .hasToString("2026-03-10T18:00:00Z");
        }
    }

    @Test
    @Order(2)
    void aReImportWhoseOnlyChangeIsTheHorizonSaysWhyItUpdatedItsJourneys() {
        JsonNode finished = importCsv("?openHorizon=0", LIVE_EXPORT);

        assertThat(finished.get("eventsImported").asLong()).isZero();
        assertThat(finished.get("journeysUpdated").asLong()).isEqualTo(3);
        assertThat(finished.get("journeysHorizonChanged").asLong()).as(finished.toString()).isEqualTo(3);
        assertThat(finished.get("journeysClosed").asLong()).isEqualTo(2);
        assertThat(finished.has("journeysReopened")).as("none: left out").isFalse();
        assertThat(outcome("live-1")).isEqualTo("ABANDONED");
        assertThat(open()).isZero();

        JsonNode live = importCsv("?openHorizon=30d", LIVE_EXPORT);

        assertThat(live.get("journeysUpdated").asLong()).isEqualTo(3);
        assertThat(live.get("journeysHorizonChanged").asLong()).isEqualTo(3);
        assertThat(live.get("journeysReopened").asLong()).as(live.toString()).isEqualTo(2);
        assertThat(live.has("journeysClosed")).isFalse();
        assertThat(open()).isEqualTo(2);

        JsonNode same = importCsv("?openHorizon=30d", LIVE_EXPORT);
        assertThat(same.get("journeysUpdated").asLong()).isZero();
        assertThat(same.has("journeysHorizonChanged")).as(same.toString()).isFalse();
    }
}
