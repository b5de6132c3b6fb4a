package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weighted counts of the directed edges between {@code nodes} numbered nodes, for one pass over journeys: per edge
 * how often it was taken ({@code count}), by how many journeys (each once, through {@link #startJourney}), and
 * optionally the durations of its steps. Edges get ids {@code [0, size())} in order of first use; an edge is found
 * through a dense {@code nodes²} table for up to {@value #DENSE_NODES} nodes, above that through an open-addressing
 * table of the edges in use (linear probing, at most half full), so memory grows with the edges, not with the square
 * of the nodes. O(1) per event, allocation-free once the arrays have grown.
 *
 * <p>An event costs about two cache misses once the tables outgrow the cache: one probe slot holds both the key and
 * the edge id (one {@code long}: the key {@code source · nodes + target} in the high half, which fits while
 * {@code nodes ≤ }{@value #PACKED_NODES}; above that a slot is two adjacent {@code long}s), and the counters an event
 * updates (count, journeys, the journey that last took the edge) lie side by side in one array.
 *
 * <p>Durations are appended to flat arrays in the order they come (one sequential write per event, no object per
 * edge), then grouped by edge with a counting sort when the first timing is asked for: O(durations + edges), and each
 * edge's percentiles by selection. Two tallies of consecutive parts of a pass merge ({@link #addAll}), so that halves
 * can be counted on two threads; the later part's durations are not copied at the merge but grouped with this tally's
 * (a channel-level pass over a clickstream's ten million steps spent a sixth of its time copying them).
 */
public final class EdgeTallies {

    static final int DENSE_NODES = 256;
    /** The most nodes whose keys, plus one, fit in the 31 bits of an int: 46,340² + 1 < 2³¹. */
    static final int PACKED_NODES = 46_340;

    /** Per edge: count, journeys, and the number of the journey that last took it, side by side. */
    private static final int STRIDE = 3;

    private final int nodes;
    private final int[] dense;
    /** Whether a probe slot is two longs (key + 1, edge id), as the keys do not fit in an int. */
    private final boolean wideKeys;
    /**
     * Open addressing, 0 in an empty slot: {@code (key + 1) << 32 | edge} per slot, or with {@link #wideKeys} the key
     * plus one and the edge id in two adjacent longs.
     */
    private long[] slots;
    private final boolean timed;
    private int size;
    private int journey;
    int[] from = new int[64];
    int[] to = new int[64];
    private long[] counters = new long[64 * STRIDE];
    /** The durations in the order added: edge, milliseconds, weight (null while every weight is 1). */
    private int[] durationEdge;
    private long[] durationMillis;
    private long[] durationWeight;
    private int durationCount;
    /** Once grouped: edge {@code e}'s durations are {@code [durationStart[e], durationStart[e + 1])}. */
    private int[] durationStart;
    /** Merged later parts whose durations follow this tally's, each with its edges' ids here; until grouped. */
    private final List<LaterPart> laterParts = new ArrayList<>(1);

    /** A merged tally of a later part of the pass, and by its edge id the edge's id here. */
    private record LaterPart(EdgeTallies tallies, int[] ids) {
    }

    /** From this many durations on, the timings are computed on two cores. */
    private static final int SPLIT_TIMINGS_FROM = 100_000;

    /** Tallies over nodes {@code [0, nodes)}; {@code timed} to record durations too. */
    public EdgeTallies(int nodes, boolean timed) {
        this.nodes = nodes;
        this.dense = nodes <= DENSE_NODES ? new int[nodes * nodes] : null;
        this.wideKeys = nodes > PACKED_NODES;
        if (dense == null) {
            slots = new long[wideKeys ? 512 : 256];
        }
        this.timed = timed;
        if (timed) {
            durationEdge = new int[64];
            durationMillis = new long[64];
        }
    }

    /** How many distinct edges were added. */
    public int size() {
        return size;
    }

    /** The edge's source node. */
    public int from(int edge) {
        return from[edge];
    }

    /** The edge's target node. */
    public int to(int edge) {
        return to[edge];
    }

    /** The weights added to the edge in all. */
    public long count(int edge) {
        return counters[edge * STRIDE];
    }

    /** The weights of the journeys that took the edge, each journey once. */
    public long journeys(int edge) {
        return counters[edge * STRIDE + 1];
    }

    /** The id of edge {@code source → target}, or -1 if it was never added; O(1) expected, adds nothing. */
    public int find(int source, int target) {
        if (dense != null) {
            return dense[source * nodes + target] - 1;
        }
        long key = (long) source * nodes + target;
        return edgeIn(slotOf(key), key);
    }

    /** Marks the start of the next journey, so that each edge counts it once in {@code journeys}. */
    public void startJourney() {
        journey++;
    }

    /** Adds {@code weight} to edge {@code from → to}; returns the edge id. */
    public int add(int source, int target, long weight) {
        int edge = edge(source, target);
        long[] tally = counters;
        int at = edge * STRIDE;
        tally[at] += weight;
        if (tally[at + 2] != journey) {
            tally[at + 2] = journey;
            tally[at + 1] += weight;
        }
        return edge;
    }

    /**
     * Adds the edges of {@code later}, a tally of the journeys that come after this one's in the same pass (made over
     * the same nodes, timed alike, neither timed yet): counts and journeys are summed, and durations appended after
     * this tally's, so that every edge ends with the same counts, the same durations in the same order, and so the
     * same timing, as one tally of both parts would have. Edges keep their ids and {@code later}'s new edges follow
     * in its order of first use, which is the order one tally would have given them. Journeys counted after a merge
     * start with {@link #startJourney}. {@code later}'s durations are read when the durations are grouped, so it must
     * not change after the merge. Returns, by {@code later}'s edge id, the edge's id here.
     * O(later's edges + durations).
     */
    public int[] addAll(EdgeTallies later) {
        if (later.nodes != nodes || later.timed != timed) {
            throw new IllegalArgumentException("tallies over different nodes or timing do not merge");
        }
        if (durationStart != null || later.durationStart != null) {
            throw new IllegalStateException("tallies merge before their durations are grouped");
        }
        journey++;
        int[] ids = new int[later.size];
        for (int edge = 0; edge < later.size; edge++) {
            int here = edge(later.from[edge], later.to[edge]);
            ids[edge] = here;
            counters[here * STRIDE] += later.counters[edge * STRIDE];
            counters[here * STRIDE + 1] += later.counters[edge * STRIDE + 1];
        }
        if (timed) {
            later.appendLaterParts();
            if (later.durationCount > 0) {
                laterParts.add(new LaterPart(later, ids));
            }
        }
        return ids;
    }

    /** Appends the durations of the merged later parts to this tally's own, in order. */
    private void appendLaterParts() {
        if (laterParts.isEmpty()) {
            return;
        }
        List<LaterPart> parts = List.copyOf(laterParts);
        laterParts.clear();
        for (LaterPart part : parts) {
            EdgeTallies later = part.tallies();
            for (int i = 0; i < later.durationCount; i++) {
                addDuration(part.ids()[later.durationEdge[i]], later.durationMillis[i],
                        later.durationWeight == null ? 1 : later.durationWeight[i]);
            }
        }
    }

    /** Records a duration on an edge; only for tallies made with {@code timed}. */
    void addDuration(int edge, long millis, long weight) {
        if (!laterParts.isEmpty()) {
            appendLaterParts(); // a duration added after a merge follows the merged part's
        }
        if (durationCount == durationMillis.length) {
            int grown = durationCount * 2;
            durationEdge = Arrays.copyOf(durationEdge, grown);
            durationMillis = Arrays.copyOf(durationMillis, grown);
            if (durationWeight != null) {
                durationWeight = Arrays.copyOf(durationWeight, grown);
            }
        }
        if (weight != 1 && durationWeight == null) {
            durationWeight = new long[durationMillis.length];
            Arrays.fill(durationWeight, 0, durationCount, 1);
        }
        durationEdge[durationCount] = edge;
        durationMillis[durationCount] = millis;
        if (durationWeight != null) {
            durationWeight[durationCount] = weight;
        }
        durationCount++;
    }

    /**
     * The edge's duration statistics, {@link DurationStats#NONE} without durations; once all durations are added.
     * The first call groups the durations by edge, O(durations + edges); then O(d) expected for the edge's d.
     */
    DurationStats timing(int edge) {
        if (!timed) {
            return DurationStats.NONE;
        }
        if (durationStart == null) {
            groupDurations();
        }
        return Durations.stats(durationMillis, durationWeight, durationStart[edge], durationStart[edge + 1]);
    }

    /**
     * The timings of {@code edges}, in that order: {@link #timing} of each, from {@value #SPLIT_TIMINGS_FROM}
     * durations on in two parts on two cores (the edges holding the first half of the durations, then the rest).
     */
    DurationStats[] timings(int[] edges) {
        DurationStats[] timings = new DurationStats[edges.length];
        if (!timed) {
            Arrays.fill(timings, DurationStats.NONE);
            return timings;
        }
        if (durationStart == null) {
            groupDurations();
        }
        long total = 0;
        for (int edge : edges) {
            total += durationStart[edge + 1] - durationStart[edge];
        }
        if (total < SPLIT_TIMINGS_FROM) {
            timings(edges, 0, edges.length, timings);
            return timings;
        }
        int split = 0;
        for (long first = 0; split < edges.length && first < total / 2; split++) {
            first += durationStart[edges[split] + 1] - durationStart[edges[split]];
        }
        int middle = split;
        TwoHalves.both(() -> timings(edges, 0, middle, timings), () -> timings(edges, middle, edges.length, timings));
        return timings;
    }

    private void timings(int[] edges, int from, int to, DurationStats[] timings) {
        for (int i = from; i < to; i++) {
            timings[i] = Durations.stats(durationMillis, durationWeight, durationStart[edges[i]],
                    durationStart[edges[i] + 1]);
        }
    }

    /**
     * Orders the durations by edge, keeping their order within an edge (counting sort): this tally's, then each
     * merged later part's, as if they had been appended at the merge.
     */
    private void groupDurations() {
        int total = durationCount;
        boolean weighted = durationWeight != null;
        for (LaterPart part : laterParts) {
            total += part.tallies().durationCount;
            weighted |= part.tallies().durationWeight != null;
        }
        int[] start = new int[size + 1];
        for (int i = 0; i < durationCount; i++) {
            start[durationEdge[i] + 1]++;
        }
        for (LaterPart part : laterParts) {
            int[] edgeOf = part.tallies().durationEdge;
            int[] ids = part.ids();
            for (int i = 0; i < part.tallies().durationCount; i++) {
                start[ids[edgeOf[i]] + 1]++;
            }
        }
        for (int edge = 0; edge < size; edge++) {
            start[edge + 1] += start[edge];
        }
        int[] next = Arrays.copyOf(start, size);
        long[] millis = new long[total];
        long[] weights = weighted ? new long[total] : null;
        place(durationEdge, null, durationMillis, durationWeight, durationCount, next, millis, weights);
        for (LaterPart part : laterParts) {
            EdgeTallies later = part.tallies();
            place(later.durationEdge, part.ids(), later.durationMillis, later.durationWeight, later.durationCount,
                    next, millis, weights);
        }
        laterParts.clear();
        durationMillis = millis;
        durationWeight = weights;
        durationEdge = null;
        durationCount = total;
        durationStart = start;
    }

    /** Puts {@code count} durations at their edges' next slots; {@code ids} maps their edge ids, or null. */
    private static void place(int[] edgeOf, int[] ids, long[] fromMillis, long[] fromWeights, int count, int[] next,
            long[] millis, long[] weights) {
        for (int i = 0; i < count; i++) {
            int edge = ids == null ? edgeOf[i] : ids[edgeOf[i]];
            int slot = next[edge]++;
            millis[slot] = fromMillis[i];
            if (weights != null) {
                weights[slot] = fromWeights == null ? 1 : fromWeights[i];
            }
        }
    }

    /** Edge ids ordered by source node then target node. */
    int[] bySourceThenTarget() {
        Integer[] order = new Integer[size];
        for (int edge = 0; edge < size; edge++) {
            order[edge] = edge;
        }
        Arrays.sort(order, (a, b) -> from[a] != from[b] ? Integer.compare(from[a], from[b])
                : Integer.compare(to[a], to[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private int edge(int source, int target) {
        if (dense != null) {
            int cell = source * nodes + target;
            int stored = dense[cell];
            if (stored != 0) {
                return stored - 1;
            }
            dense[cell] = size + 1;
            return append(source, target);
        }
        long key = (long) source * nodes + target;
        int slot = slotOf(key);
        int edge = edgeIn(slot, key);
        if (edge >= 0) {
            return edge;
        }
        edge = append(source, target);
        fill(slots, slot, key, edge);
        if ((long) size * 2 > capacity(slots)) {
            rehash();
        }
        return edge;
    }

    /** The slot that holds {@code key}, or else the empty slot where it goes: linear probing. */
    private int slotOf(long key) {
        long[] table = slots;
        if (wideKeys) {
            int mask = (table.length >>> 1) - 1;
            int slot = HashMixer.mix(key) & mask;
            for (long stored; (stored = table[2 * slot]) != 0 && stored != key + 1; slot = (slot + 1) & mask) {
                // probing
            }
            return slot;
        }
        long tag = (key + 1) << 32;
        int mask = table.length - 1;
        int slot = HashMixer.mix(key) & mask;
        for (long stored; (stored = table[slot]) != 0 && (stored & 0xFFFF_FFFF_0000_0000L) != tag;
                slot = (slot + 1) & mask) {
            // probing
        }
        return slot;
    }

    /** The edge id in the slot that {@link #slotOf} found for {@code key}, -1 when the slot is empty. */
    private int edgeIn(int slot, long key) {
        if (wideKeys) {
            return slots[2 * slot] == 0 ? -1 : (int) slots[2 * slot + 1];
        }
        long stored = slots[slot];
        return stored == 0 ? -1 : (int) stored;
    }

    private void fill(long[] table, int slot, long key, int edge) {
        if (wideKeys) {
            table[2 * slot] = key + 1;
            table[2 * slot + 1] = edge;
        } else {
            table[slot] = (key + 1) << 32 | edge;
        }
    }

    private int capacity(long[] table) {
        return wideKeys ? table.length >>> 1 : table.length;
    }

    /** Doubles the open-addressing table, re-inserting every edge. */
    private void rehash() {
        slots = new long[slots.length * 2];
        for (int edge = 0; edge < size; edge++) {
            long key = (long) from[edge] * nodes + to[edge];
            fill(slots, slotOf(key), key, edge);
        }
    }

    private int append(int source, int target) {
        if (size == from.length) {
            int grown = size * 2;
            from = Arrays.copyOf(from, grown);
            to = Arrays.copyOf(to, grown);
            counters = Arrays.copyOf(counters, grown * STRIDE);
        }
        from[size] = source;
        to[size] = target;
        return size++;
    }
}
