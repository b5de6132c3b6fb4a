package com.journeyexplorer.analysis.experience;

import com.journeyexplorer.analysis.stats.BoundedMean;
import com.journeyexplorer.analysis.stats.Interval;

/**
 * The answers of one label: how many, the mean normalized score (0..1, {@link com.journeyexplorer.journey.Scale})
 * with its interval ({@link BoundedMean}: the normal one with pseudo-scores at 0 and 1; [0, 1] below two answers),
 * the shares of positive and negative answers, and the NPS of the NPS answers among them (null when
 * none).
 * Without answers the mean, its interval and the shares are null.
 */
public record ScoreSummary(long responses, Double meanScore, Interval meanInterval, Double positiveShare,
        Double negativeShare, Nps nps) {

    /**
     * Adds answers one by one; O(1) each. The sums are of the differences from the first score (shifted data), so
     * equal scores give their mean and a zero spread exactly, not a spread of rounding errors.
     */
    static final class Tally {
        private long n;
        private double shift;
        private double sum;
        private double sumOfSquares;
        private long positive;
        private long negative;
        private long npsResponses;
        private long promoters;
        private long detractors;

        void add(com.journeyexplorer.journey.SurveyResponse response) {
            add(response.normalized(), response.polarity(),
                    response.scale() == com.journeyexplorer.journey.Scale.NPS);
        }

        /** Adds an answer given as its normalized score, polarity (+1, -1 or 0) and whether it is an NPS answer. */
        void add(double x, int polarity, boolean nps) {
            if (n == 0) {
                shift = x;
            }
            n++;
            double difference = x - shift;
            sum += difference;
            sumOfSquares += difference * difference;
            if (polarity > 0) {
                positive++;
            } else if (polarity < 0) {
                negative++;
            }
            if (nps) {
                npsResponses++;
                if (polarity > 0) {
                    promoters++;
                } else if (polarity < 0) {
                    detractors++;
                }
            }
        }

        long count() {
            return n;
        }

        long negative() {
            return negative;
        }

        ScoreSummary summary(double z) {
            if (n == 0) {
                return new ScoreSummary(0, null, null, null, null, null);
            }
            double mean = shift + sum / n;
            Interval interval = BoundedMean.interval(n, mean, sumOfSquares - sum * sum / n, z);
            return new ScoreSummary(n, mean, interval, (double) positive / n, (double) negative / n,
                    Nps.of(npsResponses, promoters, detractors, z));
        }
    }
}
