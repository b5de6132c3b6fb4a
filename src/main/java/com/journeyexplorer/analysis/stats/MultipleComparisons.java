package com.journeyexplorer.analysis.stats;

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
     * capped at 1. Equal p-values get equal adjusted values (those of the highest rank among them), so a sort of the
     * values alone, not of their indices, does: O(m log m) on primitives.
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        check(pValues);
        int m = pValues.length;
        double[] sorted = pValues.clone();
        Arrays.sort(sorted);
        double[] adjustedByRank = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            running = Math.min(running, sorted[rank - 1] * m / rank);
            adjustedByRank[rank - 1] = running;
        }
        double[] adjusted = new double[m];
        // many comparisons share their p-value (keys of the same counts): the rank of each value searched last is
        // kept in a slot chosen by its bits, so a repeated value is not searched again
        int slots = Math.min(4096, Integer.highestOneBit(Math.max(1, m)) * 2);
        long[] keptBits = new long[slots];
        int[] keptRank = new int[slots];
        for (int i = 0; i < m; i++) {
            long bits = Double.doubleToRawLongBits(pValues[i]);
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 32) & (slots - 1); // Fibonacci hashing
            // a kept rank is its index plus one, so that 0 is an empty slot
            if (keptRank[slot] == 0 || keptBits[slot] != bits) {
                keptBits[slot] = bits;
                keptRank[slot] = lastIndexOf(sorted, pValues[i]) + 1;
            }
            adjusted[i] = adjustedByRank[keptRank[slot] - 1];
        }
        return adjusted;
    }

    /** The last index of {@code value} in the ascending {@code sorted} (in {@link Double#compare} order). */
    private static int lastIndexOf(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length; // the first index above value lies in [low, high]
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Double.compare(sorted[middle], value) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low - 1;
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

    private static void check(double[] pValues) {
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1]: " + Arrays.toString(pValues));
            }
        }
    }

    private static Integer[] ascending(double[] pValues) {
        check(pValues);
        Integer[] order = IntStream.range(0, pValues.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i));
        return order;
    }
}
