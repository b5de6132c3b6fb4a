package com.journeyexplorer.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Median and 90th percentile of repeated runs of one call, after warm-up calls. Runs {@code maxRuns} times or until
 * {@code budgetSeconds} have passed, whichever comes first, but at least {@code minRuns} times, so a slow query still
 * gets a median and a fast one gets many samples.
 *
 * @param samplesMillis sorted
 */
record Timing(double[] samplesMillis) {

    static final int MIN_RUNS = 5;

    static Timing measure(Callable<?> call, int warmups, int maxRuns, double budgetSeconds) throws Exception {
        return measure(call, warmups, MIN_RUNS, maxRuns, budgetSeconds);
    }

    static Timing measure(Callable<?> call, int warmups, int minRuns, int maxRuns, double budgetSeconds)
            throws Exception {
        for (int i = 0; i < warmups; i++) {
            call.call();
        }
        double[] samples = new double[maxRuns];
        int runs = 0;
        long deadline = System.nanoTime() + (long) (budgetSeconds * 1e9);
        while (runs < maxRuns && (runs < minRuns || System.nanoTime() < deadline)) {
            long started = System.nanoTime();
            call.call();
            samples[runs++] = (System.nanoTime() - started) / 1e6;
        }
        double[] taken = Arrays.copyOf(samples, runs);
        Arrays.sort(taken);
        return new Timing(taken);
    }

    double median() {
        return percentile(0.5);
    }

    double p90() {
        return percentile(0.9);
    }

    /** Nearest-rank percentile. */
    double percentile(double p) {
        int rank = (int) Math.ceil(p * samplesMillis.length);
        return samplesMillis[Math.max(0, rank - 1)];
    }

    int runs() {
        return samplesMillis.length;
    }

    /** {@code 12.3 ms (p90 14.0, n=21)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s ms (p90 %s, n=%d)", millis(median()), millis(p90()), runs());
    }

    static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}
