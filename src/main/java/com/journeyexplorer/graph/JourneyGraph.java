package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.OpenJourneys;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The write side of the journey graph: applies one import (or other change of the stored journeys) at a time to Neo4j
 * and then to the in-memory projection. Neo4j is the system of record: the projection is swapped only after every write
 * has committed. Each change is journaled as an {@code (:Import)} node holding the versions it replaces; a failed write
 * is rolled back from them at once, and a change that a killed process left unfinished is rolled back at the next
 * start, so a change is either entirely there or not at all. A finished entry keeps those versions, so that it can be
 * undone later ({@link #undo}); see docs/adr/0006-journal-undo-and-erasure.md.
 *
 * <p>The Neo4j work is done by one class per job: {@link StoreSchema} (schema and migration at start-up),
 * {@link StoreLoader} (reading the store into the projection), {@link JourneyWrites} (journeys and touchpoints, with
 * {@link EmbeddedJourneyWriter}), {@link TransitionWriter} (the aggregated TRANSITION graph) and {@link ImportJournal}
 * (the journal and rollback); {@link JourneyProperties} is the mapping between the domain model and what is stored.
 */
@Service
public class JourneyGraph {

    private static final Logger log = LoggerFactory.getLogger(JourneyGraph.class);
    private static final long PROGRESS_LOG_INTERVAL_NANOS = 5_000_000_000L;
    /** Entries whose change records a write drops at most: more than writes add, a short transaction. */
    private static final int CHANGES_DROPPED_PER_WRITE = 100;
    /**
     * Entries a write makes permanent at most, and the copies it deletes for them at most (unless the oldest alone has
     * more): a write adds one entry, so a backlog (a retention just lowered) goes over a few writes without holding
     * the lease for long after any one.
     */
    private static final int ENTRIES_MADE_PERMANENT_PER_WRITE = 100;
    private static final long COPIES_DROPPED_PER_WRITE = 100_000;
    /**
     * Loads of the projection at start-up at most while other instances' changes overlap each one (writes that do not
     * pause): then the instance starts with the last load and the journal follower catches up.
     */
    static final int MAX_STARTUP_LOADS = 5;

    private final StoreSchema schema;
    private final StoreLoader loader;
    private final JourneyWrites writes;
    private final TransitionWriter transitions;
    private final ImportJournal importJournal;
    private final JourneyProjection projection;
    private final FeedbackGraph feedback;
    private final ImportLease lease;
    private final WriteMetrics metrics;
    private final int batchSize;
    private final long openHorizon;
    private final java.time.Duration changeRetention;
    private final java.time.Duration undoRetention;
    private final boolean following;
    /** Test seams: run when a start-up load begins, and once it has read the journeys. */
    private volatile Runnable beforeStartupLoad = () -> {
    };
    private volatile Runnable afterStartupLoad = () -> {
    };
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * Derives the next snapshot of a change while its journeys are written (one change at a time: the write lock); its
     * thread ends after a minute without changes.
     */
    private final ThreadPoolExecutor derivations = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "journey-derivation");
                thread.setDaemon(true);
                return thread;
            });
    /** The journal position the projection reflects: every entry up to this sequence number is applied. */
    private volatile long applied;
    /** The journal head as last read by this instance (at start, by a write or by the follower). */
    private volatile long seenHead;
    /** Guards waits for {@link #applied} to reach a position. */
    private final Object appliedChanged = new Object();
    /** Entries this instance wrote and published, not yet passed by {@link #applied}; under the write lock. */
    private final Set<String> ownEntries = new HashSet<>();
    /** Whether the last look at the journal found the imports lease expired: a holder may have died. */
    private volatile boolean leaseExpired;
    /** Whether a write of this instance is writing ({@link #watched}); under the write lock. */
    private volatile boolean writing;
    /** When it began (System.nanoTime()). */
    private volatile long writingSince;

    JourneyGraph(StoreSchema schema, StoreLoader loader, JourneyWrites writes, TransitionWriter transitions,
            ImportJournal importJournal, JourneyProjection projection, FeedbackGraph feedback, ImportLease lease,
            WriteMetrics metrics, JourneysProperties properties) {
        this.feedback = feedback;
        this.metrics = metrics;
        this.lease = lease;
        this.schema = schema;
        this.loader = loader;
        this.writes = writes;
        this.transitions = transitions;
        this.importJournal = importJournal;
        this.projection = projection;
        this.batchSize = properties.neo4j().writeBatchSize();
        this.openHorizon = properties.openHorizon().toMillis();
        this.changeRetention = properties.instance().changeRetention();
        this.undoRetention = properties.journal().undoRetention();
        this.following = !properties.instance().followInterval().isZero();
        derivations.allowCoreThreadTimeOut(true);
    }

    /** Progress of a long write: journeys written so far out of the total. */
    @FunctionalInterface
    public interface WriteProgress {
        void written(long journeys, long total);

        /**
         * The write waits for the imports lease, which instance {@code holder} holds (told at every look while it
         * waits, every 50 ms): another instance, or this one while another of its writes runs; null once the wait is
         * over and the write goes on. An exception thrown here ends the wait, and the write with it, before anything
         * is written.
         */
        default void waitingFor(String holder) {
        }

        WriteProgress NONE = (journeys, total) -> {
        };
    }

    /** What a change returns, once applied: built from the changes, the snapshot after them and the entry's id. */
    @FunctionalInterface
    public interface Applied<R> {
        R apply(JourneyChanges changes, JourneySnapshot after, String importId);
    }

    /**
     * What an import with survey answers returns, once applied: as {@link Applied}, also told what became of the
     * answers (stored under the import's entry, or already stored).
     */
    @FunctionalInterface
    public interface Answered<R> {
        R apply(JourneyChanges changes, JourneySnapshot after, String importId, FeedbackGraph.Added answers);
    }

    /** How a change is journaled: its kind, the entry it undoes, the customer it erases. */
    private record Journal(String kind, String undoes, String erasedCustomer) {

        static final Journal IMPORT = new Journal("import", null, null);
    }

    /**
     * Plans changes against the current snapshot and applies them, with imports serialized across every instance on
     * the database (the imports lease, {@link ImportLease}): {@code planner} sees the snapshot that its changes will be
     * applied to, caught up with every entry finished through any instance.
     *
     * @throws ImportsBusyException when another instance held the lease for longer than
     *                              {@code journeys.instance.import-wait}; nothing was changed
     */
    public <R> R update(Function<JourneySnapshot, JourneyChanges> planner,
            java.util.function.BiFunction<JourneyChanges, JourneySnapshot, R> result, WriteProgress progress) {
        return update(Journal.IMPORT, planner, (changes, after, importId) -> result.apply(changes, after), progress);
    }

    /** As {@link #update(Function, java.util.function.BiFunction, WriteProgress)}, the result also told the entry id. */
    public <R> R update(Function<JourneySnapshot, JourneyChanges> planner, Applied<R> result,
            WriteProgress progress) {
        return update(Journal.IMPORT, planner, result, progress);
    }

    /**
     * As {@link #update(Function, Applied, WriteProgress)}, with survey answers given on the imported rows:
     * {@code answers} joins them to the snapshot after the change, and they are stored in the same journal entry,
     * after the journeys and before the entry is finished, so that they are all or nothing with the journeys (a
     * failure or a restart after a crash rolls them back with the journeys, and an undo of the entry deletes them).
     * Answers already stored are skipped; an import whose journeys are all stored but that brings new answers is an
     * entry too.
     */
    public <R> R update(Function<JourneySnapshot, JourneyChanges> planner,
            Function<JourneySnapshot, List<SurveyResponse>> answers, Answered<R> result, WriteProgress progress) {
        return update(Journal.IMPORT, planner, answers, result, progress);
    }

    /**
     * Applies a change of the stored journeys that is not an import (outcome rules, touchpoint metadata), journaled
     * under {@code kind} like an import: all or nothing, and undoable.
     */
    public <R> R change(String kind, Function<JourneySnapshot, JourneyChanges> planner, Applied<R> result) {
        return update(new Journal(kind, null, null), planner, result, WriteProgress.NONE);
    }

    private <R> R update(Journal journal, Function<JourneySnapshot, JourneyChanges> planner, Applied<R> result,
            WriteProgress progress) {
        return update(journal, planner, after -> List.of(),
                (changes, after, importId, answers) -> result.apply(changes, after, importId), progress);
    }

    private <R> R update(Journal journal, Function<JourneySnapshot, JourneyChanges> planner,
            Function<JourneySnapshot, List<SurveyResponse>> answersOf, Answered<R> result, WriteProgress progress) {
        try (ImportLease.Held held = lease.acquire(progress::waitingFor)) {
            writeLock.lock();
            try {
                rollBackOrphans(held);
                return updateUnderLease(journal, planner, answersOf, result, progress);
            } finally {
                writeLock.unlock();
            }
        }
    }

    /**
     * Stores survey responses (those whose ids are new) as a {@code feedback} entry, under the imports lease and
     * caught up with the journal first, so that a response another instance stored is known and skipped. Like every
     * journaled write, one that stored answers then drops the journal's records past their retentions.
     */
    public FeedbackGraph.Added addResponses(List<SurveyResponse> candidates) {
        try (ImportLease.Held held = lease.acquire()) {
            writeLock.lock();
            try {
                rollBackOrphans(held);
                followJournal();
                long started = System.nanoTime();
                FeedbackGraph.Added added = watched(() -> feedback.add(candidates));
                if (added.importId() != null) {
                    // FeedbackGraph keeps its own entries for the follower to skip (rolled-back ones too).
                    metrics.record("feedback", 0, 0, added.stored().size(), System.nanoTime() - started);
                    followJournal();
                    dropExpiredRecords();
                }
                return added;
            } finally {
                writeLock.unlock();
            }
        }
    }

    /**
     * What every journaled write does last, under the lease it holds (an import, a change, an undo, an erasure, a
     * feedback import): drops what the journal keeps past its retentions, the change records and the undo copies.
     * O(a bounded number of entries) index reads, nothing written when none is old.
     */
    private void dropExpiredRecords() {
        dropOldChanges();
        dropOldCopies();
    }

    /**
     * Drops the change records of entries older than {@code journeys.instance.change-retention}, a bounded number per
     * write (under the lease, after the write is published). A failure is logged: the records are dropped by a later
     * write.
     */
    private void dropOldChanges() {
        if (changeRetention.isZero()) {
            return;
        }
        try {
            importJournal.dropOldChanges(changeRetention, CHANGES_DROPPED_PER_WRITE);
        } catch (RuntimeException e) {
            log.warn("Could not drop old change records of the journal: {}", e.getMessage());
        }
    }

    /**
     * Drops the copies of entries finished longer than {@code journeys.journal.undo-retention} ago, which can then no
     * longer be undone; a bounded number per write, under the lease, after the write is published. After each write
     * rather than on a timer: only writes add copies, and they hold the lease already. A failure is logged: a later
     * write drops them.
     */
    private void dropOldCopies() {
        if (undoRetention.isZero()) {
            return;
        }
        try {
            List<String> permanent = importJournal.dropOldCopies(undoRetention, ENTRIES_MADE_PERMANENT_PER_WRITE,
                    COPIES_DROPPED_PER_WRITE);
            if (!permanent.isEmpty()) {
                log.info("{} journal entries finished more than {} ago can no longer be undone; their copies are "
                        + "dropped (journeys.journal.undo-retention)", permanent.size(), durationText(undoRetention));
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop the old copies of the journal: {}", e.getMessage());
        }
    }

    /** A duration as the settings write it: {@code 90d}, {@code 12h}, {@code 30m}, {@code 10s}, {@code 500ms}. */
    static String durationText(java.time.Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0";
        }
        for (var unit : List.of(Map.entry(86_400_000L, "d"), Map.entry(3_600_000L, "h"), Map.entry(60_000L, "m"),
                Map.entry(1_000L, "s"))) {
            if (millis % unit.getKey() == 0) {
                return millis / unit.getKey() + unit.getValue();
            }
        }
        return millis + "ms";
    }

    /**
     * Rolls back the journal entries a lease holder that is gone left unfinished (it died, or was cut off past its
     * lease), publishes each rollback through the journal so that every instance applies it, and rewrites the
     * aggregated TRANSITION graph, which the dead holder may have updated (O(journeys), once per such takeover).
     * Under the lease and the write lock; nothing to do, and no cost, when there are none.
     */
    private void rollBackOrphans(ImportLease.Held held) {
        if (held.orphans().isEmpty()) {
            return;
        }
        watched(() -> {
            for (String importId : held.orphans()) {
                log.warn("Rolling back entry {}, which {} left unfinished", importId,
                        held.previousOwner() == null ? "this instance" : "instance " + held.previousOwner());
                importJournal.rollBack(importId, batchSize);
            }
            return null;
        });
        // Reads, which may reload the projection (O(journeys)): not a write that could stall.
        followJournal();
        watched(() -> {
            transitions.rewrite(projection.current());
            return null;
        });
    }

    /**
     * Runs a write of this instance (its database work), so that one that goes for too long without a write
     * transaction of it reaching its end shows ({@link #writeStalledMillis}). Under the write lock; a write within one
     * is part of it.
     */
    private <T> T watched(java.util.function.Supplier<T> write) {
        if (writing) {
            return write.get();
        }
        writingSince = System.nanoTime();
        writing = true;
        try {
            return write.get();
        } finally {
            writing = false;
        }
    }

    /**
     * How long the write of this instance that is running has gone without a write transaction of it reaching its
     * end (or since it began), in milliseconds; 0 while none runs. A write stuck on a database that does not answer
     * any more grows it without bound; one that works keeps it to the time of one transaction (plus the CPU work
     * between two, small beside it). Planning a change (reading an upload) is not a write.
     */
    public long writeStalledMillis() {
        if (!writing) {
            return 0;
        }
        long since = writingSince;
        long fenced = lease.lastFenced();
        if (fenced - since > 0) {
            since = fenced;
        }
        return Math.max(0, (System.nanoTime() - since) / 1_000_000);
    }

    private <R> R updateUnderLease(Journal journal, Function<JourneySnapshot, JourneyChanges> planner,
            Function<JourneySnapshot, List<SurveyResponse>> answersOf, Answered<R> result, WriteProgress progress) {
        // Plans against what every instance has finished, not only this one.
        followJournal();
        long started = System.nanoTime();
        JourneySnapshot before = projection.current();
        JourneyChanges changes = planner.apply(before);
        long planned = System.nanoTime();
        if (changes.isEmpty()) {
            List<SurveyResponse> answers = answersOf.apply(before);
            FeedbackGraph.Added added = new FeedbackGraph.Added(null, List.of(), answers.size(),
                    feedback.responses().size());
            String importId = null;
            if (journal.undoes() != null || journal.erasedCustomer() != null || feedback.hasNew(answers)) {
                Written written = write(journal, changes, before,
                        CompletableFuture.completedFuture(new Derived(before, Set.of(), null, planned)),
                        snapshot -> answers, progress);
                importId = written.importId();
                added = written.answers() != null ? written.answers() : added;
                publish(importId, before, started, planned, written.derived());
                metrics.record(journal.kind(), 0, 0, added.stored().size(), System.nanoTime() - started);
                dropExpiredRecords();
            }
            return result.apply(changes, before, importId, added);
        }
        // The next snapshot (open statuses, copies of the lists) and, for a large change, the count of its
        // TRANSITION graph are CPU work that the journey writes do not need: they run on the second core while
        // the journeys are written, and are joined before the TRANSITION graph and the answers, which need them.
        boolean rewriteTransitions = transitions.rewritesAfter(before);
        int responsesBefore = feedback.responses().size();
        CompletableFuture<Derived> derivation = CompletableFuture.supplyAsync(
                () -> derive(before, changes, rewriteTransitions), derivations);
        Written written;
        try {
            written = write(journal, changes, before, derivation, answersOf, progress);
        } finally {
            // Not left running when the write failed: the next change must not compete with it.
            derivation.handle((derived, failure) -> null).join();
        }
        Derived derived = written.derived();
        publish(written.importId(), derived.after(), started, planned, derived);
        metrics.record(journal.kind(), changes.upserts().size(), changes.newEvents(),
                written.answers() == null ? 0 : written.answers().stored().size(), System.nanoTime() - started);
        dropExpiredRecords();
        FeedbackGraph.Added added = written.answers() != null ? written.answers()
                : new FeedbackGraph.Added(null, List.of(), written.answerCount(), responsesBefore);
        return result.apply(changes, derived.after(), written.importId(), added);
    }

    /**
     * The snapshot after a change, the ids of the journeys it changed (written, removed, or whose open status moved),
     * and, when the TRANSITION graph is rewritten, the count of the snapshot's transitions; {@code done}: when it was
     * derived, for the log.
     */
    private record Derived(JourneySnapshot after, Set<String> changed, TransitionLedger transitions, long done) {
    }

    private Derived derive(JourneySnapshot before, JourneyChanges changes, boolean rewriteTransitions) {
        // The latest event moves with the data: which journeys are open is derived anew for every snapshot.
        OpenJourneys.Changed next = OpenJourneys.applyChanges(before, changes.touchpoints(), changes.upserts(),
                changes.removals(), openHorizon);
        JourneySnapshot after = next.snapshot();
        Set<String> changed = new HashSet<>(next.statusMoved());
        for (Journey journey : changes.upserts()) {
            changed.add(journey.id());
        }
        changed.addAll(changes.removals());
        TransitionLedger counted = rewriteTransitions || TransitionWriter.rewrites(after, changed)
                ? TransitionLedger.of(after.journeys()) : null;
        return new Derived(after, changed, counted, System.nanoTime());
    }

    private void publish(String importId, JourneySnapshot after, long started, long planned, Derived derived) {
        projection.replace(after);
        ownEntries.add(importId);
        log.info("Change {}: planned in {} ms, next snapshot derived (beside the writes) in {} ms, written and "
                + "published in {} ms", importId, (planned - started) / 1_000_000,
                (derived.done() - planned) / 1_000_000, (System.nanoTime() - planned) / 1_000_000);
        // Passes this entry, and applies those other instances finished meanwhile.
        followJournal();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Undoes a finished journal entry: the journeys it created are deleted, the versions it replaced or removed are
     * put back (keeping the id of the entry that wrote them), and the touchpoint metadata it changed is restored; of a
     * {@code feedback} entry, the survey responses it stored (and not erased since) are deleted. Journaled itself as
     * an {@code undo} entry. Refused while later entries changed what it wrote: undo those first.
     *
     * @throws NotStoredException     when there is no such entry
     * @throws UndoConflictException  when it cannot be undone; nothing is changed
     * @throws UndoExpiredException   when it finished longer than {@code journeys.journal.undo-retention} ago (or
     *                                its copies were dropped under a shorter one), even before a write dropped
     *                                them; nothing is changed
     */
    public <R> R undo(String importId, Applied<R> result) {
        return update(new Journal("undo", importId, null), before -> planUndo(importId, before), result,
                WriteProgress.NONE);
    }

    private JourneyChanges planUndo(String importId, JourneySnapshot before) {
        ImportEntry entry = importJournal.importEntry(importId, undoRetention)
                .orElseThrow(() -> new NotStoredException("import", importId));
        if (entry.kind().equals("undo") || entry.kind().equals("erasure")) {
            throw new UndoConflictException(importId, "Entry '" + importId + "' is an " + entry.kind()
                    + (entry.kind().equals("undo") ? "; import the data again instead of undoing an undo"
                            : ", which cannot be undone"), List.of());
        }
        if (!entry.status().equals("done")) {
            // An undone entry names its undo, which the client may have lost track of (two tabs, a retried request).
            String by = entry.undoneBy() == null ? "" : " by entry '" + entry.undoneBy() + "'";
            throw new UndoConflictException(importId, "Import '" + importId + "' is " + entry.status() + by
                    + "; only a finished import can be undone", List.of());
        }
        if (!entry.undoable()) {
            // Done, and neither an undo nor an erasure: older than the retention, whether or not a write has dropped
            // its copies yet.
            String retention = durationText(undoRetention);
            throw new UndoExpiredException(importId, "Entry '" + importId + "' finished at " + entry.finishedAt()
                    + " and can no longer be undone: the journal keeps the copies that would undo an entry for "
                    + "journeys.journal.undo-retention (" + (undoRetention.isZero()
                            ? "0, for ever now; this entry's were dropped under a shorter setting" : retention)
                    + ") after it finished", retention);
        }
        List<String> later = importJournal.laterChanges(importId);
        if (!later.isEmpty()) {
            throw new UndoConflictException(importId, "Later imports changed journeys or touchpoints that import '"
                    + importId + "' wrote; undo them first (newest first): " + String.join(", ", later), later);
        }
        Map<String, Touchpoint> previousMetadata = importJournal.previousTouchpoints(importId);
        List<Touchpoint> touchpoints = new ArrayList<>(before.touchpoints());
        List<Touchpoint> changedTouchpoints = new ArrayList<>();
        for (int i = 0; i < touchpoints.size(); i++) {
            Touchpoint current = touchpoints.get(i);
            Touchpoint previous = previousMetadata.get(current.name());
            if (previous != null) {
                Touchpoint restored = new Touchpoint(current.id(), current.name(), previous.channel(),
                        previous.stage(), previous.owner());
                touchpoints.set(i, restored);
                changedTouchpoints.add(restored);
            }
        }
        List<String> removals = new ArrayList<>();
        Map<String, Journey> replaced = new HashMap<>();
        for (String id : importJournal.journeysCreatedBy(importId)) {
            before.journey(id).ifPresent(journey -> {
                removals.add(id);
                replaced.put(id, journey);
            });
        }
        ImportJournal.VersionsBefore previous = importJournal.previousVersions(importId, touchpoints);
        int recreated = 0;
        for (Journey journey : previous.journeys()) {
            Journey current = before.journey(journey.id()).orElse(null);
            if (current == null) {
                recreated++;
            } else {
                replaced.put(journey.id(), current);
            }
        }
        final int kept = touchpointsKept(before, touchpoints, removals, previous.journeys(),
                unvisited -> importJournal.touchpointsCreatedByUndone(importId, unvisited));
        changedTouchpoints.removeIf(touchpoint -> touchpoint.id() >= kept);
        // The events put back: what the undone entry took out, as the events it added are what this takes out.
        long restoredEvents = JourneyChanges.eventsAdded(replaced, previous.journeys());
        return new JourneyChanges(List.copyOf(touchpoints.subList(0, kept)), changedTouchpoints, previous.journeys(),
                removals, replaced, restoredEvents, 0, recreated, previous.journeys().size() - recreated,
                previous.writtenBy());
    }

    /**
     * How many touchpoints stay after an undo: those the undone entry created, or an entry undone before it, go too
     * when no journey visits them any more and they are the last ones (touchpoint ids are list positions, stable for
     * the life of the data set, so only the tail can go). So undoing imports in any order leaves the touchpoints as
     * they were before them once all are undone: a touchpoint that an undone import created but a later one still
     * visited goes with the later one's undo.
     *
     * @param createdByUndone of the names of the unvisited touchpoints at the end of the list, those the undone entry
     *                        or an entry undone before it created
     */
    private static int touchpointsKept(JourneySnapshot before, List<Touchpoint> touchpoints, List<String> removals,
            List<Journey> restored, Function<List<String>, Set<String>> createdByUndone) {
        int kept = touchpoints.size();
        if (kept == 0 || createdByUndone.apply(List.of(touchpoints.get(kept - 1).name())).isEmpty()) {
            // The last touchpoint stays, and only the tail can go: nothing does, without a pass over the journeys.
            return kept;
        }
        boolean[] visited = new boolean[touchpoints.size()];
        Set<String> replacedIds = new HashSet<>(removals);
        for (Journey journey : restored) {
            replacedIds.add(journey.id());
            markVisited(journey, visited);
        }
        for (Journey journey : before.journeys()) {
            if (!replacedIds.contains(journey.id())) {
                markVisited(journey, visited);
            }
        }
        List<String> unvisited = unvisitedTail(touchpoints, visited);
        Set<String> created = createdByUndone.apply(unvisited);
        while (kept > 0 && !visited[kept - 1] && created.contains(touchpoints.get(kept - 1).name())) {
            kept--;
        }
        return kept;
    }

    private static void markVisited(Journey journey, boolean[] visited) {
        for (int step : journey.steps()) {
            visited[step] = true;
        }
    }

    /** The names of the touchpoints at the end of the list that nothing {@code visited}, from the last one back. */
    private static List<String> unvisitedTail(List<Touchpoint> touchpoints, boolean[] visited) {
        List<String> unvisited = new ArrayList<>();
        for (int id = touchpoints.size() - 1; id >= 0 && !visited[id]; id--) {
            unvisited.add(touchpoints.get(id).name());
        }
        return unvisited;
    }

    /**
     * What an erasure returns, once applied: as {@link Applied}, also told how many copies the journal held and how
     * many touchpoints went with the customer's journeys.
     */
    @FunctionalInterface
    public interface Erased<R> {
        R apply(JourneyChanges changes, JourneySnapshot after, String importId, long copies, int touchpoints);
    }

    /**
     * Erases every journey of a customer (the right to erasure), journaled as an {@code erasure} entry that keeps no
     * copy of them once it has committed, and deletes the other versions of them that the journal kept (older ones
     * under earlier entries, those from before the journey had a customer id included; removed ones under undo
     * entries) and the customer's survey responses (by customer id, or joined to one of the erased journeys). A
     * customer whose journeys were all undone has copies alone. The touchpoints that nothing refers to any more go too
     * (see {@link #touchpointsAfterErasure}): one that only the customer visited names what they did.
     *
     * @param customerId the id as stored: imports strip surrounding spaces
     * @throws NotStoredException when neither a stored journey, a copy in the journal nor a stored response has that
     *                            customer id
     * @throws IllegalArgumentException when the id is blank, which would name every journey without a customer
     */
    public <R> R erase(String customerId, Erased<R> result) {
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("A blank customer id names no customer");
        }
        AtomicLong copies = new AtomicLong();
        AtomicLong touchpointsErased = new AtomicLong();
        return update(new Journal("erasure", null, customerId), before -> {
            List<String> removals = new ArrayList<>();
            Map<String, Journey> replaced = new HashMap<>();
            for (Journey journey : before.journeys()) {
                if (journey.hasCustomer(customerId)) {
                    removals.add(journey.id());
                    replaced.put(journey.id(), journey);
                }
            }
            // Under the lease: no entry adds or drops copies until this one has finished.
            copies.set(importJournal.copiesOf(customerId, removals));
            if (removals.isEmpty() && copies.get() == 0 && !feedback.hasCustomer(customerId)) {
                throw new NotStoredException("customer", customerId);
            }
            List<Touchpoint> touchpoints = touchpointsAfterErasure(before, customerId, removals);
            // Those deleted at the end of the list and those kept in their place under another name.
            touchpointsErased.set(before.touchpoints().size() - touchpoints.size()
                    + renamedTouchpoints(before.touchpoints(), touchpoints).size());
            return new JourneyChanges(touchpoints, List.of(), List.of(), removals, replaced, 0, 0, 0, 0);
        }, (changes, after, importId) -> result.apply(changes, after, importId, copies.get(),
                (int) touchpointsErased.get()), WriteProgress.NONE);
    }

    /**
     * The touchpoints after the journeys {@code removals} of {@code customerId} are erased. A touchpoint that only the
     * customer's events brought names what they did, as their journeys did; it goes while nothing else refers to it:
     * no other journey visits it, no other answer names it and the journal names it nowhere (a copy of another
     * customer's journey that visits it, which an undo would write back, or a metadata change kept to be undone, as
     * {@code PUT /api/touchpoints} journals one, so a touchpoint a user described stays). Those at the end of the list
     * are deleted; one that later touchpoints follow keeps its place (ids are list positions, stable for the life of
     * the data set) under a name that tells nothing ({@link #erasedName}), without its metadata. O(the customer's
     * events) when they visit no touchpoint only they visited; else O(events) in memory and a scan of the journal's
     * copies.
     */
    private List<Touchpoint> touchpointsAfterErasure(JourneySnapshot before, String customerId, List<String> removals) {
        List<Touchpoint> touchpoints = before.touchpoints();
        if (touchpoints.isEmpty()) {
            return touchpoints;
        }
        boolean[] erasedVisits = new boolean[touchpoints.size()];
        for (String id : removals) {
            markVisited(before.journey(id).orElseThrow(), erasedVisits);
        }
        boolean[] visited = new boolean[touchpoints.size()];
        for (Journey journey : before.journeys()) {
            if (!journey.hasCustomer(customerId)) {
                markVisited(journey, visited);
            }
        }
        List<String> candidates = new ArrayList<>();
        for (int id = 0; id < touchpoints.size(); id++) {
            if (erasedVisits[id] && !visited[id]) {
                candidates.add(touchpoints.get(id).name());
            }
        }
        // The tail goes only with an erased journey that visits its last touchpoint, as an undo's does.
        boolean lastErased = erasedVisits[touchpoints.size() - 1];
        List<String> unvisitedTail = lastErased ? unvisitedTail(touchpoints, visited) : List.of();
        if (candidates.isEmpty() && unvisitedTail.isEmpty()) {
            return touchpoints;
        }
        Set<String> names = new LinkedHashSet<>(candidates);
        names.addAll(unvisitedTail);
        Set<String> referred = new HashSet<>(importJournal.touchpointsInJournal(List.copyOf(names), customerId,
                removals));
        Set<String> erasedJourneys = Set.copyOf(removals);
        for (SurveyResponse answer : feedback.responses()) {
            if (names.contains(answer.touchpoint()) && !answer.customerId().equals(customerId)
                    && !erasedJourneys.contains(answer.journeyId())) {
                referred.add(answer.touchpoint());
            }
        }
        int kept = touchpoints.size();
        if (lastErased) {
            while (kept > 0 && !visited[kept - 1] && !referred.contains(touchpoints.get(kept - 1).name())) {
                kept--;
            }
        }
        List<Touchpoint> after = new ArrayList<>(touchpoints.subList(0, kept));
        Set<String> taken = new HashSet<>();
        touchpoints.forEach(touchpoint -> taken.add(touchpoint.name()));
        for (int id = 0; id < kept; id++) {
            Touchpoint touchpoint = touchpoints.get(id);
            if (erasedVisits[id] && !visited[id] && !referred.contains(touchpoint.name())) {
                String name = erasedName(id, taken);
                taken.add(name);
                after.set(id, new Touchpoint(id, name, "", "", Owner.OWN));
            }
        }
        return List.copyOf(after);
    }

    /**
     * The name an erased touchpoint keeps its place under: {@code (erased <id>)}, or with a number after it where a
     * touchpoint already has that name.
     */
    static String erasedName(int id, Set<String> taken) {
        String name = "(erased " + id + ")";
        for (int suffix = 2; taken.contains(name); suffix++) {
            name = "(erased " + id + " " + suffix + ")";
        }
        return name;
    }

    /** The newest {@code limit} journal entries, newest first. */
    public List<ImportEntry> imports(int limit) {
        return importJournal.importEntries(limit, undoRetention);
    }

    /** One journal entry, or empty when there is none with that id. */
    public java.util.Optional<ImportEntry> importEntry(String importId) {
        return importJournal.importEntry(importId, undoRetention);
    }

    /**
     * What {@link #write} did: the entry's id, the answers it stored (null when it was given none) and how many it was
     * given, and what was derived for the change.
     */
    private record Written(String importId, FeedbackGraph.Added answers, int answerCount, Derived derived) {
    }

    /**
     * Journals and writes a change: the journeys first, then (once {@code derivation} is done) the TRANSITION graph of
     * the snapshot after it, the changed ids and the answers joined to that snapshot, and the entry's end. A failure
     * rolls back what was written. Watched: one stuck on the database takes readiness down
     * ({@link #writeStalledMillis}).
     */
    private Written write(Journal journal, JourneyChanges changes, JourneySnapshot before,
            CompletableFuture<Derived> derivation, Function<JourneySnapshot, List<SurveyResponse>> answersOf,
            WriteProgress progress) {
        return watched(() -> writeChange(journal, changes, before, derivation, answersOf, progress));
    }

    /** {@link #write}, not watched. */
    private Written writeChange(Journal journal, JourneyChanges changes, JourneySnapshot before,
            CompletableFuture<Derived> derivation, Function<JourneySnapshot, List<SurveyResponse>> answersOf,
            WriteProgress progress) {
        long started = System.nanoTime();
        String importId = UUID.randomUUID().toString();
        List<String> recreated = new ArrayList<>();
        if (!changes.writtenBy().isEmpty()) {
            for (Journey journey : changes.upserts()) {
                if (!changes.previousVersions().containsKey(journey.id())) {
                    recreated.add(journey.id());
                }
            }
        }
        importJournal.beginImport(importId, journal.kind(), journal.undoes(), changes.upserts().size(),
                changes.newEvents(), recreated, 0, changes.journeysCreated(), changes.removals().size(),
                changes.eventsRemoved());
        try {
            importJournal.stashPreviousVersions(importId, changes.previousVersions().keySet(), batchSize);
            List<Touchpoint> previousTouchpoints = replacedMetadata(changes.changedTouchpoints(), before);
            // The snapshot after the change has the change's touchpoints (an empty change: the stored ones).
            int touchpointsAfter = changes.isEmpty() ? before.touchpoints().size() : changes.touchpoints().size();
            List<Touchpoint> deletedTouchpoints = before.touchpoints().subList(
                    Math.min(touchpointsAfter, before.touchpoints().size()), before.touchpoints().size());
            previousTouchpoints.addAll(deletedTouchpoints);
            importJournal.stashPreviousTouchpoints(importId, previousTouchpoints);
            writes.writeTouchpoints(changes.changedTouchpoints(), importId);
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
                writes.writeJourneys(batch, replaced, changes.touchpoints(), importId, changes.writtenBy());
                progress.written(from + batch.size(), upserts.size());
                // A line every few seconds: a large import has thousands of batches.
                boolean last = from + batch.size() == upserts.size();
                if (upserts.size() > batchSize
                        && (last || System.nanoTime() - lastProgressLog > PROGRESS_LOG_INTERVAL_NANOS)) {
                    lastProgressLog = System.nanoTime();
                    log.info("Import {}: {} of {} journeys written", importId, from + batch.size(), upserts.size());
                }
            }
            for (int from = 0; from < changes.removals().size(); from += batchSize) {
                writes.deleteJourneys(changes.removals().subList(from,
                        Math.min(changes.removals().size(), from + batchSize)));
            }
            if (!deletedTouchpoints.isEmpty()) {
                writes.deleteTouchpointsFrom(touchpointsAfter);
            }
            if (journal.undoes() == null && journal.erasedCustomer() == null && !upserts.isEmpty()) {
                // Survey answers imported before their journey's events: joined now, under this entry.
                feedback.attachWaiting(before, upserts);
            }
            Set<String> createdTouchpoints = new HashSet<>();
            for (Touchpoint touchpoint : changes.changedTouchpoints()) {
                if (before.touchpoint(touchpoint.name()).isEmpty()) {
                    createdTouchpoints.add(touchpoint.name());
                }
            }
            // Answers about a touchpoint an undo deleted point at their journey: back to the touchpoint now it is back.
            feedback.rejoinTouchpoints(createdTouchpoints);
            long journeysWritten = System.nanoTime();
            Derived derived = await(derivation);
            JourneySnapshot after = derived.after();
            if (!changes.isEmpty()) {
                transitions.update(before, after, derived.changed(), derived.transitions());
            }
            if (journal.erasedCustomer() == null) {
                // Other instances read these journeys back; an erasure records none (it keeps no trace of the
                // customer), and they find its removals by comparing ids instead.
                Set<String> ids = new HashSet<>(changes.removals());
                changes.upserts().forEach(journey -> ids.add(journey.id()));
                importJournal.recordChanged(importId, ids);
            }
            List<SurveyResponse> answers = answersOf.apply(after);
            FeedbackGraph.Added added = null;
            if (journal.undoes() != null) {
                feedback.remove(() -> importJournal.finishUndo(importId, journal.undoes()));
            } else if (journal.erasedCustomer() != null) {
                feedback.remove(() -> importJournal.finishErasure(importId, journal.erasedCustomer(),
                        changes.removals(), feedback.journeysAnsweredBy(journal.erasedCustomer()),
                        renamedTouchpoints(before.touchpoints(), changes.touchpoints())));
            } else if (!answers.isEmpty()) {
                added = feedback.addUnder(importId, answers,
                        stored -> importJournal.finishImport(importId, "done", stored));
            } else {
                importJournal.finishImport(importId, "done");
            }
            log.info("{} {}: wrote {} journeys in {} ms and the aggregated transitions in {} ms",
                    journal.kind().equals("import") ? "Import" : "Change (" + journal.kind() + ")", importId,
                    upserts.size(), (journeysWritten - started) / 1_000_000,
                    (System.nanoTime() - journeysWritten) / 1_000_000);
            return new Written(importId, added, answers.size(), derived);
        } catch (RuntimeException failure) {
            log.warn("Import {} failed; undoing what it wrote", importId, failure);
            undo(importId, before);
            TransactionMemoryExceededException exceeded = TransactionMemoryExceededException.of("the import",
                    failure);
            throw exceeded != null ? exceeded
                    : new GraphWriteException("the database could not store the import; nothing was changed", failure);
        }
    }

    /**
     * The touchpoints whose place {@code after} gives another name, by their name {@code before}: those an erasure
     * renames ({@link #touchpointsAfterErasure}). O(touchpoints).
     */
    private static Map<String, String> renamedTouchpoints(List<Touchpoint> before, List<Touchpoint> after) {
        Map<String, String> renamed = new HashMap<>();
        for (int id = 0; id < Math.min(before.size(), after.size()); id++) {
            if (!before.get(id).name().equals(after.get(id).name())) {
                renamed.put(before.get(id).name(), after.get(id).name());
            }
        }
        return renamed;
    }

    /** The stored versions of touchpoints that existed before and whose metadata the change replaces. */
    private static List<Touchpoint> replacedMetadata(List<Touchpoint> changed, JourneySnapshot before) {
        List<Touchpoint> previous = new ArrayList<>();
        for (Touchpoint touchpoint : changed) {
            if (touchpoint.id() < before.touchpoints().size()) {
                Touchpoint old = before.touchpoints().get(touchpoint.id());
                if (!old.equals(touchpoint)) {
                    previous.add(old);
                }
            }
        }
        return previous;
    }

    /**
     * Undoes what a failed write wrote: rolls its entry back, writes the touchpoints back and rewrites the TRANSITION
     * graph. A failure is logged for what it leaves: an entry not rolled back is rolled back by the instance that
     * takes the imports lease next (and then rewrites the TRANSITION graph); once the entry was rolled back, a
     * TRANSITION graph whose rewrite failed is left part-written, and rewritten by the journal follower
     * ({@link #repairTransitions}).
     */
    private void undo(String importId, JourneySnapshot before) {
        try {
            importJournal.rollBack(importId, batchSize);
        } catch (RuntimeException undoFailure) {
            log.error("Undoing import {} failed too; the instance that takes the imports lease next rolls it back",
                    importId, undoFailure);
            return;
        }
        try {
            writes.writeTouchpoints(before.touchpoints(), importId + "-undo");
        } catch (RuntimeException touchpointsFailure) {
            log.error("Import {} was rolled back, but writing its touchpoints back as they were failed too",
                    importId, touchpointsFailure);
        }
        try {
            transitions.rewrite(before);
        } catch (RuntimeException rewriteFailure) {
            log.error("Import {} was rolled back, but rewriting the TRANSITION graph after it failed: Cypher users "
                    + "read it part-written (journeys_transitions_part_written 1) until this instance rewrites it, "
                    + "which it tries again at once and then after a doubling wait", importId, rewriteFailure);
        }
    }

    /**
     * Applies to the projection the journal entries that other instances (or this one, through another path such as
     * survey responses) finished since the last applied one: the journeys each entry recorded as changed are read back
     * by id (gone ones removed), an erasure's removals found by comparing the stored ids with the projection's
     * (O(journeys), ids only; erasures are rare), the touchpoints read again, and the survey responses reloaded after
     * entries that changed them. Serialized with this instance's own changes. One indexed lookup of the journal head
     * when nothing is new; else O(changed journeys' events + touchpoints) besides the snapshot's copy-on-write.
     *
     * <p>Does nothing, and answers false, while a change of this instance holds the write lock: that change catches up
     * itself before it plans, and the follower's poll must not queue behind a long import.
     */
    boolean catchUpUnlessWriting() {
        if (!writeLock.tryLock()) {
            return false;
        }
        try {
            followJournal();
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * When the last look at the journal found the imports lease expired (its holder may have died during a change):
     * takes the lease, unless someone else does first, and rolls back what the holder left unfinished, without waiting
     * for that instance to start again. Called by the follower after each poll; nothing to do, and no cost, otherwise.
     */
    void recoverExpiredLease() {
        if (!leaseExpired) {
            return;
        }
        try (ImportLease.Held held = lease.acquireIfFree()) {
            if (held == null) {
                return;
            }
            writeLock.lock();
            try {
                rollBackOrphans(held);
                followJournal();
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Whether the stored TRANSITION graph may be part-written: its last write failed, and no rewrite succeeded yet. */
    public boolean transitionsPartWritten() {
        return transitions.partWritten();
    }

    /**
     * Rewrites the aggregated TRANSITION graph from the projection when its last write failed and may have left it
     * part-written for Cypher users: the change that wrote it was undone, but the rewrite that puts the graph back
     * failed too. Under the imports lease, unless another write holds it (then a later call does it). Called by the
     * follower after a poll that read the journal; nothing to do, and no cost, otherwise. O(journeys + edges).
     *
     * @return whether it rewrote the graph
     */
    boolean repairTransitions() {
        if (!transitions.partWritten()) {
            return false;
        }
        try (ImportLease.Held held = lease.acquireIfFree()) {
            if (held == null) {
                return false;
            }
            writeLock.lock();
            try {
                rollBackOrphans(held);
                followJournal();
                if (!transitions.partWritten()) {
                    return false;
                }
                return watched(() -> {
                    transitions.rewrite(projection.current());
                    return true;
                });
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** {@link #catchUpUnlessWriting}, under the write lock. */
    private void followJournal() {
        ImportJournal.Head look = importJournal.headAndLease();
        leaseExpired = look.leaseExpired();
        long head = look.sequence();
        seenHead = Math.max(seenHead, head);
        if (head <= applied) {
            return;
        }
        if (look.changesFrom() > applied + 1) {
            reloadProjection();
            return;
        }
        List<ImportJournal.Finished> entries = importJournal.finishedSince(applied);
        Set<String> changed = new HashSet<>();
        boolean journeysChanged = false;
        boolean erased = false;
        boolean answersChanged = false;
        long last = applied;
        for (ImportJournal.Finished entry : entries) {
            last = Math.max(last, entry.sequence());
            if (ownEntries.remove(entry.id()) || feedback.takeOwnEntry(entry.id())) {
                continue;
            }
            if (entry.kind().equals("feedback")) {
                answersChanged = true;
                continue;
            }
            journeysChanged = true;
            erased |= entry.kind().equals("erasure");
            answersChanged |= entry.responses() > 0 || entry.kind().equals("undo") || erased;
            changed.addAll(importJournal.changedJourneys(entry.id()));
        }
        if (journeysChanged && importJournal.headAndLease().changesFrom() > applied + 1) {
            // The change records were dropped while they were read (this instance is behind by the retention).
            reloadProjection();
            return;
        }
        if (journeysChanged) {
            long started = System.nanoTime();
            JourneySnapshot before = projection.current();
            List<Touchpoint> touchpoints = loader.loadTouchpoints();
            List<Journey> upserts = loader.loadJourneys(changed, touchpoints);
            Set<String> removals = new HashSet<>();
            Set<String> found = new HashSet<>();
            upserts.forEach(journey -> found.add(journey.id()));
            for (String id : changed) {
                if (!found.contains(id) && before.positionOf(id) >= 0) {
                    removals.add(id);
                }
            }
            if (erased) {
                Set<String> stored = loader.journeyIds();
                for (Journey journey : before.journeys()) {
                    if (!stored.contains(journey.id()) && !found.contains(journey.id())) {
                        removals.add(journey.id());
                    }
                }
            }
            JourneySnapshot after = OpenJourneys.applyChanges(before, touchpoints, upserts, removals, openHorizon)
                    .snapshot();
            projection.replace(after);
            log.info("Followed the journal to entry {}: {} journeys read back, {} removed, in {} ms", last,
                    upserts.size(), removals.size(), (System.nanoTime() - started) / 1_000_000);
        }
        if (answersChanged) {
            feedback.load();
        }
        advanceTo(last);
    }

    /**
     * Loads the projection and the survey responses anew, as at start: for an instance behind by more than
     * {@code journeys.instance.change-retention}, whose missed entries' change records are gone. O(journeys).
     */
    private void reloadProjection() {
        long started = System.nanoTime();
        // Read before the journeys: an entry finished during the load is applied again, which changes nothing.
        long position = importJournal.head();
        StoreLoader.LoadedGraph graph = loader.load();
        projection.replace(OpenJourneys.apply(new JourneySnapshot(graph.touchpoints(), graph.journeys(),
                projection.current().version() + 1), openHorizon));
        feedback.load();
        ownEntries.clear();
        advanceTo(position);
        log.warn("Reloaded the projection: this instance was behind the journal by more than its change records are "
                + "kept (journeys.instance.change-retention); {} journeys in {} ms", graph.journeys().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void advanceTo(long position) {
        synchronized (appliedChanged) {
            if (position > applied) {
                applied = position;
            }
            appliedChanged.notifyAll();
        }
    }

    /** The journal position the projection reflects: the sequence number of the last entry applied. */
    public long appliedPosition() {
        return applied;
    }

    /** Finished journal entries this instance has seen in the journal but not applied yet: its projection's lag. */
    public long entriesBehind() {
        return Math.max(0, seenHead - applied);
    }

    /** The journal position of the newest finished entry, of any instance: one indexed lookup in Neo4j. */
    public long journalPosition() {
        return importJournal.head();
    }

    /**
     * Waits until the projection reflects journal position {@code position} (applied by this instance's follower or
     * its own writes), at most {@code timeout}.
     *
     * @return whether it does
     */
    public boolean awaitPosition(long position, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (appliedChanged) {
            while (applied < position) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(appliedChanged, left);
            }
            return true;
        }
    }

    /**
     * Creates the schema and loads the projection from Neo4j; called once at start-up. Unfinished journal entries are
     * rolled back first, under the imports lease: those a lease holder that is gone left (this instance's previous
     * run included, whose lease is taken over at once), and this instance's own from versions without the lease (all
     * of them with an embedded database). While a live other instance is in the middle of a change (an entry running
     * under its lease), the load waits for that change to end (or for its lease to expire, and then rolls it back),
     * and a load during which another change began is done again: the projection never holds part of an unfinished
     * change, which the other instances do not show either. Under writes that never pause, every load may overlap a
     * change: after {@value #MAX_STARTUP_LOADS} loads the instance starts with the last one, which may show part of a
     * change still running until the journal follower applies it once it ends; an instance that does not follow the
     * journal ({@code follow-interval=0}) could not catch up, and fails to start instead.
     *
     * @throws IllegalStateException when not following the journal and every load overlapped another change
     */
    public JourneySnapshot loadProjection() {
        schema.applySchema();
        schema.migrateStepChains();
        schema.migrateAnswerNodes();
        schema.removeEmptyTexts();
        for (int load = 1;; load++) {
            JourneySnapshot loaded = loadUnlessAnotherChangeRuns(load == MAX_STARTUP_LOADS);
            if (loaded != null) {
                return loaded;
            }
            log.info("Another instance began a change while the projection was loading: loading again once it ends");
        }
    }

    /**
     * Sets what runs when a start-up load of the projection begins (before the imports lease is looked at) and once
     * it has read the journeys (before it looks whether another change ran meanwhile): a seam for tests.
     */
    void aroundStartupLoads(Runnable before, Runnable after) {
        beforeStartupLoad = before;
        afterStartupLoad = after;
    }

    /**
     * Takes the imports lease at start when entries are unfinished, waiting while a live other instance holds it with
     * an entry running under it (its change is in the middle of being written); null when the lease need not be held
     * (nothing unfinished, or only entries that older versions opened without a lease and left to their instance).
     * It waits for the changes running when it first looks, not for those begun after them: under writes that never
     * pause, one change follows another, and the loads that overlap them are bounded ({@link #loadProjection}).
     */
    private ImportLease.Held leaseAtStart() {
        if (!importJournal.anyUnfinished()) {
            return null;
        }
        ImportLease.Held held = lease.acquireAtStart();
        Set<String> waitedFor = null;
        while (held == null) {
            Set<String> running = importJournal.runningUnderLease();
            if (running.isEmpty() || waitedFor != null && java.util.Collections.disjoint(waitedFor, running)) {
                break;
            }
            if (waitedFor == null) {
                log.info("Another instance is in the middle of a change: loading the projection once it ends");
                waitedFor = running;
            }
            try {
                Thread.sleep(ImportLease.POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another instance's change", e);
            }
            held = lease.acquireAtStart();
        }
        return held;
    }

    /**
     * {@link #loadProjection} once: null, and nothing replaced, when it did not hold the imports lease during the load
     * and another instance's change is running after it (the load may have read part of it), unless it is the
     * {@code last} load: then the snapshot is kept all the same, when the journal follower can catch up.
     */
    private JourneySnapshot loadUnlessAnotherChangeRuns(boolean last) {
        beforeStartupLoad.run();
        ImportLease.Held held = leaseAtStart();
        boolean unfinishedAny = held != null || importJournal.anyUnfinished();
        try {
            writeLock.lock();
            try {
                long started = System.nanoTime();
                Set<String> unfinished = new java.util.LinkedHashSet<>();
                if (held != null) {
                    unfinished.addAll(held.orphans());
                    unfinished.addAll(importJournal.unfinishedImports());
                    for (String importId : unfinished) {
                        log.warn("Import {} did not finish (its instance stopped during it): rolling it back",
                                importId);
                        importJournal.rollBack(importId, batchSize);
                    }
                    if (unfinished.isEmpty()) {
                        // Nothing to write at start: other instances need not wait for the load.
                        held.close();
                        held = null;
                    }
                } else if (unfinishedAny) {
                    log.info("Unfinished entries that older versions opened without the imports lease are left to "
                            + "their instances");
                }
                for (String importId : importJournal.othersUnfinished()) {
                    log.warn("Import {} of another instance is unfinished: left to that instance, or to the one "
                            + "that takes the imports lease after it", importId);
                }
                for (String importId : importJournal.importsWithLeftoverVersions()) {
                    importJournal.dropPreviousVersions(importId);
                }
                for (String importId : importJournal.importsWithLeftoverAnswers()) {
                    importJournal.deleteLeftoverAnswers(importId);
                }
                // Read before the journeys: an entry finished during the load is applied again, which changes nothing.
                long position = importJournal.head();
                StoreLoader.LoadedGraph graph = loader.load();
                if (graph.emptyTextsFound()) {
                    // Read as absent already: the stored nodes only catch up, for Cypher users' IS NULL.
                    schema.removeEmptyJourneyTexts();
                }
                JourneySnapshot snapshot = OpenJourneys.apply(
                        new JourneySnapshot(graph.touchpoints(), graph.journeys(), 1), openHorizon);
                afterStartupLoad.run();
                if (held == null && importJournal.anyRunningUnderLease()) {
                    if (!last) {
                        return null;
                    }
                    if (!following) {
                        throw new IllegalStateException("Other instances' changes overlapped each of the "
                                + MAX_STARTUP_LOADS + " loads of the projection (their writes do not pause), and this "
                                + "instance does not follow the journal (journeys.instance.follow-interval=0), so it "
                                + "could not catch up with a change that the last load may have read part-written: "
                                + "start it again when the writes pause, or let it follow the journal");
                    }
                    log.warn("Other instances' changes overlapped each of the {} loads of the projection (their writes "
                            + "do not pause): starting with the last load, at journal entry {}; it may show part of "
                            + "a change still running, until that change ends and the journal follower applies it, "
                            + "as it applies every change finished after the load", MAX_STARTUP_LOADS, position);
                }
                if (!unfinished.isEmpty()) {
                    transitions.rewrite(snapshot);
                }
                projection.replace(snapshot);
                advanceTo(position);
                log.info("Loaded {} journeys ({} events, {} touchpoints) from Neo4j in {} ms",
                        snapshot.journeyCount(), snapshot.eventCount(), snapshot.touchpoints().size(),
                        (System.nanoTime() - started) / 1_000_000);
                return snapshot;
            } finally {
                writeLock.unlock();
            }
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }
}
