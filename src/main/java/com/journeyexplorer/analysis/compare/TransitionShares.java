package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.EdgeTallies;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.journey.Outcome;

/**
 * The transitions that the journeys of a and b make at least once, over a {@link NodeSpace} (start and outcome nodes
 * included), so that each transition's share of journeys is a binomial proportion. Fed once per path variant with its
 * journeys in a and b, as every journey of a variant makes the same transitions; each side counts in its own
 * {@link EdgeTallies}, one variant standing for its journeys. O(variants' steps).
 */
final class TransitionShares {

    private final NodeSpace nodes;
    private final EdgeTallies tallyA;
    private final EdgeTallies tallyB;
    /** After {@link #finish}: per key, the edge of a or, for an edge only b made, -1 - the edge of b. */
    private int[] keyEdges;
    private long[] countsA;
    private long[] countsB;

    TransitionShares(NodeSpace nodes) {
        this.nodes = nodes;
        this.tallyA = new EdgeTallies(nodes.size(), false);
        this.tallyB = new EdgeTallies(nodes.size(), false);
    }

    /** Adds the transitions of path {@code steps[offset, offset + length)} ending in {@code outcome}. */
    void add(int[] steps, int offset, int length, int outcome, long journeysA, long journeysB) {
        if (journeysA > 0) {
            walk(tallyA, steps, offset, length, outcome, journeysA);
        }
        if (journeysB > 0) {
            walk(tallyB, steps, offset, length, outcome, journeysB);
        }
    }

    private void walk(EdgeTallies tally, int[] steps, int offset, int length, int outcome, long journeys) {
        tally.startJourney();
        int previous = nodes.start();
        for (int i = offset; i < offset + length; i++) {
            tally.add(previous, steps[i], journeys);
            previous = steps[i];
        }
        tally.add(previous, nodes.outcome(Outcome.values()[outcome]), journeys);
    }

    /**
     * Adds the transitions of {@code later}, fed the keys after this one's: the tallies merge as one tally of both
     * would have counted them ({@link EdgeTallies#addAll}), edge ids included. O(later's transitions).
     */
    TransitionShares addAll(TransitionShares later) {
        tallyA.addAll(later.tallyA);
        tallyB.addAll(later.tallyB);
        return this;
    }

    /** Lists the transitions of a, then those only b made, with their journeys in each. O(transitions). */
    void finish() {
        int onlyB = 0;
        for (int edge = 0; edge < tallyB.size(); edge++) {
            if (tallyA.find(tallyB.from(edge), tallyB.to(edge)) < 0) {
                onlyB++;
            }
        }
        int keys = tallyA.size() + onlyB;
        keyEdges = new int[keys];
        countsA = new long[keys];
        countsB = new long[keys];
        for (int edge = 0; edge < tallyA.size(); edge++) {
            int inB = tallyB.find(tallyA.from(edge), tallyA.to(edge));
            keyEdges[edge] = edge;
            countsA[edge] = tallyA.journeys(edge);
            countsB[edge] = inB < 0 ? 0 : tallyB.journeys(inB);
        }
        int key = tallyA.size();
        for (int edge = 0; edge < tallyB.size(); edge++) {
            if (tallyA.find(tallyB.from(edge), tallyB.to(edge)) < 0) {
                keyEdges[key] = -1 - edge;
                countsB[key++] = tallyB.journeys(edge);
            }
        }
    }

    /** After {@link #finish}: a's weighted journeys per transition. */
    long[] countsA() {
        return countsA;
    }

    /** After {@link #finish}: b's weighted journeys per transition. */
    long[] countsB() {
        return countsB;
    }

    /** The transition's name: {@code from → to} with {@link NodeSpace#name} of each node. */
    String name(int key, JourneySnapshot snapshot) {
        int edge = keyEdges[key];
        EdgeTallies tally = edge >= 0 ? tallyA : tallyB;
        int id = edge >= 0 ? edge : -1 - edge;
        return nodes.name(tally.from(id), snapshot) + " → " + nodes.name(tally.to(id), snapshot);
    }
}
