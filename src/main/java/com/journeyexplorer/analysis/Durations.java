package com.journeyexplorer.analysis;

import java.util.Arrays;

/** Collects weighted durations for a {@link DurationStats}; the percentiles are weighted nearest-rank. */
final class Durations {

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

    /** O(n log n) for the sort. */
    DurationStats stats() {
        if (size == 0) {
            return DurationStats.NONE;
        }
        if (allWeightsOne()) {
            // Event data: every weight is 1, so a plain primitive sort gives the same nearest-rank percentiles.
            return DurationStats.of(Arrays.copyOf(millis, size), size);
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(millis[a], millis[b]));
        long total = 0;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            total += weights[i];
            sum += (double) millis[i] * weights[i];
        }
        return new DurationStats(total, sum / total / 1000.0, percentile(order, total, 0.5) / 1000.0,
                percentile(order, total, 0.9) / 1000.0);
    }

    private boolean allWeightsOne() {
        for (int i = 0; i < size; i++) {
            if (weights[i] != 1) {
                return false;
            }
        }
        return true;
    }

    private double percentile(Integer[] order, long total, double p) {
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Integer index : order) {
            seen += weights[index];
            if (seen >= rank) {
                return millis[index];
            }
        }
        return millis[order[order.length - 1]];
    }
}
