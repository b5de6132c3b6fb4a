package com.journeyexplorer.analysis.predict;

import java.util.List;

/**
 * How well each model predicted the later journeys from their prefixes, after learning from the earlier ones.
 *
 * @param learnFraction  the share of the journeys (with their weights) learned from, the earliest by start time
 * @param learnJourneys  journeys learned from
 * @param testJourneys   later journeys predicted
 * @param predictions    prefixes predicted (each test journey from each of its steps before its outcome was decided),
 *                       counted with the journeys' weights
 * @param splitAt        the start time (epoch milliseconds) of the first test journey; null for data without times,
 *                       split in import order
 * @param models         the variable-order chain, the first-order chain and the base rate, in that order
 */
public record BacktestReport(double learnFraction, long learnJourneys, long testJourneys, long predictions,
        Long splitAt, List<ModelScore> models) {

    public BacktestReport {
        models = List.copyOf(models);
    }

    /**
     * One model's scores over every prediction.
     *
     * @param model       {@code variable-order}, {@code first-order} or {@code base-rate}
     * @param logLoss     mean of {@code -ln p(actual outcome)}, p clipped to at least 1e-15; lower is better; null
     *                    for no prediction, which a mean of 0 would score as perfect
     * @param brier       mean of the squared differences between the three predicted probabilities and the actual
     *                    outcome (1 for it, 0 for the others), summed over the outcomes: 0 best, 2 worst; null for no
     *                    prediction
     * @param calibration the predictions grouped by predicted purchase probability (equal-width bins, the empty ones
     *                    left out)
     */
    public record ModelScore(String model, Double logLoss, Double brier, List<CalibrationBin> calibration) {

        public ModelScore {
            calibration = List.copyOf(calibration);
        }
    }

    /**
     * The predictions whose purchase probability fell in {@code [from, to)} ({@code to} included for the last bin).
     *
     * @param meanPredicted their mean predicted purchase probability
     * @param observed      the share of them that ended in a purchase
     * @param count         how many (with the journeys' weights)
     */
    public record CalibrationBin(double from, double to, double meanPredicted, double observed, long count) {
    }
}
