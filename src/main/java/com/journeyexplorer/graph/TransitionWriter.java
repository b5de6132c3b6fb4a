package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Keeps the aggregated {@code (:Touchpoint)-[:TRANSITION]->(:Touchpoint)} graph that Cypher users query: after every
 * change, all TRANSITION relationships are replaced by those of the new snapshot's {@link TransitionTable}, with the
 * {@code Start} and outcome nodes they need. One transaction; O(transitions), independent of the number of journeys.
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

    private final Driver driver;

    TransitionWriter(Driver driver) {
        this.driver = driver;
    }

    /** Replaces every aggregated TRANSITION relationship with those of {@code table}, in one transaction. */
    void writeTransitions(TransitionTable table, List<Touchpoint> touchpoints) {
        NodeSpace nodes = table.nodes();
        List<Map<String, Object>> edges = new ArrayList<>(table.transitions().size());
        for (TransitionTable.Transition transition : table.transitions()) {
            edges.add(Map.of("from", nodeName(nodes, transition.from(), touchpoints),
                    "to", nodeName(nodes, transition.to(), touchpoints), "props", properties(transition)));
        }
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(MERGE_SPECIAL_NODES, Map.of("nodes", specialNodes())).consume();
                tx.run(DELETE_TRANSITIONS).consume();
                tx.run(CREATE_TRANSITIONS, Map.of("edges", edges)).consume();
            });
        }
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
        return props;
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
}
