package com.journeyexplorer.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.journey.EventAttributes;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Reads and writes the journey graph in Neo4j through the Bolt driver, so the same code serves the embedded database
 * and any external server. See docs/adr/0001-graph-model.md for the model.
 */
@Repository
class JourneyStore {

    private static final Logger log = LoggerFactory.getLogger(JourneyStore.class);

    static final String ATTRIBUTE_PREFIX = "attr.";

    /** Prefix of a Journey's event-attribute arrays (one value per step, "" where an event has none). */
    static final String EVENT_ATTRIBUTE_PREFIX = "event.";

    private static final String MERGE_TOUCHPOINTS = """
            UNWIND $touchpoints AS t
            MERGE (n:Touchpoint {name: t.name})
            ON CREATE SET n.createdByImport = $importId
            SET n.index = t.index, n.channel = t.channel, n.stage = t.stage, n.owner = t.owner, n.kind = 'touchpoint'
            """;

    private static final String DELETE_STEPS = """
            UNWIND $ids AS id
            MATCH (:Journey {id: id})-[step:VISITED]->(:Touchpoint)
            DELETE step
            """;

    private static final String WRITE_JOURNEYS = """
            UNWIND $rows AS row
            MERGE (j:Journey {id: row.props.id})
            SET j = row.props
            WITH j, row
            CALL (j, row) {
              UNWIND range(0, size(row.props.path) - 1) AS i
              MATCH (t:Touchpoint {name: row.props.path[i]})
              CREATE (j)-[s:VISITED {index: i}]->(t)
              SET s.at = CASE WHEN size(row.props.times) > 0 THEN datetime({epochMillis: row.props.times[i]}) END,
                  s.type = CASE WHEN row.typeNames[i] <> 'touchpoint' THEN row.typeNames[i] END,
                  s.eventId = CASE WHEN row.props.eventIds[i] <> '' THEN row.props.eventIds[i] END
              SET s += row.stepAttributes[i]
            }
            """;

    private static final String DELETE_JOURNEYS = """
            UNWIND $ids AS id
            MATCH (j:Journey {id: id})
            DETACH DELETE j
            """;

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

    private static final String DELETE_TOUCHPOINTS_FROM = """
            MATCH (t:Touchpoint {kind: 'touchpoint'}) WHERE t.index >= $firstIndex
            DETACH DELETE t
            """;

    private static final String REPLACE_TRANSITIONS = """
            MATCH (:Touchpoint)-[r:TRANSITION]->()
            DELETE r
            """;

    private static final String MERGE_SPECIAL_NODES = """
            UNWIND $nodes AS node
            MERGE (n:Touchpoint {name: node.name})
            SET n.kind = node.kind, n.outcome = node.outcome
            WITH n, node
            CALL (n, node) { WITH n WHERE node.kind = 'start' SET n:Start }
            CALL (n, node) { WITH n WHERE node.kind = 'outcome' SET n:Outcome }
            """;

    private static final String CREATE_TRANSITIONS = """
            UNWIND $edges AS e
            MATCH (a:Touchpoint {name: e.from})
            MATCH (b:Touchpoint {name: e.to})
            CREATE (a)-[r:TRANSITION]->(b)
            SET r = e.props
            """;

    private static final String LOAD_TOUCHPOINTS = """
            MATCH (t:Touchpoint {kind: 'touchpoint'})
            RETURN t.name AS name, t.index AS index, t.channel AS channel, t.stage AS stage, t.owner AS owner
            ORDER BY t.index, t.name
            """;

    private static final String JOURNEY_COLUMNS = """
            RETURN j.id AS id, j.customerId AS customerId, j.path AS path, j.times AS times,
                   j.stepTypes AS stepTypes, j.eventIds AS eventIds, j.value AS value, j.weight AS weight,
                   j.segment AS segment, j.device AS device, j.openHorizon AS openHorizon,
                   [k IN keys(j) WHERE k STARTS WITH $prefix | [substring(k, size($prefix)), toString(j[k])]] AS attributes,
                   [k IN keys(j) WHERE k STARTS WITH 'event.' | [substring(k, 6), j[k]]] AS eventAttributes
            """;

    private static final String LOAD_JOURNEYS = "MATCH (j:Journey)\n" + JOURNEY_COLUMNS;

    private static final String LOAD_PREVIOUS_VERSIONS = """
            MATCH (:Import {id: $importId})-[:REPLACED]->(j:PreviousVersion)
            """ + JOURNEY_COLUMNS;

    private static final String BEGIN_IMPORT = """
            CREATE (i:Import {id: $importId, kind: $kind, status: 'running', startedAt: datetime(),
                              journeys: $journeys, events: $events})
            SET i.undoes = $undoes, i.created = $created
            """;

    /** A copy of the stored node, its {@code importId} included: the version's provenance, which undo checks. */
    private static final String STASH_PREVIOUS_VERSIONS = """
            MATCH (i:Import {id: $importId})
            UNWIND $ids AS id
            MATCH (j:Journey {id: id})
            CREATE (i)-[:REPLACED]->(p:PreviousVersion)
            SET p = properties(j)
            """;

    private static final String STASH_PREVIOUS_TOUCHPOINTS = """
            MATCH (i:Import {id: $importId})
            UNWIND $touchpoints AS t
            CREATE (i)-[:REPLACED]->(p:PreviousTouchpoint)
            SET p = t
            """;

    private static final String LOAD_PREVIOUS_TOUCHPOINTS = """
            MATCH (:Import {id: $importId})-[:REPLACED]->(p:PreviousTouchpoint)
            RETURN p.name AS name, p.index AS index, p.channel AS channel, p.stage AS stage, p.owner AS owner
            """;

    /** Puts back touchpoint metadata, and touchpoints an undo deleted (with their index). */
    private static final String RESTORE_TOUCHPOINTS = """
            UNWIND $touchpoints AS t
            MERGE (n:Touchpoint {name: t.name})
            SET n.channel = t.channel, n.stage = t.stage, n.owner = t.owner, n.index = t.index,
                n.kind = 'touchpoint'
            """;

    private static final String TOUCHPOINTS_CREATED_BY = """
            MATCH (t:Touchpoint {createdByImport: $importId})
            RETURN t.name AS name
            """;

    private static final String FINISH_IMPORT = """
            MATCH (i:Import {id: $importId})
            SET i.status = $status, i.finishedAt = datetime()
            """;

    /** The undone entry is marked in the same transaction that finishes the undo. */
    private static final String MARK_UNDONE = """
            MATCH (u:Import {id: $importId}), (x:Import {id: $undoes})
            SET x.status = 'undone', x.undoneBy = u.id
            """;

    /**
     * Erasure keeps no copy of what it erased, nor any older version of the customer's journeys in the journal; in
     * the transaction that finishes it, so that an erasure that committed has left no trace of the customer.
     */
    private static final String FORGET_CUSTOMER = """
            MATCH (p:PreviousVersion {customerId: $customerId})
            DETACH DELETE p
            """;

    private static final String DROP_PREVIOUS_VERSIONS = """
            MATCH (:Import {id: $importId})-[:REPLACED]->(p)
            CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10000 ROWS
            """;

    private static final String UNFINISHED_IMPORTS = """
            MATCH (i:Import) WHERE i.status = 'running'
            RETURN i.id AS id ORDER BY i.startedAt
            """;

    /** A finished entry keeps its previous versions (they undo it) unless it was rolled back, undone or erased. */
    private static final String LEFTOVER_PREVIOUS_VERSIONS = """
            MATCH (i:Import)-[:REPLACED]->()
            WHERE i.status IN ['rolled back', 'undone'] OR (i.kind = 'erasure' AND i.status <> 'running')
            RETURN DISTINCT i.id AS id
            """;

    /**
     * Journeys an entry created: written by it and not a replaced version, plus those an undo put back where none
     * was (listed on the entry, since they keep the id of the entry that first wrote them).
     */
    private static final String JOURNEYS_CREATED_BY = """
            MATCH (i:Import {id: $importId})
            CALL (i) {
              MATCH (j:Journey {importId: i.id})
              WHERE NOT EXISTS { MATCH (i)-[:REPLACED]->(:PreviousVersion {id: j.id}) }
              RETURN j.id AS id
              UNION
              UNWIND coalesce(i.created, []) AS id
              MATCH (j:Journey {id: id})
              RETURN j.id AS id
            }
            RETURN DISTINCT id
            """;

    private static final String IMPORT_ENTRY = """
            MATCH (i:Import {id: $importId})
            RETURN i.id AS id, coalesce(i.kind, 'import') AS kind, i.status AS status, i.startedAt AS startedAt,
                   i.finishedAt AS finishedAt, i.journeys AS journeys, i.events AS events, i.undoes AS undoes,
                   i.undoneBy AS undoneBy
            """;

    private static final String LIST_IMPORTS = """
            MATCH (i:Import)
            WITH i ORDER BY i.startedAt DESC LIMIT $limit
            RETURN i.id AS id, coalesce(i.kind, 'import') AS kind, i.status AS status, i.startedAt AS startedAt,
                   i.finishedAt AS finishedAt, i.journeys AS journeys, i.events AS events, i.undoes AS undoes,
                   i.undoneBy AS undoneBy
            """;

    /**
     * Finished entries that changed what {@code $importId} wrote: they replaced or removed a journey version it wrote,
     * wrote a journey it had removed, or changed a touchpoint it had changed later.
     */
    private static final String LATER_CHANGES = """
            MATCH (x:Import {id: $importId})
            CALL (x) {
              MATCH (y:Import {status: 'done'})-[:REPLACED]->(:PreviousVersion {importId: x.id})
              WHERE y.id <> x.id
              RETURN y.id AS id
              UNION
              MATCH (x)-[:REPLACED]->(p:PreviousVersion)
              MATCH (j:Journey {id: p.id}) WHERE j.importId <> x.id
              RETURN j.importId AS id
              UNION
              MATCH (x)-[:REPLACED]->(mine:PreviousTouchpoint)
              MATCH (y:Import {status: 'done'})-[:REPLACED]->(:PreviousTouchpoint {name: mine.name})
              WHERE y.startedAt > x.startedAt
              RETURN y.id AS id
            }
            WITH DISTINCT id
            MATCH (y:Import {id: id})
            RETURN y.id AS id ORDER BY y.startedAt DESC
            """;

    private static final String PREVIOUS_VERSION_WRITERS = """
            MATCH (:Import {id: $importId})-[:REPLACED]->(p:PreviousVersion)
            RETURN p.id AS id, p.importId AS importId
            """;

    private static final String DELETE_TOUCHPOINTS_CREATED_BY = """
            MATCH (t:Touchpoint {createdByImport: $importId})
            DETACH DELETE t
            """;

    private final Driver driver;

    private final EmbeddedJourneyWriter embeddedWriter;

    JourneyStore(Driver driver, org.springframework.beans.factory.ObjectProvider<
            org.neo4j.dbms.api.DatabaseManagementService> embedded,
            com.journeyexplorer.config.JourneysProperties properties) {
        this.driver = driver;
        var management = embedded.getIfAvailable();
        this.embeddedWriter = management == null || !properties.neo4j().embedded().directWrites() ? null
                : new EmbeddedJourneyWriter(management);
    }

    /** Runs {@code cypher/schema.cypher}: constraints and indexes, each statement idempotent. */
    void applySchema() {
        try (Session session = driver.session()) {
            for (String statement : statements(resource("cypher/schema.cypher"))) {
                session.run(statement).consume();
            }
        }
    }

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

    void writeTouchpoints(List<Touchpoint> touchpoints, String importId) {
        if (touchpoints.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = touchpoints.stream().map(JourneyStore::touchpointRow).toList();
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(MERGE_TOUCHPOINTS,
                    Map.of("touchpoints", rows, "importId", importId)).consume());
        }
    }

    /**
     * Writes journeys, replacing the steps of those that exist, in one transaction per call: through the embedded
     * Java API when the database runs in the app, through Cypher otherwise.
     */
    void writeJourneys(List<Journey> journeys, Collection<String> replacedIds, List<Touchpoint> touchpoints,
            String importId) {
        writeJourneys(journeys, replacedIds, touchpoints, importId, Map.of());
    }

    /** As above; a journey listed in {@code writtenBy} records that entry's id instead of {@code importId}. */
    void writeJourneys(List<Journey> journeys, Collection<String> replacedIds, List<Touchpoint> touchpoints,
            String importId, Map<String, String> writtenBy) {
        if (embeddedWriter != null) {
            embeddedWriter.writeJourneys(journeys, replacedIds, touchpoints, importId, writtenBy);
            return;
        }
        writeJourneysWithCypher(journeys, replacedIds, touchpoints, importId, writtenBy);
    }

    void writeJourneysWithCypher(List<Journey> journeys, Collection<String> replacedIds,
            List<Touchpoint> touchpoints, String importId) {
        writeJourneysWithCypher(journeys, replacedIds, touchpoints, importId, Map.of());
    }

    /** The same write as a parameterised Cypher statement, for an external server. */
    void writeJourneysWithCypher(List<Journey> journeys, Collection<String> replacedIds,
            List<Touchpoint> touchpoints, String importId, Map<String, String> writtenBy) {
        List<Map<String, Object>> rows = new ArrayList<>(journeys.size());
        for (Journey journey : journeys) {
            Map<String, Object> row = journeyRow(journey, touchpoints);
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) row.get("props");
            props.put("importId", writtenBy.getOrDefault(journey.id(), importId));
            rows.add(row);
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                if (!replacedIds.isEmpty()) {
                    tx.run(DELETE_STEPS, Map.of("ids", List.copyOf(replacedIds))).consume();
                }
                tx.run(WRITE_JOURNEYS, Map.of("rows", rows)).consume();
            });
        }
    }

    void deleteJourneys(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(DELETE_JOURNEYS, Map.of("ids", List.copyOf(ids))).consume());
        }
    }

    void deleteTouchpointsFrom(int firstIndex) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(
                    tx -> tx.run(DELETE_TOUCHPOINTS_FROM, Map.of("firstIndex", firstIndex)).consume());
        }
    }

    /** Replaces every aggregated TRANSITION relationship with those of {@code table}, in one transaction. */
    void writeTransitions(TransitionTable table, List<Touchpoint> touchpoints) {
        NodeSpace nodes = table.nodes();
        List<Map<String, Object>> special = new ArrayList<>();
        special.add(specialNode(NodeSpace.START_NAME, "start", null));
        for (Outcome outcome : Outcome.values()) {
            special.add(specialNode(outcome.nodeName(), "outcome", outcome.name()));
        }
        List<Map<String, Object>> edges = new ArrayList<>(table.transitions().size());
        for (TransitionTable.Transition transition : table.transitions()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("count", transition.count());
            props.put("journeys", transition.journeys());
            props.put("probability", transition.probability());
            props.put("postPurchase", transition.postPurchase());
            if (!transition.timing().isEmpty()) {
                props.put("meanSeconds", transition.timing().meanSeconds());
                props.put("medianSeconds", transition.timing().medianSeconds());
                props.put("p90Seconds", transition.timing().p90Seconds());
            }
            edges.add(Map.of("from", nodeName(nodes, transition.from(), touchpoints),
                    "to", nodeName(nodes, transition.to(), touchpoints), "props", props));
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(MERGE_SPECIAL_NODES, Map.of("nodes", special)).consume();
                tx.run(REPLACE_TRANSITIONS).consume();
                tx.run(CREATE_TRANSITIONS, Map.of("edges", edges)).consume();
            });
        }
    }

    /** Turns the :Step chains of a store written by an older version into VISITED relationships, once. */
    void migrateStepChains() {
        try (Session session = driver.session()) {
            if (session.run(HAS_STEP_CHAINS).single().get("found").asBoolean()) {
                log.info("This store keeps journey steps as :Step chains, as older versions wrote them: converting "
                        + "them to VISITED relationships (once; on a large store this takes minutes)");
                long started = System.nanoTime();
                session.run(STEP_CHAINS_TO_VISITED).consume();
                log.info("Converted the step chains in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /** Touchpoints ordered by their projection index, and every journey. */
    LoadedGraph load() {
        List<Touchpoint> touchpoints = loadTouchpoints().touchpoints();
        Map<String, Integer> ids = new HashMap<>();
        touchpoints.forEach(t -> ids.put(t.name(), t.id()));
        try (Session session = driver.session()) {
            List<Journey> journeys = new ArrayList<>();
            session.run(LOAD_JOURNEYS, Map.of("prefix", ATTRIBUTE_PREFIX))
                    .forEachRemaining(row -> journeys.add(journeyOf(row, ids, touchpoints)));
            return new LoadedGraph(touchpoints, journeys);
        }
    }

    /**
     * Opens the journal entry of an import (or any other change of the stored journeys, named by {@code kind}): until
     * it is finished, a restart rolls it back. {@code created} lists journeys it puts back under their earlier
     * entry's id (an undo), which a rollback must delete although they do not carry this entry's id.
     */
    void beginImport(String importId, String kind, String undoes, long journeys, long events,
            Collection<String> created) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("importId", importId);
        parameters.put("kind", kind);
        parameters.put("undoes", undoes);
        parameters.put("journeys", journeys);
        parameters.put("events", events);
        parameters.put("created", created.isEmpty() ? null : List.copyOf(created));
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(BEGIN_IMPORT, parameters).consume());
        }
    }

    void beginImport(String importId, long journeys, long events) {
        beginImport(importId, "import", null, journeys, events, List.of());
    }

    /**
     * Keeps a copy of the stored versions an import replaces or removes: {@link #rollBack} puts them back after a
     * failure, and they stay with the finished entry so that it can be undone later.
     */
    void stashPreviousVersions(String importId, Collection<String> ids, int batchSize) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += batchSize) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + batchSize));
            try (Session session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run(STASH_PREVIOUS_VERSIONS,
                        Map.of("importId", importId, "ids", batch)).consume());
            }
        }
    }

    /** Keeps the channel, stage and owner that an import changes on existing touchpoints. */
    void stashPreviousTouchpoints(String importId, List<Touchpoint> previous) {
        if (previous.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = previous.stream().map(JourneyStore::touchpointRow).toList();
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(STASH_PREVIOUS_TOUCHPOINTS,
                    Map.of("importId", importId, "touchpoints", rows)).consume());
        }
    }

    /** The touchpoint metadata an entry replaced: name to {channel, stage, owner}. */
    Map<String, Touchpoint> previousTouchpoints(String importId) {
        Map<String, Touchpoint> previous = new LinkedHashMap<>();
        try (Session session = driver.session()) {
            session.run(LOAD_PREVIOUS_TOUCHPOINTS, Map.of("importId", importId)).forEachRemaining(row -> previous.put(
                    row.get("name").asString(), new Touchpoint(row.get("index").asInt(0), row.get("name").asString(),
                            row.get("channel").asString(""), row.get("stage").asString(""),
                            "competitor".equals(row.get("owner").asString("own")) ? Owner.COMPETITOR : Owner.OWN)));
        }
        return previous;
    }

    /** Marks an import done in one transaction; its previous versions stay, so that it can be undone. */
    void finishImport(String importId, String status) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(FINISH_IMPORT,
                    Map.of("importId", importId, "status", status)).consume());
        }
        if (!"done".equals(status)) {
            dropPreviousVersions(importId);
        }
    }

    /** Finishes an undo and marks the entry it undid as undone, in one transaction, then drops that entry's copies. */
    void finishUndo(String importId, String undone) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(FINISH_IMPORT, Map.of("importId", importId, "status", "done")).consume();
                tx.run(MARK_UNDONE, Map.of("importId", importId, "undoes", undone)).consume();
            });
        }
        dropPreviousVersions(undone);
    }

    /**
     * Finishes an erasure and, in the same transaction, deletes every copy of the customer's journeys that the
     * journal held (its own, and older versions kept by earlier imports).
     */
    void finishErasure(String importId, String customerId) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(FINISH_IMPORT, Map.of("importId", importId, "status", "done")).consume();
                tx.run(FORGET_CUSTOMER, Map.of("customerId", customerId)).consume();
            });
        }
        dropPreviousVersions(importId);
    }

    /** A journal entry, or empty when there is none with that id. */
    java.util.Optional<ImportEntry> importEntry(String importId) {
        try (Session session = driver.session()) {
            return session.run(IMPORT_ENTRY, Map.of("importId", importId)).list(JourneyStore::entryOf).stream()
                    .findFirst();
        }
    }

    /** The newest {@code limit} journal entries, newest first. */
    List<ImportEntry> importEntries(int limit) {
        try (Session session = driver.session()) {
            return session.run(LIST_IMPORTS, Map.of("limit", limit)).list(JourneyStore::entryOf);
        }
    }

    private static ImportEntry entryOf(Record row) {
        return new ImportEntry(row.get("id").asString(), row.get("kind").asString(), row.get("status").asString(),
                row.get("startedAt").isNull() ? null : row.get("startedAt").asZonedDateTime().toInstant(),
                row.get("finishedAt").isNull() ? null : row.get("finishedAt").asZonedDateTime().toInstant(),
                row.get("journeys").asLong(0), row.get("events").asLong(0), row.get("undoes").asString(null),
                row.get("undoneBy").asString(null));
    }

    /** Names of the touchpoints an entry created. */
    java.util.Set<String> touchpointsCreatedBy(String importId) {
        try (Session session = driver.session()) {
            return new java.util.HashSet<>(session.run(TOUCHPOINTS_CREATED_BY, Map.of("importId", importId))
                    .list(row -> row.get("name").asString()));
        }
    }

    /** Finished entries that changed what {@code importId} wrote, so that undoing it would undo them too. */
    List<String> laterChanges(String importId) {
        try (Session session = driver.session()) {
            return session.run(LATER_CHANGES, Map.of("importId", importId)).list(row -> row.get("id").asString());
        }
    }

    /** Ids of the journeys an entry created (see {@link #JOURNEYS_CREATED_BY}). */
    List<String> journeysCreatedBy(String importId) {
        try (Session session = driver.session()) {
            return session.run(JOURNEYS_CREATED_BY, Map.of("importId", importId))
                    .list(row -> row.get("id").asString());
        }
    }

    /** The versions an entry replaced or removed, read against {@code touchpoints}, with the entry that wrote each. */
    VersionsBefore previousVersions(String importId, List<Touchpoint> touchpoints) {
        Map<String, Integer> ids = new HashMap<>();
        touchpoints.forEach(t -> ids.put(t.name(), t.id()));
        List<Journey> journeys = new ArrayList<>();
        Map<String, String> writers = new HashMap<>();
        try (Session session = driver.session()) {
            session.run(LOAD_PREVIOUS_VERSIONS, Map.of("importId", importId, "prefix", ATTRIBUTE_PREFIX))
                    .forEachRemaining(row -> journeys.add(journeyOf(row, ids, touchpoints)));
            session.run(PREVIOUS_VERSION_WRITERS, Map.of("importId", importId)).forEachRemaining(row -> {
                if (!row.get("importId").isNull()) {
                    writers.put(row.get("id").asString(), row.get("importId").asString());
                }
            });
        }
        return new VersionsBefore(journeys, writers);
    }

    /** Stored versions of journeys, and the entry that wrote each (where known). */
    record VersionsBefore(List<Journey> journeys, Map<String, String> writtenBy) {
    }

    void dropPreviousVersions(String importId) {
        try (Session session = driver.session()) {
            session.run(DROP_PREVIOUS_VERSIONS, Map.of("importId", importId)).consume();
        }
    }

    /** Imports that a stopped process left unfinished, oldest first. */
    List<String> unfinishedImports() {
        try (Session session = driver.session()) {
            return session.run(UNFINISHED_IMPORTS).list(row -> row.get("id").asString());
        }
    }

    /** Finished imports whose stashed versions were not dropped yet (the process stopped just after finishing). */
    List<String> importsWithLeftoverVersions() {
        try (Session session = driver.session()) {
            return session.run(LEFTOVER_PREVIOUS_VERSIONS).list(row -> row.get("id").asString());
        }
    }

    /**
     * Undoes an unfinished import: deletes the journeys it created, writes back the versions it replaced or removed,
     * deletes the touchpoints it created, and marks it rolled back. Idempotent: a rollback that is itself interrupted
     * is simply run again.
     */
    void rollBack(String importId, int batchSize) {
        List<String> created = journeysCreatedBy(importId);
        for (int from = 0; from < created.size(); from += batchSize) {
            deleteJourneys(created.subList(from, Math.min(created.size(), from + batchSize)));
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(DELETE_TOUCHPOINTS_CREATED_BY,
                    Map.of("importId", importId)).consume());
        }
        restoreTouchpoints(previousTouchpoints(importId).values());
        LoadedGraph graph = loadTouchpoints();
        VersionsBefore previous = previousVersions(importId, graph.touchpoints());
        for (int from = 0; from < previous.journeys().size(); from += batchSize) {
            List<Journey> batch = previous.journeys().subList(from,
                    Math.min(previous.journeys().size(), from + batchSize));
            writeJourneys(batch, batch.stream().map(Journey::id).toList(), graph.touchpoints(), importId + "-undo",
                    previous.writtenBy());
        }
        finishImport(importId, "rolled back");
    }

    /** Writes back the channel, stage and owner of touchpoints, found by name. */
    void restoreTouchpoints(Collection<Touchpoint> touchpoints) {
        if (touchpoints.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = touchpoints.stream().map(JourneyStore::touchpointRow).toList();
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(RESTORE_TOUCHPOINTS, Map.of("touchpoints", rows))
                    .consume());
        }
    }

    private LoadedGraph loadTouchpoints() {
        try (Session session = driver.session()) {
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (Record row : session.run(LOAD_TOUCHPOINTS).list()) {
                touchpoints.add(new Touchpoint(touchpoints.size(), row.get("name").asString(),
                        row.get("channel").asString(""), row.get("stage").asString(""),
                        "competitor".equals(row.get("owner").asString("own")) ? Owner.COMPETITOR : Owner.OWN));
            }
            return new LoadedGraph(touchpoints, List.of());
        }
    }

    record LoadedGraph(List<Touchpoint> touchpoints, List<Journey> journeys) {
    }

    private static Journey journeyOf(Record row, Map<String, Integer> ids, List<Touchpoint> touchpoints) {
        List<Object> path = row.get("path").asList();
        int[] steps = new int[path.size()];
        for (int i = 0; i < steps.length; i++) {
            Integer id = ids.get((String) path.get(i));
            if (id == null) {
                throw new IllegalStateException("journey " + row.get("id").asString() + " visits touchpoint '"
                        + path.get(i) + "' that has no :Touchpoint node");
            }
            steps[i] = id;
        }
        List<Object> timeList = row.get("times").isNull() ? List.of() : row.get("times").asList();
        long[] times = new long[timeList.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = ((Number) timeList.get(i)).longValue();
        }
        List<Object> typeList = row.get("stepTypes").asList();
        byte[] types = new byte[typeList.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = ((Number) typeList.get(i)).byteValue();
        }
        String[] eventIds = null;
        Value eventIdValue = row.get("eventIds");
        if (!eventIdValue.isNull()) {
            eventIds = eventIdValue.asList(value -> value.asString().isEmpty() ? null : value.asString()).toArray(String[]::new);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object pair : row.get("attributes").asList()) {
            List<?> entry = (List<?>) pair;
            attributes.put((String) entry.get(0), (String) entry.get(1));
        }
        Map<String, String[]> eventValues = new LinkedHashMap<>();
        for (Object pair : row.get("eventAttributes").asList()) {
            List<?> entry = (List<?>) pair;
            List<?> values = (List<?>) entry.get(1);
            String[] column = new String[values.size()];
            for (int i = 0; i < column.length; i++) {
                String value = (String) values.get(i);
                column[i] = value.isEmpty() ? null : value.intern();
            }
            eventValues.put((String) entry.get(0), column);
        }
        int purchase = com.journeyexplorer.journey.OutcomeRule.firstPurchase(types);
        return new Journey(row.get("id").asString(), row.get("customerId").asString(""), steps, times, types, eventIds,
                com.journeyexplorer.journey.OutcomeRule.outcomeOf(steps, types, touchpoints), purchase,
                row.get("value").asDouble(0), row.get("weight").asInt(1), row.get("segment").asString("").intern(),
                row.get("device").asString("").intern(), attributes.isEmpty() ? Map.of() : attributes,
                EventAttributes.of(eventValues, steps.length), row.get("openHorizon").asLong(-1));
    }

    private static Map<String, Object> touchpointRow(Touchpoint touchpoint) {
        return Map.of("name", touchpoint.name(), "index", touchpoint.id(), "channel", touchpoint.channel(),
                "stage", touchpoint.stage(), "owner", touchpoint.owner().label());
    }

    private static Map<String, Object> specialNode(String name, String kind, String outcome) {
        Map<String, Object> node = new HashMap<>();
        node.put("name", name);
        node.put("kind", kind);
        node.put("outcome", outcome);
        return node;
    }

    private static String nodeName(NodeSpace nodes, int node, List<Touchpoint> touchpoints) {
        return nodes.name(node, touchpoints);
    }

    private static Map<String, Object> journeyRow(Journey journey, List<Touchpoint> touchpoints) {
        int length = journey.length();
        List<String> path = new ArrayList<>(length);
        List<Long> times = new ArrayList<>(journey.times().length);
        List<Integer> types = new ArrayList<>(length);
        List<String> typeNames = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            path.add(touchpoints.get(journey.steps()[i]).name());
            types.add((int) journey.types()[i]);
            typeNames.add(EventType.ofCode(journey.types()[i]).name().toLowerCase(java.util.Locale.ROOT));
            if (journey.isTimed()) {
                times.add(journey.times()[i]);
            }
        }
        Map<String, Object> props = new HashMap<>();
        props.put("id", journey.id());
        props.put("customerId", journey.customerId());
        props.put("outcome", storedOutcome(journey, touchpoints).name());
        props.put("path", path);
        props.put("times", times);
        props.put("stepTypes", types);
        props.put("steps", length);
        props.put("purchaseIndex", journey.purchaseIndex());
        props.put("value", journey.value());
        props.put("weight", journey.weight());
        props.put("segment", journey.segment());
        props.put("device", journey.device());
        if (journey.isTimed()) {
            props.put("startedAt", java.time.Instant.ofEpochMilli(journey.startedAt()).atZone(java.time.ZoneOffset.UTC));
            props.put("endedAt", java.time.Instant.ofEpochMilli(journey.endedAt()).atZone(java.time.ZoneOffset.UTC));
        }
        if (journey.eventIds() != null) {
            // Neo4j lists cannot hold nulls: a step without an event id stores "".
            props.put("eventIds", java.util.Arrays.stream(journey.eventIds()).map(id -> id == null ? "" : id).toList());
        }
        journey.attributes().forEach((name, value) -> props.put(ATTRIBUTE_PREFIX + name, value));
        for (String column : journey.events().columns()) {
            props.put(EVENT_ATTRIBUTE_PREFIX + column, storedValues(journey.events(), column));
        }
        if (journey.openHorizon() >= 0) {
            props.put("openHorizon", journey.openHorizon());
        }
        List<Map<String, Object>> stepAttributes = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            Map<String, Object> values = new HashMap<>();
            for (String column : journey.events().columns()) {
                String value = journey.events().value(column, i);
                if (value != null) {
                    values.put(ATTRIBUTE_PREFIX + column, value);
                }
            }
            stepAttributes.add(values);
        }
        return Map.of("props", props, "typeNames", typeNames, "stepAttributes", stepAttributes);
    }

    /**
     * The outcome kept on a Journey node: how the journey ends as its events stand. Whether it is still open depends
     * on the latest event of all the data, so it is derived for each snapshot and never stored.
     */
    static Outcome storedOutcome(Journey journey, List<Touchpoint> touchpoints) {
        return journey.outcome() == Outcome.OPEN
                ? com.journeyexplorer.journey.OutcomeRule.outcomeOf(journey.steps(), journey.types(), touchpoints)
                : journey.outcome();
    }

    /** An event-attribute column by step, "" where an event has no value (Neo4j lists hold no nulls). */
    static String[] storedValues(EventAttributes events, String column) {
        String[] values = events.values(column);
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] == null ? "" : values[i];
        }
        return values;
    }
}
