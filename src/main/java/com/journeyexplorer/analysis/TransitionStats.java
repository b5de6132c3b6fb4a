package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Probability and timing of every transition between shaped labels, with start and outcome nodes: the edges of a
 * {@link TransitionGraph} as plain records (the paths to purchase, a complete absorbing chain), optionally followed by
 * the post-purchase transitions, flagged {@code postPurchase}, among the labels after each journey's first purchase.
 * {@link TransitionTable} gives the same at raw touchpoint level.
 */
public record TransitionStats(List<Transition> transitions, long journeys) {

    /**
     * One transition; timing in seconds (mean, median, p90), empty on start and outcome edges. A post-purchase
     * transition's probability is its share of the post-purchase transitions leaving {@code from}.
     */
    public record Transition(String from, String to, long count, long journeys, double probability,
            DurationStats timing, boolean postPurchase) {
    }

    static final Comparator<TransitionEdge> ORDER = Comparator.comparingLong(TransitionEdge::count).reversed()
            .thenComparing(TransitionEdge::to);

    public TransitionStats {
        transitions = List.copyOf(transitions);
    }

    /**
     * Transitions of the selected journeys' shaped paths, a purchasing journey's path ending at its first purchase
     * (so the purchase edge leaves the purchase), then with {@code postPurchase} the transitions after it. Each part
     * ordered by source, descending count, then target. O(events + edges · log edges).
     */
    public static TransitionStats of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            boolean postPurchase) {
        return of(snapshot, selection, shaping, postPurchase, TwoHalves.PARALLEL_FROM);
    }

    /**
     * As {@link #of(JourneySnapshot, JourneySelection, PathShaping, boolean)}: each pass counts its two halves on two
     * cores from {@code parallelFrom} records on.
     */
    static TransitionStats of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            boolean postPurchase, int parallelFrom) {
        return TransitionCounts.of(snapshot, selection, shaping, postPurchase, parallelFrom, true).stats();
    }

    /** The transitions of an existing graph; O(edges · log edges). */
    public static TransitionStats of(TransitionGraph graph) {
        return new TransitionStats(graph.edges().stream()
                .map(edge -> new Transition(edge.from(), edge.to(), edge.count(), edge.journeys(),
                        edge.probability(), edge.timing(), false))
                .toList(), graph.journeys());
    }

    /** The post-purchase transitions of the selected records among positions {@code [from, to)}, tallied. */
    private static EdgeTallies afterPurchase(List<Journey> records, int from, int to, IntPredicate selected,
            StepEdges edges, PathShaper shaper) {
        EdgeTallies tallies = new EdgeTallies(shaper.labelCount(), true);
        LabelPath path = new LabelPath();
        for (int position = from; position < to; position++) {
            // only the records with steps after a purchase are read: their path is shorter than the record
            if (edges.pathLength(position) == edges.end(position) - edges.start(position) + 1
                    || !selected.test(position)) {
                continue;
            }
            Journey journey = records.get(position);
            shaper.shape(journey, false, path);
            int purchaseLabel = 0;
            while (purchaseLabel + 1 < path.length && path.starts[purchaseLabel + 1] <= journey.purchaseIndex()) {
                purchaseLabel++;
            }
            tallies.startJourney();
            for (int i = purchaseLabel; i + 1 < path.length; i++) {
                int edge = tallies.add(path.labels[i], path.labels[i + 1], journey.weight());
                if (journey.isTimed()) {
                    tallies.addDuration(edge, path.gapMillis(i), journey.weight());
                }
            }
        }
        return tallies;
    }

    /**
     * The post-purchase transitions of the selected journeys' shaped paths, tallied over the shaper's label ids: from
     * the label holding the first purchase to the next label, and so on to the end of the shaped journey, with their
     * durations. O(events after purchases); in two halves from {@code parallelFrom} records on.
     */
    static EdgeTallies afterPurchaseTallies(JourneySnapshot snapshot, JourneySelection selection, PathShaper shaper,
            int parallelFrom) {
        List<Journey> records = snapshot.journeys();
        IntPredicate selected = selection.positions(snapshot);
        StepEdges edges = StepEdges.of(snapshot);
        return TwoHalves.count(records.size(), parallelFrom,
                (from, to) -> afterPurchase(records, from, to, selected, edges, shaper), (first, later) -> {
                    first.addAll(later);
                    return first;
                });
    }
}
