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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    /**
     * The latest event of the timed journeys that move the data's clock ({@link #movesTheClock}), epoch milliseconds
     * ({@link Long#MIN_VALUE} for none).
     */
    private final long latestEvent;
    /** The positions of the open journeys, ascending. */
    private final int[] openPositions;
    private final Map<Object, FutureTask<Object>> memos = new ConcurrentHashMap<>(4);
    /**
     * Where this snapshot's per-snapshot indexes can be derived from instead of built anew, or null: set when it was
     * made from another by upserts and outcome changes only (positions kept, new records appended), cleared once its
     * own indexes are built so that the base can be collected.
     */
    private volatile Lineage lineage;

    /**
     * A snapshot whose records this one keeps at the same positions, and the positions below the base's size whose
     * records may differ from the base's (ascending); every record from the base's size on is new. An index of this
     * snapshot then follows from the base's in O(changed records) plus array copies, instead of O(events).
     */
    record Lineage(JourneySnapshot base, int[] replaced) {

        int baseSize() {
            return base.journeys.size();
        }
    }

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
        long latest = Long.MIN_VALUE;
        int[] open = new int[8];
        int opened = 0;
        for (int i = 0; i < journeys.size(); i++) {
            Journey journey = journeys.get(i);
            events += (long) journey.length() * journey.weight();
            weighted += journey.weight();
            if (movesTheClock(journey) && journey.endedAt() > latest) {
                latest = journey.endedAt();
            }
            if (journey.outcome() == Outcome.OPEN) {
                if (opened == open.length) {
                    open = java.util.Arrays.copyOf(open, opened * 2);
                }
                open[opened++] = i;
            }
        }
        this.openPositions = java.util.Arrays.copyOf(open, opened);
        this.hasOpenJourneys = opened > 0;
        this.latestEvent = latest;
        this.version = version;
        this.eventCount = events;
        this.journeyCount = weighted;
    }

    /** A snapshot whose totals were worked out from a previous one's: O(touchpoints), no pass over the journeys. */
    private JourneySnapshot(List<Touchpoint> touchpoints, Map<String, Touchpoint> touchpointsByName,
            List<Journey> journeys, JourneyIndex index, long version, long eventCount, long journeyCount,
            long latestEvent, int[] openPositions) {
        this.touchpoints = touchpoints;
        this.touchpointsByName = touchpointsByName;
        this.journeys = Collections.unmodifiableList(journeys);
        this.journeyIndex = index;
        this.version = version;
        this.eventCount = eventCount;
        this.journeyCount = journeyCount;
        this.latestEvent = latestEvent;
        this.openPositions = openPositions;
        this.hasOpenJourneys = openPositions.length > 0;
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
     * sequences that selections and top paths read, the step column that the passes over steps read, the start and
     * purchase times that trends and time to convert read, O(events)), so that no request waits for it.
     */
    public void prepareIndexes() {
        JourneyColumns.of(this);
        StepSequences.of(this);
        StepEdges.of(this);
        JourneyTimes.of(this);
        // Built: the next snapshots derive theirs from this one, and the base need no longer be kept.
        lineage = null;
    }

    /** Where this snapshot's indexes can be derived from, or null. */
    Lineage lineage() {
        return lineage;
    }

    /**
     * {@link #memo}, computing the value from the lineage base's value when this snapshot has a lineage and its base
     * has (or is computing) that value: {@code follow} returns null when it cannot follow the change, and then, as
     * without a lineage, {@code build} computes it anew.
     */
    <T> T memo(Object key, Class<T> type, java.util.function.BiFunction<T, Lineage, T> follow, Supplier<T> build) {
        return memo(key, type, () -> {
            Lineage from = lineage;
            T base = from == null ? null : from.base.kept(key, type);
            T followed = base == null ? null : follow.apply(base, from);
            return followed != null ? followed : build.get();
        });
    }

    /** The value kept under {@code key}, once computed (waiting for a computation under way), or null. */
    private <T> T kept(Object key, Class<T> type) {
        FutureTask<Object> task = memos.get(key);
        if (task == null) {
            return null;
        }
        try {
            return type.cast(task.get());
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a value of the snapshot", e);
        }
    }

    /**
     * The lineage of a snapshot made from this one with the records at {@code replaced} (positions, any order) put
     * in place and new ones appended: from this snapshot, or, while this one's indexes are not built (it is being
     * derived, or was replaced before its build), from this one's own base, with the replaced positions of both.
     */
    private Lineage lineageAfter(int[] replaced) {
        Lineage mine = lineage;
        JourneySnapshot base = mine == null ? this : mine.base;
        int baseSize = base.journeys.size();
        java.util.stream.IntStream positions = java.util.Arrays.stream(replaced).filter(at -> at < baseSize);
        if (mine != null) {
            positions = java.util.stream.IntStream.concat(java.util.Arrays.stream(mine.replaced), positions);
        }
        return new Lineage(base, positions.sorted().distinct().toArray());
    }

    /**
     * A value derived from this snapshot alone, computed on first use and then kept with the snapshot: a snapshot is
     * immutable, so an analysis may memoize what every request would otherwise recompute from all journeys (the
     * unfiltered transition graph, for one). Values must be immutable and small, as they live as long as the
     * snapshot; a concurrent first use of a key waits for the one computation. Keys of other packages should be their
     * own (package-private) objects, so they cannot collide.
     *
     * <p>The computation runs outside the map's locks, so it may itself use other keys, on this thread or on others
     * (the default graph export asks for the unfiltered transition graph on a second core); a map's
     * {@code computeIfAbsent} would forbid that, and could deadlock where two keys share a bin. If it throws (a
     * request's work budget ran out), nothing is kept: the thread that ran it rethrows, and a thread that waited for
     * it computes the value itself.
     */
    public <T> T memo(Object key, Class<T> type, Supplier<T> compute) {
        while (true) {
            FutureTask<Object> kept = memos.get(key);
            boolean mine = false;
            if (kept == null) {
                FutureTask<Object> task = new FutureTask<>(compute::get);
                kept = memos.putIfAbsent(key, task);
                if (kept == null) {
                    kept = task;
                    mine = true;
                    task.run();
                }
            }
            try {
                return type.cast(kept.get());
            } catch (ExecutionException e) {
                memos.remove(key, kept);
                if (mine) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a value of the snapshot", e);
            }
        }
    }

    /**
     * The latest event of the timed journeys that move the data's clock ({@link #movesTheClock}), epoch milliseconds;
     * {@link Long#MIN_VALUE} for none. O(1).
     */
    public long latestEvent() {
        return latestEvent;
    }

    /**
     * Whether {@code journey}'s last event counts towards {@link #latestEvent}, the time by which journeys are open: a
     * timed journey, unless its import declared its data finished ({@code openHorizon=0}). A finished log's times say
     * nothing about how far other data has got, so a second, unrelated file imported with {@code openHorizon=0} leaves
     * the journeys of other imports open or finished as they were.
     */
    public static boolean movesTheClock(Journey journey) {
        return journey.isTimed() && journey.openHorizon() != 0;
    }

    /** The positions of the open journeys in {@link #journeys()}, ascending; shared, not to be modified. */
    int[] openPositions() {
        return openPositions;
    }

    /**
     * A new snapshot with the given touchpoint list (the old one plus any new touchpoints) and the given journeys
     * added, or replacing the journeys of the same id. O(journeys) for the copy of the list of references and of the
     * id index (two array copies), plus O(upserts); no pass over the journeys themselves.
     */
    public JourneySnapshot withChanges(List<Touchpoint> newTouchpoints, Collection<Journey> upserts) {
        return withChanges(newTouchpoints, upserts, List.of());
    }

    /**
     * As {@link #withChanges(List, Collection)}, also dropping the journeys whose ids are in {@code removals}; with
     * removals, positions move, so the snapshot is built anew: O(journeys) passes over the journeys.
     */
    public JourneySnapshot withChanges(List<Touchpoint> newTouchpoints, Collection<Journey> upserts,
            Collection<String> removals) {
        if (removals.isEmpty()) {
            JourneySnapshot next = withUpserts(newTouchpoints, upserts);
            if (next != null) {
                return next;
            }
        }
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

    /**
     * The upserts applied without a pass over the journeys: the totals, the latest event and the open positions
     * follow the replaced and added records. Null when the latest event could move back (a replaced version held it),
     * which needs the pass.
     */
    private JourneySnapshot withUpserts(List<Touchpoint> newTouchpoints, Collection<Journey> upserts) {
        List<Journey> next = new ArrayList<>(journeys.size() + upserts.size());
        next.addAll(journeys);
        JourneyIndex index = journeyIndex.copyFor(next, upserts.size());
        if (index == null) {
            // The index would be over half full: it is built anew, at twice the size, with the snapshot.
            return null;
        }
        long events = eventCount;
        long weighted = journeyCount;
        long latest = latestEvent;
        java.util.TreeSet<Integer> open = null;
        int[] replaced = new int[upserts.size()];
        int replacedCount = 0;
        for (Journey journey : upserts) {
            int position = index.positionOf(journey.id());
            if (position >= 0) {
                replaced[replacedCount++] = position;
                Journey old = next.get(position);
                if (movesTheClock(old) && old.endedAt() == latestEvent
                        && !(movesTheClock(journey) && journey.endedAt() >= latestEvent)) {
                    return null;
                }
                events -= (long) old.length() * old.weight();
                weighted -= old.weight();
                next.set(position, journey);
            } else {
                position = next.size();
                next.add(journey);
                index.put(position);
            }
            events += (long) journey.length() * journey.weight();
            weighted += journey.weight();
            if (movesTheClock(journey) && journey.endedAt() > latest) {
                latest = journey.endedAt();
            }
            if (open == null) {
                open = new java.util.TreeSet<>();
                for (int at : openPositions) {
                    open.add(at);
                }
            }
            if (journey.outcome() == Outcome.OPEN) {
                open.add(position);
            } else {
                open.remove(position);
            }
        }
        JourneySnapshot snapshot = new JourneySnapshot(List.copyOf(newTouchpoints), byName(newTouchpoints), next,
                index, version + 1, events, weighted, latest, open == null ? openPositions
                        : open.stream().mapToInt(Integer::intValue).toArray());
        snapshot.lineage = lineageAfter(java.util.Arrays.copyOf(replaced, replacedCount));
        return snapshot;
    }

    /**
     * This snapshot with the records at {@code positions} replaced by {@code replacements} (the same ids: a change of
     * outcome), of the same version. O(journeys) for the copy of the list of references, O(open journeys + changes)
     * besides; the id index is shared.
     */
    JourneySnapshot withReplaced(int[] positions, List<Journey> replacements) {
        List<Journey> next = new ArrayList<>(journeys);
        java.util.TreeSet<Integer> open = new java.util.TreeSet<>();
        for (int at : openPositions) {
            open.add(at);
        }
        for (int i = 0; i < positions.length; i++) {
            Journey replacement = replacements.get(i);
            if (!replacement.id().equals(next.get(positions[i]).id())) {
                throw new IllegalArgumentException("a replacement must keep the id: " + replacement.id());
            }
            next.set(positions[i], replacement);
            if (replacement.outcome() == Outcome.OPEN) {
                open.add(positions[i]);
            } else {
                open.remove(positions[i]);
            }
        }
        JourneySnapshot snapshot = new JourneySnapshot(touchpoints, touchpointsByName, next, journeyIndex.over(next),
                version, eventCount, journeyCount, latestEvent, open.stream().mapToInt(Integer::intValue).toArray());
        snapshot.lineage = lineageAfter(positions);
        return snapshot;
    }

    private static Map<String, Touchpoint> byName(List<Touchpoint> touchpoints) {
        Map<String, Touchpoint> byName = new HashMap<>(touchpoints.size() * 2);
        for (int i = 0; i < touchpoints.size(); i++) {
            Touchpoint touchpoint = touchpoints.get(i);
            if (touchpoint.id() != i) {
                throw new IllegalArgumentException("touchpoint ids must be their list index: " + touchpoint);
            }
            byName.put(touchpoint.name(), touchpoint);
        }
        return byName;
    }
}
