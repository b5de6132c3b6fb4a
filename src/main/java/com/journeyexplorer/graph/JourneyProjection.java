package com.journeyexplorer.graph;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
    /**
     * Builds the published snapshots' indexes, one at a time: with a thread per snapshot, a stream of small imports
     * ran a build per import side by side, all competing with the next import for the cores. The thread ends after a
     * minute without snapshots.
     */
    private final ThreadPoolExecutor builds = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "snapshot-indexes");
                thread.setDaemon(true);
                return thread;
            });

    public JourneyProjection() {
        builds.allowCoreThreadTimeOut(true);
    }

    public JourneySnapshot current() {
        return current;
    }

    /**
     * Publishes {@code next} and builds its per-snapshot indexes in the background (half a second at a million
     * journeys from scratch; a few milliseconds when they follow from the previous snapshot's, after a small import):
     * a request that needs them first waits for that one build rather than starting its own. A snapshot replaced
     * before its build starts is skipped, so a stream of small imports does not build indexes nobody reads.
     */
    void replace(JourneySnapshot next) {
        current = next;
        builds.execute(() -> {
            if (current == next) {
                next.prepareIndexes();
            }
        });
    }
}
