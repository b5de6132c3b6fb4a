package com.journeyexplorer.graph;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;

/**
 * Another instance whose writes never pause, as the journal and the imports lease show them: each start-up load of
 * the projection is overlapped by a change of it, begun once the load has read the journeys (a running entry under
 * its live lease) and ended when the next load begins. {@link #install} makes {@code graph}'s start-up loads meet it
 * for their first {@code changes} loads; {@link #loads} counts them.
 */
final class OtherInstanceChanges implements AutoCloseable {

    private static final String TOKEN = "other-instance-token";

    private final Driver driver;
    private final JourneyGraph graph;
    private final int changes;
    private final AtomicInteger loads = new AtomicInteger();
    private String running;

    private OtherInstanceChanges(Driver driver, JourneyGraph graph, int changes) {
        this.driver = driver;
        this.graph = graph;
        this.changes = changes;
    }

    static OtherInstanceChanges install(Driver driver, JourneyGraph graph, int changes) {
        OtherInstanceChanges other = new OtherInstanceChanges(driver, graph, changes);
        graph.aroundStartupLoads(other::endChange, () -> {
            if (other.loads.incrementAndGet() <= changes) {
                other.beginChange();
            }
        });
        return other;
    }

    /** The start-up loads that read the journeys since {@link #install}. */
    int loads() {
        return loads.get();
    }

    private void beginChange() {
        running = "other-change-" + loads.get();
        try (var session = driver.session()) {
            session.run("""
                    MERGE (l:ImportLease {id: 'imports'})
                    SET l.owner = 'other-instance', l.token = $token,
                        l.expiresAt = datetime.realtime().epochMillis + 600000
                    CREATE (:Import {id: $id, kind: 'import', status: 'running', lease: $token,
                                     instance: 'other-instance', startedAt: datetime()})
                    """, Map.of("token", TOKEN, "id", running)).consume();
        }
    }

    private void endChange() {
        if (running == null) {
            return;
        }
        try (var session = driver.session()) {
            session.run("""
                    MATCH (i:Import {id: $id}) DETACH DELETE i
                    WITH count(*) AS ended
                    MATCH (l:ImportLease {id: 'imports'}) WHERE l.token = $token
                    SET l.owner = null, l.token = null, l.expiresAt = null
                    """, Map.of("token", TOKEN, "id", running)).consume();
        }
        running = null;
    }

    /** Ends the change still running, and lets the start-up loads be. */
    @Override
    public void close() {
        endChange();
        graph.aroundStartupLoads(() -> {
        }, () -> {
        });
    }
}
