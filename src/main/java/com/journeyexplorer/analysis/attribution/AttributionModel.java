package com.journeyexplorer.analysis.attribution;

import java.util.List;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.Journey;

/**
 * Shares out the conversions of a set of paths among the labels (channels or touchpoints) on them. Implementations
 * are deterministic: the same paths in any order give bitwise-equal results.
 */
public interface AttributionModel {

    /** The model's name as the API spells it, e.g. {@code last_touch}. */
    String name();

    /** Attribution of {@code paths}; paths that did not convert count only where the model uses them (Markov). */
    Attribution attribute(List<AttributionPath> paths);

    /**
     * An accumulator of journeys of {@code snapshot} labelled at {@code level}: bitwise the same attribution as
     * {@link #attribute(List)} of their {@link AttributionPath#of paths}, computed from the journeys' touchpoint
     * arrays without a path object per journey (except time decay, which keeps the paths of converting journeys).
     */
    AttributionAccumulator accumulator(JourneySnapshot snapshot, LabelLevel level);

    /** Attribution of {@code journeys} of {@code snapshot} labelled at {@code level}, through {@link #accumulator}. */
    default Attribution attribute(JourneySnapshot snapshot, Iterable<Journey> journeys, LabelLevel level) {
        AttributionAccumulator accumulator = accumulator(snapshot, level);
        for (Journey journey : journeys) {
            accumulator.add(journey);
        }
        return accumulator.attribution();
    }
}
