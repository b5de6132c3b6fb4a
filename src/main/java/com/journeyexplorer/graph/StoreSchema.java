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
 * the one-time migrations of stores written by older versions. Every step is idempotent, so it runs at each start.
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

    private static final String HAS_ANSWER_NODES = "RETURN EXISTS { (:Response)-[:ABOUT]->(:Journey) } AS found";

    /**
     * Stores written before answers joined to a journey became ANSWERED relationships kept each as a :Response node
     * -[:ABOUT]-> its journey (and -[:AT]-> its touchpoint): this turns each into the relationship the writers store
     * now, with the same properties but the journey's id (its start node), the derived {@code normalized} and empty
     * texts. Idempotent, and a no-op on a current store.
     */
    private static final String RESPONSES_TO_ANSWERED = """
            MATCH (r:Response)-[:ABOUT]->(j:Journey)
            CALL (r, j) {
              OPTIONAL MATCH (r)-[:AT]->(t:Touchpoint)
              WITH r, j, coalesce(t, j) AS target
              CREATE (j)-[a:ANSWERED]->(target)
              SET a = properties(r)
              REMOVE a.journeyId, a.normalized
              SET a.customerId = CASE WHEN r.customerId <> '' THEN r.customerId END,
                  a.touchpoint = CASE WHEN r.touchpoint <> '' THEN r.touchpoint END,
                  a.stage = CASE WHEN r.stage <> '' THEN r.stage END,
                  a.comment = CASE WHEN r.comment <> '' THEN r.comment END
              DETACH DELETE r
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    /**
     * Whether a :Response or :Touchpoint node keeps an empty text, as versions before they were left out stored an
     * absent one. A scan of both labels: the nodes of answers that matched no journey (usually few) and the
     * touchpoints, each far fewer than the journeys the start then loads.
     */
    private static final String HAS_EMPTY_TEXTS = """
            RETURN EXISTS {
                     MATCH (r:Response)
                     WHERE r.journeyId = '' OR r.customerId = '' OR r.touchpoint = '' OR r.stage = ''
                        OR r.comment = ''
                   }
                OR EXISTS { MATCH (t:Touchpoint) WHERE t.channel = '' OR t.stage = '' } AS found
            """;

    /** Removes the empty texts of :Response nodes: absent, as the writers now leave them. Idempotent. */
    private static final String RESPONSE_EMPTY_TEXTS_REMOVED = """
            MATCH (r:Response)
            WHERE r.journeyId = '' OR r.customerId = '' OR r.touchpoint = '' OR r.stage = '' OR r.comment = ''
            CALL (r) {
              SET r.journeyId = nullIf(r.journeyId, ''), r.customerId = nullIf(r.customerId, ''),
                  r.touchpoint = nullIf(r.touchpoint, ''), r.stage = nullIf(r.stage, ''),
                  r.comment = nullIf(r.comment, '')
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    /** Removes the empty channels and stages of :Touchpoint nodes. Idempotent. */
    private static final String TOUCHPOINT_EMPTY_TEXTS_REMOVED = """
            MATCH (t:Touchpoint)
            WHERE t.channel = '' OR t.stage = ''
            CALL (t) {
              SET t.channel = nullIf(t.channel, ''), t.stage = nullIf(t.stage, '')
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    /** Removes the empty customer ids, segments and devices of :Journey nodes. Idempotent. */
    private static final String JOURNEY_EMPTY_TEXTS_REMOVED = """
            MATCH (j:Journey)
            WHERE j.customerId = '' OR j.segment = '' OR j.device = ''
            CALL (j) {
              SET j.customerId = nullIf(j.customerId, ''), j.segment = nullIf(j.segment, ''),
                  j.device = nullIf(j.device, '')
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    /**
     * The same for the journal's copies of journeys, which the versions that stored empty texts wrote too: a copy is
     * the stored node as it was, and an undo writes it back through the writers, which leave them out anyway.
     */
    private static final String COPY_EMPTY_TEXTS_REMOVED = """
            MATCH (p:PreviousVersion)
            WHERE p.customerId = '' OR p.segment = '' OR p.device = ''
            CALL (p) {
              SET p.customerId = nullIf(p.customerId, ''), p.segment = nullIf(p.segment, ''),
                  p.device = nullIf(p.device, '')
            } IN TRANSACTIONS OF 10000 ROWS
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
        migrateOnce(HAS_STEP_CHAINS, "This store keeps journey steps as :Step chains, as older versions wrote them: "
                + "converting them to VISITED relationships (once; on a large store this takes minutes)",
                "the step chains", STEP_CHAINS_TO_VISITED);
    }

    /**
     * Turns the :Response nodes about a journey of a store written by an older version into ANSWERED relationships,
     * once: one existence check on a current store, O(answers) in batches of 10,000 on an old one. The answers that
     * matched no journey stay nodes, as the writers store them.
     */
    void migrateAnswerNodes() {
        migrateOnce(HAS_ANSWER_NODES, "This store keeps survey answers about journeys as :Response nodes, as older "
                + "versions wrote them: converting them to ANSWERED relationships (once)", "the answers",
                RESPONSES_TO_ANSWERED);
    }

    /**
     * Removes the empty texts that older versions stored for an absent value on :Response nodes (journey and customer
     * id, touchpoint, stage, comment) and :Touchpoint nodes (channel, stage), once: a scan of both labels on a current
     * store, O(those nodes) in transactions of 10,000 on an old one. The loaders read a missing text as "".
     */
    void removeEmptyTexts() {
        migrateOnce(HAS_EMPTY_TEXTS, "This store keeps absent texts of answers and touchpoints as \"\", as older "
                + "versions wrote them: removing them (once)", "the empty texts", RESPONSE_EMPTY_TEXTS_REMOVED,
                TOUCHPOINT_EMPTY_TEXTS_REMOVED);
    }

    /**
     * Removes the empty customer ids, segments and devices that older versions stored for an absent value on
     * :Journey nodes and on the journal's copies of them: O(journeys and copies) in transactions of 10,000. Called
     * when the load of the journeys found such a text, which it reads anyway, so a current store pays no scan of the
     * Journey label at start (0.3-1.3 s per 100,000 journeys). The loaders read a missing text as "".
     */
    void removeEmptyJourneyTexts() {
        log.info("This store keeps absent customer ids, segments and devices of journeys as \"\", as older versions "
                + "wrote them: removing them (once)");
        convert("the journeys' empty texts", JOURNEY_EMPTY_TEXTS_REMOVED, COPY_EMPTY_TEXTS_REMOVED);
    }

    /**
     * Runs each of {@code converts} when {@code check} (a query returning {@code found}) finds what an older version
     * wrote.
     */
    private void migrateOnce(String check, String announcement, String what, String... converts) {
        try (Session session = CausalSessions.open(driver)) {
            if (session.run(check).single().get("found").asBoolean()) {
                log.info(announcement);
                convert(what, converts);
            }
        }
    }

    private void convert(String what, String... converts) {
        try (Session session = CausalSessions.open(driver)) {
            long started = System.nanoTime();
            for (String convert : converts) {
                session.run(convert).consume();
            }
            log.info("Converted {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
