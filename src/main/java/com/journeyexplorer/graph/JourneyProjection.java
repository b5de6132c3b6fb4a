package com.journeyexplorer.graph;

import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import com.journeyexplorer.analysis.JourneySnapshot;

/**
 * The in-memory analytic projection of the journeys stored in Neo4j. Readers take {@link #current()} once per request
 * and so see the data before or after an import, never in between; the importer swaps in the next snapshot only after
 * Neo4j has committed it.
 */
@Component
public class JourneyProjection {

    private volatile JourneySnapshot current = JourneySnapshot.empty();

    public JourneySnapshot current() {
        return current;
    }

    /**
     * Publishes {@code next} and builds its per-snapshot indexes in the background (half a second at a million
     * journeys): a request that needs them first waits for that one build rather than starting its own. A snapshot
     * replaced before its build starts is skipped, so a stream of small imports does not build indexes nobody reads.
     */
    void replace(JourneySnapshot next) {
        current = next;
        CompletableFuture.runAsync(() -> {
            if (current == next) {
                next.prepareIndexes();
            }
        });
    }
}
