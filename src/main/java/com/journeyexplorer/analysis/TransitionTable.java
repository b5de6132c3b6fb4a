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
        Map<Long, Accumulator> edges = new HashMap<>();
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            int length = toFirstPurchase ? journey.pathLength() : journey.length();
            int weight = journey.weight();
            int previous = nodes.start();
            long edgeMark = Long.MIN_VALUE;
            for (int i = 0; i <= length; i++) {
                int next = i < length ? journey.steps()[i] : nodes.outcome(journey.outcome());
                Accumulator edge = edges.computeIfAbsent(previous * stride + next, key -> new Accumulator());
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
            edgeMark++;
        }
        long[] outTotals = new long[nodes.size()];
        edges.forEach((key, edge) -> outTotals[(int) (key / stride)] += edge.count);
        List<Transition> result = new ArrayList<>(edges.size());
        edges.forEach((key, edge) -> {
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
