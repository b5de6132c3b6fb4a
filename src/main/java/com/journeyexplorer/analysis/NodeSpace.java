package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Numbering of the nodes of a transition graph: touchpoints keep their ids {@code [0, n)}; the start node is
 * {@code n} and the outcome nodes follow it, so that the graph is a complete absorbing Markov chain. The start node's
 * name is declared here once ({@link #START_NAME}); the outcome nodes' names are {@link Outcome#nodeName()}.
 */
public record NodeSpace(int touchpointCount) {

    public static final String START_NAME = "(start)";
    private static final Set<String> RESERVED_NAMES = reservedNames();

    /**
     * Whether {@code name} is the start node's or an outcome node's: no touchpoint, channel, stage or group may take
     * it, as the graph and the analyses would take its steps for that node.
     */
    public static boolean isReservedName(String name) {
        return RESERVED_NAMES.contains(name);
    }

    private static Set<String> reservedNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(START_NAME);
        for (Outcome outcome : Outcome.values()) {
            names.add(outcome.nodeName());
        }
        return Set.copyOf(names);
    }

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

    /** The node's name: the touchpoint name, {@value #START_NAME}, or the outcome's {@link Outcome#nodeName()}. */
    public String name(int node, JourneySnapshot snapshot) {
        return name(node, snapshot.touchpoints());
    }

    /** The node's name, its touchpoint's (by id in {@code touchpoints}) for a touchpoint node. */
    public String name(int node, List<Touchpoint> touchpoints) {
        if (isTouchpoint(node)) {
            return touchpoints.get(node).name();
        }
        return node == start() ? START_NAME : outcomeAt(node).nodeName();
    }
}
