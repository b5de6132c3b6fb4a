package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Driver;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TransitionTable;

/**
 * The aggregated TRANSITION graph as Cypher users read it from the store, and as a snapshot's journeys imply it, both
 * keyed by edge and layer ({@code from -> to}, with {@code (after purchase)} for the post-purchase layer) with the
 * relationship's properties: equal maps mean the stored graph is the snapshot's.
 */
final class StoredTransitions {

    private StoredTransitions() {
    }

    /** The stored TRANSITION relationships; fails the test when an edge and layer has more than one. */
    static Map<String, Map<String, Object>> read(Driver driver) {
        Map<String, Map<String, Object>> stored = new TreeMap<>();
        try (var session = driver.session()) {
            for (var record : session.run("""
                    MATCH (a:Touchpoint)-[r:TRANSITION]->(b:Touchpoint)
                    RETURN a.name AS from, b.name AS to, properties(r) AS props
                    """).list()) {
                Map<String, Object> props = new TreeMap<>(record.get("props").asMap());
                String key = record.get("from").asString() + " -> " + record.get("to").asString()
                        + (Boolean.TRUE.equals(props.get("postPurchase")) ? " (after purchase)" : "");
                assertThat(stored.put(key, props)).as("one relationship per edge and layer: " + key).isNull();
            }
        }
        return stored;
    }

    /** What {@code snapshot}'s journeys imply, rebuilt from them. */
    static Map<String, Map<String, Object>> expected(JourneySnapshot snapshot) {
        TransitionTable table = TransitionTable.of(snapshot, journey -> true, true);
        NodeSpace nodes = table.nodes();
        Map<String, Map<String, Object>> expected = new TreeMap<>();
        for (TransitionTable.Transition transition : table.transitions()) {
            expected.put(nodes.name(transition.from(), snapshot) + " -> " + nodes.name(transition.to(), snapshot)
                    + (transition.postPurchase() ? " (after purchase)" : ""),
                    new TreeMap<>(TransitionWriter.properties(transition)));
        }
        return expected;
    }
}
