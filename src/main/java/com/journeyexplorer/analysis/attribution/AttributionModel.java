package com.journeyexplorer.analysis.attribution;

import java.util.List;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.Journey;

/**
 * Shares out the conversions of a set of paths among the labels on them (touchpoints, channels, stages or groups, as
 * {@link TouchpointLabels} numbers them). Implementations are deterministic: the same paths in any order give
 * bitwise-equal results.
 */
public interface AttributionModel {

    /** The model's name as the API spells it, e.g. {@code last_touch}. */
    String name();

    /** Attribution of {@code paths}; paths that did not convert count only where the model uses them (Markov). */
    Attribution attribute(List<AttributionPath> paths);

    /**
     * An accumulator of journeys whose touchpoints are labelled by {@code labels}: bitwise the same attribution as
     * {@link #attribute(List)} of their {@link AttributionPath#of paths}, computed from the journeys' touchpoint
     * arrays without a path object per journey (except time decay, which keeps the paths of converting journeys).
     */
    AttributionAccumulator accumulator(TouchpointLabels labels);

    /** Attribution of {@code journeys} labelled by {@code labels}, through {@link #accumulator}. */
    default Attribution attribute(TouchpointLabels labels, Iterable<Journey> journeys) {
        AttributionAccumulator accumulator = accumulator(labels);
        for (Journey journey : journeys) {
            accumulator.add(journey);
        }
        return accumulator.attribution();
    }
}
