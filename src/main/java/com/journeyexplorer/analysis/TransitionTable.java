package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        EdgeTallies edges = new EdgeTallies(nodes.size(), true);
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            edges.startJourney();
            int length = toFirstPurchase ? journey.pathLength() : journey.length();
            int weight = journey.weight();
            int previous = nodes.start();
            for (int i = 0; i <= length; i++) {
                int next = i < length ? journey.steps()[i] : nodes.outcome(journey.outcome());
                int edge = edges.add(previous, next, weight);
                if (i > 0 && i < length && journey.isTimed()) {
                    edges.addDuration(edge, journey.times()[i] - journey.times()[i - 1], weight);
                }
                previous = next;
            }
        }
        long[] outTotals = new long[nodes.size()];
        for (int edge = 0; edge < edges.size(); edge++) {
            outTotals[edges.from[edge]] += edges.count[edge];
        }
        List<Transition> result = new ArrayList<>(edges.size());
        for (int edge = 0; edge < edges.size(); edge++) {
            int from = edges.from[edge];
            result.add(new Transition(from, edges.to[edge], edges.count[edge], edges.journeys[edge],
                    (double) edges.count[edge] / outTotals[from], edges.timing(edge)));
        }
        result.sort(Comparator.comparingInt(Transition::from)
                .thenComparing(Comparator.comparingLong(Transition::count).reversed())
                .thenComparingInt(Transition::to));
        return new TransitionTable(nodes, List.copyOf(result));
    }
}
