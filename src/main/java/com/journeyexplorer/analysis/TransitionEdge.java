package com.journeyexplorer.analysis;

import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * An edge of a {@link TransitionGraph}: how often the transition was taken ({@code count}, weighted), by how many
 * journeys ({@code journeys}, weighted, each journey once), its probability among all transitions leaving its
 * source, and the time between the two steps. The graph weight of the edge is {@code -log(probability)}.
 */
public class TransitionEdge extends DefaultWeightedEdge {

    private static final long serialVersionUID = 1L;

    private final String from;
    private final String to;
    private final long count;
    private final long journeys;
    private final double probability;
    private final DurationStats timing;

    TransitionEdge(String from, String to, long count, long journeys, double probability, DurationStats timing) {
        this.from = from;
        this.to = to;
        this.count = count;
        this.journeys = journeys;
        this.probability = probability;
        this.timing = timing;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public long count() {
        return count;
    }

    public long journeys() {
        return journeys;
    }

    public double probability() {
        return probability;
    }

    /** Time from the source step's last event to the target step's first; empty on start and outcome edges. */
    public DurationStats timing() {
        return timing;
    }

    @Override
    public String toString() {
        return from + " -> " + to + " (" + count + ", p=" + probability + ")";
    }
}
