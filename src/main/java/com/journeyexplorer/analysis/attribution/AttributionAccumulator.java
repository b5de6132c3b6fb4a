package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.FrustrationEvents;
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
     * added by {@link #add(Journey, StepEdges, int, FrustrationEvents.Records)}.
     */
    default void add(Journey journey, StepEdges edges, int position) {
        add(journey);
    }

    /**
     * Adds the record at {@code position} as {@link #add(Journey)} does, from the column: a record without frustration
     * events as {@link #add(Journey, StepEdges, int)}, one with some less the steps {@code frustrated} lists for it.
     * {@code frustrated} is a cursor over the frustration events of the records of {@code edges}
     * ({@link com.journeyexplorer.analysis.FrustrationEvents}), asked in ascending position order, so a record
     * without them costs one comparison and none costs an allocation. This default reads a record with some from its
     * own steps ({@link #add(Journey)}); the models read it from the column into buffers of their own.
     */
    default void add(Journey journey, StepEdges edges, int position, FrustrationEvents.Records frustrated) {
        if (frustrated.has(position)) {
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
