package com.journeyexplorer.analysis;

import java.util.Arrays;

/**
 * Collects weighted durations for a {@link DurationStats}; the percentiles are weighted nearest-rank, found by
 * selection rather than by sorting: O(n) expected per set of durations, whatever their order.
 */
final class Durations {

    /** Selection rounds before a range is sorted instead, so that unlucky pivots cost O(n log n) at worst. */
    private static final int MAX_ROUNDS = 64;
    /** A radix selection's most buckets per pass: 2¹¹ counters, 8 KiB, stay in the first-level cache. */
    private static final int RADIX_BITS = 11;
    private static final int RADIX_BUCKETS = 1 << RADIX_BITS;
    /** Up to this many values a radix selection sorts them instead. */
    private static final int SORTED_UP_TO = 48;

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

    /**
     * The {@code lowRank}-th and {@code highRank}-th smallest (1-based, {@code lowRank ≤ highRank}) of
     * {@code millis[from, to)}, each counted once, into {@code out[0]} and {@code out[1]}; may reorder the range. A
     * radix selection: one pass counts the values by their leading bits (about as many buckets as values, at most
     * {@value #RADIX_BUCKETS}), the counts tell which bucket holds each rank, and the search goes on among that
     * bucket's values alone, copied out; a range of at most {@value #SORTED_UP_TO} values is sorted. O(n) with
     * sequential reads and no swaps, where a pivot selection swaps most values a few times for each rank.
     */
    static void twoRanks(long[] millis, int from, int to, long lowRank, long highRank, long[] out) {
        int size = to - from;
        if (size <= SORTED_UP_TO) {
            Arrays.sort(millis, from, to);
            out[0] = millis[from + (int) lowRank - 1];
            out[1] = millis[from + (int) highRank - 1];
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            min = Math.min(min, millis[i]);
            max = Math.max(max, millis[i]);
        }
        long span = max - min;
        if (span < 0) {
            // the values span more than a long: a pivot selection does not subtract
            out[1] = select(millis, null, from, to, highRank);
            out[0] = select(millis, null, from, to, lowRank);
            return;
        }
        if (span == 0) {
            out[0] = min;
            out[1] = min;
            return;
        }
        int bits = 64 - Long.numberOfLeadingZeros(span);
        int bucketBits = Math.min(bits, Math.min(RADIX_BITS, 32 - Integer.numberOfLeadingZeros(size)));
        int shift = bits - bucketBits;
        int[] counts = new int[1 << bucketBits];
        for (int i = from; i < to; i++) {
            counts[(int) ((millis[i] - min) >>> shift)]++;
        }
        int lowBucket = -1;
        long belowLow = 0;
        int highBucket = 0;
        long belowHigh = 0;
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            if (lowBucket < 0 && seen + counts[bucket] >= lowRank) {
                lowBucket = bucket;
                belowLow = seen;
            }
            if (seen + counts[bucket] >= highRank) {
                highBucket = bucket;
                belowHigh = seen;
                break;
            }
            seen += counts[bucket];
        }
        if (shift == 0) {
            out[0] = min + lowBucket;
            out[1] = min + highBucket;
            return;
        }
        long[] low = bucketValues(millis, from, to, min, shift, lowBucket, counts[lowBucket]);
        if (highBucket == lowBucket) {
            twoRanks(low, 0, low.length, lowRank - belowLow, highRank - belowLow, out);
            return;
        }
        long[] high = bucketValues(millis, from, to, min, shift, highBucket, counts[highBucket]);
        long[] both = new long[2];
        twoRanks(low, 0, low.length, lowRank - belowLow, lowRank - belowLow, both);
        long lowValue = both[0];
        twoRanks(high, 0, high.length, highRank - belowHigh, highRank - belowHigh, both);
        out[0] = lowValue;
        out[1] = both[0];
    }

    /** The {@code count} values of {@code millis[from, to)} in {@code bucket}, in a new array. */
    private static long[] bucketValues(long[] millis, int from, int to, long min, int shift, int bucket, int count) {
        long[] values = new long[count];
        int next = 0;
        for (int i = from; i < to; i++) {
            if ((int) ((millis[i] - min) >>> shift) == bucket) {
                values[next++] = millis[i];
            }
        }
        return values;
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
