package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The directly-follows counts of a set of journeys, with the start and outcome nodes of {@link NodeSpace}: each
 * journey's path (to its first purchase, {@link Journey#pathLength()}) adds start → first step, each step → next step,
 * and last step of the path → its outcome, so a purchase edge leaves the purchase event. These transitions form a
 * complete absorbing Markov chain: every node's outgoing counts sum to its incoming ones, and per node the transition
 * probabilities sum to 1. Optionally, what follows a purchase (loyalty, advocacy, a second order) adds
 * <em>post-purchase</em> transitions, step → next step after the first purchase, flagged {@code postPurchase}: a layer
 * of its own, whose probabilities are shares of the post-purchase transitions leaving the same node.
 */
public final class TransitionTable {

    /**
     * One aggregated edge; {@code probability} is {@code count} over all counts leaving {@code from} in the same layer
     * (the path to purchase, or the post-purchase part).
     */
    public record Transition(int from, int to, long count, long journeys, double probability, DurationStats timing,
            boolean postPurchase) {
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

    /** Transitions ordered by layer (the path to purchase first), source, then descending count. */
    public List<Transition> transitions() {
        return transitions;
    }

    /**
     * Counts the transitions of the journeys accepted by {@code filter}, with their timings; O(events + edges) (the
     * timings' percentiles by selection, {@link Durations}).
     *
     * @param postPurchase also count the post-purchase transitions (what the aggregated graph in Neo4j holds);
     *                     without, only the paths to purchase count, as the Markov and attribution analyses need
     */
    public static TransitionTable of(JourneySnapshot snapshot, Predicate<Journey> filter, boolean postPurchase) {
        return of(snapshot, filter, postPurchase, true);
    }

    /**
     * The paths to purchase of the journeys accepted by {@code filter}, as {@link #of} counts them without
     * post-purchase transitions, but every timing {@link DurationStats#NONE}: for the analyses that need only counts
     * and probabilities. O(events + edges), no duration kept.
     */
    public static TransitionTable withoutTimings(JourneySnapshot snapshot, Predicate<Journey> filter) {
        return of(snapshot, filter, false, false);
    }

    /**
     * Adds the path to purchase of {@code journey} to {@code edges} (tallies over {@code nodes}), as
     * {@link #withoutTimings} counts it, for an analysis that counts the table in its own pass over the journeys:
     * start → first step, each step → next, last step → outcome. O(path length).
     */
    public static void addPathToPurchase(EdgeTallies edges, NodeSpace nodes, Journey journey) {
        edges.startJourney();
        int length = journey.pathLength();
        int weight = journey.weight();
        int previous = nodes.start();
        for (int i = 0; i <= length; i++) {
            int next = i < length ? journey.steps()[i] : nodes.outcome(journey.outcome());
            edges.add(previous, next, weight);
            previous = next;
        }
    }

    /**
     * The table of paths to purchase tallied by {@link #addPathToPurchase}: what {@link #withoutTimings} gives for
     * the same journeys, timings included if {@code edges} recorded them. O(edges · log edges).
     */
    public static TransitionTable pathsToPurchase(NodeSpace nodes, EdgeTallies edges) {
        return new TransitionTable(nodes, List.copyOf(transitions(edges, nodes, false)));
    }

    private static TransitionTable of(JourneySnapshot snapshot, Predicate<Journey> filter, boolean postPurchase,
            boolean timed) {
        NodeSpace nodes = new NodeSpace(snapshot.touchpoints().size());
        EdgeTallies edges = new EdgeTallies(nodes.size(), timed);
        EdgeTallies after = new EdgeTallies(nodes.size(), timed);
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            edges.startJourney();
            int length = journey.pathLength();
            int weight = journey.weight();
            int previous = nodes.start();
            for (int i = 0; i <= length; i++) {
                int next = i < length ? journey.steps()[i] : nodes.outcome(journey.outcome());
                int edge = edges.add(previous, next, weight);
                if (timed && i > 0 && i < length && journey.isTimed()) {
                    edges.addDuration(edge, journey.time(i) - journey.time(i - 1), weight);
                }
                previous = next;
            }
            if (postPurchase && length < journey.length()) {
                after.startJourney();
                for (int i = length; i < journey.length(); i++) {
                    int edge = after.add(journey.steps()[i - 1], journey.steps()[i], weight);
                    if (timed && journey.isTimed()) {
                        after.addDuration(edge, journey.time(i) - journey.time(i - 1), weight);
                    }
                }
            }
        }
        List<Transition> result = new ArrayList<>(edges.size() + after.size());
        result.addAll(transitions(edges, nodes, false));
        result.addAll(transitions(after, nodes, true));
        return new TransitionTable(nodes, List.copyOf(result));
    }

    /** The tallied edges of one layer, by source then descending count, with probabilities within the layer. */
    private static List<Transition> transitions(EdgeTallies edges, NodeSpace nodes, boolean postPurchase) {
        long[] outTotals = new long[nodes.size()];
        for (int edge = 0; edge < edges.size(); edge++) {
            outTotals[edges.from[edge]] += edges.count(edge);
        }
        List<Transition> result = new ArrayList<>(edges.size());
        for (int edge = 0; edge < edges.size(); edge++) {
            int from = edges.from[edge];
            result.add(new Transition(from, edges.to[edge], edges.count(edge), edges.journeys(edge),
                    (double) edges.count(edge) / outTotals[from], edges.timing(edge), postPurchase));
        }
        result.sort(Comparator.comparingInt(Transition::from)
                .thenComparing(Comparator.comparingLong(Transition::count).reversed())
                .thenComparingInt(Transition::to));
        return result;
    }
}
