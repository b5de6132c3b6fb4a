package com.journeyexplorer.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.Journey;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.config.JourneysProperties;

/**
 * The write side of the journey graph: applies one import at a time to Neo4j and then to the in-memory projection.
 * Neo4j is the system of record: the projection is swapped only after every write has committed, and a failed write
 * is undone from the previous versions the changes carry, so a failure leaves both as they were.
 */
@Service
public class JourneyGraph {

    private static final Logger log = LoggerFactory.getLogger(JourneyGraph.class);

    private final JourneyStore store;
    private final JourneyProjection projection;
    private final int batchSize;
    private final ReentrantLock writeLock = new ReentrantLock();

    JourneyGraph(JourneyStore store, JourneyProjection projection, JourneysProperties properties) {
        this.store = store;
        this.projection = projection;
        this.batchSize = properties.neo4j().writeBatchSize();
    }

    /** Progress of a long write: journeys written so far out of the total. */
    @FunctionalInterface
    public interface WriteProgress {
        void written(long journeys, long total);

        WriteProgress NONE = (journeys, total) -> {
        };
    }

    /**
     * Plans changes against the current snapshot and applies them, with imports serialized: {@code planner} sees the
     * snapshot that its changes will be applied to.
     */
    public <R> R update(Function<JourneySnapshot, JourneyChanges> planner,
            java.util.function.BiFunction<JourneyChanges, JourneySnapshot, R> result, WriteProgress progress) {
        writeLock.lock();
        try {
            JourneySnapshot before = projection.current();
            JourneyChanges changes = planner.apply(before);
            JourneySnapshot after = changes.isEmpty() ? before
                    : before.withChanges(changes.touchpoints(), changes.upserts(), changes.removals());
            if (!changes.isEmpty()) {
                write(changes, before, after, progress);
                projection.replace(after);
            }
            return result.apply(changes, after);
        } finally {
            writeLock.unlock();
        }
    }

    private void write(JourneyChanges changes, JourneySnapshot before, JourneySnapshot after, WriteProgress progress) {
        long started = System.nanoTime();
        try {
            store.writeTouchpoints(changes.changedTouchpoints());
            List<Journey> upserts = changes.upserts();
            for (int from = 0; from < upserts.size(); from += batchSize) {
                List<Journey> batch = upserts.subList(from, Math.min(upserts.size(), from + batchSize));
                Set<String> replaced = new HashSet<>();
                for (Journey journey : batch) {
                    if (changes.previousVersions().containsKey(journey.id())) {
                        replaced.add(journey.id());
                    }
                }
                store.writeJourneys(batch, replaced, changes.touchpoints());
                progress.written(from + batch.size(), upserts.size());
            }
            store.deleteJourneys(changes.removals());
            long journeysWritten = System.nanoTime();
            store.writeTransitions(TransitionTable.of(after, journey -> true, false), after.touchpoints());
            log.info("Wrote {} journeys in {} ms and the aggregated transitions in {} ms", upserts.size(),
                    (journeysWritten - started) / 1_000_000, (System.nanoTime() - journeysWritten) / 1_000_000);
        } catch (RuntimeException failure) {
            log.warn("Write failed; undoing the journeys written so far", failure);
            undo(changes, before);
            throw new GraphWriteException("the database could not store the import; nothing was changed", failure);
        }
    }

    private void undo(JourneyChanges changes, JourneySnapshot before) {
        try {
            List<String> created = changes.upserts().stream().map(Journey::id)
                    .filter(id -> !changes.previousVersions().containsKey(id)).toList();
            store.deleteJourneys(created);
            List<Journey> previous = List.copyOf(changes.previousVersions().values());
            for (int from = 0; from < previous.size(); from += batchSize) {
                List<Journey> batch = previous.subList(from, Math.min(previous.size(), from + batchSize));
                store.writeJourneys(batch, batch.stream().map(Journey::id).toList(), before.touchpoints());
            }
            store.deleteTouchpointsFrom(before.touchpoints().size());
            store.writeTouchpoints(before.touchpoints());
            store.writeTransitions(TransitionTable.of(before, journey -> true, false), before.touchpoints());
        } catch (RuntimeException undoFailure) {
            log.error("Undo failed too: the database may differ from the projection until the next restart",
                    undoFailure);
        }
    }

    /** Creates the schema and loads the projection from Neo4j; called once at start-up. */
    public JourneySnapshot loadProjection() {
        writeLock.lock();
        try {
            store.applySchema();
            long started = System.nanoTime();
            JourneyStore.LoadedGraph graph = store.load();
            JourneySnapshot snapshot = new JourneySnapshot(graph.touchpoints(), graph.journeys(), 1);
            projection.replace(snapshot);
            log.info("Loaded {} journeys ({} events, {} touchpoints) from Neo4j in {} ms", snapshot.journeyCount(),
                    snapshot.eventCount(), snapshot.touchpoints().size(), (System.nanoTime() - started) / 1_000_000);
            return snapshot;
        } finally {
            writeLock.unlock();
        }
    }
}
