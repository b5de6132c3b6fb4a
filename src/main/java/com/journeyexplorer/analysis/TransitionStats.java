package com.journeyexplorer.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * Probability and timing of every transition between shaped labels, with start and outcome nodes: the edges of a
 * {@link TransitionGraph} as plain records. {@link TransitionTable} gives the same at raw touchpoint level.
 */
public record TransitionStats(List<Transition> transitions, long journeys) {

    /** One transition; timing in seconds (mean, median, p90), empty on start and outcome edges. */
    public record Transition(String from, String to, long count, long journeys, double probability,
            DurationStats timing) {
    }

    static final Comparator<TransitionEdge> ORDER = Comparator.comparingLong(TransitionEdge::count).reversed()
            .thenComparing(TransitionEdge::to);

    public TransitionStats {
        transitions = List.copyOf(transitions);
    }

    /**
     * Transitions of the selected journeys' shaped paths. With {@code toFirstPurchase} a purchasing journey's path
     * ends at its first purchase. Ordered by source, descending count, then target. O(events + edges · log edges).
     */
    public static TransitionStats of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            boolean toFirstPurchase) {
        return of(TransitionGraph.of(snapshot, selection.predicate(snapshot), shaping.shaper(snapshot),
                toFirstPurchase, true));
    }

    /** The transitions of an existing graph; O(edges · log edges). */
    public static TransitionStats of(TransitionGraph graph) {
        return new TransitionStats(graph.edges().stream()
                .map(edge -> new Transition(edge.from(), edge.to(), edge.count(), edge.journeys(),
                        edge.probability(), edge.timing()))
                .toList(), graph.journeys());
    }
}
