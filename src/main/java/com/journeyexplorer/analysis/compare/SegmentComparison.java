package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.attribution.Attribution;
import com.journeyexplorer.analysis.attribution.AttributionAccumulator;
import com.journeyexplorer.analysis.attribution.AttributionModel;
import com.journeyexplorer.analysis.attribution.LongCounts;
import com.journeyexplorer.analysis.stats.ChiSquare;
import com.journeyexplorer.analysis.stats.Interval;
import com.journeyexplorer.analysis.stats.MultipleComparisons;
import com.journeyexplorer.analysis.stats.Proportions;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compares two selections of journeys, a and b (weights counted): the rate of each outcome with Wilson intervals and
 * a pooled z-test (Holm-adjusted over the three outcomes) plus a chi-square test of the whole outcome table; the path
 * variants and the transitions whose shares of journeys differ most, with Benjamini–Hochberg adjusted p-values over
 * every variant (or transition) compared; and each selection's attribution by one model.
 *
 * <p>A variant is the path to purchase with its outcome ({@code A > B → (purchase)}); a transition's share is the
 * share of journeys that make it at least once (start and outcome nodes included), so that each share is a binomial
 * proportion. Everything is counted in one pass over the journeys (both selections together when given as
 * predicates), which also feeds the model's {@link AttributionModel#accumulator}. Cost O(steps of both selections
 * + k log k) for k variants and transitions, plus the model's.
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
    private static final int OUTCOME_BITS = 2;

    private SegmentComparison() {
    }

    /**
     * Compares the journeys of {@code snapshot} that pass {@code a} with those that pass {@code b} (a journey may be
     * in both), in one pass over the snapshot.
     *
     * @param attributionLabels the labels that each side's attribution credits (variants and transitions are
     *        always named by touchpoint)
     * @param limit at most this many variants and transitions are returned (after adjusting over all of them)
     */
    public static Result compare(JourneySnapshot snapshot, Predicate<Journey> a, Predicate<Journey> b,
            AttributionModel model, TouchpointLabels attributionLabels, double confidence, int limit) {
        checkLimit(limit);
        Side sideA = new Side(snapshot, model.accumulator(attributionLabels));
        Side sideB = new Side(snapshot, model.accumulator(attributionLabels));
        for (Journey journey : snapshot.journeys()) {
            if (a.test(journey)) {
                sideA.add(journey);
            }
            if (b.test(journey)) {
                sideB.add(journey);
            }
        }
        return compare(snapshot, sideA, sideB, confidence, limit);
    }

    /**
     * Compares the journeys {@code a} with the journeys {@code b}.
     *
     * @param attributionLabels the labels that each side's attribution credits
     * @param limit at most this many variants and transitions are returned (after adjusting over all of them)
     */
    public static Result compare(JourneySnapshot snapshot, List<Journey> a, List<Journey> b, AttributionModel model,
            TouchpointLabels attributionLabels, double confidence, int limit) {
        checkLimit(limit);
        Side sideA = new Side(snapshot, model.accumulator(attributionLabels));
        a.forEach(sideA::add);
        Side sideB = new Side(snapshot, model.accumulator(attributionLabels));
        b.forEach(sideB::add);
        return compare(snapshot, sideA, sideB, confidence, limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
    }

    private static Result compare(JourneySnapshot snapshot, Side sideA, Side sideB, double confidence, int limit) {
        long[] outcomesA = sideA.outcomes;
        long[] outcomesB = sideB.outcomes;
        long totalA = sum(outcomesA);
        long totalB = sum(outcomesB);
        // Open journeys are compared only when selected (includeOpen): otherwise their empty row would take part in
        // the multiple-comparison adjustment and the chi-square test.
        boolean open = outcomesA[Outcome.OPEN.ordinal()] + outcomesB[Outcome.OPEN.ordinal()] > 0;
        Outcome[] values = java.util.Arrays.stream(Outcome.values()).filter(o -> open || o.isFinished())
                .toArray(Outcome[]::new);
        double[] pValues = new double[values.length];
        long[] countsA = new long[values.length];
        long[] countsB = new long[values.length];
        List<Proportions.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            countsA[i] = outcomesA[values[i].ordinal()];
            countsB[i] = outcomesB[values[i].ordinal()];
            Proportions.Comparison comparison = Proportions.compare(countsA[i], totalA, countsB[i], totalB,
                    confidence);
            comparisons.add(comparison);
            pValues[i] = comparison.pValue();
        }
        double[] adjusted = MultipleComparisons.holm(pValues);
        List<OutcomeRate> rates = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rates.add(new OutcomeRate(values[i], countsA[i], countsB[i],
                    Proportions.wilson(countsA[i], totalA, confidence),
                    Proportions.wilson(countsB[i], totalB, confidence), comparisons.get(i), adjusted[i]));
        }
        ChiSquare.Result outcomeTest = ChiSquare.test(new long[][] {countsA, countsB});
        List<ShareDifference> variants = differences(sideA.variantCounts(), sideB.variantCounts(),
                sideA::variantName, totalA, totalB, confidence, limit);
        List<ShareDifference> transitions = differences(sideA.transitionCounts(), sideB.transitionCounts(),
                sideA::transitionName, totalA, totalB, confidence, limit);
        return new Result(totalA, totalB, rates, outcomeTest, variants, transitions, sideA.attribution.attribution(),
                sideB.attribution.attribution());
    }

    /**
     * The share differences of every key of either side, Benjamini–Hochberg adjusted over all of them; returns the
     * {@code limit} largest |difference| first (ties by name). Only the p-value of every key is computed; the full
     * comparison (intervals) and the name only for those returned and for ties at the cut.
     */
    private static <K> List<ShareDifference> differences(Map<K, long[]> countsA, Map<K, long[]> countsB,
            Function<K, String> name, long totalA, long totalB, double confidence, int limit) {
        List<K> keys = new ArrayList<>(countsA.keySet());
        for (K key : countsB.keySet()) {
            if (!countsA.containsKey(key)) {
                keys.add(key);
            }
        }
        int m = keys.size();
        long[] a = new long[m];
        long[] b = new long[m];
        double[] pValues = new double[m];
        double[] order = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = count(countsA, keys.get(i));
            b[i] = count(countsB, keys.get(i));
            pValues[i] = Proportions.pValue(a[i], totalA, b[i], totalB);
            order[i] = -Math.abs(nanToZero(Proportions.difference(a[i], totalA, b[i], totalB)));
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        String[] names = new String[m];
        Comparator<Integer> first = Comparator.comparingDouble((Integer i) -> order[i])
                .thenComparing(i -> names[i] != null ? names[i] : (names[i] = name.apply(keys.get(i))));
        PriorityQueue<Integer> kept = new PriorityQueue<>(first.reversed());
        for (int i = 0; i < m && limit > 0; i++) {
            if (kept.size() < limit) {
                kept.add(i);
            } else if (first.compare(i, kept.peek()) < 0) {
                kept.poll();
                kept.add(i);
            }
        }
        List<Integer> top = new ArrayList<>(kept);
        top.sort(first);
        List<ShareDifference> result = new ArrayList<>(top.size());
        for (int i : top) {
            String key = names[i] != null ? names[i] : name.apply(keys.get(i));
            result.add(new ShareDifference(key, a[i], b[i], Proportions.compare(a[i], totalA, b[i], totalB,
                    confidence), adjusted[i]));
        }
        return List.copyOf(result);
    }

    private static <K> long count(Map<K, long[]> counts, K key) {
        long[] count = counts.get(key);
        return count == null ? 0 : count[0];
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
        private final LongCounts packedVariants = new LongCounts();
        private final Map<Variant, long[]> longVariants = new HashMap<>();
        private final int idBits;
        private final int maxPackedLength;
        private final int start;
        private final int nodes;
        private final long[] transitions;
        private final int[] madeBy;
        private final LongCounts sparseTransitions;
        private long[] journeyCells = new long[64];
        private final AttributionAccumulator attribution;
        private final Variant probe = new Variant();
        private int journeyNumber;
        private final JourneySnapshot snapshot;

        Side(JourneySnapshot snapshot, AttributionAccumulator attribution) {
            this.snapshot = snapshot;
            this.start = snapshot.touchpoints().size();
            this.idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(start));
            this.maxPackedLength = (Long.SIZE - 1 - OUTCOME_BITS) / idBits;
            this.nodes = start + 1 + Outcome.values().length;
            boolean dense = (long) nodes * nodes <= DENSE_TRANSITIONS;
            this.transitions = dense ? new long[nodes * nodes] : null;
            this.madeBy = dense ? new int[nodes * nodes] : null;
            this.sparseTransitions = dense ? null : new LongCounts();
            this.attribution = attribution;
        }

        void add(Journey journey) {
            journeyNumber++;
            int outcome = journey.outcome().ordinal();
            outcomes[outcome] += journey.weight();
            int length = journey.pathLength();
            if (length <= maxPackedLength) {
                packedVariants.add(pack(journey.steps(), length, outcome), journey.weight());
            } else {
                long[] variantCount = longVariants.get(probe.set(journey.steps(), length, outcome));
                if (variantCount == null) {
                    variantCount = new long[1];
                    longVariants.put(new Variant().set(Arrays.copyOf(journey.steps(), length), length, outcome),
                            variantCount);
                }
                variantCount[0] += journey.weight();
            }
            countTransitions(journey, length, outcome);
            attribution.add(journey);
        }

        /**
         * A short variant as one long: touchpoint id + 1 in {@code idBits} each (0 = no step, so lengths differ),
         * then the outcome in the low bits; {@code >= 0}.
         */
        private long pack(int[] steps, int length, int outcome) {
            long key = 0;
            for (int i = 0; i < length; i++) {
                key = key << idBits | (steps[i] + 1);
            }
            return key << OUTCOME_BITS | outcome;
        }

        /** The variants by key: a packed {@code Long} for short ones, a {@link Variant} for longer ones. */
        Map<Object, long[]> variantCounts() {
            Map<Object, long[]> counts = new HashMap<>((packedVariants.size() + longVariants.size()) * 2);
            packedVariants.forEach((key, count) -> counts.put(key, new long[] {count}));
            counts.putAll(longVariants);
            return counts;
        }

        String variantName(Object key) {
            if (key instanceof Variant variant) {
                return variant.name(snapshot);
            }
            long packed = (Long) key;
            int outcome = (int) (packed & ((1 << OUTCOME_BITS) - 1));
            List<Integer> steps = new ArrayList<>();
            for (long rest = packed >>> OUTCOME_BITS; rest != 0; rest >>>= idBits) {
                steps.add((int) (rest & ((1L << idBits) - 1)) - 1);
            }
            Collections.reverse(steps);
            int[] ids = steps.stream().mapToInt(Integer::intValue).toArray();
            return new Variant().set(ids, ids.length, outcome).name(snapshot);
        }

        /**
         * Counts each transition of the path to purchase, start and outcome nodes included, once per journey: in a
         * dense table stamped with the journey's number while nodes² is small, otherwise the journey's cells are
         * sorted and each distinct one counted in an open-addressing table, O(steps · log steps) per journey.
         */
        private void countTransitions(Journey journey, int length, int outcome) {
            int previous = start;
            if (journeyCells.length < length + 1) {
                journeyCells = new long[Math.max(length + 1, journeyCells.length * 2)];
            }
            for (int i = 0; i <= length; i++) {
                int next = i < length ? journey.steps()[i] : start + 1 + outcome;
                long cell = (long) previous * nodes + next;
                if (transitions == null) {
                    journeyCells[i] = cell;
                } else if (madeBy[(int) cell] != journeyNumber) {
                    madeBy[(int) cell] = journeyNumber;
                    transitions[(int) cell] += journey.weight();
                }
                previous = next;
            }
            if (transitions == null) {
                Arrays.sort(journeyCells, 0, length + 1);
                for (int i = 0; i <= length; i++) {
                    if (i == 0 || journeyCells[i] != journeyCells[i - 1]) {
                        sparseTransitions.add(journeyCells[i], journey.weight());
                    }
                }
            }
        }

        /** Transition counts by node × node cell. */
        Map<Long, long[]> transitionCounts() {
            Map<Long, long[]> counts = new HashMap<>();
            if (transitions == null) {
                sparseTransitions.forEach((cell, count) -> counts.put(cell, new long[] {count}));
                return counts;
            }
            for (int cell = 0; cell < transitions.length; cell++) {
                if (transitions[cell] != 0) {
                    counts.put((long) cell, new long[] {transitions[cell]});
                }
            }
            return counts;
        }

        String transitionName(long cell) {
            return nodeName((int) (cell / nodes)) + " → " + nodeName((int) (cell % nodes));
        }

        private String nodeName(int node) {
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

        /** As the API shows it: {@code A > B → (purchase)}. */
        String name(JourneySnapshot snapshot) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    name.append(" > ");
                }
                name.append(snapshot.touchpoint(steps[i]).name());
            }
            return name.append(" → ").append(Outcome.values()[outcome].nodeName()).toString();
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
