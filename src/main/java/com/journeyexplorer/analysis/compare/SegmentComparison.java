package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.FrustrationEvents;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.analysis.StepSequences;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.TwoHalves;
import com.journeyexplorer.analysis.attribution.Attribution;
import com.journeyexplorer.analysis.attribution.AttributionAccumulator;
import com.journeyexplorer.analysis.attribution.AttributionModel;
import com.journeyexplorer.analysis.attribution.MarkovAttribution;
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
 * {@link StepSequences} number and feeds the model's {@link AttributionModel#accumulator} each record with its
 * position (first-order Markov reads the transitions from the {@link StepEdges} by edge id); the transitions are then
 * counted once per variant. From {@value TwoHalves#PARALLEL_FROM} records on, the pass and the transitions are
 * counted in two halves on two cores and merged in order ({@link TwoHalves}), the same result to the last bit, and
 * the smaller side's attribution is computed on one core while the other's and the share differences are on the
 * other. Cost
 * O(journeys of both selections + variants' steps + k log k) for k variants and transitions, plus the model's.
 */
public final class SegmentComparison {

    /** One outcome's rate in a and b. */
    public record OutcomeRate(Outcome outcome, long countA, long countB, Interval rateA, Interval rateB,
            Proportions.Comparison comparison, double adjustedPValue) {
    }

    /**
     * The share of journeys with a variant or transition in a and b. {@code nodes} identify it: a variant's steps then
     * its outcome node, a transition's source and target; {@code key} joins them for display only, as touchpoint
     * names may hold the separators ({@code " > "}, {@code " → "}), so two keys may read alike.
     */
    public record ShareDifference(String key, List<String> nodes, long countA, long countB,
            Proportions.Comparison comparison, double adjustedPValue) {

        public ShareDifference {
            nodes = List.copyOf(nodes);
        }
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
        return compare(snapshot, StepSequences.of(snapshot), StepEdges.of(snapshot), snapshot.journeys(),
                a.positions(snapshot), b.positions(snapshot), model, attributionLabels, confidence, limit);
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
        return compare(snapshot, StepSequences.of(snapshot), StepEdges.of(snapshot), journeys,
                position -> a.test(journeys.get(position)), position -> b.test(journeys.get(position)), model,
                attributionLabels, confidence, limit);
    }

    /**
     * Compares the journeys {@code a} with the journeys {@code b}; their paths and step edges are numbered afresh.
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
        return compare(snapshot, StepSequences.of(both), StepEdges.of(both, snapshot.touchpoints().size()), both,
                position -> position < inA, position -> position >= inA, model, attributionLabels, confidence,
                limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
    }

    /**
     * The one pass: the records of {@code journeys} (numbered by {@code sequences}, their steps in {@code steps})
     * that {@code a} or {@code b} selects, by position. From {@value TwoHalves#PARALLEL_FROM} records on (and when the model's counts merge, as
     * every model's do) the records are counted in two halves on two cores, then the keys' transitions likewise, and
     * the two lists of share differences side by side ({@link TwoHalves}): every count merges in order, so the result
     * is the one-pass result to the last bit.
     */
    private static Result compare(JourneySnapshot snapshot, StepSequences sequences, StepEdges steps,
            List<Journey> journeys, IntPredicate a, IntPredicate b, AttributionModel model,
            TouchpointLabels attributionLabels, double confidence, int limit) {
        return compare(snapshot, sequences, steps, journeys, a, b, model, attributionLabels, confidence, limit,
                TwoHalves.PARALLEL_FROM);
    }

    /** As above, in halves from {@code parallelFrom} records (and keys) on (tests). */
    static Result compare(JourneySnapshot snapshot, StepSequences sequences, StepEdges steps,
            List<Journey> journeys, IntPredicate a, IntPredicate b, AttributionModel model,
            TouchpointLabels attributionLabels, double confidence, int limit, int parallelFrom) {
        int[] numbers = sequences.numbers(true);
        boolean merging = model.accumulator(attributionLabels) instanceof AttributionAccumulator.Merging;
        // The records whose frustration signals attribution leaves out: the snapshot's list, or one of these journeys
        FrustrationEvents frustrations = journeys == snapshot.journeys() ? FrustrationEvents.of(snapshot)
                : FrustrationEvents.of(journeys);
        Counts counts = TwoHalves.count(numbers.length, merging ? parallelFrom : Integer.MAX_VALUE,
                (from, to) -> Counts.of(sequences, steps, frustrations, numbers, journeys, a, b, model,
                        attributionLabels, from, to),
                Counts::addAll);
        OutcomeComparison outcomes = OutcomeComparison.of(counts.outcomesA, counts.outcomesB, confidence);
        long totalA = Arrays.stream(counts.outcomesA).sum();
        long totalB = Arrays.stream(counts.outcomesB).sum();
        List<List<ShareDifference>> differences = new ArrayList<>(List.of(List.of(), List.of()));
        Runnable shares = () -> shareDifferences(snapshot, steps, counts.variants, totalA, totalB, confidence, limit,
                parallelFrom, differences);
        Attribution[] attributions = new Attribution[2];
        Runnable attributeA = () -> attributions[0] = counts.attributionA.attribution();
        Runnable attributeB = () -> attributions[1] = counts.attributionB.attribution();
        if (numbers.length >= parallelFrom) {
            // The sides' attributions depend on nothing else. A Markov side (its chain solved with every removal
            // effect) takes about as long as the other side and the shares together: the side of more journeys here,
            // the shares, then the other side, on the second core. The shares first, because the two cores of a
            // small machine may share one unit for vector arithmetic: the larger side's dense block then runs beside
            // the shares' table look-ups rather than beside the other side's dense block (0.93 of the time on the
            // clickstream, BENCHMARKS.md). A heuristic side takes a fraction of the shares: the
            // larger side, then the shares here, the other side on the second core, whose thread then takes the
            // halves the shares split off. Work this thread splits (the dense products of a chain, the shares'
            // halves) goes to the pool, whose thread takes it once free; what a pool thread splits stays with it.
            boolean aLarger = totalA >= totalB;
            Runnable larger = aLarger ? attributeA : attributeB;
            Runnable smaller = aLarger ? attributeB : attributeA;
            if (counts.attributionA instanceof MarkovAttribution.ChainAccumulator) {
                TwoHalves.both(larger, () -> {
                    shares.run();
                    smaller.run();
                });
            } else {
                TwoHalves.both(() -> {
                    larger.run();
                    shares.run();
                }, smaller);
            }
        } else {
            shares.run();
            attributeA.run();
            attributeB.run();
        }
        return new Result(totalA, totalB, outcomes.rates(), outcomes.test(), differences.get(0),
                differences.get(1), attributions[0], attributions[1]);
    }

    /**
     * The variants' and the transitions' share differences, into {@code differences} (0 and 1): the keys'
     * transitions counted in halves from {@code parallelFrom} keys on, then the two lists side by side.
     */
    private static void shareDifferences(JourneySnapshot snapshot, StepEdges steps, PathVariants variants,
            long totalA, long totalB, double confidence, int limit, int parallelFrom,
            List<List<ShareDifference>> differences) {
        variants.finish();
        NodeSpace nodes = new NodeSpace(snapshot.touchpoints().size());
        TransitionShares transitions = TwoHalves.count(variants.keys(), parallelFrom,
                (from, to) -> variants.walk(new TransitionShares(nodes, steps), from, to), TransitionShares::addAll);
        transitions.finish();
        Runnable ofVariants = () -> differences.set(0, ShareDifferences.largest(variants.countsA(),
                variants.countsB(), key -> variants.nodes(key, snapshot), PathVariants::key, totalA, totalB, confidence,
                limit));
        Runnable ofTransitions = () -> differences.set(1, ShareDifferences.largest(transitions.countsA(),
                transitions.countsB(), key -> transitions.nodes(key, snapshot), TransitionShares::key, totalA, totalB,
                confidence, limit));
        if (variants.keys() >= parallelFrom) {
            TwoHalves.both(ofVariants, ofTransitions);
        } else {
            ofVariants.run();
            ofTransitions.run();
        }
    }

    /** What the pass counts over a range of records: outcomes, path variants and each side's attribution. */
    private static final class Counts {
        final long[] outcomesA = new long[Outcome.values().length];
        final long[] outcomesB = new long[Outcome.values().length];
        final PathVariants variants;
        final AttributionAccumulator attributionA;
        final AttributionAccumulator attributionB;

        private Counts(StepSequences sequences, AttributionModel model, TouchpointLabels labels) {
            variants = new PathVariants(sequences);
            attributionA = model.accumulator(labels);
            attributionB = model.accumulator(labels);
        }

        /** The selected records among positions {@code [from, to)}. */
        static Counts of(StepSequences sequences, StepEdges steps, FrustrationEvents frustrations, int[] numbers,
                List<Journey> journeys, IntPredicate a, IntPredicate b, AttributionModel model,
                TouchpointLabels labels, int from, int to) {
            Counts counts = new Counts(sequences, model, labels);
            FrustrationEvents.Records frustrated = frustrations.from(from);
            for (int position = from; position < to; position++) {
                boolean inA = a.test(position);
                boolean inB = b.test(position);
                if (!inA && !inB) {
                    continue;
                }
                Journey journey = journeys.get(position);
                int outcome = journey.outcome().ordinal();
                int weight = journey.weight();
                counts.variants.add(numbers[position], position, outcome, inA, inB, weight);
                if (inA) {
                    counts.outcomesA[outcome] += weight;
                    counts.attributionA.add(journey, steps, position, frustrated);
                }
                if (inB) {
                    counts.outcomesB[outcome] += weight;
                    counts.attributionB.add(journey, steps, position, frustrated);
                }
            }
            return counts;
        }

        /** Adds the counts of the records after this one's range (only for merging accumulators). */
        Counts addAll(Counts later) {
            for (int outcome = 0; outcome < outcomesA.length; outcome++) {
                outcomesA[outcome] += later.outcomesA[outcome];
                outcomesB[outcome] += later.outcomesB[outcome];
            }
            variants.addAll(later.variants);
            ((AttributionAccumulator.Merging) attributionA).addAll((AttributionAccumulator.Merging) later.attributionA);
            ((AttributionAccumulator.Merging) attributionB).addAll((AttributionAccumulator.Merging) later.attributionB);
            return this;
        }
    }
}
