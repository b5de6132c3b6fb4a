package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.analysis.DurationStats;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.journey.Outcome;

/**
 * Keeps the aggregated {@code (:Touchpoint)-[:TRANSITION]->(:Touchpoint)} graph that Cypher users query equal to what
 * {@link com.journeyexplorer.analysis.TransitionTable} computes over every journey of the current snapshot (the paths
 * to purchase and the post-purchase layer, with the {@code Start} and outcome nodes). A change is written as a delta:
 * the changed journeys' old versions are counted out of a {@link TransitionLedger} and their new versions in, and only
 * the edges that changed, plus the others leaving the same sources (whose probabilities moved), are written; edges
 * whose count reaches 0 are deleted. Cost: O(changed steps + edges of the touched sources), independent of the number
 * of journeys. A change touching more than an eighth of the journeys, the first change after a start, and any change
 * after a failed write rewrite every relationship instead (O(journeys + edges)). One transaction per call, unless
 * more edges change than a transaction takes ({@code 20 × journeys.neo4j.write-batch-size}, 10,000 by default):
 * Neo4j bounds a transaction's memory ({@code db.memory.transaction.max}), and a clickstream of many pages has
 * hundreds of thousands of edges; such a write runs in transactions of that many edges, each fenced by the lease.
 * A write that fails leaves the stored graph part-written ({@link #partWritten}) until a rewrite succeeds: the change
 * is undone with one, and the journal follower tries again while that fails ({@link JourneyGraph#repairTransitions}).
 */
@Repository
class TransitionWriter {

    private static final String MERGE_SPECIAL_NODES = """
            UNWIND $nodes AS node
            MERGE (n:Touchpoint {name: node.name})
            SET n.kind = node.kind, n.outcome = node.outcome
            WITH n, node
            CALL (n, node) { WITH n WHERE node.kind = 'start' SET n:Start }
            CALL (n, node) { WITH n WHERE node.kind = 'outcome' SET n:Outcome }
            """;

    private static final String DELETE_TRANSITIONS = """
            MATCH (:Touchpoint)-[r:TRANSITION]->()
            DELETE r
            """;

    /** At most {@code $limit} of the TRANSITION relationships; returns how many were deleted. */
    private static final String DELETE_SOME_TRANSITIONS = """
            MATCH (:Touchpoint)-[r:TRANSITION]->()
            WITH r LIMIT $limit
            DELETE r
            RETURN count(*) AS deleted
            """;

    /** The number of TRANSITION relationships, from Neo4j's counts (no scan). */
    private static final String COUNT_TRANSITIONS = """
            MATCH ()-[r:TRANSITION]->()
            RETURN count(r) AS edges
            """;

    /** Edges whose count reached 0, by element id; only TRANSITION relationships between the expected nodes. */
    private static final String DELETE_EDGES = """
            UNWIND $edges AS e
            MATCH (a:Touchpoint)-[r:TRANSITION]->(b:Touchpoint)
            WHERE elementId(r) = e.id AND a.name = e.from AND b.name = e.to
            DELETE r
            """;

    /** Edges whose properties changed, by element id; returns how many were found. */
    private static final String UPDATE_EDGES = """
            UNWIND $edges AS e
            MATCH (a:Touchpoint)-[r:TRANSITION]->(b:Touchpoint)
            WHERE elementId(r) = e.id AND a.name = e.from AND b.name = e.to
            SET r = e.props
            RETURN count(r) AS found
            """;

    /**
     * Edges whose probability alone moved (the others leaving a source whose total changed): ids and probabilities as
     * two lists, the lightest parameters; returns how many were found.
     */
    private static final String UPDATE_PROBABILITIES = """
            UNWIND range(0, size($ids) - 1) AS i
            MATCH ()-[r:TRANSITION]->()
            WHERE elementId(r) = $ids[i]
            SET r.probability = $probabilities[i]
            RETURN count(r) AS found
            """;

    /** New edges; returns each one's element id by its row number. */
    private static final String CREATE_EDGES = """
            UNWIND range(0, size($edges) - 1) AS row
            WITH row, $edges[row] AS e
            MATCH (a:Touchpoint {name: e.from})
            MATCH (b:Touchpoint {name: e.to})
            CREATE (a)-[r:TRANSITION]->(b)
            SET r = e.props
            RETURN row, elementId(r) AS id
            """;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TransitionWriter.class);

    private final Driver driver;
    private final ImportLease lease;
    /** The edges one transaction writes at most, so that a rewrite of a large graph stays in Neo4j's memory bound. */
    private final int edgesPerTransaction;
    /** The ledger of {@link #reflected}'s journeys, or null when there is none to trust. */
    private TransitionLedger ledger;
    private JourneySnapshot reflected;
    /** Whether the last write failed: the stored graph may be part-written, until a rewrite succeeds. */
    private volatile boolean partWritten;
    /** Run in each transaction of a write in parts, with the part's number, before its edges are created. */
    private volatile IntConsumer beforePart = part -> {
    };

    TransitionWriter(Driver driver, ImportLease lease, JourneysProperties properties) {
        this.driver = driver;
        this.lease = lease;
        this.edgesPerTransaction = 20 * properties.neo4j().writeBatchSize();
    }

    /**
     * Brings the TRANSITION graph from {@code before}'s journeys to {@code after}'s, which differ only in the
     * journeys whose ids are in {@code changed} (written, removed, or whose open status moved). O(changed steps +
     * edges of the touched sources) when the ledger follows {@code before}; else O(journeys) once to build it.
     */
    void update(JourneySnapshot before, JourneySnapshot after, Collection<String> changed) {
        update(before, after, changed, null);
    }

    /**
     * As {@link #update(JourneySnapshot, JourneySnapshot, Collection)}; {@code precounted}, when not null, is
     * {@code TransitionLedger.of(after.journeys())}, counted beforehand (beside the journey writes), and spares a
     * rewrite the count.
     */
    void update(JourneySnapshot before, JourneySnapshot after, Collection<String> changed, TransitionLedger precounted) {
        if (rewrites(after, changed) || rewritesAfter(before)) {
            // The first change after a start (or after a failure) rewrites: whatever the stored graph holds, it is
            // then the snapshot's again.
            rewrite(after, precounted);
            return;
        }
        long started = System.nanoTime();
        TransitionLedger.Settled settled;
        try {
            for (String id : changed) {
                before.journey(id).ifPresent(ledger::remove);
                after.journey(id).ifPresent(ledger::add);
            }
            settled = ledger.settle();
        } catch (RuntimeException failure) {
            ledger = null;
            throw failure;
        }
        IntFunction<String> names = node -> node < after.touchpoints().size() ? after.touchpoint(node).name()
                : before.touchpoint(node).name();
        // A deleted edge is matched by the names its nodes have now, before the change: an erasure renames a
        // touchpoint only once its edges are gone.
        IntFunction<String> storedNames = node -> node < before.touchpoints().size() ? before.touchpoint(node).name()
                : after.touchpoint(node).name();
        List<Map<String, Object>> deleted = new ArrayList<>(settled.deleted().size());
        for (TransitionLedger.Edge edge : settled.deleted()) {
            if (edge.relationship != null) {
                deleted.add(Map.of("id", edge.relationship, "from", TransitionLedger.nodeName(edge.from, storedNames),
                        "to", TransitionLedger.nodeName(edge.to, storedNames)));
            }
        }
        List<Map<String, Object>> updated = new ArrayList<>();
        List<String> reweighedIds = new ArrayList<>();
        List<Double> reweighed = new ArrayList<>();
        List<TransitionLedger.Edge> created = new ArrayList<>();
        List<Map<String, Object>> createdRows = new ArrayList<>();
        for (TransitionLedger.Edge edge : settled.written()) {
            long sourceTotal = settled.sourceTotals().get(edge);
            if (edge.relationship != null && !settled.changed().contains(edge)) {
                reweighedIds.add(edge.relationship);
                reweighed.add((double) edge.count / sourceTotal);
                continue;
            }
            Map<String, Object> row = row(edge, sourceTotal, names);
            if (edge.relationship == null) {
                created.add(edge);
                createdRows.add(row);
            } else {
                Map<String, Object> withId = new HashMap<>(row);
                withId.put("id", edge.relationship);
                updated.add(withId);
            }
        }
        long counted = System.nanoTime();
        partWritten = true;
        try (Session session = CausalSessions.open(driver)) {
            List<String> ids;
            if (deleted.size() + updated.size() + reweighedIds.size() + createdRows.size() <= edgesPerTransaction) {
                ids = session.executeWrite(tx -> {
                    deleteEdges(tx, deleted);
                    updateEdges(tx, updated);
                    reweighEdges(tx, reweighedIds, reweighed);
                    List<String> createdIds = createdIds(tx, createdRows);
                    lease.fence(tx);
                    return createdIds;
                });
            } else {
                // Too many for one transaction: a transaction per part of each kind, in the same order.
                for (List<Map<String, Object>> part : parts(deleted)) {
                    session.executeWrite(tx -> fenced(tx, () -> deleteEdges(tx, part)));
                }
                for (List<Map<String, Object>> part : parts(updated)) {
                    session.executeWrite(tx -> fenced(tx, () -> updateEdges(tx, part)));
                }
                for (int from = 0; from < reweighedIds.size(); from += edgesPerTransaction) {
                    int to = Math.min(reweighedIds.size(), from + edgesPerTransaction);
                    List<String> partIds = reweighedIds.subList(from, to);
                    List<Double> partProbabilities = reweighed.subList(from, to);
                    session.executeWrite(tx -> fenced(tx, () -> reweighEdges(tx, partIds, partProbabilities)));
                }
                ids = createInParts(session, createdRows);
            }
            for (int i = 0; i < created.size(); i++) {
                created.get(i).relationship = ids.get(i);
            }
            reflected = after;
            partWritten = false;
            log.debug("TRANSITION delta of {} journeys: counted in {} ms; {} edges deleted, {} updated, {} with a new"
                    + " probability only, {} created in {} ms", changed.size(), (counted - started) / 1_000_000,
                    deleted.size(), updated.size(), reweighedIds.size(), created.size(),
                    (System.nanoTime() - counted) / 1_000_000);
        } catch (StaleGraphException stale) {
            // Someone changed TRANSITION relationships outside the app (a Cypher write over Bolt): start over.
            log.warn("The stored TRANSITION graph was changed outside the app; rewriting it");
            rewrite(after);
        } catch (RuntimeException failure) {
            ledger = null;
            throw failure;
        }
    }

    /** The relationships the ledger knows are not all there: the delta cannot be applied. */
    private static final class StaleGraphException extends RuntimeException {
        StaleGraphException() {
            super(null, null, false, false);
        }
    }

    private static void deleteEdges(org.neo4j.driver.TransactionContext tx, List<Map<String, Object>> edges) {
        if (!edges.isEmpty()) {
            tx.run(DELETE_EDGES, Map.of("edges", edges)).consume();
        }
    }

    private static void updateEdges(org.neo4j.driver.TransactionContext tx, List<Map<String, Object>> edges) {
        if (!edges.isEmpty()) {
            long found = tx.run(UPDATE_EDGES, Map.of("edges", edges)).single().get("found").asLong();
            if (found != edges.size()) {
                throw new StaleGraphException();
            }
        }
    }

    private static void reweighEdges(org.neo4j.driver.TransactionContext tx, List<String> ids,
            List<Double> probabilities) {
        if (!ids.isEmpty()) {
            long found = tx.run(UPDATE_PROBABILITIES, Map.of("ids", ids, "probabilities", probabilities)).single()
                    .get("found").asLong();
            if (found != ids.size()) {
                throw new StaleGraphException();
            }
        }
    }

    /** {@code write} in {@code tx}, then the lease's fence. */
    private Void fenced(org.neo4j.driver.TransactionContext tx, Runnable write) {
        write.run();
        lease.fence(tx);
        return null;
    }

    /** {@code rows} in parts of {@link #edgesPerTransaction}. */
    private <T> List<List<T>> parts(List<T> rows) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += edgesPerTransaction) {
            parts.add(rows.subList(from, Math.min(rows.size(), from + edgesPerTransaction)));
        }
        return parts;
    }

    /** Creates the edges of {@code rows}, a fenced transaction per part; their element ids in the same order. */
    private List<String> createInParts(Session session, List<Map<String, Object>> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        List<List<Map<String, Object>>> parts = parts(rows);
        for (int number = 0; number < parts.size(); number++) {
            List<Map<String, Object>> part = parts.get(number);
            int partNumber = number;
            ids.addAll(session.executeWrite(tx -> {
                beforePart.accept(partNumber);
                List<String> created = createdIds(tx, part);
                lease.fence(tx);
                return created;
            }));
        }
        return ids;
    }

    /** Creates the edges of {@code rows} and returns their element ids in the same order. */
    private static List<String> createdIds(org.neo4j.driver.TransactionContext tx, List<Map<String, Object>> rows) {
        String[] ids = new String[rows.size()];
        if (!rows.isEmpty()) {
            tx.run(CREATE_EDGES, Map.of("edges", rows)).forEachRemaining(
                    record -> ids[record.get("row").asInt()] = record.get("id").asString());
        }
        return java.util.Arrays.asList(ids);
    }

    /**
     * Replaces every aggregated TRANSITION relationship with those of {@code snapshot}'s journeys, in one transaction
     * (in parts when the stored or the new edges are more than one takes), and keeps their ledger for the next
     * {@link #update}. O(journeys + edges).
     */
    void rewrite(JourneySnapshot snapshot) {
        rewrite(snapshot, null);
    }

    /** Whether a change of {@code changed} journeys is written as a rewrite: it touches over an eighth of them. */
    static boolean rewrites(JourneySnapshot after, Collection<String> changed) {
        return changed.size() > after.journeys().size() / 8;
    }

    /** Whether any change from {@code before} is written as a rewrite: the ledger does not follow that snapshot. */
    boolean rewritesAfter(JourneySnapshot before) {
        return ledger == null || reflected != before;
    }

    private void rewrite(JourneySnapshot snapshot, TransitionLedger counted) {
        ledger = null;
        partWritten = true;
        TransitionLedger next = counted != null ? counted : TransitionLedger.of(snapshot.journeys());
        IntFunction<String> names = node -> snapshot.touchpoint(node).name();
        Map<Long, Long> bySource = new HashMap<>();
        for (TransitionLedger.Edge edge : next.edges()) {
            bySource.merge(sourceKey(edge), edge.count, Long::sum);
        }
        List<TransitionLedger.Edge> all = new ArrayList<>(next.edges());
        List<Map<String, Object>> rows = new ArrayList<>(all.size());
        for (TransitionLedger.Edge edge : all) {
            rows.add(row(edge, bySource.get(sourceKey(edge)), names));
        }
        try (Session session = CausalSessions.open(driver)) {
            long stored = session.executeRead(tx -> tx.run(COUNT_TRANSITIONS).single().get("edges").asLong());
            List<String> ids;
            if (rows.size() <= edgesPerTransaction && stored <= edgesPerTransaction) {
                ids = session.executeWrite(tx -> {
                    tx.run(MERGE_SPECIAL_NODES, Map.of("nodes", specialNodes())).consume();
                    tx.run(DELETE_TRANSITIONS).consume();
                    List<String> createdIds = createdIds(tx, rows);
                    lease.fence(tx);
                    return createdIds;
                });
            } else {
                // Cypher readers see the graph part-written for the seconds this takes; the analyses never read it.
                long started = System.nanoTime();
                session.executeWrite(tx -> fenced(tx,
                        () -> tx.run(MERGE_SPECIAL_NODES, Map.of("nodes", specialNodes())).consume()));
                long deleted;
                do {
                    deleted = session.executeWrite(tx -> {
                        long some = tx.run(DELETE_SOME_TRANSITIONS, Map.of("limit", edgesPerTransaction)).single()
                                .get("deleted").asLong();
                        lease.fence(tx);
                        return some;
                    });
                } while (deleted > 0);
                ids = createInParts(session, rows);
                log.info("Rewrote the TRANSITION graph in parts of {} edges: {} deleted, {} created in {} ms",
                        edgesPerTransaction, stored, rows.size(), (System.nanoTime() - started) / 1_000_000);
            }
            for (int i = 0; i < all.size(); i++) {
                all.get(i).relationship = ids.get(i);
            }
        }
        ledger = next;
        reflected = snapshot;
        partWritten = false;
    }

    /**
     * Whether the last write of the graph failed, which may have left it part-written (some of its transactions
     * committed) for Cypher users: until a rewrite succeeds.
     */
    boolean partWritten() {
        return partWritten;
    }

    /**
     * Sets what runs in each transaction of a write in parts before its edges are created, told the part's number
     * (from 0): a seam for tests, which make a part fail by throwing.
     */
    void beforeEachPart(IntConsumer hook) {
        beforePart = hook;
    }

    /** Forgets the ledger: the next change rebuilds it from its snapshot (after a write that may have failed). */
    void forget() {
        ledger = null;
        reflected = null;
    }

    private static long sourceKey(TransitionLedger.Edge edge) {
        return ((long) edge.from << 1) | (edge.postPurchase ? 1 : 0);
    }

    /** An edge's endpoints and properties, as the aggregated graph stores them. */
    private static Map<String, Object> row(TransitionLedger.Edge edge, long sourceTotal, IntFunction<String> names) {
        Map<String, Object> props = properties(edge.count, edge.journeys, (double) edge.count / sourceTotal,
                edge.postPurchase, edge.timing());
        return Map.of("from", TransitionLedger.nodeName(edge.from, names),
                "to", TransitionLedger.nodeName(edge.to, names), "props", props);
    }

    /**
     * The {@code Start} node and one node per outcome, in {@link NodeSpace} order: {@code name}, {@code kind}
     * ({@code start} or {@code outcome}) and {@code outcome} (the outcome's name; null for the start node).
     */
    static List<Map<String, Object>> specialNodes() {
        List<Map<String, Object>> special = new ArrayList<>();
        special.add(specialNode(NodeSpace.START_NAME, "start", null));
        for (Outcome outcome : Outcome.values()) {
            special.add(specialNode(outcome.nodeName(), "outcome", outcome.name()));
        }
        return special;
    }

    /** The properties of a TRANSITION relationship; the timing ones only when the transition has timed steps. */
    static Map<String, Object> properties(TransitionTable.Transition transition) {
        return properties(transition.count(), transition.journeys(), transition.probability(),
                transition.postPurchase(), transition.timing());
    }

    private static Map<String, Object> properties(long count, long journeys, double probability, boolean postPurchase,
            DurationStats timing) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("count", count);
        props.put("journeys", journeys);
        props.put("probability", probability);
        props.put("postPurchase", postPurchase);
        if (!timing.isEmpty()) {
            props.put("meanSeconds", timing.meanSeconds());
            props.put("medianSeconds", timing.medianSeconds());
            props.put("p90Seconds", timing.p90Seconds());
        }
        return props;
    }

    private static Map<String, Object> specialNode(String name, String kind, String outcome) {
        Map<String, Object> node = new HashMap<>();
        node.put("name", name);
        node.put("kind", kind);
        node.put("outcome", outcome);
        return node;
    }
}
