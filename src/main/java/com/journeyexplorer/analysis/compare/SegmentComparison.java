package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.StepSequences;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.attribution.Attribution;
import com.journeyexplorer.analysis.attribution.AttributionAccumulator;
import com.journeyexplorer.analysis.attribution.AttributionModel;
import com.journeyexplorer.analysis.stats.ChiSquare;
import com.journeyexplorer.analysis.stats.Interval;
import com.journeyexplorer.analysis.stats.Proportions;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Compares two selections of journeys, a and b (weights counted): the rate of each outcome
 * ({@link OutcomeComparison}); the path variants ({@link PathVariants}) and the transitions
 * ({@link TransitionShares}) whose shares of journeys differ most, with Benjamini–Hochberg adjusted p-values over
 * every variant (or transition) compared ({@link ShareDifferences}); and each selection's attribution by one model.
 *
 * <p>A variant is the path to purchase with its outcome ({@code A > B → (purchase)}); a transition's share is the
 * share of journeys that make it at least once (start and outcome nodes included), so that each share is a binomial
 * proportion. One pass over the journeys (both selections together) counts outcomes and variants by
 * {@link StepSequences} number and feeds the model's {@link AttributionModel#accumulator}; the transitions are then
 * counted once per variant. Cost O(journeys of both selections + variants' steps + k log k) for k variants and
 * transitions, plus the model's.
 */
public final class SegmentComparison {

    /** One outcome's rate in a and b. */
    public record OutcomeRate(Outcome outcome, long countA, long countB, Interval rateA, Interval rateB,
            Proportions.Comparison comparison, double adjustedPValue) {
    }

    /** The share of journeys with a variant or transition in a and b. */
    public record ShareDifference(String key, long countA, long countB, Proportions.Comparison comparison,
            double adjustedPValue) {
    }

    /** The comparison; {@code variants} and {@code transitions} by |difference| descending, at most the limit. */
    public record Result(long journeysA, long journeysB, List<OutcomeRate> outcomes, ChiSquare.Result outcomeTest,
            List<ShareDifference> variants, List<ShareDifference> transitions, Attribution attributionA,
            Attribution attributionB) {
    }

    private SegmentComparison() {
    }

    /**
     * Compares the journeys of {@code snapshot} in selection {@code a} with those in {@code b} (a journey may be in
     * both), in one pass over the snapshot's records that reads only those selected.
     *
     * @param limit at most this many variants and transitions are returned (after adjusting over all of them)
     */
    public static Result compare(JourneySnapshot snapshot, JourneySelection a, JourneySelection b,
            AttributionModel model, TouchpointLabels attributionLabels, double confidence, int limit) {
        checkLimit(limit);
        return compare(snapshot, StepSequences.of(snapshot), snapshot.journeys(), a.positions(snapshot),
                b.positions(snapshot), model, attributionLabels, confidence, limit);
    }

    /**
     * Compares the journeys of {@code snapshot} that pass {@code a} with those that pass {@code b} (a journey may be
     * in both), in one pass over the snapshot.
     *
     * @param limit at most this many variants and transitions are returned (after adjusting over all of them)
     */
    public static Result compare(JourneySnapshot snapshot, Predicate<Journey> a, Predicate<Journey> b,
            AttributionModel model, TouchpointLabels attributionLabels, double confidence, int limit) {
        checkLimit(limit);
        List<Journey> journeys = snapshot.journeys();
        return compare(snapshot, StepSequences.of(snapshot), journeys, position -> a.test(journeys.get(position)),
                position -> b.test(journeys.get(position)), model, attributionLabels, confidence, limit);
    }

    /**
     * Compares the journeys {@code a} with the journeys {@code b}; their paths are numbered afresh.
     *
     * @param limit at most this many variants and transitions are returned (after adjusting over all of them)
     */
    public static Result compare(JourneySnapshot snapshot, List<Journey> a, List<Journey> b, AttributionModel model,
            TouchpointLabels attributionLabels, double confidence, int limit) {
        checkLimit(limit);
        List<Journey> both = new ArrayList<>(a.size() + b.size());
        both.addAll(a);
        both.addAll(b);
        int inA = a.size();
        return compare(snapshot, StepSequences.of(both), both, position -> position < inA,
                position -> position >= inA, model, attributionLabels, confidence, limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
    }

    /**
     * The one pass: the records of {@code journeys} (numbered by {@code sequences}) that {@code a} or {@code b}
     * selects, by position.
     */
    private static Result compare(JourneySnapshot snapshot, StepSequences sequences, List<Journey> journeys,
            IntPredicate a, IntPredicate b, AttributionModel model, TouchpointLabels attributionLabels, double confidence, int limit) {
        AttributionAccumulator attributionA = model.accumulator(attributionLabels);
        AttributionAccumulator attributionB = model.accumulator(attributionLabels);
        long[] outcomesA = new long[Outcome.values().length];
        long[] outcomesB = new long[Outcome.values().length];
        PathVariants variants = new PathVariants(sequences);
        int[] numbers = sequences.numbers(true);
        for (int position = 0; position < numbers.length; position++) {
            boolean inA = a.test(position);
            boolean inB = b.test(position);
            if (!inA && !inB) {
                continue;
            }
            Journey journey = journeys.get(position);
            int outcome = journey.outcome().ordinal();
            int weight = journey.weight();
            variants.add(numbers[position], outcome, inA, inB, weight);
            if (inA) {
                outcomesA[outcome] += weight;
                attributionA.add(journey);
            }
            if (inB) {
                outcomesB[outcome] += weight;
                attributionB.add(journey);
            }
        }
        TransitionShares transitions = new TransitionShares(new NodeSpace(snapshot.touchpoints().size()));
        variants.finish(transitions);
        transitions.finish();
        OutcomeComparison outcomes = OutcomeComparison.of(outcomesA, outcomesB, confidence);
        long totalA = Arrays.stream(outcomesA).sum();
        long totalB = Arrays.stream(outcomesB).sum();
        return new Result(totalA, totalB, outcomes.rates(), outcomes.test(),
                ShareDifferences.largest(variants.countsA(), variants.countsB(), key -> variants.name(key, snapshot),
                        totalA, totalB, confidence, limit),
                ShareDifferences.largest(transitions.countsA(), transitions.countsB(),
                        key -> transitions.name(key, snapshot), totalA, totalB, confidence, limit),
                attributionA.attribution(), attributionB.attribution());
    }
}
