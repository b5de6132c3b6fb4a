package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TransitionTable;

/**
 * A write of the TRANSITION graph in parts (40 edges per transaction here) that fails half-way, and whose undo fails
 * the same way, leaves the graph part-written; the journal follower rewrites it once the database takes the parts
 * again, so that it equals what the stored journeys imply without any further change.
 */
@TestPropertySource(properties = "journeys.neo4j.write-batch-size=2")
class TransitionRepairTests extends ApiTestSupport {

    @Autowired
    private TransitionWriter transitions;

    @Autowired
    private JourneyGraph graph;

    @Autowired
    private JourneyProjection projection;

    @AfterEach
    void partsWrittenAgain() {
        transitions.beforeEachPart(part -> {
        });
    }

    @Test
    void transitionGraphLeftPartWrittenIsRewrittenWithoutAnotherChange() throws InterruptedException {
        Response first = post("/api/events?openHorizon=0", "text/csv", rows("repair-a", 40));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(expectedTransitions()).hasSizeGreaterThan(120);
        assertThat(storedTransitions()).isEqualTo(expectedTransitions());

        // Every part after the first is refused: the import's rewrite and its undo's both stop half-way.
        AtomicBoolean refusing = new AtomicBoolean(true);
        transitions.beforeEachPart(part -> {
            if (refusing.get() && part > 0) {
                throw new IllegalStateException("part " + part + " refused by the test");
            }
        });
        Response second = post("/api/events?openHorizon=0", "text/csv", rows("repair-b", 40));
        assertThat(second.status()).as(second.body()).isEqualTo(503);
        assertThat(graph.transitionsPartWritten()).isTrue();
        assertThat(storedTransitions()).isNotEqualTo(expectedTransitions());

        refusing.set(false);
        // The follower's next attempt (after its back-off) rewrites it; the wait is bounded, not measured.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (graph.transitionsPartWritten() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(graph.transitionsPartWritten()).isFalse();
        assertThat(storedTransitions()).isEqualTo(expectedTransitions());
        assertThat(get("/api/stats").json().get("journeys").asLong()).isEqualTo(40);
    }

    /** {@code journeys} journeys of 12 steps over 30 pages, in varied orders; ids starting with {@code prefix}. */
    private static String rows(String prefix, int journeys) {
        StringBuilder csv = new StringBuilder("journey_id,customer_id,timestamp,touchpoint,type\n");
        for (int j = 0; j < journeys; j++) {
            for (int s = 0; s < 12; s++) {
                csv.append(prefix).append('-').append(j).append(',').append(prefix).append("-c").append(j)
                        .append(",2026-05-01T10:").append(String.format("%02d", s)).append(":00Z,Repair page ")
                        .append((j * 7 + s * s * 3 + s) % 30).append(",touchpoint\n");
            }
        }
        return csv.toString();
    }

    /** The TRANSITION relationships as Cypher users read them: properties by edge and layer. */
    private Map<String, Map<String, Object>> storedTransitions() {
        Map<String, Map<String, Object>> stored = new TreeMap<>();
        try (var session = driver.session()) {
            for (var record : session.run("""
                    MATCH (a:Touchpoint)-[r:TRANSITION]->(b:Touchpoint)
                    RETURN a.name AS from, b.name AS to, properties(r) AS props
                    """).list()) {
                Map<String, Object> props = new TreeMap<>(record.get("props").asMap());
                stored.put(record.get("from").asString() + " -> " + record.get("to").asString()
                        + (Boolean.TRUE.equals(props.get("postPurchase")) ? " (after purchase)" : ""), props);
            }
        }
        return stored;
    }

    /** What the projection's journeys imply, rebuilt from them. */
    private Map<String, Map<String, Object>> expectedTransitions() {
        JourneySnapshot snapshot = projection.current();
        TransitionTable table = TransitionTable.of(snapshot, journey -> true, true);
        NodeSpace nodes = table.nodes();
        Map<String, Map<String, Object>> expected = new TreeMap<>();
        for (TransitionTable.Transition transition : table.transitions()) {
            Map<String, Object> props = new TreeMap<>(TransitionWriter.properties(transition));
            expected.put(nodes.name(transition.from(), snapshot) + " -> " + nodes.name(transition.to(), snapshot)
                    + (transition.postPurchase() ? " (after purchase)" : ""), props);
        }
        return expected;
    }
}
