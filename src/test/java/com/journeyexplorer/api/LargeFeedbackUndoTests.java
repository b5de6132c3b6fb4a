package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Undoing a feedback import with more answers than one transaction of Neo4j may delete: the database's memory bound
 * per transaction is set low here (as a million answers meet the default 1 GiB), the answers are written in small
 * transactions, and the undo still takes every one of them back, leaving no mark behind.
 */
@TestPropertySource(properties = {"journeys.neo4j.embedded.transaction-max-memory=8MB",
        "journeys.neo4j.write-batch-size=25"})
class LargeFeedbackUndoTests extends ApiTestSupport {

    private static final int ANSWERS = 40_000;

    private long count(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.run(cypher, parameters).single().get(0).asLong();
        }
    }

    /** The answers {@code /api/experience?by=touchpoint} counts at the test's touchpoint; 0 when it has no row. */
    private long answersAtHome() {
        for (JsonNode row : get("/api/experience?by=touchpoint").json().get("labels")) {
            if (row.get("label").asString().equals("Large undo home")) {
                return row.get("experience").get("responses").asLong();
            }
        }
        return 0;
    }

    @Test
    void undoingAFeedbackImportTooLargeForOneTransactionDeletesEveryAnswer() {
        Response events = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,type
                large-undo-1,large-undo-c1,2026-05-01T10:00:00Z,Large undo home,touchpoint
                large-undo-1,large-undo-c1,2026-05-01T10:05:00Z,Large undo pay,purchase
                """);
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        StringBuilder answers = new StringBuilder("response_id,journey_id,touchpoint,score,scale,comment\n");
        for (int i = 0; i < ANSWERS; i++) {
            answers.append("large-undo-r").append(i).append(",large-undo-1,Large undo home,").append(1 + i % 5)
                    .append(",csat,a comment long enough to weigh something in the transaction's state ").append(i)
                    .append('\n');
        }
        Response imported = post("/api/feedback", "text/csv", answers.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String importId = imported.json().get("importId").asString();
        assertThat(count("MATCH ()-[a:ANSWERED {importId: $id}]->() RETURN count(a)", Map.of("id", importId)))
                .isEqualTo(ANSWERS);
        assertThat(answersAtHome()).isEqualTo(ANSWERS);

        Response undone = send(HttpRequest.newBuilder(uri("/api/imports/" + importId)).DELETE()
                .header("X-API-Key", API_KEY).build());

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(count("MATCH ()-[a:ANSWERED {importId: $id}]->() RETURN count(a)", Map.of("id", importId)))
                .isZero();
        assertThat(count("MATCH (i:Import {id: $id}) WHERE i.status = 'undone' AND i.answersLeft IS NULL "
                + "RETURN count(i)", Map.of("id", importId))).isOne();
        assertThat(undone.json().get("responsesRemoved").asLong()).isEqualTo(ANSWERS);
        assertThat(answersAtHome()).isZero();
    }
}
