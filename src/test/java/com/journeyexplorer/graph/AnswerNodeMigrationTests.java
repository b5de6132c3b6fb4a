package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * A store written before answers about a journey became ANSWERED relationships holds each as a
 * {@code (:Response {.., journeyId, normalized})-[:ABOUT]->(:Journey)}, {@code -[:AT]->(:Touchpoint)} when it names one,
 * with empty texts stored as {@code ""}; the start-up migration turns those into the relationships the writers store
 * now, leaves the answers that matched no journey as nodes, and leaves a current store as it is. The answers loaded
 * are the same before and after.
 */
class AnswerNodeMigrationTests extends ApiTestSupport {

    /** Every answer, of both kinds, with what the writers store, in id order. */
    private static final String ANSWERS = """
            CALL () {
              MATCH (j:Journey)-[a:ANSWERED]->(t)
              RETURN a.id AS id, 'ANSWERED' AS kind, properties(a) AS answer, j.id AS journey,
                     CASE WHEN t:Touchpoint THEN t.name END AS touchpoint
              UNION ALL
              MATCH (r:Response)
              OPTIONAL MATCH (r)-[:AT]->(t:Touchpoint)
              RETURN r.id AS id, 'Response' AS kind, properties(r) AS answer, null AS journey, t.name AS touchpoint
            }
            RETURN id, kind, answer, journey, touchpoint ORDER BY id""";

    /** Rewrites every ANSWERED relationship as the Response node older versions stored, with every property. */
    private static final String TO_ANSWER_NODES = """
            MATCH (j:Journey)-[a:ANSWERED]->(t)
            CREATE (r:Response)-[:ABOUT]->(j)
            SET r = properties(a), r.journeyId = j.id, r.normalized = 0.5,
                r.customerId = coalesce(a.customerId, ''), r.touchpoint = coalesce(a.touchpoint, ''),
                r.stage = coalesce(a.stage, ''), r.comment = coalesce(a.comment, '')
            WITH r, t, a
            CALL (r, t) {
              WITH r, t WHERE t:Touchpoint
              CREATE (r)-[:AT]->(t)
            }
            DELETE a""";

    @Autowired
    StoreSchema schema;

    @Autowired
    ResponseStore store;

    @Test
    void turnsAnswerNodesAboutJourneysIntoAnsweredRelationshipsOnce() {
        assertThat(postRunningExample().status()).isEqualTo(200);
        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,customer_id,timestamp,touchpoint,score,scale,comment
                a,3,c-3,2011-01-02T10:00:00Z,register request,4,csat,fine
                b,3,,,,9,nps,
                c,nope,,2011-01-02T10:00:00Z,check ticket,2,ces,slow
                """);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
        try (var session = driver.session()) {
            List<Map<String, Object>> written = session.run(ANSWERS).list(r -> r.asMap());
            assertThat(written).extracting(row -> row.get("kind")).containsExactly("ANSWERED", "ANSWERED",
                    "Response");
            List<SurveyResponse> loaded = store.load();
            assertThat(loaded).hasSize(3);
            String current = graphChecksum();
            schema.migrateAnswerNodes();
            assertThat(graphChecksum()).as("a current store is left as it is").isEqualTo(current);

            session.run(TO_ANSWER_NODES).consume();
            assertThat(session.run("MATCH ()-[a:ANSWERED]->() RETURN count(a) AS n").single().get("n").asLong())
                    .isZero();
            assertThat(session.run("MATCH (:Response)-[:ABOUT]->(:Journey) RETURN count(*) AS n").single().get("n")
                    .asLong()).isEqualTo(2);
            assertThat(store.load()).as("the old model loads the same answers").isEqualTo(loaded);

            schema.migrateAnswerNodes();
            assertThat(session.run(ANSWERS).list(r -> r.asMap())).isEqualTo(written);
            assertThat(session.run("MATCH ()-[a:ABOUT]->() RETURN count(a) AS n").single().get("n").asLong())
                    .isZero();
            assertThat(store.load()).isEqualTo(loaded);
            assertThat(graphChecksum()).isEqualTo(current);
        }
    }
}
