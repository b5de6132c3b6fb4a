package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

/**
 * Numbering of the nodes of a transition graph: touchpoints keep their ids {@code [0, n)}; the start node is
 * {@code n} and the three outcome nodes follow it, so that the graph is a complete absorbing Markov chain.
 */
public record NodeSpace(int touchpointCount) {

    public static final String START_NAME = "(start)";

    public int start() {
        return touchpointCount;
    }

    public int outcome(Outcome outcome) {
        return touchpointCount + 1 + outcome.ordinal();
    }

    public int size() {
        return touchpointCount + 1 + Outcome.values().length;
    }

    public boolean isTouchpoint(int node) {
        return node < touchpointCount;
    }

    public boolean isOutcome(int node) {
        return node > touchpointCount;
    }

    public Outcome outcomeAt(int node) {
        return Outcome.values()[node - touchpointCount - 1];
    }

    /** The node's name: the touchpoint name, {@code (start)}, or the outcome's {@link Outcome#nodeName()}. */
    public String name(int node, JourneySnapshot snapshot) {
        if (isTouchpoint(node)) {
            return snapshot.touchpoint(node).name();
        }
        return node == start() ? START_NAME : outcomeAt(node).nodeName();
    }
}
