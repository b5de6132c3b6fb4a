package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.Journey;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two selections of journeys, a and b (weights counted): the rate of each outcome with Wilson intervals and
 * a pooled z-test (Holm-adjusted over the three outcomes) plus a chi-square test of the whole outcome table; the path
 * variants and the transitions whose shares of journeys differ most, with Benjamini–Hochberg adjusted p-values over
 * every variant (or transition) compared; and each selection's attribution by one model.
 *
 * <p>A variant is the path to purchase with its outcome ({@code A > B → (purchase)}); a transition's share is the
 * share of journeys that make it at least once (start and outcome nodes included), so that each share is a binomial
 * proportion. Each selection is passed over once, counting everything and feeding the model's
 * {@link AttributionModel#accumulator}. Cost O(steps of both selections + k log k) for k variants and transitions,
 * plus the model's.
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

    /** Transition counts are kept in a dense node × node matrix up to this many cells, else in a hash map. */
    private static final int DENSE_TRANSITIONS = 1 << 20;

    private SegmentComparison() {
    }

    /**
     * @param limit at most this many variants and transitions are returned (after adjusting over all of them)
     */
    public static Result compare(JourneySnapshot snapshot, List<Journey> a, List<Journey> b, AttributionModel model,
            LabelLevel level, double confidence, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        Side sideA = Side.of(snapshot, a, model, level);
        Side sideB = Side.of(snapshot, b, model, level);
        long[] outcomesA = sideA.outcomes;
        long[] outcomesB = sideB.outcomes;
        long totalA = sum(outcomesA);
        long totalB = sum(outcomesB);
        Outcome[] values = Outcome.values();
        double[] pValues = new double[values.length];
        List<Proportions.Comparison> comparisons = new ArrayList<>();
        for (Outcome outcome : values) {
            Proportions.Comparison comparison = Proportions.compare(outcomesA[outcome.ordinal()], totalA,
                    outcomesB[outcome.ordinal()], totalB, confidence);
            comparisons.add(comparison);
            pValues[outcome.ordinal()] = comparison.pValue();
        }
        double[] adjusted = MultipleComparisons.holm(pValues);
        List<OutcomeRate> rates = new ArrayList<>();
        for (Outcome outcome : values) {
            int o = outcome.ordinal();
            rates.add(new OutcomeRate(outcome, outcomesA[o], outcomesB[o],
                    Proportions.wilson(outcomesA[o], totalA, confidence),
                    Proportions.wilson(outcomesB[o], totalB, confidence), comparisons.get(o), adjusted[o]));
        }
        ChiSquare.Result outcomeTest = ChiSquare.test(new long[][] {outcomesA, outcomesB});
        List<ShareDifference> variants = differences(sideA.variantCounts(snapshot), sideB.variantCounts(snapshot),
                totalA, totalB, confidence, limit);
        List<ShareDifference> transitions = differences(sideA.transitionCounts(snapshot),
                sideB.transitionCounts(snapshot), totalA, totalB, confidence, limit);
        return new Result(totalA, totalB, rates, outcomeTest, variants, transitions, sideA.attribution.attribution(),
                sideB.attribution.attribution());
    }

    private static List<ShareDifference> differences(Map<String, Long> countsA, Map<String, Long> countsB,
            long totalA, long totalB, double confidence, int limit) {
        Set<String> keys = new TreeSet<>(countsA.keySet());
        keys.addAll(countsB.keySet());
        List<String> ordered = List.copyOf(keys);
        double[] pValues = new double[ordered.size()];
        List<Proportions.Comparison> comparisons = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            Proportions.Comparison comparison = Proportions.compare(countsA.getOrDefault(ordered.get(i), 0L), totalA,
                    countsB.getOrDefault(ordered.get(i), 0L), totalB, confidence);
            comparisons.add(comparison);
            pValues[i] = comparison.pValue();
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        List<ShareDifference> result = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            String key = ordered.get(i);
            result.add(new ShareDifference(key, countsA.getOrDefault(key, 0L), countsB.getOrDefault(key, 0L),
                    comparisons.get(i), adjusted[i]));
        }
        result.sort(Comparator.comparingDouble((ShareDifference d) -> -Math.abs(nanToZero(d.comparison()
                .difference()))).thenComparing(ShareDifference::key));
        return List.copyOf(result.subList(0, Math.min(limit, result.size())));
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /**
     * What one selection's single pass over its journeys counts (weights counted): outcomes; path variants keyed by
     * their touchpoint ids and outcome; the transitions each journey makes at least once, over node ids (touchpoints,
     * then start, then the outcomes); and the model's attribution. Names are made once per distinct variant or
     * transition at the end, not per journey.
     */
    private static final class Side {

        private final long[] outcomes = new long[Outcome.values().length];
        private final Map<Variant, long[]> variants = new HashMap<>();
        private final int start;
        private final int nodes;
        private final long[] transitions;
        private final int[] madeBy;
        private final Map<Long, long[]> sparseTransitions;
        private final AttributionAccumulator attribution;

        private Side(JourneySnapshot snapshot, AttributionAccumulator attribution) {
            this.start = snapshot.touchpoints().size();
            this.nodes = start + 1 + Outcome.values().length;
            boolean dense = (long) nodes * nodes <= DENSE_TRANSITIONS;
            this.transitions = dense ? new long[nodes * nodes] : null;
            this.madeBy = dense ? new int[nodes * nodes] : null;
            this.sparseTransitions = dense ? null : new HashMap<>();
            this.attribution = attribution;
        }

        static Side of(JourneySnapshot snapshot, List<Journey> journeys, AttributionModel model, LabelLevel level) {
            Side side = new Side(snapshot, model.accumulator(snapshot, level));
            Variant probe = new Variant();
            Set<Long> made = new HashSet<>();
            int journeyNumber = 0;
            for (Journey journey : journeys) {
                journeyNumber++;
                int outcome = journey.outcome().ordinal();
                side.outcomes[outcome] += journey.weight();
                int length = journey.pathLength();
                long[] variantCount = side.variants.get(probe.set(journey.steps(), length, outcome));
                if (variantCount == null) {
                    variantCount = new long[1];
                    side.variants.put(new Variant().set(Arrays.copyOf(journey.steps(), length), length, outcome),
                            variantCount);
                }
                variantCount[0] += journey.weight();
                side.countTransitions(journey, length, outcome, journeyNumber, made);
                side.attribution.add(journey);
            }
            return side;
        }

        /** Counts each transition of the path to purchase, start and outcome nodes included, once per journey. */
        private void countTransitions(Journey journey, int length, int outcome, int journeyNumber, Set<Long> made) {
            int previous = start;
            made.clear();
            for (int i = 0; i <= length; i++) {
                int next = i < length ? journey.steps()[i] : start + 1 + outcome;
                int cell = previous * nodes + next;
                if (transitions == null) {
                    if (made.add((long) cell)) {
                        sparseTransitions.computeIfAbsent((long) cell, key -> new long[1])[0] += journey.weight();
                    }
                } else if (madeBy[cell] != journeyNumber) {
                    madeBy[cell] = journeyNumber;
                    transitions[cell] += journey.weight();
                }
                previous = next;
            }
        }

        Map<String, Long> variantCounts(JourneySnapshot snapshot) {
            Map<String, Long> counts = new HashMap<>(variants.size() * 2);
            variants.forEach((variant, count) -> {
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < variant.length; i++) {
                    if (i > 0) {
                        key.append(" > ");
                    }
                    key.append(snapshot.touchpoint(variant.steps[i]).name());
                }
                key.append(" → ").append(Outcome.values()[variant.outcome].nodeName());
                counts.put(key.toString(), count[0]);
            });
            return counts;
        }

        Map<String, Long> transitionCounts(JourneySnapshot snapshot) {
            Map<String, Long> counts = new HashMap<>();
            if (transitions == null) {
                sparseTransitions.forEach((cell, count) -> counts.put(transitionName(snapshot, cell.intValue()),
                        count[0]));
            } else {
                for (int cell = 0; cell < transitions.length; cell++) {
                    if (transitions[cell] != 0) {
                        counts.put(transitionName(snapshot, cell), transitions[cell]);
                    }
                }
            }
            return counts;
        }

        private String transitionName(JourneySnapshot snapshot, int cell) {
            return nodeName(snapshot, cell / nodes) + " → " + nodeName(snapshot, cell % nodes);
        }

        private String nodeName(JourneySnapshot snapshot, int node) {
            return node < start ? snapshot.touchpoint(node).name()
                    : node == start ? NodeSpace.START_NAME : Outcome.values()[node - start - 1].nodeName();
        }
    }

    /** A path variant: touchpoint ids up to and including the first purchase, and the outcome's ordinal. */
    private static final class Variant {
        private int[] steps;
        private int length;
        private int outcome;
        private int hash;

        /** Points this key at {@code steps[0..length)} without copying (a probe) and returns it. */
        Variant set(int[] steps, int length, int outcome) {
            this.steps = steps;
            this.length = length;
            this.outcome = outcome;
            int h = 31 * outcome + length;
            for (int i = 0; i < length; i++) {
                h = 31 * h + steps[i];
            }
            this.hash = h;
            return this;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Variant variant && outcome == variant.outcome
                    && Arrays.equals(steps, 0, length, variant.steps, 0, variant.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
