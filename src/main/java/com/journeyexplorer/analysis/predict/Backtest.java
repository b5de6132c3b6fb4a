package com.journeyexplorer.analysis.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * An honest measure of the predictions: the selected finished journeys are ordered by start time (import order for
 * data without times, ties by import order), the earliest {@code learnFraction} of them (with their weights) are
 * learned from, and every later journey is predicted from each of its prefixes (its first step, its first two, ...,
 * up to the last step before its outcome was decided: the step before its first purchase, or its last step) by the
 * variable-order chain, the first-order absorbing chain and the base rate, all learned from the same journeys. Each
 * prediction is scored against how the journey ended: log loss, Brier score and a calibration table of the purchase
 * probability. Deterministic: no sampling, a fixed order everywhere, so the same data gives the same report.
 *
 * <p>Cost: a sort of the selected records, the two models learned (O(learned events · order) plus the first-order
 * solve) and O(order) per prefix of the test journeys.
 */
public final class Backtest {

    private static final int OUTCOMES = 3;
    /**
     * The smallest probability the log loss takes, as scikit-learn's log_loss: a 0 for the actual outcome scores 34.5.
     */
    private static final double CLIP = 1e-15;

    private Backtest() {
    }

    /**
     * @param learnFraction the share learned from, strictly between 0 and 1
     * @param bins          calibration bins, at least 1
     * @throws com.journeyexplorer.analysis.chain.ChainNotSolvedException when the first-order chain cannot be solved
     */
    public static BacktestReport run(JourneySnapshot snapshot, JourneySelection selection, int order, int minSupport,
            double learnFraction, int bins) {
        if (!(learnFraction > 0 && learnFraction < 1)) {
            throw new IllegalArgumentException("learnFraction must be between 0 and 1, was " + learnFraction);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        List<Journey> all = snapshot.journeys();
        int[] byStart = finishedByStart(snapshot, selection);
        long total = 0;
        for (int position : byStart) {
            total += all.get(position).weight();
        }
        boolean[] learned = new boolean[all.size()];
        long learnJourneys = 0;
        int split = 0;
        while (split < byStart.length && learnJourneys < learnFraction * total) {
            learned[byStart[split]] = true;
            learnJourneys += all.get(byStart[split]).weight();
            split++;
        }
        VariableOrderChain variable = VariableOrderChain.learn(snapshot, position -> learned[position], order);
        FirstOrderChain first = FirstOrderChain.learn(snapshot, position -> learned[position]);
        double[] baseRate = first.baseRate();
        Score variableScore = new Score(bins);
        Score firstScore = new Score(bins);
        Score baseScore = new Score(bins);
        double[] predicted = new double[OUTCOMES];
        for (int k = split; k < byStart.length; k++) {
            if (((k - split) & 0x3FFF) == 0) {
                WorkBudget.check();
            }
            Journey journey = all.get(byStart[k]);
            int actual = journey.outcome().ordinal();
            int weight = journey.weight();
            int undecided = journey.purchaseIndex() >= 0 ? journey.purchaseIndex() : journey.length();
            int[] steps = journey.steps();
            for (int length = 1; length <= undecided; length++) {
                variable.contextOf(steps, length, minSupport, predicted);
                variableScore.add(predicted, actual, weight);
                first.predict(steps[length - 1], predicted);
                firstScore.add(predicted, actual, weight);
                baseScore.add(baseRate, actual, weight);
            }
        }
        Long splitAt = split < byStart.length && all.get(byStart[split]).isTimed()
                ? all.get(byStart[split]).startedAt() : null;
        return new BacktestReport(learnFraction, learnJourneys, total - learnJourneys, variableScore.count, splitAt,
                List.of(variableScore.report("variable-order"), firstScore.report("first-order"),
                        baseScore.report("base-rate")));
    }

    /** The positions of the selected finished journeys, by start time then position. */
    private static int[] finishedByStart(JourneySnapshot snapshot, JourneySelection selection) {
        List<Journey> all = snapshot.journeys();
        var selected = selection.positions(snapshot);
        int count = 0;
        int[] positions = new int[all.size()];
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (int position = 0; position < all.size(); position++) {
            Journey journey = all.get(position);
            if (journey.outcome() != Outcome.OPEN && selected.test(position)) {
                positions[count++] = position;
                earliest = Math.min(earliest, journey.startedAt());
                latest = Math.max(latest, journey.startedAt());
            }
        }
        positions = Arrays.copyOf(positions, count);
        if (count == 0) {
            return positions;
        }
        long span = latest - earliest;
        if (span >= 0 && span < (1L << 39) && all.size() < (1 << 24)) {
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = (all.get(positions[i]).startedAt() - earliest) << 24 | positions[i];
            }
            Arrays.sort(keys);
            for (int i = 0; i < count; i++) {
                positions[i] = (int) (keys[i] & ((1 << 24) - 1));
            }
            return positions;
        }
        return Arrays.stream(positions).boxed()
                .sorted(Comparator.comparingLong((Integer position) -> all.get(position).startedAt())
                        .thenComparingInt(position -> position))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The running sums of one model's scores. */
    private static final class Score {

        private final int bins;
        private final double[] predictedSum;
        private final long[] purchases;
        private final long[] binCount;
        private double logLoss;
        private double brier;
        private long count;

        Score(int bins) {
            this.bins = bins;
            this.predictedSum = new double[bins];
            this.purchases = new long[bins];
            this.binCount = new long[bins];
        }

        void add(double[] predicted, int actual, int weight) {
            logLoss -= weight * Math.log(Math.max(CLIP, predicted[actual]));
            double squares = 0;
            for (int o = 0; o < OUTCOMES; o++) {
                double error = predicted[o] - (o == actual ? 1 : 0);
                squares += error * error;
            }
            brier += weight * squares;
            double purchase = predicted[Outcome.PURCHASE.ordinal()];
            int bin = Math.min(bins - 1, Math.max(0, (int) (purchase * bins)));
            predictedSum[bin] += weight * purchase;
            binCount[bin] += weight;
            if (actual == Outcome.PURCHASE.ordinal()) {
                purchases[bin] += weight;
            }
            count += weight;
        }

        BacktestReport.ModelScore report(String model) {
            List<BacktestReport.CalibrationBin> calibration = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                if (binCount[b] > 0) {
                    calibration.add(new BacktestReport.CalibrationBin((double) b / bins, (double) (b + 1) / bins,
                            predictedSum[b] / binCount[b], (double) purchases[b] / binCount[b], binCount[b]));
                }
            }
            return new BacktestReport.ModelScore(model, count == 0 ? null : logLoss / count,
                    count == 0 ? null : brier / count, calibration);
        }
    }
}
