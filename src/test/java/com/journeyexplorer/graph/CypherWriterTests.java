package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/**
 * The Cypher write path that external servers (Docker, Aura, clusters) use, exercised on the embedded database over
 * Bolt, so that it is tested on every machine, Docker engine or not.
 */
@TestPropertySource(properties = "journeys.neo4j.embedded.direct-writes=false")
class CypherWriterTests extends ApiTestSupport {

    @Test
    void storesTheSameGraphThroughCypherAsThroughTheJavaApi() throws Exception {
        assertThat(postRunningExample().status()).isEqualTo(200);
        // An extension replaces the journey's steps.
        assertThat(post("/api/events", "text/csv", "journey_id,timestamp,touchpoint\n3,2011-02-01T10:00:00Z,Newsletter\n")
                .status()).isEqualTo(200);

        try (var session = driver.session()) {
            List<String> path = session.run("""
                    MATCH (:Journey {id: '3'})-[s:VISITED]->(t:Touchpoint)
                    RETURN t.name AS touchpoint ORDER BY s.index""").list(r -> r.get("touchpoint").asString());
            List<Object> stored = session.run("MATCH (j:Journey {id: '3'}) RETURN j.path AS path").single()
                    .get("path").asList();
            assertThat(path).hasSize(10).endsWith("Newsletter").isEqualTo(stored);
            // Event attributes on the steps (the Newsletter event has none), the journey attribute on the journey.
            List<Object> resources = session.run("""
                    MATCH (:Journey {id: '3'})-[s:VISITED]->()
                    RETURN s.`attr.org:resource` AS resource ORDER BY s.index""").list(r -> r.get("resource").asObject());
            assertThat(resources).containsExactly("Pete", "Mike", "Ellen", "Sara", "Sara", "Sean", "Pete", "Sara",
                    "Ellen", null);
            assertThat(session.run("MATCH (j:Journey {id: '3'}) RETURN j.`attr.case:creator` AS c").single()
                    .get("c").asString()).isEqualTo("Fluxicon Nitro");
            assertThat(session.run("MATCH (:Journey)-[s:VISITED]->() RETURN count(s) AS n").single().get("n").asLong())
                    .isEqualTo(43);
            List<String> mismatches = session.run(StoreSchema.statements(
                    Files.readString(Path.of("cypher", "consistency-check.cypher"))).get(0))
                    .list(row -> row.get("from").asString());
            assertThat(mismatches).isEmpty();
        }
        assertThat(get("/api/journeys/3").json().get("steps").size()).isEqualTo(10);
    }

    @Test
    void leavesOutAnAbsentCustomerSegmentAndDeviceOfJourneysAndOfTheVersionsAnUndoRestores() {
        assertThat(post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,segment,device
                full,c1,2026-01-01T10:00:00Z,Ad,trend follower,mobile
                bare,,2026-01-02T10:00:00Z,Page,,
                """).status()).isEqualTo(200);
        Response extended = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint
                bare,2026-01-02T10:05:00Z,Ad
                """);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        String withoutTexts = """
                MATCH (j) WHERE (j:Journey OR j:PreviousVersion) AND j.id IN ['full', 'bare']
                            AND j.customerId IS NULL AND j.segment IS NULL AND j.device IS NULL
                RETURN labels(j)[0] + ' ' + j.id AS node ORDER BY node""";
        try (var session = driver.session()) {
            assertThat(session.run(withoutTexts).list(row -> row.get("node").asString()))
                    .containsExactly("Journey bare", "PreviousVersion bare");
            assertThat(session.run("MATCH (j:Journey {id: 'full'}) RETURN [j.customerId, j.segment, j.device] AS t")
                    .single().get("t").asList()).containsExactly("c1", "trend follower", "mobile");
        }

        Response undone = send(java.net.http.HttpRequest.newBuilder(
                uri("/api/imports/" + extended.json().get("importId").asString()))
                .header("X-API-Key", API_KEY).DELETE().build());

        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (j:Journey {id: 'bare'}) RETURN keys(j) AS k").single().get("k").asList())
                    .as("the version the undo wrote back").doesNotContain("customerId", "segment", "device")
                    .contains("path");
        }
        assertThat(get("/api/journeys/bare").json().get("steps").size()).isEqualTo(1);
    }

    @Test
    void theAppsSessionsShareOneBookmarkManagerPerDriver() {
        assertThat(postRunningExample().status()).isEqualTo(200);
        // The import's last transaction left its bookmark with the manager: a later session of the app waits for it.
        var bookmarks = CausalSessions.bookmarksOf(driver);
        assertThat(bookmarks.getBookmarks()).isNotEmpty();
        try (var session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> tx.run("CREATE (:BookmarkProbe)").consume());
            assertThat(bookmarks.getBookmarks()).containsAll(session.lastBookmarks());
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (p:BookmarkProbe) DELETE p").consume());
        }
        assertThat(CausalSessions.bookmarksOf(driver)).isSameAs(bookmarks);
    }

    @Autowired
    DatabaseManagementService embedded;

    @Autowired
    JourneyProjection projection;

    /** Every journey node and step with its properties, in id and step order. */
    private static final String STORED = """
            MATCH (j:Journey)
            CALL (j) {
              MATCH (j)-[s:VISITED]->(t:Touchpoint)
              WITH s, t ORDER BY s.index
              RETURN collect([t.name, properties(s)]) AS steps
            }
            RETURN j.id AS id, properties(j) AS journey, steps ORDER BY id""";

    @Test
    void embeddedWriterStoresWhatTheCypherWriterStored() {
        assertThat(postRunningExample().status()).isEqualTo(200);
        try (var session = driver.session()) {
            List<java.util.Map<String, Object>> byCypher = session.run(STORED).list(r -> r.asMap());
            java.util.Map<String, String> writtenBy = new java.util.HashMap<>();
            session.run("MATCH (j:Journey) RETURN j.id AS id, j.importId AS importId")
                    .forEachRemaining(r -> writtenBy.put(r.get("id").asString(), r.get("importId").asString()));
            var snapshot = projection.current();
            List<String> ids = snapshot.journeys().stream().map(com.journeyexplorer.journey.Journey::id).toList();
            new EmbeddedJourneyWriter(embedded, lease).writeJourneys(snapshot.journeys(), ids, snapshot.touchpoints(),
                    "unused", writtenBy);

            List<java.util.Map<String, Object>> byJavaApi = session.run(STORED).list(r -> r.asMap());
            assertThat(byJavaApi).hasSize(ids.size()).isEqualTo(byCypher);
        }
    }

    @Autowired
    FeedbackGraph feedback;

    @Autowired
    ImportLease lease;

    /**
     * Every answer with its properties, in id order: an ANSWERED relationship with its journey and the touchpoint it
     * points to (none when it points to the journey), or a Response node with the touchpoint it is AT.
     */
    private static final String STORED_RESPONSES = """
            CALL () {
              MATCH (j:Journey)-[a:ANSWERED]->(t)
              RETURN a.id AS id, 'ANSWERED' AS kind, properties(a) AS response, j.id AS journey,
                     CASE WHEN t:Touchpoint THEN t.name END AS touchpoint, t = j AS toItself
              UNION ALL
              MATCH (r:Response)
              OPTIONAL MATCH (r)-[:AT]->(t:Touchpoint)
              RETURN r.id AS id, 'Response' AS kind, properties(r) AS response, null AS journey,
                     t.name AS touchpoint, null AS toItself
            }
            RETURN id, kind, response, journey, touchpoint, toItself ORDER BY id""";

    @Test
    void embeddedWriterStoresTheAnswersTheCypherWriterStored() {
        assertThat(postRunningExample().status()).isEqualTo(200);
        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,customer_id,timestamp,touchpoint,score,scale,comment
                a,3,,2011-01-02T10:00:00Z,register request,4,csat,fine
                b,3,,,,9,nps,
                c,nope,,2011-01-02T10:00:00Z,check ticket,2,ces,slow
                d,,c-9,2011-01-02T10:00:00Z,,0.5,sentiment,
                """);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
        try (var session = driver.session()) {
            List<java.util.Map<String, Object>> byCypher = session.run(STORED_RESPONSES).list(r -> r.asMap());
            assertThat(byCypher).hasSize(4);
            assertThat(byCypher).extracting(row -> row.get("kind"))
                    .containsExactly("ANSWERED", "ANSWERED", "Response", "Response");
            assertThat(byCypher.get(0).get("journey")).isEqualTo("3");
            assertThat(byCypher.get(0).get("touchpoint")).isEqualTo("register request");
            assertThat(byCypher.get(1).get("toItself")).as("an answer about the journey as a whole").isEqualTo(true);
            assertThat(byCypher.get(2).get("touchpoint")).isEqualTo("check ticket");
            // Empty texts are left out of the nodes too, as of the relationships.
            assertThat(keys(byCypher.get(2).get("response")))
                    .contains("journeyId", "touchpoint", "comment").doesNotContain("customerId", "stage");
            assertThat(keys(byCypher.get(3).get("response")))
                    .contains("customerId").doesNotContain("journeyId", "touchpoint", "stage", "comment");
            String importId = session.run("MATCH ()-[a:ANSWERED]->() RETURN DISTINCT a.importId AS id").single()
                    .get("id").asString();
            session.run("MATCH ()-[a:ANSWERED]->() DELETE a").consume();
            session.run("MATCH (r:Response) DETACH DELETE r").consume();

            // Batches of three: the four answers take two transactions.
            new EmbeddedResponseWriter(embedded, lease).write(feedback.responses(), importId, 3);

            assertThat(session.run(STORED_RESPONSES).list(r -> r.asMap())).isEqualTo(byCypher);
        }
    }

    /** The property names of a map that a query returned. */
    private static List<String> keys(Object properties) {
        return ((java.util.Map<?, ?>) properties).keySet().stream().map(String::valueOf).toList();
    }
}
