package com.journeyexplorer.analysis.stats;

/**
 * The tests' literal computation of the intervals of mean scores on 0..1: the scores with z²/2 pseudo-scores at 0 and
 * as many at 1, as weighted data (the README's definition), not through {@link BoundedMean}'s algebra.
 */
public final class PseudoScores {

    private PseudoScores() {
    }

    /**
     * {lower, upper}: [0, 1] below two scores, else the weighted mean ± z·√(variance / weight), clipped, holding the
     * mean.
     */
    public static double[] interval(double[] scores, double z) {
        if (scores.length < 2) {
            return new double[] {0, 1};
        }
        double[] weighted = weightedMoments(scores, z);
        double half = z * Math.sqrt(weighted[2] / weighted[0]);
        double mean = 0;
        for (double score : scores) {
            mean += score / scores.length;
        }
        return new double[] {Math.min(mean, Math.max(0, weighted[1] - half)),
            Math.max(mean, Math.min(1, weighted[1] + half))};
    }

    /** The variance of the weighted mean (variance / weight), as a side of a difference adds it. */
    public static double meanVariance(double[] scores, double z) {
        double[] weighted = weightedMoments(scores, z);
        return weighted[2] / weighted[0];
    }

    /** The NPS interval {lower, upper}: the answers scored 1, 0.5 and 0, their interval mapped to -100..100. */
    public static double[] npsInterval(int responses, int promoters, int detractors, double z) {
        double[] scores = new double[responses];
        for (int i = 0; i < responses; i++) {
            scores[i] = i < promoters ? 1 : i < promoters + detractors ? 0 : 0.5;
        }
        double[] interval = interval(scores, z);
        return new double[] {200 * interval[0] - 100, 200 * interval[1] - 100};
    }

    /** {total weight, weighted mean, weighted variance (squared deviations over the total weight)}. */
    private static double[] weightedMoments(double[] scores, double z) {
        double pseudo = z * z / 2;
        double weight = scores.length + 2 * pseudo;
        double sum = pseudo;
        for (double score : scores) {
            sum += score;
        }
        double mean = sum / weight;
        double squares = pseudo * mean * mean + pseudo * (1 - mean) * (1 - mean);
        for (double score : scores) {
            squares += (score - mean) * (score - mean);
        }
        return new double[] {weight, mean, squares / weight};
    }
}
