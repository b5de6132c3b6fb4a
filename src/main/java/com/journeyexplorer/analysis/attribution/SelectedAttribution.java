package com.journeyexplorer.analysis.attribution;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Predicate;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * One attribution model fed the selected journeys of a snapshot, with the journeys and the purchases among them
 * counted in the same pass (weights counted). O(events) plus the model's own work when its attribution is asked for.
 * The Markov model's counts merge exactly ({@link MarkovAttribution.ChainAccumulator#addAll}), so from
 * {@value #PARALLEL_FROM} records on its pass is made in two halves, the second on the common fork-join pool, and
 * merged in order: the same chain, to the last bit, as one pass.
 *
 * @param accumulator the model's accumulator, every selected journey added
 */
public record SelectedAttribution(AttributionAccumulator accumulator, long journeys, long purchases) {

    /** From this many journey records on, a Markov model's two halves are counted in parallel. */
    static final int PARALLEL_FROM = 100_000;

    /** {@code selected} must be safe to call from two threads. */
    public static SelectedAttribution of(JourneySnapshot snapshot, Predicate<Journey> selected,
            AttributionModel model, TouchpointLabels labels) {
        return of(snapshot, selected, model, labels, PARALLEL_FROM);
    }

    /** As the public {@code of}, in two halves from {@code parallelFrom} records on. */
    static SelectedAttribution of(JourneySnapshot snapshot, Predicate<Journey> selected, AttributionModel model,
            TouchpointLabels labels, int parallelFrom) {
        List<Journey> journeys = snapshot.journeys();
        AttributionAccumulator accumulator = model.accumulator(labels);
        if (journeys.size() < parallelFrom || !(accumulator instanceof MarkovAttribution.ChainAccumulator first)) {
            return count(accumulator, journeys, selected, 0, journeys.size());
        }
        int middle = journeys.size() / 2;
        MarkovAttribution.ChainAccumulator later = (MarkovAttribution.ChainAccumulator) model.accumulator(labels);
        ForkJoinTask<SelectedAttribution> secondHalf = ForkJoinPool.commonPool()
                .submit(() -> count(later, journeys, selected, middle, journeys.size()));
        SelectedAttribution firstHalf = count(first, journeys, selected, 0, middle);
        SelectedAttribution second = secondHalf.join();
        first.addAll(later);
        return new SelectedAttribution(first, firstHalf.journeys + second.journeys,
                firstHalf.purchases + second.purchases);
    }

    /** Feeds the selected journeys at positions {@code [from, to)} to {@code accumulator}. */
    private static SelectedAttribution count(AttributionAccumulator accumulator, List<Journey> journeys,
            Predicate<Journey> selected, int from, int to) {
        long selectedJourneys = 0;
        long purchases = 0;
        for (int position = from; position < to; position++) {
            Journey journey = journeys.get(position);
            if (selected.test(journey)) {
                selectedJourneys += journey.weight();
                if (journey.outcome() == Outcome.PURCHASE) {
                    purchases += journey.weight();
                }
                accumulator.add(journey);
            }
        }
        return new SelectedAttribution(accumulator, selectedJourneys, purchases);
    }
}
