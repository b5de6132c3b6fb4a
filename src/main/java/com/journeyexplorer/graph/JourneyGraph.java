package com.journeyexplorer.graph;

import java.util.HashSet;
import java.util.UUID;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.Journey;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.OpenJourneys;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.config.JourneysProperties;

/**
 * The write side of the journey graph: applies one import at a time to Neo4j and then to the in-memory projection.
 * Neo4j is the system of record: the projection is swapped only after every write has committed. Each import is
 * journaled as an {@code (:Import)} node holding the versions it replaces; a failed write is rolled back from them at
 * once, and an import that a killed process left unfinished is rolled back at the next start, so an import is
 * either entirely there or not at all.
 */
@Service
public class JourneyGraph {

    private static final Logger log = LoggerFactory.getLogger(JourneyGraph.class);
    private static final long PROGRESS_LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final JourneyStore store;
    private final JourneyProjection projection;
    private final int batchSize;
    private final long openHorizon;
    private final ReentrantLock writeLock = new ReentrantLock();

    JourneyGraph(JourneyStore store, JourneyProjection projection, JourneysProperties properties) {
        this.store = store;
        this.projection = projection;
        this.batchSize = properties.neo4j().writeBatchSize();
        this.openHorizon = properties.openHorizon().toMillis();
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
            // The latest event moves with the data: which journeys are open is derived anew for every snapshot.
            JourneySnapshot after = changes.isEmpty() ? before
                    : OpenJourneys.apply(before.withChanges(changes.touchpoints(), changes.upserts(),
                            changes.removals()), openHorizon);
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
        String importId = UUID.randomUUID().toString();
        store.beginImport(importId, changes.upserts().size(), changes.newEvents());
        try {
            store.stashPreviousVersions(importId, changes.previousVersions().values(), before.touchpoints(),
                    batchSize);
            store.writeTouchpoints(changes.changedTouchpoints(), importId);
            List<Journey> upserts = changes.upserts();
            long lastProgressLog = System.nanoTime();
            for (int from = 0; from < upserts.size(); from += batchSize) {
                List<Journey> batch = upserts.subList(from, Math.min(upserts.size(), from + batchSize));
                Set<String> replaced = new HashSet<>();
                for (Journey journey : batch) {
                    if (changes.previousVersions().containsKey(journey.id())) {
                        replaced.add(journey.id());
                    }
                }
                store.writeJourneys(batch, replaced, changes.touchpoints(), importId);
                progress.written(from + batch.size(), upserts.size());
                // A line every few seconds: a large import has thousands of batches.
                boolean last = from + batch.size() == upserts.size();
                if (upserts.size() > batchSize
                        && (last || System.nanoTime() - lastProgressLog > PROGRESS_LOG_INTERVAL_NANOS)) {
                    lastProgressLog = System.nanoTime();
                    log.info("Import {}: {} of {} journeys written", importId, from + batch.size(), upserts.size());
                }
            }
            store.deleteJourneys(changes.removals());
            long journeysWritten = System.nanoTime();
            store.writeTransitions(TransitionTable.of(after, journey -> true, true), after.touchpoints());
            store.finishImport(importId, "done");
            log.info("Import {}: wrote {} journeys in {} ms and the aggregated transitions in {} ms", importId,
                    upserts.size(), (journeysWritten - started) / 1_000_000,
                    (System.nanoTime() - journeysWritten) / 1_000_000);
        } catch (RuntimeException failure) {
            log.warn("Import {} failed; undoing what it wrote", importId, failure);
            undo(importId, before);
            throw new GraphWriteException("the database could not store the import; nothing was changed", failure);
        }
    }

    private void undo(String importId, JourneySnapshot before) {
        try {
            store.rollBack(importId, batchSize);
            store.writeTouchpoints(before.touchpoints(), importId + "-undo");
            store.writeTransitions(TransitionTable.of(before, journey -> true, true), before.touchpoints());
        } catch (RuntimeException undoFailure) {
            log.error("Undoing import {} failed too; it will be rolled back at the next start", importId,
                    undoFailure);
        }
    }

    /** Creates the schema and loads the projection from Neo4j; called once at start-up. */
    public JourneySnapshot loadProjection() {
        writeLock.lock();
        try {
            store.applySchema();
            store.migrateStepChains();
            long started = System.nanoTime();
            List<String> unfinished = store.unfinishedImports();
            for (String importId : unfinished) {
                log.warn("Import {} did not finish (the app stopped during it): rolling it back", importId);
                store.rollBack(importId, batchSize);
            }
            for (String importId : store.importsWithLeftoverVersions()) {
                store.dropPreviousVersions(importId);
            }
            JourneyStore.LoadedGraph graph = store.load();
            JourneySnapshot snapshot = OpenJourneys.apply(
                    new JourneySnapshot(graph.touchpoints(), graph.journeys(), 1), openHorizon);
            if (!unfinished.isEmpty()) {
                store.writeTransitions(TransitionTable.of(snapshot, journey -> true, true), snapshot.touchpoints());
            }
            projection.replace(snapshot);
            log.info("Loaded {} journeys ({} events, {} touchpoints) from Neo4j in {} ms", snapshot.journeyCount(),
                    snapshot.eventCount(), snapshot.touchpoints().size(), (System.nanoTime() - started) / 1_000_000);
            return snapshot;
        } finally {
            writeLock.unlock();
        }
    }
}
