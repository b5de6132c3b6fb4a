package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * Reads and writes survey responses in Neo4j (through the Bolt driver, or the embedded Java API for writes when the
 * database runs in the app): an answer joined to a journey is {@code (:Journey)-[:ANSWERED]->(:Touchpoint)} (to the
 * journey itself when it names no touchpoint), one that matched none a {@code (:Response)} node; each keeps the
 * {@code importId} of the journal entry that stored it. See docs/adr/0008-survey-responses.md.
 */
@Repository
class ResponseStore {

    /** Answers that matched no journey (or whose journey is gone): a node each, kept and reported. */
    private static final String WRITE_RESPONSES = """
            UNWIND $rows AS row
            CREATE (r:Response)
            SET r = row.props, r.at = CASE WHEN row.at >= 0 THEN datetime({epochMillis: row.at}) END
            WITH r, row
            CALL (r, row) {
              MATCH (t:Touchpoint {name: row.props.touchpoint})
              CREATE (r)-[:AT]->(t)
            }
            """;

    /**
     * Answers joined to a journey: a relationship from it to the touchpoint the answer names, or to the journey
     * itself (the journey as a whole, or a touchpoint with no node).
     */
    private static final String WRITE_ANSWERED = """
            UNWIND $rows AS row
            MATCH (j:Journey {id: row.journeyId})
            OPTIONAL MATCH (t:Touchpoint {name: row.touchpoint})
            WITH j, row, coalesce(t, j) AS target
            CREATE (j)-[a:ANSWERED]->(target)
            SET a = row.props, a.at = CASE WHEN row.at >= 0 THEN datetime({epochMillis: row.at}) END
            """;

    private static final String STORED_JOURNEYS = """
            UNWIND $ids AS id
            MATCH (j:Journey {id: id})
            RETURN j.id AS id
            """;

    /**
     * The answers of entries that are finished (or stored before answers were journaled): those of an entry still
     * being written, here or by another instance, are not published until it finishes, since it may yet be rolled
     * back; those of an undone entry that are still being deleted ({@code answersLeft}) are gone already.
     */
    private static final String LOAD_RESPONSES = """
            OPTIONAL MATCH (i:Import) WHERE i.status = 'running' OR i.answersLeft
            WITH collect(i.id) AS hidden
            CALL (hidden) {
              MATCH (j)-[a:ANSWERED]->()
              WHERE a.importId IS NULL OR NOT a.importId IN hidden
              RETURN a.id AS id, j.id AS journeyId, a.customerId AS customerId, a.at AS at,
                     a.touchpoint AS touchpoint, a.stage AS stage, a.scale AS scale, a.score AS score,
                     a.comment AS comment
              UNION ALL
              MATCH (r:Response)
              WHERE r.importId IS NULL OR NOT r.importId IN hidden
              RETURN r.id AS id, r.journeyId AS journeyId, r.customerId AS customerId, r.at AS at,
                     r.touchpoint AS touchpoint, r.stage AS stage, r.scale AS scale, r.score AS score,
                     r.comment AS comment
            }
            RETURN id, journeyId, customerId, CASE WHEN at IS NULL THEN -1 ELSE at.epochMillis END AS at,
                   touchpoint, stage, scale, score, comment
            ORDER BY id
            """;

    private final Driver driver;
    private final ImportLease lease;
    /** Null when the database is not embedded, or direct writes are turned off. */
    private final EmbeddedResponseWriter embeddedWriter;

    ResponseStore(Driver driver, ImportLease lease, ObjectProvider<DatabaseManagementService> embedded,
            JourneysProperties properties) {
        this.driver = driver;
        this.lease = lease;
        var management = embedded.getIfAvailable();
        this.embeddedWriter = management == null || !properties.neo4j().embedded().directWrites() ? null
                : new EmbeddedResponseWriter(management, lease);
    }

    /**
     * Writes {@code responses} in transactions of {@code perTransaction}. Each keeps {@code importId}, the journal
     * entry that stored it, so that rolling back or undoing that entry finds it: a failure part-way leaves the
     * batches before it stored until the caller rolls the entry back (at once, or at the next start), as an event
     * import's journeys. Neo4j bounds a transaction's memory (1 GiB by default, {@code db.memory.transaction.max}), and
     * the demo's 109,157 answers of 1,000,000 journeys in one transaction exceeded it. O(responses), through the
     * embedded Java API when the database runs in the app ({@link EmbeddedResponseWriter}), else through Cypher.
     */
    void write(List<SurveyResponse> responses, String importId, int perTransaction) {
        if (responses.isEmpty()) {
            return;
        }
        if (embeddedWriter != null) {
            embeddedWriter.write(responses, importId, perTransaction);
            return;
        }
        try (Session session = CausalSessions.open(driver)) {
            for (int from = 0; from < responses.size(); from += perTransaction) {
                List<SurveyResponse> batch = responses.subList(from, Math.min(responses.size(), from + perTransaction));
                Set<String> named = new HashSet<>();
                batch.forEach(response -> {
                    if (response.isMatched()) {
                        named.add(response.journeyId());
                    }
                });
                session.executeWriteWithoutResult(tx -> {
                    Set<String> stored = new HashSet<>(tx.run(STORED_JOURNEYS, Map.of("ids", List.copyOf(named)))
                            .list(row -> row.get("id").asString()));
                    List<Map<String, Object>> answered = new ArrayList<>();
                    List<Map<String, Object>> nodes = new ArrayList<>();
                    for (SurveyResponse response : batch) {
                        if (stored.contains(response.journeyId())) {
                            Map<String, Object> row = new HashMap<>();
                            row.put("journeyId", response.journeyId());
                            row.put("touchpoint", response.touchpoint());
                            row.put("props", answeredProperties(response, importId));
                            row.put("at", response.at());
                            answered.add(row);
                        } else {
                            nodes.add(row(response, importId));
                        }
                    }
                    if (!answered.isEmpty()) {
                        tx.run(WRITE_ANSWERED, Map.of("rows", answered)).consume();
                    }
                    if (!nodes.isEmpty()) {
                        tx.run(WRITE_RESPONSES, Map.of("rows", nodes)).consume();
                    }
                    lease.fence(tx);
                });
            }
        }
    }

    /**
     * Answers stored as {@code Response} nodes because the journey they name was not stored, turned into the
     * {@code ANSWERED} relationships of those journeys, now stored, with the same properties (empty texts left out,
     * as on every {@code ANSWERED}), to the touchpoint they name, else to the journey itself. The touchpoint is found
     * by name, not by the {@code AT} relationship, which an answer lacks whose touchpoint an undo deleted and a later
     * import created again.
     */
    private static final String ATTACH_WAITING = """
            UNWIND $ids AS id
            MATCH (r:Response {journeyId: id})
            MATCH (j:Journey {id: id})
            OPTIONAL MATCH (t:Touchpoint {name: r.touchpoint})
            WITH r, j, coalesce(t, j) AS about
            CREATE (j)-[a:ANSWERED]->(about)
            SET a = r {.id, .importId, .scale, .score, .at,
                       customerId: nullIf(r.customerId, ''), touchpoint: nullIf(r.touchpoint, ''),
                       stage: nullIf(r.stage, ''), comment: nullIf(r.comment, '')}
            DETACH DELETE r
            """;

    /**
     * Answers that point at their journey although they name a touchpoint (an undo deleted it, ADR 0008), moved to the
     * touchpoint of that name where it exists now, with the same properties. Each row is an answer's {@code journeyId}
     * and {@code id}: an index look-up of the journey, then its relationships.
     */
    private static final String REJOIN_TOUCHPOINTS = """
            UNWIND $rows AS row
            MATCH (j:Journey {id: row.journeyId})-[a:ANSWERED]->(j)
            WHERE a.id = row.id
            MATCH (t:Touchpoint {name: a.touchpoint})
            CREATE (j)-[b:ANSWERED]->(t)
            SET b = properties(a)
            DELETE a
            """;

    /** Runs {@link #REJOIN_TOUCHPOINTS} in one transaction fenced by the imports lease. */
    void rejoinTouchpoints(List<Map<String, Object>> rows) {
        lease.writeFenced(driver, REJOIN_TOUCHPOINTS, Map.of("rows", rows));
    }

    /**
     * Joins the answers waiting as {@code Response} nodes for one of {@code journeyIds} (journeys just stored) to
     * them, in one transaction fenced by the imports lease. O(the ids' index look-ups + the answers joined).
     */
    void attachWaiting(Collection<String> journeyIds) {
        lease.writeFenced(driver, ATTACH_WAITING, Map.of("ids", List.copyOf(journeyIds)));
    }

    /** Every stored response of a finished entry (of both kinds), in id order. O(answers log answers). */
    List<SurveyResponse> load() {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(tx -> tx.run(LOAD_RESPONSES).list(record -> new SurveyResponse(
                    record.get("id").asString(), text(record.get("journeyId")), text(record.get("customerId")),
                    record.get("at").asLong(-1), text(record.get("touchpoint")), text(record.get("stage")),
                    Scale.of(record.get("scale").asString()), record.get("score").asDouble(),
                    text(record.get("comment")))));
        }
    }

    private static String text(Value value) {
        return value.isNull() ? "" : value.asString();
    }

    private static Map<String, Object> row(SurveyResponse response, String importId) {
        Map<String, Object> row = new HashMap<>();
        row.put("props", properties(response, importId));
        row.put("at", response.at());
        return row;
    }

    /**
     * The properties of an {@code ANSWERED} relationship, {@code at} aside (a date-time, set by each writer): the
     * journey is its start node, and empty texts are left out (an answer is written at the events' rate only when it
     * stores about what an event does).
     */
    static Map<String, Object> answeredProperties(SurveyResponse response, String importId) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", response.id());
        props.put("importId", importId);
        props.put("scale", response.scale().label());
        props.put("score", response.score());
        putIfAny(props, "customerId", response.customerId());
        putIfAny(props, "touchpoint", response.touchpoint());
        putIfAny(props, "stage", response.stage());
        putIfAny(props, "comment", response.comment());
        return props;
    }

    private static void putIfAny(Map<String, Object> props, String key, String value) {
        if (!value.isEmpty()) {
            props.put(key, value);
        }
    }

    /**
     * The properties of a response's node, {@code at} aside (a date-time, set by each writer): empty texts are left
     * out, as on the relationships, so that a Cypher user's {@code r.stage IS NULL} finds every answer without one.
     */
    static Map<String, Object> properties(SurveyResponse response, String importId) {
        Map<String, Object> props = new HashMap<>();
        props.put("importId", importId);
        props.put("id", response.id());
        props.put("scale", response.scale().label());
        props.put("score", response.score());
        props.put("normalized", response.normalized());
        putIfAny(props, "journeyId", response.journeyId());
        putIfAny(props, "customerId", response.customerId());
        putIfAny(props, "touchpoint", response.touchpoint());
        putIfAny(props, "stage", response.stage());
        putIfAny(props, "comment", response.comment());
        return props;
    }
}
