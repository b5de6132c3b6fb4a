package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An immutable view of every journey and touchpoint: the in-memory analytic projection that all analyses read.
 * A new snapshot is made for each import ({@link #withChanges}); readers holding the old one keep a consistent view.
 */
public final class JourneySnapshot {

    private static final JourneySnapshot EMPTY = new JourneySnapshot(List.of(), List.of(), 0);

    private final List<Touchpoint> touchpoints;
    private final Map<String, Touchpoint> touchpointsByName;
    private final List<Journey> journeys;
    private final JourneyIndex journeyIndex;
    private final long version;
    private final long eventCount;
    private final long journeyCount;
    private final boolean hasOpenJourneys;
    private final Map<Object, Object> memos = new ConcurrentHashMap<>(4);

    public JourneySnapshot(List<Touchpoint> touchpoints, List<Journey> journeys, long version) {
        this.touchpoints = List.copyOf(touchpoints);
        this.touchpointsByName = new HashMap<>(touchpoints.size() * 2);
        for (int i = 0; i < touchpoints.size(); i++) {
            Touchpoint touchpoint = touchpoints.get(i);
            if (touchpoint.id() != i) {
                throw new IllegalArgumentException("touchpoint ids must be their list index: " + touchpoint);
            }
            touchpointsByName.put(touchpoint.name(), touchpoint);
        }
        this.journeys = Collections.unmodifiableList(journeys);
        this.journeyIndex = new JourneyIndex(this.journeys);
        long events = 0;
        long weighted = 0;
        boolean open = false;
        for (int i = 0; i < journeys.size(); i++) {
            Journey journey = journeys.get(i);
            events += (long) journey.length() * journey.weight();
            weighted += journey.weight();
            open |= journey.outcome() == Outcome.OPEN;
        }
        this.hasOpenJourneys = open;
        this.version = version;
        this.eventCount = events;
        this.journeyCount = weighted;
    }

    public static JourneySnapshot empty() {
        return EMPTY;
    }

    public List<Touchpoint> touchpoints() {
        return touchpoints;
    }

    public Touchpoint touchpoint(int id) {
        return touchpoints.get(id);
    }

    public Optional<Touchpoint> touchpoint(String name) {
        return Optional.ofNullable(touchpointsByName.get(name));
    }

    /** Journey records; an aggregated record stands for {@link Journey#weight()} journeys. */
    public List<Journey> journeys() {
        return journeys;
    }

    /** The position of the journey with this id in {@link #journeys()}, or -1; O(1) expected. */
    public int positionOf(String id) {
        return journeyIndex.positionOf(id);
    }

    public Optional<Journey> journey(String id) {
        int position = journeyIndex.positionOf(id);
        return position < 0 ? Optional.empty() : Optional.of(journeys.get(position));
    }

    /** Journeys counted with their weights. */
    public long journeyCount() {
        return journeyCount;
    }

    /** Events counted with their journeys' weights. */
    public long eventCount() {
        return eventCount;
    }

    /** Whether some journey is still in progress ({@link Outcome#OPEN}). */
    public boolean hasOpenJourneys() {
        return hasOpenJourneys;
    }

    public long version() {
        return version;
    }

    /**
     * Builds now what analyses otherwise build on first use and keep with the snapshot (the record columns and step
     * sequences that selections and top paths read, the start and purchase times that trends and time to convert
     * read, O(records)), so that no request waits for it.
     */
    public void prepareIndexes() {
        JourneyColumns.of(this);
        StepSequences.of(this);
        JourneyTimes.of(this);
    }

    /**
     * A value derived from this snapshot alone, computed on first use and then kept with the snapshot: a snapshot is
     * immutable, so an analysis may memoize what every request would otherwise recompute from all journeys (the
     * unfiltered transition graph, for one). Values must be immutable and small, as they live as long as the
     * snapshot; a concurrent first use of a key waits for the one computation. Keys of other packages should be their
     * own (package-private) objects, so they cannot collide.
     */
    public <T> T memo(Object key, Class<T> type, Supplier<T> compute) {
        return type.cast(memos.computeIfAbsent(key, unused -> compute.get()));
    }

    /**
     * A new snapshot with the given touchpoint list (the old one plus any new touchpoints) and the given journeys
     * added, or replacing the journeys of the same id. Costs O(journeys) for the copy.
     */
    public JourneySnapshot withChanges(List<Touchpoint> newTouchpoints, Collection<Journey> upserts) {
        return withChanges(newTouchpoints, upserts, List.of());
    }

    /** As {@link #withChanges(List, Collection)}, also dropping the journeys whose ids are in {@code removals}. */
    public JourneySnapshot withChanges(List<Touchpoint> newTouchpoints, Collection<Journey> upserts,
            Collection<String> removals) {
        List<Journey> next = new ArrayList<>(journeys.size() + upserts.size());
        next.addAll(journeys);
        JourneyIndex positions = journeyIndex;
        if (!removals.isEmpty()) {
            Set<String> removed = new HashSet<>(removals);
            next.removeIf(journey -> removed.contains(journey.id()));
            positions = new JourneyIndex(next);
        }
        Map<String, Integer> added = new HashMap<>();
        for (Journey journey : upserts) {
            int existing = positions.positionOf(journey.id());
            if (existing < 0) {
                existing = added.getOrDefault(journey.id(), -1);
            }
            if (existing >= 0) {
                next.set(existing, journey);
            } else {
                added.put(journey.id(), next.size());
                next.add(journey);
            }
        }
        return new JourneySnapshot(newTouchpoints, next, version + 1);
    }
}
