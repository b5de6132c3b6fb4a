package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The directly-follows counts of a set of journeys, with the start and outcome nodes of {@link NodeSpace}: each
 * journey adds start → first step, each step → next step, and last step → its outcome. So every node's outgoing
 * counts sum to its incoming ones, and per node the transition probabilities sum to 1.
 */
public final class TransitionTable {

    /** One aggregated edge; {@code probability} is {@code count} over all counts leaving {@code from}. */
    public record Transition(int from, int to, long count, long journeys, double probability, DurationStats timing) {
    }

    private final NodeSpace nodes;
    private final List<Transition> transitions;

    private TransitionTable(NodeSpace nodes, List<Transition> transitions) {
        this.nodes = nodes;
        this.transitions = transitions;
    }

    public NodeSpace nodes() {
        return nodes;
    }

    /** Transitions ordered by source then descending count. */
    public List<Transition> transitions() {
        return transitions;
    }

    /**
     * Counts the transitions of the journeys accepted by {@code filter}; O(events · log events) for the timings.
     *
     * @param toFirstPurchase cut each purchasing journey after its first purchase (the path to purchase), as the
     *                        Markov and attribution analyses do; otherwise the whole journey counts
     */
    public static TransitionTable of(JourneySnapshot snapshot, Predicate<Journey> filter, boolean toFirstPurchase) {
        NodeSpace nodes = new NodeSpace(snapshot.touchpoints().size());
        long stride = nodes.size();
        Edges edges = new Edges(stride);
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            int length = toFirstPurchase ? journey.pathLength() : journey.length();
            int weight = journey.weight();
            int previous = nodes.start();
            for (int i = 0; i <= length; i++) {
                int next = i < length ? journey.steps()[i] : nodes.outcome(journey.outcome());
                Accumulator edge = edges.at(previous * stride + next);
                edge.count += weight;
                if (edge.lastJourney != journey) {
                    edge.lastJourney = journey;
                    edge.journeys += weight;
                }
                if (i > 0 && i < length && journey.isTimed()) {
                    edge.addDuration(journey.times()[i] - journey.times()[i - 1], weight);
                }
                previous = next;
            }
        }
        long[] outTotals = new long[nodes.size()];
        Map<Long, Accumulator> counted = edges.counted();
        counted.forEach((key, edge) -> outTotals[(int) (key / stride)] += edge.count);
        List<Transition> result = new ArrayList<>(counted.size());
        counted.forEach((key, edge) -> {
            int from = (int) (key / stride);
            int to = (int) (key % stride);
            result.add(new Transition(from, to, edge.count, edge.journeys, (double) edge.count / outTotals[from],
                    DurationStats.of(edge.durations, edge.durationCount)));
        });
        result.sort(Comparator.comparingInt(Transition::from)
                .thenComparing(Comparator.comparingLong(Transition::count).reversed())
                .thenComparingInt(Transition::to));
        return new TransitionTable(nodes, List.copyOf(result));
    }

    /**
     * The accumulators by edge key: a dense array while the node space is small (every store seen so far), so the
     * per-event look-up neither hashes nor boxes; a hash map beyond that.
     */
    private static final class Edges {

        private static final int DENSE_LIMIT = 1 << 16;

        private final Accumulator[] dense;
        private final Map<Long, Accumulator> sparse;

        Edges(long stride) {
            boolean small = stride * stride <= DENSE_LIMIT;
            this.dense = small ? new Accumulator[(int) (stride * stride)] : null;
            this.sparse = small ? null : new HashMap<>();
        }

        Accumulator at(long key) {
            if (dense == null) {
                return sparse.computeIfAbsent(key, unused -> new Accumulator());
            }
            Accumulator edge = dense[(int) key];
            if (edge == null) {
                edge = new Accumulator();
                dense[(int) key] = edge;
            }
            return edge;
        }

        /** The edges seen, by key (in key order for the dense table). */
        Map<Long, Accumulator> counted() {
            if (dense == null) {
                return sparse;
            }
            Map<Long, Accumulator> counted = new java.util.LinkedHashMap<>();
            for (int key = 0; key < dense.length; key++) {
                if (dense[key] != null) {
                    counted.put((long) key, dense[key]);
                }
            }
            return counted;
        }
    }

    private static final class Accumulator {
        long count;
        long journeys;
        Journey lastJourney;
        long[] durations = new long[4];
        int durationCount;

        void addDuration(long millis, int weight) {
            for (int w = 0; w < weight; w++) {
                if (durationCount == durations.length) {
                    durations = java.util.Arrays.copyOf(durations, durations.length * 2);
                }
                durations[durationCount++] = millis;
            }
        }
    }
}
