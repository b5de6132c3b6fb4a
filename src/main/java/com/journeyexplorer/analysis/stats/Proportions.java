package com.journeyexplorer.analysis.stats;

/**
 * Binomial proportions: Wilson score intervals, and the difference of two proportions with Newcombe's hybrid score
 * interval and the pooled two-proportion z-test. Counts are journeys, weights included. O(1).
 */
public final class Proportions {

    /** Two proportions compared: {@code difference = rateA - rateB}, its interval, z and two-sided p-value. */
    public record Comparison(double rateA, double rateB, double difference, Interval differenceInterval,
            double lift, double z, double pValue) {
    }

    private Proportions() {
    }

    /** The z of a two-sided interval at {@code confidence} (e.g. 0.95 → 1.959963984540054). */
    public static double z(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        return NormalDistribution.quantile(0.5 + confidence / 2);
    }

    /**
     * The Wilson score interval {@code (p + z²/2n ± z √(p(1-p)/n + z²/4n²)) / (1 + z²/n)}; [0, 1] when n = 0.
     */
    public static Interval wilson(long successes, long trials, double confidence) {
        check(successes, trials);
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double z = z(confidence);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        double lower = successes == 0 ? 0 : Math.max(0, center - half);
        double upper = successes == trials ? 1 : Math.min(1, center + half);
        return new Interval(lower, upper);
    }

    /**
     * Compares {@code successesA / trialsA} with {@code successesB / trialsB}: Newcombe's hybrid score interval
     * (method 10) for the difference, the pooled z-test, and the lift {@code rateA / rateB} (infinite or NaN when
     * rateB is 0). With an empty group the rate is NaN and the p-value 1.
     */
    public static Comparison compare(long successesA, long trialsA, long successesB, long trialsB,
            double confidence) {
        check(successesA, trialsA);
        check(successesB, trialsB);
        double rateA = trialsA == 0 ? Double.NaN : (double) successesA / trialsA;
        double rateB = trialsB == 0 ? Double.NaN : (double) successesB / trialsB;
        if (trialsA == 0 || trialsB == 0) {
            return new Comparison(rateA, rateB, Double.NaN, new Interval(-1, 1), Double.NaN, 0, 1);
        }
        Interval a = wilson(successesA, trialsA, confidence);
        Interval b = wilson(successesB, trialsB, confidence);
        double difference = rateA - rateB;
        double lower = difference - Math.sqrt(square(rateA - a.lower()) + square(b.upper() - rateB));
        double upper = difference + Math.sqrt(square(a.upper() - rateA) + square(rateB - b.lower()));
        double z = pooledZ(successesA, trialsA, successesB, trialsB, difference);
        return new Comparison(rateA, rateB, difference, new Interval(Math.max(-1, lower), Math.min(1, upper)),
                rateA / rateB, z, NormalDistribution.twoSidedPValue(z));
    }

    /** The {@code difference} of {@link #compare} alone: NaN with an empty group. */
    public static double difference(long successesA, long trialsA, long successesB, long trialsB) {
        check(successesA, trialsA);
        check(successesB, trialsB);
        if (trialsA == 0 || trialsB == 0) {
            return Double.NaN;
        }
        return (double) successesA / trialsA - (double) successesB / trialsB;
    }

    /** The {@code pValue} of {@link #compare} alone, without the intervals: 1 with an empty group. */
    public static double pValue(long successesA, long trialsA, long successesB, long trialsB) {
        double difference = difference(successesA, trialsA, successesB, trialsB);
        if (Double.isNaN(difference)) {
            return 1;
        }
        return NormalDistribution.twoSidedPValue(pooledZ(successesA, trialsA, successesB, trialsB, difference));
    }

    private static double pooledZ(long successesA, long trialsA, long successesB, long trialsB, double difference) {
        double pooled = (double) (successesA + successesB) / (trialsA + trialsB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
        return se == 0 ? 0 : difference / se;
    }

    private static double square(double x) {
        return x * x;
    }

    private static void check(long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
    }
}
