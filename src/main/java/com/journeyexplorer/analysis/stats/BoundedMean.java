package com.journeyexplorer.analysis.stats;

/**
 * The interval of a mean of scores on 0..1 (normalized survey answers): the normal interval of the scores with
 * {@code z²/2} pseudo-scores added at 0 and as many at 1. For scores of only 0 and 1 it is the Agresti–Coull interval
 * of a proportion. Why: the plain normal interval {@code mean ± z·s/√n} has no width where the few answers agree (three
 * NPS 7 gave [0.7, 0.7], two promoters an NPS of 100 to 100) and is too narrow near the ends of the scale; the
 * pseudo-scores weigh {@code z²/n} of the answers, so they fade as answers accumulate. O(1).
 */
public final class BoundedMean {

    /**
     * The answers with the pseudo-scores: their count {@code n + z²}, mean and variance (the squared deviations over
     * that count, as Agresti–Coull's {@code p̃(1 - p̃)}).
     */
    public record Adjusted(double count, double mean, double variance) {

        /** The variance of the adjusted mean, {@code variance / count}. */
        public double meanVariance() {
            return variance / count;
        }
    }

    private BoundedMean() {
    }

    /**
     * The scores' moments with the pseudo-scores added: {@code n} scores of mean {@code mean} whose squared deviations
     * from it add up to {@code squaredDeviations}.
     */
    public static Adjusted adjusted(long n, double mean, double squaredDeviations, double z) {
        double pseudo = z * z / 2;
        double count = n + 2 * pseudo;
        double adjustedMean = (n * mean + pseudo) / count;
        double deviations = Math.max(0, squaredDeviations) + n * square(mean - adjustedMean)
                + pseudo * square(adjustedMean) + pseudo * square(1 - adjustedMean);
        return new Adjusted(count, adjustedMean, deviations / count);
    }

    /**
     * The interval of the mean: [0, 1] below two scores (one score shows no spread of its own); otherwise the adjusted
     * mean {@code ± z·√(variance / count)}, clipped to 0..1 and widened, where it would not, to hold {@code mean}.
     */
    public static Interval interval(long n, double mean, double squaredDeviations, double z) {
        if (n < 2) {
            return new Interval(0, 1);
        }
        Adjusted adjusted = adjusted(n, mean, squaredDeviations, z);
        double half = z * Math.sqrt(adjusted.meanVariance());
        double lower = Math.max(0, adjusted.mean() - half);
        double upper = Math.min(1, adjusted.mean() + half);
        return new Interval(Math.min(lower, mean), Math.max(upper, mean));
    }

    private static double square(double x) {
        return x * x;
    }
}
