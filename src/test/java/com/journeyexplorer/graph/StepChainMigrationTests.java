package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

import com.journeyexplorer.ApiTestSupport;

/**
 * A store written before steps became VISITED relationships holds them as {@code (:Journey)-[:FIRST]->(:Step)-[:NEXT]->
 * (:Step)...}, each {@code -[:AT]->(:Touchpoint)}; the start-up migration turns those chains into the same steps as
 * VISITED relationships, keeping their properties, and leaves a current store as it is.
 */
class StepChainMigrationTests extends ApiTestSupport {

    private static final String STEPS = """
            MATCH (j:Journey)-[s:VISITED]->(t:Touchpoint)
            RETURN j.id AS journey, s.index AS index, t.name AS touchpoint, s.at AS at, s.type AS type
            ORDER BY journey, index""";

    /** Rewrites every journey's VISITED relationships as the step chain older versions stored. */
    private static final String TO_STEP_CHAINS = """
            MATCH (j:Journey)
            CALL (j) {
              MATCH (j)-[v:VISITED]->(t:Touchpoint)
              WITH v, t ORDER BY v.index
              CREATE (s:Step {index: v.index, touchpoint: t.name})-[:AT]->(t)
              SET s.at = v.at, s.type = v.type, s.eventId = v.eventId
              DELETE v
              RETURN collect(s) AS steps
            }
            WITH j, steps, steps[0] AS first
            CREATE (j)-[:FIRST]->(first)
            WITH steps
            UNWIND range(0, size(steps) - 2) AS k
            WITH steps[k] AS a, steps[k + 1] AS b
            CREATE (a)-[:NEXT]->(b)""";

    @Autowired
    StoreSchema schema;

    @Test
    void turnsStepChainsIntoVisitedRelationshipsOnce() throws Exception {
        assertThat(postRunningExample().status()).isEqualTo(200);
        try (var session = driver.session()) {
            List<Record> written = session.run(STEPS).list();
            assertThat(written).hasSize(42);
            String current = graphChecksum();
            schema.migrateStepChains();
            assertThat(graphChecksum()).as("a current store is left as it is").isEqualTo(current);

            session.run(TO_STEP_CHAINS).consume();
            assertThat(session.run(STEPS).list()).isEmpty();
            assertThat(session.run("MATCH (s:Step) RETURN count(s) AS n").single().get("n").asLong()).isEqualTo(42);

            schema.migrateStepChains();
            assertThat(session.run(STEPS).list()).map(Record::asMap)
                    .isEqualTo(written.stream().map(Record::asMap).toList());
            assertThat(session.run("MATCH (s:Step) RETURN count(s) AS n").single().get("n").asLong()).isZero();
            assertThat(graphChecksum()).isEqualTo(current);
            assertThat(session.run(StoreSchema.statements(
                    Files.readString(Path.of("cypher", "consistency-check.cypher"))).get(0)).list()).isEmpty();
        }
    }
}
