package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.compare.SegmentComparison.OutcomeRate;
import com.journeyexplorer.analysis.stats.ChiSquare;
import com.journeyexplorer.analysis.stats.MultipleComparisons;
import com.journeyexplorer.analysis.stats.Proportions;
import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome part of a comparison: each outcome's rate in a and b with Wilson intervals and a pooled z-test, the
 * p-values Holm-adjusted over the outcomes compared, and a chi-square test of the whole outcome table. Open journeys
 * are compared only when either side has some (they were selected): otherwise their empty row would take part in the
 * adjustment and the test. O(outcomes).
 *
 * @param rates one per outcome compared, in the order of {@link Outcome}
 * @param test  the chi-square test of the outcomes × sides table
 */
record OutcomeComparison(List<OutcomeRate> rates, ChiSquare.Result test) {

    /** Compares the weighted journeys by outcome ordinal of a and b. */
    static OutcomeComparison of(long[] outcomesA, long[] outcomesB, double confidence) {
        long totalA = Arrays.stream(outcomesA).sum();
        long totalB = Arrays.stream(outcomesB).sum();
        boolean open = outcomesA[Outcome.OPEN.ordinal()] + outcomesB[Outcome.OPEN.ordinal()] > 0;
        Outcome[] values = Arrays.stream(Outcome.values()).filter(o -> open || o.isFinished())
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
        return new OutcomeComparison(List.copyOf(rates), ChiSquare.test(new long[][] {countsA, countsB}));
    }
}
