package com.journeyexplorer.analysis;

import java.util.Arrays;

/** Mean, median and 90th percentile of a set of durations, in seconds. Empty when no duration was timed. */
public record DurationStats(long samples, double meanSeconds, double medianSeconds, double p90Seconds) {

    public static final DurationStats NONE = new DurationStats(0, Double.NaN, Double.NaN, Double.NaN);

    /** Sorts {@code millis[0, size)} in place; percentiles by the nearest-rank method. */
    public static DurationStats of(long[] millis, int size) {
        if (size == 0) {
            return NONE;
        }
        Arrays.sort(millis, 0, size);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += millis[i];
        }
        return new DurationStats(size, sum / size / 1000.0, percentile(millis, size, 0.5) / 1000.0,
                percentile(millis, size, 0.9) / 1000.0);
    }

    private static double percentile(long[] sorted, int size, double p) {
        int rank = (int) Math.ceil(p * size);
        return sorted[Math.max(0, rank - 1)];
    }

    public boolean isEmpty() {
        return samples == 0;
    }
}
