package com.journeyexplorer.analysis.compare;

import java.util.List;
import java.util.function.Predicate;

import com.journeyexplorer.analysis.EdgeTallies;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.analysis.TwoHalves;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * What key moments count over the selected journeys, in one pass: per touchpoint and outcome the weighted journeys
 * that saw it before their purchase (or end), the selected journeys per outcome, and the transition table of their
 * paths to purchase ({@link TransitionTable#withoutTimings}). Every count is an integer, so it does not depend on the
 * order in which the journeys are counted, nor on the threads that count them. O(events + edges · log edges).
 *
 * @param with  {@code with[touchpoint · OUTCOMES + outcome]}: weighted journeys with the touchpoint, by outcome
 * @param total weighted journeys by outcome ordinal
 */
record MomentCounts(long[] with, long[] total, TransitionTable table) {

    static final int OUTCOMES = Outcome.values().length;

    /**
     * The counts of the journeys of {@code snapshot} accepted by {@code filter} (which must be safe to call from two
     * threads), in two halves on two cores from {@value TwoHalves#PARALLEL_FROM} records on ({@link TwoHalves}).
     */
    static MomentCounts of(JourneySnapshot snapshot, Predicate<Journey> filter) {
        return of(snapshot, filter, TwoHalves.PARALLEL_FROM);
    }

    /** As {@link #of(JourneySnapshot, Predicate)}, in halves from {@code parallelFrom} records on. */
    static MomentCounts of(JourneySnapshot snapshot, Predicate<Journey> filter, int parallelFrom) {
        List<Journey> journeys = snapshot.journeys();
        int touchpoints = snapshot.touchpoints().size();
        return TwoHalves.count(journeys.size(), parallelFrom, (from, to) -> {
            Tally tally = new Tally(touchpoints);
            tally.count(journeys, filter, from, to);
            return tally;
        }, Tally::addAll).counts();
    }

    /** The weighted journeys that saw {@code touchpoint}, with {@code outcome}. */
    long with(int touchpoint, Outcome outcome) {
        return with[touchpoint * OUTCOMES + outcome.ordinal()];
    }

    /** The counts of one stretch of journey positions. */
    private static final class Tally {

        private final NodeSpace nodes;
        private final long[] with;
        private final long[] total = new long[OUTCOMES];
        private final EdgeTallies edges;
        /** The number of the last journey that saw each touchpoint, so that a journey counts a touchpoint once. */
        private final int[] lastSeenBy;
        private int journeyNumber;

        Tally(int touchpoints) {
            nodes = new NodeSpace(touchpoints);
            with = new long[touchpoints * OUTCOMES];
            edges = new EdgeTallies(nodes.size(), false);
            lastSeenBy = new int[touchpoints];
        }

        /** Counts the journeys at positions {@code [from, to)} accepted by {@code filter}. */
        void count(List<Journey> journeys, Predicate<Journey> filter, int from, int to) {
            for (int position = from; position < to; position++) {
                Journey journey = journeys.get(position);
                if (!filter.test(journey)) {
                    continue;
                }
                journeyNumber++;
                int outcome = journey.outcome().ordinal();
                int weight = journey.weight();
                total[outcome] += weight;
                // The purchase event is the outcome, not a moment that leads to it: count the steps before it.
                int moments = journey.purchaseIndex() >= 0 ? journey.purchaseIndex() : journey.length();
                int[] steps = journey.steps();
                for (int i = 0; i < moments; i++) {
                    int touchpoint = steps[i];
                    if (lastSeenBy[touchpoint] != journeyNumber) {
                        lastSeenBy[touchpoint] = journeyNumber;
                        with[touchpoint * OUTCOMES + outcome] += weight;
                    }
                }
                TransitionTable.addPathToPurchase(edges, nodes, journey);
            }
        }

        /** Adds the counts of {@code later}, a tally of the records after this one's; returns this tally. */
        Tally addAll(Tally later) {
            for (int i = 0; i < with.length; i++) {
                with[i] += later.with[i];
            }
            for (int i = 0; i < total.length; i++) {
                total[i] += later.total[i];
            }
            edges.addAll(later.edges);
            return this;
        }

        MomentCounts counts() {
            return new MomentCounts(with, total, TransitionTable.pathsToPurchase(nodes, edges));
        }
    }
}
