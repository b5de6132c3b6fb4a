package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * database runs in the app): {@code (:Response)-[:ABOUT]->(:Journey)} and
 * {@code (:Response)-[:AT]->(:Touchpoint)}, each with the {@code importId} of the journal entry that stored it;
 * see docs/adr/0008-survey-responses.md. A response keeps its journey id,
 * touchpoint and stage as properties too, so it loads without its relationships and outlives a journey's removal.
 */
@Repository
class ResponseStore {

    private static final String WRITE_RESPONSES = """
            UNWIND $rows AS row
            CREATE (r:Response)
            SET r = row.props, r.at = CASE WHEN row.at >= 0 THEN datetime({epochMillis: row.at}) END
            WITH r, row
            CALL (r, row) {
              MATCH (j:Journey {id: row.props.journeyId})
              CREATE (r)-[:ABOUT]->(j)
            }
            CALL (r, row) {
              MATCH (t:Touchpoint {name: row.props.touchpoint})
              CREATE (r)-[:AT]->(t)
            }
            """;

    /**
     * The answers of entries that are finished (or stored before answers were journaled): those of an entry still
     * being written, here or by another instance, are not published until it finishes, since it may yet be rolled back.
     */
    private static final String LOAD_RESPONSES = """
            OPTIONAL MATCH (i:Import {status: 'running'})
            WITH collect(i.id) AS running
            MATCH (r:Response) WHERE r.importId IS NULL OR NOT r.importId IN running
            RETURN r.id AS id, r.journeyId AS journeyId, r.customerId AS customerId,
                   CASE WHEN r.at IS NULL THEN -1 ELSE r.at.epochMillis END AS at, r.touchpoint AS touchpoint,
                   r.stage AS stage, r.scale AS scale, r.score AS score, r.comment AS comment
            ORDER BY r.id
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
                List<Map<String, Object>> rows = new ArrayList<>();
                for (SurveyResponse response : responses.subList(from,
                        Math.min(responses.size(), from + perTransaction))) {
                    rows.add(row(response, importId));
                }
                session.executeWriteWithoutResult(tx -> {
                    tx.run(WRITE_RESPONSES, Map.of("rows", rows)).consume();
                    lease.fence(tx);
                });
            }
        }
    }

    /** Every stored response of a finished entry, in id order. */
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

    /** The properties of a response's node, {@code at} aside (a date-time, set by each writer). */
    static Map<String, Object> properties(SurveyResponse response, String importId) {
        Map<String, Object> props = new HashMap<>();
        props.put("importId", importId);
        props.put("id", response.id());
        props.put("journeyId", response.journeyId());
        props.put("customerId", response.customerId());
        props.put("touchpoint", response.touchpoint());
        props.put("stage", response.stage());
        props.put("scale", response.scale().label());
        props.put("score", response.score());
        props.put("normalized", response.normalized());
        props.put("comment", response.comment());
        return props;
    }
}
