package com.journeyexplorer.analysis.attribution;

import java.util.List;
import java.util.function.Predicate;

import com.journeyexplorer.analysis.FrustrationEvents;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.TwoHalves;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * One attribution model fed the selected journeys of a snapshot, with the journeys and the purchases among them
 * counted in the same pass (weights counted). O(events) plus the model's own work when its attribution is asked for.
 * Every model's counts merge exactly ({@link AttributionAccumulator.Merging}: the Markov chain's counts, the
 * positional models' integer weights and exact value sums, time decay's exact sums), so from
 * {@value TwoHalves#PARALLEL_FROM} records on the pass is made in two halves on two cores ({@link TwoHalves}) and
 * merged in order: the same attribution, to the last bit, as one pass.
 *
 * @param accumulator the model's accumulator, every selected journey added
 * @param open        the open journeys among the selected ones, which the Markov chain leaves out
 */
public record SelectedAttribution(AttributionAccumulator accumulator, long journeys, long purchases, long open) {

    /** {@code selected} must be safe to call from two threads. */
    public static SelectedAttribution of(JourneySnapshot snapshot, Predicate<Journey> selected,
            AttributionModel model, TouchpointLabels labels) {
        return of(snapshot, selected, model, labels, TwoHalves.PARALLEL_FROM);
    }

    /** As the public {@code of}, in two halves from {@code parallelFrom} records on. */
    static SelectedAttribution of(JourneySnapshot snapshot, Predicate<Journey> selected, AttributionModel model,
            TouchpointLabels labels, int parallelFrom) {
        List<Journey> journeys = snapshot.journeys();
        StepEdges edges = StepEdges.of(snapshot);
        FrustrationEvents frustrations = FrustrationEvents.of(snapshot);
        AttributionAccumulator accumulator = model.accumulator(labels);
        if (!(accumulator instanceof AttributionAccumulator.Merging)) {
            return count(accumulator, journeys, edges, frustrations, selected, 0, journeys.size());
        }
        return TwoHalves.count(journeys.size(), parallelFrom,
                (from, to) -> count(from == 0 ? accumulator : model.accumulator(labels), journeys, edges,
                        frustrations, selected, from, to),
                SelectedAttribution::addAll);
    }

    /** The two halves' counts: the later one's added to this one's (exact). */
    private SelectedAttribution addAll(SelectedAttribution later) {
        ((AttributionAccumulator.Merging) accumulator).addAll((AttributionAccumulator.Merging) later.accumulator);
        return new SelectedAttribution(accumulator, journeys + later.journeys, purchases + later.purchases,
                open + later.open);
    }

    /**
     * Feeds the selected journeys at positions {@code [from, to)} to {@code accumulator}, with their step column
     * {@code edges}: the models read the steps from it in order rather than follow each record to its step array,
     * leaving out the steps of {@code frustrations}.
     */
    private static SelectedAttribution count(AttributionAccumulator accumulator, List<Journey> journeys,
            StepEdges edges, FrustrationEvents frustrations, Predicate<Journey> selected, int from, int to) {
        FrustrationEvents.Records frustrated = frustrations.from(from);
        long selectedJourneys = 0;
        long purchases = 0;
        long open = 0;
        for (int position = from; position < to; position++) {
            Journey journey = journeys.get(position);
            if (selected.test(journey)) {
                selectedJourneys += journey.weight();
                if (journey.outcome() == Outcome.PURCHASE) {
                    purchases += journey.weight();
                } else if (journey.outcome() == Outcome.OPEN) {
                    open += journey.weight();
                }
                accumulator.add(journey, edges, position, frustrated);
            }
        }
        return new SelectedAttribution(accumulator, selectedJourneys, purchases, open);
    }
}
