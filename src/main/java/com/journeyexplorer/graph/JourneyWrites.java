package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Writes and deletes journeys and touchpoints, each call in one transaction. Journeys go through the embedded Java
 * API ({@link EmbeddedJourneyWriter}) when the database runs in the app, through parameterised Cypher over the Bolt
 * driver otherwise; both store the properties of {@link JourneyProperties}. The journal around these writes is
 * {@link ImportJournal}'s.
 */
@Repository
class JourneyWrites {

    private static final String MERGE_TOUCHPOINTS = """
            UNWIND $touchpoints AS t
            MERGE (n:Touchpoint {name: t.name})
            ON CREATE SET n.createdByImport = $importId
            SET n.index = t.index, n.channel = t.channel, n.stage = t.stage, n.owner = t.owner, n.kind = 'touchpoint'
            """;

    /** Puts back touchpoint metadata, and touchpoints an undo deleted (with their index). */
    private static final String RESTORE_TOUCHPOINTS = """
            UNWIND $touchpoints AS t
            MERGE (n:Touchpoint {name: t.name})
            SET n.channel = t.channel, n.stage = t.stage, n.owner = t.owner, n.index = t.index,
                n.kind = 'touchpoint'
            """;

    private static final String DELETE_STEPS = """
            UNWIND $ids AS id
            MATCH (:Journey {id: id})-[step:VISITED]->(:Touchpoint)
            DELETE step
            """;

    /** {@code row.props}: the node's properties; {@code row.steps}: those of each VISITED relationship, in order. */
    private static final String WRITE_JOURNEYS = """
            UNWIND $rows AS row
            MERGE (j:Journey {id: row.props.id})
            SET j = row.props
            WITH j, row
            CALL (j, row) {
              UNWIND range(0, size(row.steps) - 1) AS i
              MATCH (t:Touchpoint {name: row.props.path[i]})
              CREATE (j)-[s:VISITED]->(t)
              SET s = row.steps[i]
            }
            """;

    /**
     * The answers joined to a deleted journey outlive it as {@code Response} nodes with its id (as they did when every
     * answer was a node): an undo of an event import keeps the answers of later feedback imports, and an erasure
     * deletes them by the journey's id in the transaction that finishes it.
     */
    private static final String DELETE_JOURNEYS = """
            UNWIND $ids AS id
            MATCH (j:Journey {id: id})
            CALL (j) {
              MATCH (j)-[a:ANSWERED]->(t)
              CREATE (r:Response)
              SET r = properties(a), r.journeyId = j.id
              WITH r, t WHERE t:Touchpoint
              CREATE (r)-[:AT]->(t)
            }
            DETACH DELETE j
            """;

    /** An answer at a deleted touchpoint stays joined to its journey, pointing at it (it keeps the name). */
    private static final String DELETE_TOUCHPOINTS_FROM = """
            MATCH (t:Touchpoint {kind: 'touchpoint'}) WHERE t.index >= $firstIndex
            CALL (t) {
              MATCH (j:Journey)-[a:ANSWERED]->(t)
              CREATE (j)-[b:ANSWERED]->(j)
              SET b = properties(a)
              DELETE a
            }
            DETACH DELETE t
            """;

    private static final String DELETE_TOUCHPOINTS_CREATED_BY = """
            MATCH (t:Touchpoint {createdByImport: $importId})
            CALL (t) {
              MATCH (j:Journey)-[a:ANSWERED]->(t)
              CREATE (j)-[b:ANSWERED]->(j)
              SET b = properties(a)
              DELETE a
            }
            DETACH DELETE t
            """;

    private final Driver driver;
    private final ImportLease lease;

    /** Null when the database is not embedded, or direct writes are turned off. */
    private final EmbeddedJourneyWriter embeddedWriter;

    JourneyWrites(Driver driver, ImportLease lease, ObjectProvider<DatabaseManagementService> embedded,
            JourneysProperties properties) {
        this.driver = driver;
        this.lease = lease;
        var management = embedded.getIfAvailable();
        this.embeddedWriter = management == null || !properties.neo4j().embedded().directWrites() ? null
                : new EmbeddedJourneyWriter(management, lease);
    }

    /** Creates or updates touchpoints by name; one that is created records {@code importId}, which created it. */
    void writeTouchpoints(List<Touchpoint> touchpoints, String importId) {
        if (touchpoints.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = touchpoints.stream().map(JourneyProperties::ofTouchpoint).toList();
        lease.writeFenced(driver, MERGE_TOUCHPOINTS, Map.of("touchpoints", rows, "importId", importId));
    }

    /** Writes back the index, channel, stage and owner of touchpoints, found by name, creating those that are gone. */
    void restoreTouchpoints(Collection<Touchpoint> touchpoints) {
        if (touchpoints.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = touchpoints.stream().map(JourneyProperties::ofTouchpoint).toList();
        lease.writeFenced(driver, RESTORE_TOUCHPOINTS, Map.of("touchpoints", rows));
    }

    /**
     * Writes journeys, replacing the steps of those that exist ({@code replacedIds}), in one transaction; a journey
     * listed in {@code writtenBy} records that entry's id instead of {@code importId}.
     */
    void writeJourneys(List<Journey> journeys, Collection<String> replacedIds, List<Touchpoint> touchpoints,
            String importId, Map<String, String> writtenBy) {
        if (embeddedWriter != null) {
            embeddedWriter.writeJourneys(journeys, replacedIds, touchpoints, importId, writtenBy);
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(journeys.size());
        for (Journey journey : journeys) {
            List<Map<String, Object>> steps = new ArrayList<>(journey.length());
            for (int i = 0; i < journey.length(); i++) {
                steps.add(JourneyProperties.ofStep(journey, i));
            }
            rows.add(Map.of("props", JourneyProperties.ofJourney(journey, touchpoints,
                    writtenBy.getOrDefault(journey.id(), importId)), "steps", steps));
        }
        try (Session session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                if (!replacedIds.isEmpty()) {
                    tx.run(DELETE_STEPS, Map.of("ids", List.copyOf(replacedIds))).consume();
                }
                tx.run(WRITE_JOURNEYS, Map.of("rows", rows)).consume();
                lease.fence(tx);
            });
        }
    }

    /** Deletes journeys and their steps by id; their answers become {@code Response} nodes. */
    void deleteJourneys(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        lease.writeFenced(driver, DELETE_JOURNEYS, Map.of("ids", List.copyOf(ids)));
    }

    /** Deletes the touchpoints from projection index {@code firstIndex} on (the tail an undo removes). */
    void deleteTouchpointsFrom(int firstIndex) {
        lease.writeFenced(driver, DELETE_TOUCHPOINTS_FROM, Map.of("firstIndex", firstIndex));
    }

    /** Deletes the touchpoints that the journal entry {@code importId} created. */
    void deleteTouchpointsCreatedBy(String importId) {
        lease.writeFenced(driver, DELETE_TOUCHPOINTS_CREATED_BY, Map.of("importId", importId));
    }
}
