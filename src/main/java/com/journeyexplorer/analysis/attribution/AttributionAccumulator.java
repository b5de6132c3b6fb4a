package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.journey.Journey;

/**
 * One model's attribution of journeys fed one at a time ({@link AttributionModel#accumulator}), so that a caller
 * that also counts other things passes over the journeys once. The result does not depend on the order of the
 * journeys.
 */
public interface AttributionAccumulator {

    /** Adds the path of {@code journey} as {@link AttributionPath#of} makes it. */
    void add(Journey journey);

    /**
     * Adds {@code journey}, the record at {@code position} of the records whose step column is {@code edges}, a
     * record without frustration signals on its path: the same counts as {@link #add(Journey)}, for a caller that
     * passes over a snapshot's records by position. A model that counts transitions may read them from the column
     * by edge id instead of from the record's steps (always the same {@code edges} for one accumulator, and any
     * accumulator it merges with). The column holds every step, frustration signals too, so a record with some is
     * added by {@link #add(Journey, StepEdges, int, boolean)}.
     */
    default void add(Journey journey, StepEdges edges, int position) {
        add(journey);
    }

    /**
     * Adds the record at {@code position} as {@link #add(Journey)} does: from the column when {@code frustrated} is
     * false, else from its own steps, which {@link #add(Journey)} tests one by one to leave its frustration signals
     * out. {@code frustrated} is whether the record has frustration events
     * ({@link com.journeyexplorer.analysis.FrustrationEvents}), so a snapshot without them costs no test per step.
     */
    default void add(Journey journey, StepEdges edges, int position, boolean frustrated) {
        if (frustrated) {
            add(journey);
        } else {
            add(journey, edges, position);
        }
    }

    /** The attribution of the journeys added so far. */
    Attribution attribution();

    /**
     * An accumulator whose counts merge exactly: {@link #addAll} of one fed the later journeys gives, to the last bit,
     * the attribution of one accumulator fed them all, so a pass may count its halves apart.
     */
    interface Merging extends AttributionAccumulator {

        /** Adds the journeys of {@code later}, an accumulator of the same model and labels. */
        void addAll(Merging later);
    }
}
