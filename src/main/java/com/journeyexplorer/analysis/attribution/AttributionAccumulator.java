package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.journey.Journey;

/**
 * One model's attribution of journeys fed one at a time ({@link AttributionModel#accumulator}), so that a caller
 * that also counts other things passes over the journeys once. The result does not depend on the order of the
 * journeys.
 */
public interface AttributionAccumulator {

    /** Adds the path of {@code journey} as {@link AttributionPath#of} makes it. */
    void add(Journey journey);

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
