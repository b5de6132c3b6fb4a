package com.journeyexplorer.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;

/**
 * Another instance whose writes never pause, as the journal and the imports lease show them: a change is a running
 * entry under its live lease. Either each start-up load of the projection is overlapped by a change, begun once the
 * load has read the journeys and ended when the next load begins, for the first {@code changes} loads
 * ({@link #install}); or changes follow each other back to back, each begun before the previous one ends, until
 * closed ({@link #backToBack}). {@link #loads} counts the start-up loads meanwhile.
 */
final class OtherInstanceChanges implements AutoCloseable {

    private static final String TOKEN = "other-instance-token";

    private final Driver driver;
    private final JourneyGraph graph;
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger begun = new AtomicInteger();
    private volatile String running;
    private volatile boolean closed;
    private Thread writer;

    private OtherInstanceChanges(Driver driver, JourneyGraph graph) {
        this.driver = driver;
        this.graph = graph;
    }

    /** A change overlapping each of the first {@code changes} start-up loads of {@code graph}. */
    static OtherInstanceChanges install(Driver driver, JourneyGraph graph, int changes) {
        OtherInstanceChanges other = new OtherInstanceChanges(driver, graph);
        graph.aroundStartupLoads(() -> other.replaceChange(false), () -> {
            if (other.loads.incrementAndGet() <= changes) {
                other.replaceChange(true);
            }
        });
        return other;
    }

    /** Changes back to back from now until closed; the start-up loads of {@code graph} are counted. */
    static OtherInstanceChanges backToBack(Driver driver, JourneyGraph graph) {
        OtherInstanceChanges other = new OtherInstanceChanges(driver, graph);
        other.replaceChange(true);
        graph.aroundStartupLoads(() -> {
        }, other.loads::incrementAndGet);
        other.writer = new Thread(() -> {
            while (!other.closed) {
                other.replaceChange(true);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "other-instance-changes");
        other.writer.start();
        return other;
    }

    /** The start-up loads that read the journeys since this began. */
    int loads() {
        return loads.get();
    }

    /**
     * Begins another change ({@code next}) under the other instance's lease, then ends the one running, if any, in a
     * transaction of its own: a reader that looks for a running change always finds one while changes follow each
     * other (a look between two transactions finds both, the next one and the one before it). Without a next change
     * the lease is let go.
     */
    private synchronized void replaceChange(boolean next) {
        String id = next ? "other-change-" + begun.incrementAndGet() : null;
        try (var session = driver.session()) {
            if (id != null) {
                session.run("""
                        MERGE (l:ImportLease {id: 'imports'})
                        SET l.owner = 'other-instance', l.token = $token,
                            l.expiresAt = datetime.realtime().epochMillis + 600000
                        CREATE (:Import {id: $id, kind: 'import', status: 'running', lease: $token,
                                         instance: 'other-instance', startedAt: datetime()})
                        """, Map.of("token", TOKEN, "id", id)).consume();
            }
            Map<String, Object> ending = new HashMap<>();
            ending.put("token", TOKEN);
            ending.put("previous", running);
            ending.put("release", id == null);
            session.run("""
                    OPTIONAL MATCH (i:Import {id: $previous})
                    DETACH DELETE i
                    WITH count(*) AS ended
                    MATCH (l:ImportLease {id: 'imports'}) WHERE $release AND l.token = $token
                    SET l.owner = null, l.token = null, l.expiresAt = null
                    """, ending).consume();
        }
        running = id;
    }

    /** Ends the change still running, lets the lease go, and lets the start-up loads be. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (writer != null) {
            writer.join();
        }
        replaceChange(false);
        graph.aroundStartupLoads(() -> {
        }, () -> {
        });
    }
}
