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
}
