package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/**
 * A write of the TRANSITION graph in parts (40 edges per transaction here) that fails half-way, and whose undo fails
 * the same way, leaves the graph part-written; the journal follower rewrites it once the database takes the parts
 * again, so that it equals what the stored journeys imply without any further change. The log says so: the import
 * was rolled back, the graph is left part-written and will be rewritten.
 */
@ExtendWith(OutputCaptureExtension.class)
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
    void transitionGraphLeftPartWrittenIsRewrittenWithoutAnotherChange(CapturedOutput log)
            throws InterruptedException {
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
        // The undo rolled the import back and failed only at the TRANSITION graph: nothing is left to roll back.
        assertThat(log.getAll()).contains("was rolled back, but rewriting the TRANSITION graph after it failed")
                .doesNotContain("the instance that takes the imports lease next rolls it back");

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

    private Map<String, Map<String, Object>> storedTransitions() {
        return StoredTransitions.read(driver);
    }

    private Map<String, Map<String, Object>> expectedTransitions() {
        return StoredTransitions.expected(projection.current());
    }
}
