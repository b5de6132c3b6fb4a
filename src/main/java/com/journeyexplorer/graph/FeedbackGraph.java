package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * The survey responses: stored in Neo4j ({@link ResponseStore}) and kept in memory for the analyses. Like the
 * journeys' projection, the in-memory list is swapped only after Neo4j has committed a write, and readers take
 * {@link #responses()} once per request. Writes are serialized; a write stores every new response or none, and is an
 * entry of the journal ({@link ImportJournal}, kind {@code feedback}) that {@link JourneyGraph#undo} can take back;
 * {@link JourneyGraph#erase} deletes a customer's responses too.
 */
@Service
public class FeedbackGraph {

    private static final Logger log = LoggerFactory.getLogger(FeedbackGraph.class);

    private final ResponseStore store;
    private final ImportJournal journal;
    private final int batchSize;
    /**
     * Answers per write transaction: four times the journeys of one (2,000 by default). A transaction's state grows
     * by several KiB an answer and Neo4j bounds it (1 GiB), and transactions of 2,000 or 5,000 answers cost the same
     * CPU time per answer as one of 10,000.
     */
    private final int answersPerTransaction;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile List<SurveyResponse> responses = List.of();
    /** Changes whenever the answers do (an import, an undo, an erasure, the load at start); written under the lock. */
    private volatile long version;
    private volatile Set<String> ids = Set.of();
    /**
     * This instance's own feedback entries, published here already: {@link JourneyGraph} skips them when it follows
     * the journal instead of reloading every answer from Neo4j after each import (O(all answers), under the lock
     * the next import waits for).
     */
    private final Set<String> ownEntries = java.util.concurrent.ConcurrentHashMap.newKeySet();

    FeedbackGraph(ResponseStore store, ImportJournal journal, JourneysProperties properties) {
        this.store = store;
        this.journal = journal;
        this.batchSize = properties.neo4j().writeBatchSize();
        this.answersPerTransaction = 4 * batchSize;
    }

    /**
     * What a write did: the journal entry (null when nothing new was stored), responses stored, and those skipped
     * because their id was stored already.
     */
    public record Added(String importId, List<SurveyResponse> stored, long duplicates, long total) {
    }

    /** A number that changes whenever the stored answers change: answer caches key on it. */
    public long version() {
        return version;
    }

    /** Every stored response (matched or not), in storage order; immutable. */
    public List<SurveyResponse> responses() {
        return responses;
    }

    /**
     * Stores the responses whose ids are not stored yet (nor repeated earlier in {@code candidates}) and publishes
     * them, journaled as a {@code feedback} entry (opened before the write, finished after it; a failure, or a restart
     * after a crash, deletes what it stored), so that it is listed with the imports and can be undone. O(stored + new)
     * for the copy of the in-memory list.
     *
     * @throws GraphWriteException when Neo4j refuses the write; nothing is stored then
     */
    Added add(List<SurveyResponse> candidates) {
        writeLock.lock();
        try {
            List<SurveyResponse> fresh = fresh(candidates);
            if (fresh.isEmpty()) {
                return new Added(null, List.of(), candidates.size(), responses.size());
            }
            String importId = UUID.randomUUID().toString();
            // Before the entry can be seen finished: what it stores is published here, or rolled back on failure.
            ownEntries.add(importId);
            try {
                journal.beginImport(importId, "feedback", null, 0, 0, List.of(), fresh.size());
                store.write(fresh, importId, answersPerTransaction);
                journal.finishImport(importId, "done");
            } catch (RuntimeException failure) {
                log.warn("Storing {} survey responses failed; none was stored", fresh.size(), failure);
                rollBack(importId);
                TransactionMemoryExceededException exceeded = TransactionMemoryExceededException.of(
                        "the survey responses", failure);
                throw exceeded != null ? exceeded : new GraphWriteException("the database could not store the "
                        + "responses; nothing was changed", failure);
            }
            publish(fresh);
            return new Added(importId, List.copyOf(fresh), candidates.size() - fresh.size(), responses.size());
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Stores the new ones of {@code candidates} under the running journal entry {@code importId} of a change of the
     * journeys (answers given on imported events), then runs {@code finish} (which finishes that entry, told how many
     * answers were stored) and publishes them. Called by {@link JourneyGraph} while it writes the entry; a failure
     * propagates, and the entry's rollback deletes the answers by their {@code importId}. O(stored + new).
     */
    Added addUnder(String importId, List<SurveyResponse> candidates, java.util.function.IntConsumer finish) {
        writeLock.lock();
        try {
            List<SurveyResponse> fresh = fresh(candidates);
            store.write(fresh, importId, answersPerTransaction);
            finish.accept(fresh.size());
            if (!fresh.isEmpty()) {
                publish(fresh);
            }
            return new Added(fresh.isEmpty() ? null : importId, List.copyOf(fresh),
                    candidates.size() - fresh.size(), responses.size());
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Joins the stored answers that named a journey not in {@code before} (kept as {@code Response} nodes with that
     * journey id) to it where {@code written}, the journeys the running change of the journeys writes, has it: in
     * memory they carry the journey id already, so the analyses count them once the journey is in the snapshot; in
     * Neo4j they become the journey's {@code ANSWERED} relationships, which an undo or a rollback of the change turns
     * back into nodes as it deletes the journey. O(responses + written) look-ups; no write when no answer waits.
     */
    void attachWaiting(JourneySnapshot before, List<Journey> written) {
        writeLock.lock();
        try {
            Set<String> waiting = new HashSet<>();
            for (SurveyResponse response : responses) {
                if (response.isMatched() && before.positionOf(response.journeyId()) < 0) {
                    waiting.add(response.journeyId());
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            Set<String> arrived = new HashSet<>();
            for (Journey journey : written) {
                if (waiting.contains(journey.id())) {
                    arrived.add(journey.id());
                }
            }
            if (!arrived.isEmpty()) {
                store.attachWaiting(arrived);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Points the answers about one of {@code created}, touchpoints the running change creates, at them: an undo that
     * deleted such a touchpoint left its answers pointing at their journey (keeping its name), and they would
     * otherwise stay there while the analyses count them under the touchpoint again. Only answers in memory that name
     * one of them are looked up, each by its journey's id: O(responses) in memory, no write when none names one.
     */
    void rejoinTouchpoints(Set<String> created) {
        if (created.isEmpty()) {
            return;
        }
        writeLock.lock();
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SurveyResponse response : responses) {
                if (response.isMatched() && created.contains(response.touchpoint())) {
                    rows.add(Map.of("journeyId", response.journeyId(), "id", response.id()));
                }
            }
            if (!rows.isEmpty()) {
                store.rejoinTouchpoints(rows);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Whether {@code importId} is a feedback entry of this instance (whose answers this list holds already, or which
     * was rolled back); forgets it, as the journal is followed past it once.
     */
    boolean takeOwnEntry(String importId) {
        return ownEntries.remove(importId);
    }

    /** Whether a response with this id is stored. O(1). */
    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** Whether some of {@code candidates} has an id not stored yet. O(candidates). */
    boolean hasNew(List<SurveyResponse> candidates) {
        Set<String> known = ids;
        for (SurveyResponse response : candidates) {
            if (!known.contains(response.id())) {
                return true;
            }
        }
        return false;
    }

    /** The candidates whose id is neither stored nor repeated earlier in the list; under the write lock. */
    private List<SurveyResponse> fresh(List<SurveyResponse> candidates) {
        Set<String> seen = new HashSet<>();
        List<SurveyResponse> fresh = new ArrayList<>();
        for (SurveyResponse response : candidates) {
            if (!ids.contains(response.id()) && seen.add(response.id())) {
                fresh.add(response);
            }
        }
        return fresh;
    }

    /** Publishes stored responses: a copy of the list and the ids with them; under the write lock. O(stored). */
    private void publish(List<SurveyResponse> stored) {
        List<SurveyResponse> next = new ArrayList<>(responses.size() + stored.size());
        next.addAll(responses);
        next.addAll(stored);
        Set<String> nextIds = new HashSet<>(ids);
        stored.forEach(response -> nextIds.add(response.id()));
        responses = Collections.unmodifiableList(next);
        ids = Collections.unmodifiableSet(nextIds);
        version++;
    }

    private void rollBack(String importId) {
        try {
            journal.rollBack(importId, batchSize);
        } catch (RuntimeException rollbackFailure) {
            log.error("Rolling back feedback import {} failed too; the instance that takes the imports lease next "
                    + "rolls it back", importId, rollbackFailure);
        }
    }

    /** Whether a stored response has this customer id. O(responses). */
    boolean hasCustomer(String customerId) {
        for (SurveyResponse response : responses) {
            if (response.customerId().equals(customerId)) {
                return true;
            }
        }
        return false;
    }

    /** The journeys that stored answers with this customer id are joined to. O(responses). */
    Set<String> journeysAnsweredBy(String customerId) {
        Set<String> journeys = new HashSet<>();
        for (SurveyResponse response : responses) {
            if (response.isMatched() && response.customerId().equals(customerId)) {
                journeys.add(response.journeyId());
            }
        }
        return journeys;
    }

    /**
     * Runs {@code deletion}, a Neo4j write that deletes responses and returns their ids, and then drops them from the
     * in-memory list; serialized with {@link #add}, so that the list follows the store. O(stored).
     *
     * @return how many responses were removed
     */
    int remove(Supplier<List<String>> deletion) {
        writeLock.lock();
        try {
            Set<String> removed = new HashSet<>(deletion.get());
            if (!removed.isEmpty()) {
                List<SurveyResponse> next = new ArrayList<>(responses.size());
                for (SurveyResponse response : responses) {
                    if (!removed.contains(response.id())) {
                        next.add(response);
                    }
                }
                Set<String> nextIds = new HashSet<>(ids);
                nextIds.removeAll(removed);
                responses = Collections.unmodifiableList(next);
                version++;
                ids = Collections.unmodifiableSet(nextIds);
            }
            return removed.size();
        } finally {
            writeLock.unlock();
        }
    }

    /** Loads the stored responses; called once at start-up. */
    void load() {
        writeLock.lock();
        try {
            long started = System.nanoTime();
            List<SurveyResponse> loaded = store.load();
            Set<String> loadedIds = new HashSet<>();
            loaded.forEach(response -> loadedIds.add(response.id()));
            responses = Collections.unmodifiableList(new ArrayList<>(loaded));
            version++;
            ids = Collections.unmodifiableSet(loadedIds);
            if (!loaded.isEmpty()) {
                log.info("Loaded {} survey responses from Neo4j in {} ms", loaded.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            writeLock.unlock();
        }
    }
}
