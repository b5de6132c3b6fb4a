package com.journeyexplorer.analysis.attribution;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for m comparisons, in the input order, as R's {@code p.adjust}: reject where the adjusted value
 * is at most the level. O(m log m).
 */
public final class MultipleComparisons {

    private MultipleComparisons() {
    }

    /**
     * Benjamini–Hochberg (false discovery rate): {@code min over j ≥ i of m · p(j) / j} on the ascending p-values,
     * capped at 1.
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] order = ascending(pValues);
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Holm (family-wise error): {@code max over j ≤ i of (m - j + 1) · p(j)} on the ascending p-values, capped at 1. */
    public static double[] holm(double[] pValues) {
        int m = pValues.length;
        Integer[] order = ascending(pValues);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 1; rank <= m; rank++) {
            int i = order[rank - 1];
            running = Math.max(running, Math.min(1, pValues[i] * (m - rank + 1)));
            adjusted[i] = running;
        }
        return adjusted;
    }

    private static Integer[] ascending(double[] pValues) {
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1]: " + Arrays.toString(pValues));
            }
        }
        Integer[] order = IntStream.range(0, pValues.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i));
        return order;
    }
}
