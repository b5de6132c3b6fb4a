package com.journeyexplorer.analysis;

import java.util.Arrays;

/**
 * Weighted counts of the directed edges between {@code nodes} numbered nodes, for one pass over journeys: per edge
 * how often it was taken ({@code count}), by how many journeys (each once, through {@link #startJourney}), and
 * optionally the durations of its steps. Edges get ids {@code [0, size())} in order of first use; an edge is found
 * through a dense {@code nodes²} table for up to {@value #DENSE_NODES} nodes, above that through an open-addressing
 * table of the edges in use (linear probing, at most half full), so memory grows with the edges, not with the square
 * of the nodes. O(1) per event, allocation-free once the arrays have grown. Durations are appended to flat arrays
 * in the order they come (one sequential write per event, no object per edge), then grouped by edge with a counting
 * sort when the first timing is asked for: O(durations + edges), and each edge's percentiles by selection.
 */
public final class EdgeTallies {

    static final int DENSE_NODES = 256;

    private final int nodes;
    private final int[] dense;
    /** Open addressing: {@code source · nodes + target} per slot, -1 when empty, and the edge id in the same slot. */
    private long[] sparseKeys;
    private int[] sparseEdges;
    private final boolean timed;
    private int size;
    private int journey;
    int[] from = new int[64];
    int[] to = new int[64];
    long[] count = new long[64];
    long[] journeys = new long[64];
    private int[] lastJourney = new int[64];
    /** The durations in the order added: edge, milliseconds, weight (null while every weight is 1). */
    private int[] durationEdge;
    private long[] durationMillis;
    private long[] durationWeight;
    private int durationCount;
    /** Once grouped: edge {@code e}'s durations are {@code [durationStart[e], durationStart[e + 1])}. */
    private int[] durationStart;

    /** Tallies over nodes {@code [0, nodes)}; {@code timed} to record durations too. */
    public EdgeTallies(int nodes, boolean timed) {
        this.nodes = nodes;
        this.dense = nodes <= DENSE_NODES ? new int[nodes * nodes] : null;
        if (dense == null) {
            sparseKeys = new long[256];
            Arrays.fill(sparseKeys, -1);
            sparseEdges = new int[256];
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
        return count[edge];
    }

    /** The weights of the journeys that took the edge, each journey once. */
    public long journeys(int edge) {
        return journeys[edge];
    }

    /** The id of edge {@code source → target}, or -1 if it was never added; O(1) expected, adds nothing. */
    public int find(int source, int target) {
        if (dense != null) {
            return dense[source * nodes + target] - 1;
        }
        long key = (long) source * nodes + target;
        int mask = sparseKeys.length - 1;
        for (int slot = slot(key, mask); sparseKeys[slot] != -1; slot = (slot + 1) & mask) {
            if (sparseKeys[slot] == key) {
                return sparseEdges[slot];
            }
        }
        return -1;
    }

    /** Marks the start of the next journey, so that each edge counts it once in {@code journeys}. */
    public void startJourney() {
        journey++;
    }

    /** Adds {@code weight} to edge {@code from → to}; returns the edge id. */
    public int add(int source, int target, long weight) {
        int edge = edge(source, target);
        count[edge] += weight;
        if (lastJourney[edge] != journey) {
            lastJourney[edge] = journey;
            journeys[edge] += weight;
        }
        return edge;
    }

    /** Records a duration on an edge; only for tallies made with {@code timed}. */
    void addDuration(int edge, long millis, int weight) {
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

    /** Orders the durations by edge, keeping their order within an edge (counting sort). */
    private void groupDurations() {
        int[] start = new int[size + 1];
        for (int i = 0; i < durationCount; i++) {
            start[durationEdge[i] + 1]++;
        }
        for (int edge = 0; edge < size; edge++) {
            start[edge + 1] += start[edge];
        }
        int[] next = Arrays.copyOf(start, size);
        long[] millis = new long[durationCount];
        long[] weights = durationWeight == null ? null : new long[durationCount];
        for (int i = 0; i < durationCount; i++) {
            int slot = next[durationEdge[i]]++;
            millis[slot] = durationMillis[i];
            if (weights != null) {
                weights[slot] = durationWeight[i];
            }
        }
        durationMillis = millis;
        durationWeight = weights;
        durationEdge = null;
        durationStart = start;
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
        } else {
            long key = (long) source * nodes + target;
            int mask = sparseKeys.length - 1;
            int slot = slot(key, mask);
            while (sparseKeys[slot] != -1) {
                if (sparseKeys[slot] == key) {
                    return sparseEdges[slot];
                }
                slot = (slot + 1) & mask;
            }
            sparseKeys[slot] = key;
            sparseEdges[slot] = size;
            if ((size + 1) * 2 > sparseKeys.length) {
                int edge = append(source, target);
                rehash();
                return edge;
            }
        }
        return append(source, target);
    }

    private static int slot(long key, int mask) {
        return HashMixer.mix(key) & mask;
    }

    /** Doubles the open-addressing table, re-inserting every edge. */
    private void rehash() {
        long[] keys = new long[sparseKeys.length * 2];
        int[] edges = new int[keys.length];
        Arrays.fill(keys, -1);
        int mask = keys.length - 1;
        for (int edge = 0; edge < size; edge++) {
            long key = (long) from[edge] * nodes + to[edge];
            int slot = slot(key, mask);
            while (keys[slot] != -1) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            edges[slot] = edge;
        }
        sparseKeys = keys;
        sparseEdges = edges;
    }

    private int append(int source, int target) {
        if (size == from.length) {
            int grown = size * 2;
            from = Arrays.copyOf(from, grown);
            to = Arrays.copyOf(to, grown);
            count = Arrays.copyOf(count, grown);
            journeys = Arrays.copyOf(journeys, grown);
            lastJourney = Arrays.copyOf(lastJourney, grown);
        }
        from[size] = source;
        to[size] = target;
        return size++;
    }
}
