package com.journeyexplorer.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Weighted counts of the directed edges between {@code nodes} numbered nodes, for one pass over journeys: per edge
 * how often it was taken ({@code count}), by how many journeys (each once, through {@link #startJourney}), and
 * optionally the durations of its steps. Edges get ids {@code [0, size())} in order of first use; an edge is found
 * through a dense {@code nodes²} table for up to {@value #DENSE_NODES} nodes, a hash map above. O(1) per event,
 * allocation-free once the arrays have grown (the durations excepted).
 */
final class EdgeTallies {

    static final int DENSE_NODES = 256;

    private final int nodes;
    private final int[] dense;
    private final Map<Long, Integer> sparse;
    private final boolean timed;
    private int size;
    private int journey;
    int[] from = new int[64];
    int[] to = new int[64];
    long[] count = new long[64];
    long[] journeys = new long[64];
    private int[] lastJourney = new int[64];
    private Durations[] durations;

    EdgeTallies(int nodes, boolean timed) {
        this.nodes = nodes;
        this.dense = nodes <= DENSE_NODES ? new int[nodes * nodes] : null;
        this.sparse = dense == null ? new HashMap<>() : null;
        this.timed = timed;
        this.durations = timed ? new Durations[64] : null;
    }

    int size() {
        return size;
    }

    /** Marks the start of the next journey, so that each edge counts it once in {@code journeys}. */
    void startJourney() {
        journey++;
    }

    /** Adds {@code weight} to edge {@code from → to}; returns the edge id. */
    int add(int source, int target, int weight) {
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
        if (durations[edge] == null) {
            durations[edge] = new Durations();
        }
        durations[edge].add(millis, weight);
    }

    /** The edge's duration statistics, {@link DurationStats#NONE} without durations; O(d log d). */
    DurationStats timing(int edge) {
        return timed && durations[edge] != null ? durations[edge].stats() : DurationStats.NONE;
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
            Integer stored = sparse.putIfAbsent((long) source * nodes + target, size);
            if (stored != null) {
                return stored;
            }
        }
        return append(source, target);
    }

    private int append(int source, int target) {
        if (size == from.length) {
            int grown = size * 2;
            from = Arrays.copyOf(from, grown);
            to = Arrays.copyOf(to, grown);
            count = Arrays.copyOf(count, grown);
            journeys = Arrays.copyOf(journeys, grown);
            lastJourney = Arrays.copyOf(lastJourney, grown);
            if (timed) {
                durations = Arrays.copyOf(durations, grown);
            }
        }
        from[size] = source;
        to[size] = target;
        return size++;
    }
}
