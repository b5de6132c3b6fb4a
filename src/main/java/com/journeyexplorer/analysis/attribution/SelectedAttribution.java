package com.journeyexplorer.analysis.attribution;

import java.util.function.Predicate;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * One attribution model fed the selected journeys of a snapshot, with the journeys and the purchases among them
 * counted in the same pass (weights counted). O(events) plus the model's own work when its attribution is asked for.
 *
 * @param accumulator the model's accumulator, every selected journey added
 */
public record SelectedAttribution(AttributionAccumulator accumulator, long journeys, long purchases) {

    public static SelectedAttribution of(JourneySnapshot snapshot, Predicate<Journey> selected,
            AttributionModel model, TouchpointLabels labels) {
        AttributionAccumulator accumulator = model.accumulator(labels);
        long journeys = 0;
        long purchases = 0;
        for (Journey journey : snapshot.journeys()) {
            if (selected.test(journey)) {
                journeys += journey.weight();
                if (journey.outcome() == Outcome.PURCHASE) {
                    purchases += journey.weight();
                }
                accumulator.add(journey);
            }
        }
        return new SelectedAttribution(accumulator, journeys, purchases);
    }
}
