package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * The survey responses: stored in Neo4j ({@link ResponseStore}) and kept in memory for the analyses. Like the
 * journeys' projection, the in-memory list is swapped only after Neo4j has committed a write, and readers take
 * {@link #responses()} once per request. Writes are serialized; a write stores every new response or none.
 */
@Service
public class FeedbackGraph {

    private static final Logger log = LoggerFactory.getLogger(FeedbackGraph.class);

    private final ResponseStore store;
    private final int batchSize;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile List<SurveyResponse> responses = List.of();
    private volatile Set<String> ids = Set.of();

    FeedbackGraph(ResponseStore store, JourneysProperties properties) {
        this.store = store;
        this.batchSize = properties.neo4j().writeBatchSize();
    }

    /** What a write did: responses stored, and those skipped because their id was stored already. */
    public record Added(List<SurveyResponse> stored, long duplicates, long total) {
    }

    /** Every stored response (matched or not), in storage order; immutable. */
    public List<SurveyResponse> responses() {
        return responses;
    }

    /**
     * Stores the responses whose ids are not stored yet (nor repeated earlier in {@code candidates}) and publishes
     * them. O(stored + new) for the copy of the in-memory list.
     *
     * @throws GraphWriteException when Neo4j refuses the write; nothing is stored then
     */
    public Added add(List<SurveyResponse> candidates) {
        writeLock.lock();
        try {
            Set<String> known = new HashSet<>(ids);
            List<SurveyResponse> fresh = new ArrayList<>();
            for (SurveyResponse response : candidates) {
                if (known.add(response.id())) {
                    fresh.add(response);
                }
            }
            if (!fresh.isEmpty()) {
                try {
                    store.write(fresh, batchSize);
                } catch (RuntimeException failure) {
                    log.warn("Storing {} survey responses failed; none was stored", fresh.size(), failure);
                    throw new GraphWriteException("the database could not store the responses; nothing was "
                            + "changed", failure);
                }
                List<SurveyResponse> next = new ArrayList<>(responses.size() + fresh.size());
                next.addAll(responses);
                next.addAll(fresh);
                responses = Collections.unmodifiableList(next);
                ids = Collections.unmodifiableSet(known);
            }
            return new Added(List.copyOf(fresh), candidates.size() - fresh.size(), responses.size());
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
