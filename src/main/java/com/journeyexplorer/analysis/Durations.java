package com.journeyexplorer.analysis;

import java.util.Arrays;

/**
 * Collects weighted durations for a {@link DurationStats}; the percentiles are weighted nearest-rank, found by
 * selection rather than by sorting: O(n) expected per set of durations, whatever their order.
 */
final class Durations {

    /** Selection rounds before a range is sorted instead, so that unlucky pivots cost O(n log n) at worst. */
    private static final int MAX_ROUNDS = 64;

    private long[] millis = new long[4];
    private long[] weights = new long[4];
    private int size;

    void add(long duration, long weight) {
        if (size == millis.length) {
            millis = Arrays.copyOf(millis, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        millis[size] = duration;
        weights[size] = weight;
        size++;
    }

    /** Adds the durations of {@code later} after these, in their order. */
    void addAll(Durations later) {
        for (int i = 0; i < later.size; i++) {
            add(later.millis[i], later.weights[i]);
        }
    }

    /** O(n) expected; reorders the collected durations. */
    DurationStats stats() {
        return stats(millis, weights, 0, size);
    }

    /**
     * The statistics of {@code millis[from, to)} with their {@code weights} ({@code weights} null: every weight 1),
     * reordering both ranges in place; O(to - from) expected. Mean, median and p90 exactly as sorting would give
     * them: the sums are exact in {@code long}, and the p-th percentile is the smallest duration whose cumulative
     * weight reaches {@code ceil(p · total weight)}.
     */
    static DurationStats stats(long[] millis, long[] weights, int from, int to) {
        if (to == from) {
            return DurationStats.NONE;
        }
        boolean weighted = false;
        for (int i = from; weights != null && i < to && !weighted; i++) {
            weighted = weights[i] != 1;
        }
        if (!weighted) {
            // Event data: every weight is 1, so a plain selection gives the same nearest-rank percentiles.
            return DurationStats.of(millis, from, to);
        }
        long total = 0;
        long sum = 0;
        for (int i = from; i < to; i++) {
            total += weights[i];
            sum += millis[i] * weights[i];
        }
        long p90 = select(millis, weights, from, to, Math.max(1, (long) Math.ceil(0.9 * total)));
        long median = select(millis, weights, from, to, Math.max(1, (long) Math.ceil(0.5 * total)));
        return new DurationStats(total, (double) sum / total / 1000.0, median / 1000.0, p90 / 1000.0);
    }

    /**
     * The {@code rank}-th smallest of {@code millis[from, to)} (1-based), each counted {@code weights[i]} times, by
     * three-way partitioning around a pivot; O(to - from) expected.
     */
    static long select(long[] millis, long[] weights, int from, int to, long rank) {
        int low = from;
        int high = to;
        for (int round = 0; high - low > 1; round++) {
            if (round == MAX_ROUNDS) {
                return sortedSelect(millis, weights, low, high, rank);
            }
            long pivot = pivot(millis, low, high);
            // [low, lt) < pivot, [lt, i) == pivot, (gt, high) > pivot
            int lt = low;
            int i = low;
            int gt = high - 1;
            while (i <= gt) {
                long value = millis[i];
                if (value < pivot) {
                    swap(millis, weights, lt++, i++);
                } else if (value > pivot) {
                    swap(millis, weights, i, gt--);
                } else {
                    i++;
                }
            }
            long below = weights == null ? lt - low : sum(weights, low, lt);
            long equal = weights == null ? i - lt : sum(weights, lt, i);
            if (rank <= below) {
                high = lt;
            } else if (rank <= below + equal) {
                return pivot;
            } else {
                rank -= below + equal;
                low = i;
            }
        }
        return millis[low];
    }

    /** The median of the first, middle and last values of the range. */
    private static long pivot(long[] millis, int low, int high) {
        long a = millis[low];
        long b = millis[(low + high) >>> 1];
        long c = millis[high - 1];
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static long sortedSelect(long[] millis, long[] weights, int low, int high, long rank) {
        Integer[] order = new Integer[high - low];
        for (int i = 0; i < order.length; i++) {
            order[i] = low + i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(millis[x], millis[y]));
        long seen = 0;
        for (Integer index : order) {
            seen += weights == null ? 1 : weights[index];
            if (seen >= rank) {
                return millis[index];
            }
        }
        return millis[order[order.length - 1]];
    }

    private static long sum(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    private static void swap(long[] millis, long[] weights, int a, int b) {
        long value = millis[a];
        millis[a] = millis[b];
        millis[b] = value;
        if (weights != null) {
            long weight = weights[a];
            weights[a] = weights[b];
            weights[b] = weight;
        }
    }
}
