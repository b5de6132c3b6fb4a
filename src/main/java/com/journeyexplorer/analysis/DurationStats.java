package com.journeyexplorer.analysis;

/** Mean, median and 90th percentile of a set of durations, in seconds. Empty when no duration was timed. */
public record DurationStats(long samples, double meanSeconds, double medianSeconds, double p90Seconds) {

    public static final DurationStats NONE = new DurationStats(0, Double.NaN, Double.NaN, Double.NaN);

    /**
     * The statistics of {@code millis[0, size)}, reordering them in place; percentiles by the nearest-rank method,
     * found by a radix selection ({@link Durations#twoRanks}): O(size).
     */
    public static DurationStats of(long[] millis, int size) {
        return of(millis, 0, size);
    }

    /** As {@link #of(long[], int)} for {@code millis[from, to)}. */
    static DurationStats of(long[] millis, int from, int to) {
        int size = to - from;
        if (size == 0) {
            return NONE;
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += millis[i];
        }
        long[] medianAndP90 = new long[2];
        Durations.twoRanks(millis, from, to, rank(size, 0.5), rank(size, 0.9), medianAndP90);
        return new DurationStats(size, (double) sum / size / 1000.0, medianAndP90[0] / 1000.0,
                medianAndP90[1] / 1000.0);
    }

    /** The nearest rank of the p-th percentile among {@code size} values, 1-based. */
    private static long rank(int size, double p) {
        return Math.max(1, (long) Math.ceil(p * size));
    }

    public boolean isEmpty() {
        return samples == 0;
    }
}
