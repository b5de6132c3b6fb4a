package com.journeyexplorer.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Repository;

/**
 * Brings a store to the current model at start-up: the constraints and indexes of {@code cypher/schema.cypher}, and
 * the one-time migration of stores written by older versions. Every step is idempotent, so it runs at each start.
 */
@Repository
class StoreSchema {

    private static final Logger log = LoggerFactory.getLogger(StoreSchema.class);

    private static final String HAS_STEP_CHAINS = "RETURN EXISTS { (:Journey)-[:FIRST]->(:Step) } AS found";

    /**
     * Stores written before steps became VISITED relationships kept them as a chain of :Step nodes; this turns each
     * journey's chain into VISITED relationships with the same properties. Idempotent, and a no-op on a current store.
     */
    private static final String STEP_CHAINS_TO_VISITED = """
            MATCH (j:Journey)-[:FIRST]->(:Step)
            CALL (j) {
              MATCH (j)-[:FIRST]->(:Step)-[:NEXT*0..]->(s:Step)-[:AT]->(t:Touchpoint)
              CREATE (j)-[v:VISITED {index: s.index}]->(t)
              SET v.at = s.at, v.type = s.type, v.eventId = s.eventId
              WITH collect(s) AS steps
              FOREACH (s IN steps | DETACH DELETE s)
            } IN TRANSACTIONS OF 1000 ROWS
            """;

    private final Driver driver;

    StoreSchema(Driver driver) {
        this.driver = driver;
    }

    /** Runs {@code cypher/schema.cypher}: constraints and indexes, each statement idempotent. */
    void applySchema() {
        try (Session session = CausalSessions.open(driver)) {
            for (String statement : statements(resource("cypher/schema.cypher"))) {
                session.run(statement).consume();
            }
        }
    }

    /** The statements of a Cypher file: split at {@code ;}, line comments and blank statements dropped. */
    static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        for (String part : text.replaceAll("(?m)^\\s*//.*$", "").split(";")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    private static String resource(String name) {
        try (InputStream input = new ClassPathResource(name).getInputStream()) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /**
     * Turns the :Step chains of a store written by an older version into VISITED relationships, once: one existence
     * check on a current store, O(steps) in batches of 1,000 journeys on an old one.
     */
    void migrateStepChains() {
        try (Session session = CausalSessions.open(driver)) {
            if (session.run(HAS_STEP_CHAINS).single().get("found").asBoolean()) {
                log.info("This store keeps journey steps as :Step chains, as older versions wrote them: converting "
                        + "them to VISITED relationships (once; on a large store this takes minutes)");
                long started = System.nanoTime();
                session.run(STEP_CHAINS_TO_VISITED).consume();
                log.info("Converted the step chains in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        }
    }
}
