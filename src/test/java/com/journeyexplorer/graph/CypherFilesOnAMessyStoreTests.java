package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The query files of {@code cypher/queries} against a store that has been through what a real one goes through: a
 * journey still in progress, survey answers with and without a time, an import undone that had created a touchpoint
 * answers name, the same events imported again. Each file must still give what the endpoints show
 * ({@link CypherFilesTests} checks the figures on the clean demo store).
 */
class CypherFilesOnAMessyStoreTests extends ApiTestSupport {

    private static final Path QUERIES = Path.of("cypher", "queries");

    private static final String EVENTS = """
            journey_id,customer_id,timestamp,touchpoint,channel,owner,type
            lost,c1,2026-01-02T10:00:00Z,Product page,website,,
            lost,c1,2026-01-02T10:05:00Z,Cart,website,,
            lost,c1,2026-01-02T10:10:00Z,Support chat,support,,
            lost,c1,2026-01-02T10:20:00Z,Rival shop,web,competitor,
            bought,c2,2026-01-03T10:00:00Z,Product page,website,,
            bought,c2,2026-01-03T10:05:00Z,Cart,website,,
            bought,c2,2026-01-03T10:10:00Z,Order confirmation,website,,purchase
            open,c3,2026-03-01T10:00:00Z,Product page,website,,
            open,c3,2026-03-01T10:05:00Z,Cart,website,,
            open,c3,2026-03-01T10:10:00Z,Support chat,support,,
            open,c3,2026-03-01T10:20:00Z,Rival shop,web,competitor,
            """;

    /** Adds a step at a touchpoint of its own to the lost journey. */
    private static final String POPUP = """
            journey_id,customer_id,timestamp,touchpoint
            lost,c1,2026-01-02T10:12:00Z,Promo popup
            """;

    private static final String ANSWERS = """
            response_id,journey_id,touchpoint,score,scale,comment,timestamp
            undated,lost,Support chat,1,csat,Nobody answered,
            dated,lost,Cart,1,csat,Hidden costs,2026-01-02T11:00:00Z
            popup,lost,Promo popup,1,csat,Annoying popup,2026-01-02T10:30:00Z
            """;

    @Test
    void theJourneysThatSawTheCartThenSupportThenACompetitorHaveTheOutcomeTheJourneyEndpointShows() throws IOException {
        assertThat(post("/api/events", "text/csv", EVENTS).status()).isEqualTo(200);
        assertThat(get("/api/journeys/open").json().get("outcome").asString()).isEqualTo("OPEN");

        List<Record> rows = run("journeys-cart-then-support-then-competitor.cypher");

        assertThat(rows).extracting(row -> row.get("journey").asString()).containsExactly("lost", "open");
        for (Record row : rows) {
            String journey = row.get("journey").asString();
            assertThat(row.get("outcome").asString()).as(journey)
                    .isEqualTo(get("/api/journeys/" + journey).json().get("outcome").asString());
        }
    }

    @Test
    void theLostCustomersSayingsNameTheTouchpointAnUndoDeletedAndListAnswersWithoutATimeLast() throws IOException {
        assertThat(post("/api/events", "text/csv", EVENTS).status()).isEqualTo(200);
        String popupImport = post("/api/events", "text/csv", POPUP).json().get("importId").asString();
        assertThat(post("/api/feedback", "text/csv", ANSWERS).json().get("matched").asInt()).isEqualTo(3);
        assertThat(send(HttpRequest.newBuilder(uri("/api/imports/" + popupImport)).DELETE()
                .header("X-API-Key", API_KEY).build()).status()).isEqualTo(200);

        List<Record> said = run("what-lost-customers-said.cypher");

        // The touchpoint is gone; the answer about it still names it, not the journey as a whole.
        assertThat(said).extracting(row -> row.get("touchpoint").asString())
                .as("newest first, the answer without a time last")
                .containsExactly("Cart", "Promo popup", "Support chat");
        assertThat(said).extracting(row -> row.get("outcome").asString()).containsOnly(
                get("/api/journeys/lost").json().get("outcome").asString());
        assertExperienceQueryGivesTheEndpointsFigures();
    }

    @Test
    void theAnswerQueriesLeaveOutTheAnswersOfAnEntryStillBeingWrittenOrWhoseUndoIsStillDeletingThem()
            throws IOException {
        assertThat(post("/api/events", "text/csv", EVENTS).status()).isEqualTo(200);
        String early = feedback("""
                response_id,journey_id,touchpoint,score,scale,comment,timestamp
                early-1,lost,Support chat,2,csat,Long wait,2026-01-02T10:15:00Z
                """);
        String late = null;
        try {
            List<Map<String, Object>> experience = rows("experience-by-touchpoint.cypher");
            List<Map<String, Object>> said = rows("what-lost-customers-said.cypher");
            late = feedback("""
                    response_id,journey_id,touchpoint,score,scale,comment,timestamp
                    late-1,lost,Cart,2,csat,Slow page,2026-01-02T12:00:00Z
                    """);
            assertThat(rows("experience-by-touchpoint.cypher")).as("with the later answer").isNotEqualTo(experience);
            assertThat(rows("what-lost-customers-said.cypher")).as("with the later answer").isNotEqualTo(said);

            // What a stopped process leaves of an import of answers (rolled back at the next start), and an undo
            // between the transaction that finishes it and the deletion of its answers: the app publishes neither's.
            for (String state : List.of("SET i.status = 'running'", "SET i.answersLeft = true")) {
                String status;
                try (Session session = driver.session()) {
                    status = session.run("MATCH (i:Import {id: $id}) WITH i, i.status AS status " + state
                            + " RETURN status", Map.of("id", late)).single().get("status").asString();
                }
                try {
                    assertThat(rows("experience-by-touchpoint.cypher")).as(state).isEqualTo(experience);
                    assertThat(rows("what-lost-customers-said.cypher")).as(state).isEqualTo(said);
                } finally {
                    try (Session session = driver.session()) {
                        session.run("MATCH (i:Import {id: $id}) SET i.status = $status REMOVE i.answersLeft",
                                Map.of("id", late, "status", status)).consume();
                    }
                }
            }
        } finally {
            // The other tests count the answers on the lost journey.
            for (String entry : late == null ? List.of(early) : List.of(late, early)) {
                assertThat(send(HttpRequest.newBuilder(uri("/api/imports/" + entry)).DELETE()
                        .header("X-API-Key", API_KEY).build()).status()).isEqualTo(200);
            }
        }
    }

    /** Imports survey answers that are all new; returns the journal entry that stored them. */
    private String feedback(String csv) {
        Response response = post("/api/feedback", "text/csv", csv);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("importId").asString();
    }

    @Test
    void theReadmesGraphModelNamesEveryPropertyAndStepTypeTheStoreHolds() throws IOException {
        assertThat(post("/api/events", "text/csv", EVENTS).status()).isEqualTo(200);
        assertThat(post("/api/events?frustration=%24rageclick", "text/csv", """
                journey_id,timestamp,touchpoint,event_id
                clicks,2026-02-01T10:00:00Z,Product page,e1
                clicks,2026-02-01T10:00:05Z,$rageclick,e2
                clicks,2026-02-01T10:01:00Z,Cart,e3
                """).status()).isEqualTo(200);
        assertThat(post("/api/journeys/aggregated?source=paths", "text/csv", """
                path,total_conversions,total_conversion_value,total_null
                Product page > Cart,2,20,3
                """).status()).isEqualTo(200);
        assertThat(post("/api/feedback", "text/csv", """
                response_id,journey_id,customer_id,touchpoint,score,scale,comment,timestamp
                model-1,clicks,c9,Cart,2,csat,Slow,2026-02-01T10:02:00Z
                model-2,clicks,,,9,nps,,
                """).json().get("matched").asInt()).isEqualTo(2);
        String readme = Files.readString(Path.of("README.md"));
        String guide = readme.substring(readme.indexOf("## The graph in Neo4j"), readme.indexOf("## Security"));

        List<String> properties;
        List<String> stepTypes;
        try (Session session = driver.session()) {
            properties = session.run("""
                    CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName
                    WHERE any(label IN nodeLabels WHERE label IN ['Touchpoint', 'Journey'])
                    RETURN propertyName AS name
                    UNION
                    CALL db.schema.relTypeProperties() YIELD relType, propertyName
                    WHERE relType IN [':`VISITED`', ':`ANSWERED`', ':`TRANSITION`']
                    RETURN propertyName AS name""").list(row -> row.get("name").asString(null));
            stepTypes = session.run("MATCH ()-[v:VISITED]->() WHERE v.type IS NOT NULL RETURN DISTINCT v.type AS type")
                    .list(row -> row.get("type").asString());
        }

        assertThat(stepTypes).contains("frustration");
        for (String type : stepTypes) {
            assertThat(guide).as("the step type " + type).contains("`" + type + "`");
        }
        for (String property : properties) {
            if (property != null && !property.startsWith("attr.") && !property.startsWith("event.")) {
                assertThat(guide).as("the property " + property)
                        .containsPattern("[`{,( ]" + Pattern.quote(property) + "[`}?,:) ]");
            }
        }
    }

    private void assertExperienceQueryGivesTheEndpointsFigures() throws IOException {
        Map<String, JsonNode> byLabel = new HashMap<>();
        get("/api/experience?by=touchpoint&includeOpen=true").json().get("labels").forEach(row -> {
            if (row.has("experience") && row.get("experience").get("responses").asLong() > 0) {
                byLabel.put(row.get("label").asString(), row.get("experience"));
            }
        });
        Map<String, Record> rows = new HashMap<>();
        run("experience-by-touchpoint.cypher").forEach(row -> rows.put(row.get("touchpoint").asString(), row));

        assertThat(rows.keySet()).isEqualTo(byLabel.keySet());
        rows.forEach((touchpoint, row) -> {
            JsonNode api = byLabel.get(touchpoint);
            assertThat(row.get("answers").asLong()).as(touchpoint).isEqualTo(api.get("responses").asLong());
            assertThat(row.get("meanScore").asDouble()).as(touchpoint)
                    .isCloseTo(api.get("meanScore").asDouble(), within(0.00005));
            assertThat(row.get("negativeShare").asDouble()).as(touchpoint)
                    .isCloseTo(api.get("negativeShare").asDouble(), within(0.00005));
        });
    }

    private List<Map<String, Object>> rows(String file) throws IOException {
        return run(file).stream().map(Record::asMap).toList();
    }

    /** A query file run over Bolt; it must give the same rows through {@code POST /api/cypher}. */
    private List<Record> run(String file) throws IOException {
        String text = Files.readString(QUERIES.resolve(file));
        List<Record> rows;
        try (Session session = driver.session()) {
            rows = session.run(StoreSchema.statements(text).get(0)).list();
        }
        Response answer = post("/api/cypher", "application/json", JSON.writeValueAsString(Map.of("query", text)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rows")).as(file).hasSize(rows.size());
        return rows;
    }
}
