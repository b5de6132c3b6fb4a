package com.journeyexplorer.analysis.experience;

import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.ResponsesByPosition;
import com.journeyexplorer.analysis.stats.BoundedMean;
import com.journeyexplorer.analysis.stats.Interval;
import com.journeyexplorer.analysis.stats.Proportions;

/**
 * The overall experience of two selections: each side's responses and mean normalized score (0..1) with its
 * interval as {@link ScoreSummary} gives it ({@link BoundedMean}), and the difference {@code a - b} with the normal
 * (Welch) interval {@code ± z · √(v_a + v_b)}, v the variance of a side's mean with its pseudo-scores, clipped to
 * -1..1 ([-1, 1] when a side has fewer than two responses).
 *
 * @param a          side a, null when no response is about its journeys
 * @param b          side b, likewise
 * @param difference {@code a.meanScore - b.meanScore}, null unless both sides have responses
 * @param differenceInterval its interval, null with {@code difference}
 */
public record ExperienceComparison(Side a, Side b, Double difference, Interval differenceInterval) {

    /** One side: its responses and their mean normalized score with its interval. */
    public record Side(long responses, double meanScore, Interval meanInterval) {
    }

    /**
     * Compares the responses about the journeys of {@code a} and {@code b} (a response whose journey is in both
     * counts on both sides); null when neither side has one. O(responses) selection tests.
     */
    public static ExperienceComparison of(JourneySnapshot snapshot, JourneySelection a, JourneySelection b,
            ResponsesByPosition responses, double confidence) {
        double z = Proportions.z(confidence);
        Moments momentsA = Moments.of(responses, a.positions(snapshot));
        Moments momentsB = Moments.of(responses, b.positions(snapshot));
        if (momentsA.n == 0 && momentsB.n == 0) {
            return null;
        }
        Side sideA = momentsA.side(z);
        Side sideB = momentsB.side(z);
        if (sideA == null || sideB == null) {
            return new ExperienceComparison(sideA, sideB, null, null);
        }
        double difference = sideA.meanScore() - sideB.meanScore();
        Interval interval = new Interval(-1, 1);
        if (momentsA.n > 1 && momentsB.n > 1) {
            double half = z * Math.sqrt(momentsA.adjusted(z).meanVariance() + momentsB.adjusted(z).meanVariance());
            interval = new Interval(Math.max(-1, difference - half), Math.min(1, difference + half));
        }
        return new ExperienceComparison(sideA, sideB, difference, interval);
    }

    /**
     * Count, sum and sum of squares of the normalized scores of one side, as differences from its first score, so
     * that equal scores give their mean and a zero variance exactly (as {@link ScoreSummary} adds them).
     */
    private static final class Moments {
        private long n;
        private double shift;
        private double sum;
        private double sumOfSquares;

        static Moments of(ResponsesByPosition responses, IntPredicate selected) {
            Moments moments = new Moments();
            for (int i = 0; i < responses.size(); i++) {
                if (selected.test(responses.position(i))) {
                    double x = responses.normalized(i);
                    if (moments.n == 0) {
                        moments.shift = x;
                    }
                    moments.n++;
                    double difference = x - moments.shift;
                    moments.sum += difference;
                    moments.sumOfSquares += difference * difference;
                }
            }
            return moments;
        }

        double mean() {
            return shift + sum / n;
        }

        /** The squared deviations from the mean. */
        double squaredDeviations() {
            return sumOfSquares - sum * sum / n;
        }

        BoundedMean.Adjusted adjusted(double z) {
            return BoundedMean.adjusted(n, mean(), squaredDeviations(), z);
        }

        Side side(double z) {
            if (n == 0) {
                return null;
            }
            double mean = mean();
            return new Side(n, mean, BoundedMean.interval(n, mean, squaredDeviations(), z));
        }
    }
}
