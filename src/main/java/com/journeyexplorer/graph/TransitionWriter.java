package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.analysis.DurationStats;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.journey.Outcome;

/**
 * Keeps the aggregated {@code (:Touchpoint)-[:TRANSITION]->(:Touchpoint)} graph that Cypher users query equal to what
 * {@link com.journeyexplorer.analysis.TransitionTable} computes over every journey of the current snapshot (the paths
 * to purchase and the post-purchase layer, with the {@code Start} and outcome nodes). A change is written as a delta:
 * the changed journeys' old versions are counted out of a {@link TransitionLedger} and their new versions in, and only
 * the edges that changed, plus the others leaving the same sources (whose probabilities moved), are written; edges
 * whose count reaches 0 are deleted. Cost: O(changed steps + edges of the touched sources), independent of the number
 * of journeys. A change touching more than an eighth of the journeys, the first change after a start, and any change
 * after a failed write rewrite every relationship instead (O(journeys + edges)). One transaction per call.
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

    private static final String CREATE_TRANSITIONS = """
            UNWIND $edges AS e
            MATCH (a:Touchpoint {name: e.from})
            MATCH (b:Touchpoint {name: e.to})
            CREATE (a)-[r:TRANSITION]->(b)
            SET r = e.props
            """;

    private static final String DELETE_EDGES = """
            UNWIND $edges AS e
            MATCH (:Touchpoint {name: e.from})-[r:TRANSITION {postPurchase: e.postPurchase}]->(:Touchpoint {name: e.to})
            DELETE r
            """;

    private static final String WRITE_EDGES = """
            UNWIND $edges AS e
            MATCH (a:Touchpoint {name: e.from})
            MATCH (b:Touchpoint {name: e.to})
            MERGE (a)-[r:TRANSITION {postPurchase: e.props.postPurchase}]->(b)
            SET r = e.props
            """;

    private final Driver driver;
    /** The ledger of {@link #reflected}'s journeys, or null when there is none to trust. */
    private TransitionLedger ledger;
    private JourneySnapshot reflected;

    TransitionWriter(Driver driver) {
        this.driver = driver;
    }

    /**
     * Brings the TRANSITION graph from {@code before}'s journeys to {@code after}'s, which differ only in the
     * journeys whose ids are in {@code changed} (written, removed, or whose open status moved). O(changed steps +
     * edges of the touched sources) when the ledger follows {@code before}; else O(journeys) once to build it.
     */
    void update(JourneySnapshot before, JourneySnapshot after, Collection<String> changed) {
        if (changed.size() > after.journeys().size() / 8) {
            rewrite(after);
            return;
        }
        if (ledger == null || reflected != before) {
            // The first change after a start (or after a failure) rewrites: whatever the stored graph holds, it is
            // then the snapshot's again.
            rewrite(after);
            return;
        }
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
        List<Map<String, Object>> deleted = new ArrayList<>(settled.deleted().size());
        for (TransitionLedger.Edge edge : settled.deleted()) {
            deleted.add(Map.of("from", TransitionLedger.nodeName(edge.from, names),
                    "to", TransitionLedger.nodeName(edge.to, names), "postPurchase", edge.postPurchase));
        }
        List<Map<String, Object>> written = new ArrayList<>(settled.written().size());
        for (TransitionLedger.Edge edge : settled.written()) {
            written.add(row(edge, settled.sourceTotals().get(edge), names));
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(MERGE_SPECIAL_NODES, Map.of("nodes", specialNodes())).consume();
                if (!deleted.isEmpty()) {
                    tx.run(DELETE_EDGES, Map.of("edges", deleted)).consume();
                }
                if (!written.isEmpty()) {
                    tx.run(WRITE_EDGES, Map.of("edges", written)).consume();
                }
            });
            reflected = after;
        } catch (RuntimeException failure) {
            ledger = null;
            throw failure;
        }
    }

    /**
     * Replaces every aggregated TRANSITION relationship with those of {@code snapshot}'s journeys, in one transaction,
     * and keeps their ledger for the next {@link #update}. O(journeys + edges).
     */
    void rewrite(JourneySnapshot snapshot) {
        ledger = null;
        TransitionLedger next = TransitionLedger.of(snapshot.journeys());
        IntFunction<String> names = node -> snapshot.touchpoint(node).name();
        Map<Long, Long> bySource = new HashMap<>();
        for (TransitionLedger.Edge edge : next.edges()) {
            bySource.merge(sourceKey(edge), edge.count, Long::sum);
        }
        List<Map<String, Object>> edges = new ArrayList<>(next.edges().size());
        for (TransitionLedger.Edge edge : next.edges()) {
            edges.add(row(edge, bySource.get(sourceKey(edge)), names));
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(MERGE_SPECIAL_NODES, Map.of("nodes", specialNodes())).consume();
                tx.run(DELETE_TRANSITIONS).consume();
                tx.run(CREATE_TRANSITIONS, Map.of("edges", edges)).consume();
            });
        }
        ledger = next;
        reflected = snapshot;
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
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("count", edge.count);
        props.put("journeys", edge.journeys);
        props.put("probability", (double) edge.count / sourceTotal);
        props.put("postPurchase", edge.postPurchase);
        DurationStats timing = edge.timing();
        if (!timing.isEmpty()) {
            props.put("meanSeconds", timing.meanSeconds());
            props.put("medianSeconds", timing.medianSeconds());
            props.put("p90Seconds", timing.p90Seconds());
        }
        return Map.of("from", TransitionLedger.nodeName(edge.from, names),
                "to", TransitionLedger.nodeName(edge.to, names), "props", props);
    }

    private static List<Map<String, Object>> specialNodes() {
        List<Map<String, Object>> special = new ArrayList<>();
        special.add(specialNode(NodeSpace.START_NAME, "start", null));
        for (Outcome outcome : Outcome.values()) {
            special.add(specialNode(outcome.nodeName(), "outcome", outcome.name()));
        }
        return special;
    }

    private static Map<String, Object> specialNode(String name, String kind, String outcome) {
        Map<String, Object> node = new HashMap<>();
        node.put("name", name);
        node.put("kind", kind);
        node.put("outcome", outcome);
        return node;
    }
}
