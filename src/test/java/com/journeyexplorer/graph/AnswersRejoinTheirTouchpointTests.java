package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * An undo that deletes a touchpoint turns the answers about it into answers pointing at their journey (they keep its
 * name, {@link AnswersOutliveTheirNodesTests}); when a later import creates the touchpoint again, they point at it
 * again, so that {@code (:Journey)-[:ANSWERED]->(:Touchpoint)} finds every answer the analyses count under it.
 */
class AnswersRejoinTheirTouchpointTests extends ApiTestSupport {

    @Test
    void importingTheTouchpointAgainPointsTheAnswersThatNameItAtItAgain() throws IOException {
        assertThat(post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint
                back-1,back-c,2026-04-01T10:00:00Z,Home
                """).status()).isEqualTo(200);
        String page = """
                journey_id,customer_id,timestamp,touchpoint
                back-2,back-d,2026-04-02T10:00:00Z,Home
                back-2,back-d,2026-04-02T10:05:00Z,Back page
                """;
        Response first = post("/api/events?openHorizon=0", "text/csv", page);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(post("/api/feedback", "text/csv", """
                response_id,journey_id,touchpoint,score,scale
                of-kept-journey,back-1,Back page,2,csat
                of-undone-journey,back-2,Back page,4,csat
                """).json().get("matched").asInt()).isEqualTo(2);
        assertThat(send(HttpRequest.newBuilder(uri("/api/imports/" + first.json().get("importId").asString()))
                .DELETE().header("X-API-Key", API_KEY).build()).status()).isEqualTo(200);

        // Another journey brings the page back; then the undone journey comes back, its answer waiting for it.
        assertThat(post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint
                back-3,back-e,2026-04-03T10:00:00Z,Back page
                """).status()).isEqualTo(200);
        assertThat(post("/api/events?openHorizon=0", "text/csv", page).status()).isEqualTo(200);

        try (var session = driver.session()) {
            assertThat(session.run("""
                    MATCH (:Journey)-[a:ANSWERED]->(t:Touchpoint {name: 'Back page'})
                    RETURN a.id AS id ORDER BY id""").list(row -> row.get("id").asString()))
                    .as("the answers about the page point at it, as before the undo")
                    .containsExactly("of-kept-journey", "of-undone-journey");
        }
        assertThat(get("/api/experience?by=touchpoint").json().get("labels").valueStream()
                .filter(row -> row.get("label").asString().equals("Back page"))
                .map(row -> row.get("experience").get("responses").asLong()).toList()).containsExactly(2L);
        String query = Files.readString(Path.of("cypher", "queries", "experience-by-touchpoint.cypher"));
        JsonNode rows = post("/api/cypher", "application/json", JSON.writeValueAsString(Map.of("query", query)))
                .json().get("rows");
        assertThat(rows.valueStream().filter(row -> row.get(0).asString().equals("Back page"))
                .map(row -> row.get(2).asLong()).toList())
                .as("the answers at the page in experience-by-touchpoint.cypher, as /api/experience counts them")
                .containsExactly(2L);
    }
}
