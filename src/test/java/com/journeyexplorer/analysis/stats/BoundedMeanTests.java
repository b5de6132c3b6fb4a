package com.journeyexplorer.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedMeanTests {

    private static final double Z95 = 1.959963984540054;

    @Test
    void scoresOfZeroAndOneHaveTheAgrestiCoullInterval() {
        // 7 of 20: p̃ = (7 + z²/2) / (20 + z²), p̃ ± z·√(p̃(1 - p̃) / (20 + z²)).
        double count = 20 + Z95 * Z95;
        double center = (7 + Z95 * Z95 / 2) / count;
        double half = Z95 * Math.sqrt(center * (1 - center) / count);

        Interval interval = BoundedMean.interval(20, 7.0 / 20, 20 * (7.0 / 20) * (13.0 / 20), Z95);

        assertThat(interval.lower()).isCloseTo(center - half, within(1e-12));
        assertThat(interval.upper()).isCloseTo(center + half, within(1e-12));
    }

    @Test
    void equalScoresHaveAnIntervalThatNarrowsAsTheyAccumulate() {
        double previousWidth = 1;
        for (int n : new int[] {2, 3, 10, 100, 10_000}) {
            double[] scores = new double[n];
            java.util.Arrays.fill(scores, 0.7);

            Interval interval = BoundedMean.interval(n, 0.7, 0, Z95);

            double[] literal = PseudoScores.interval(scores, Z95);
            assertThat(interval.lower()).as("n=" + n).isCloseTo(literal[0], within(1e-12));
            assertThat(interval.upper()).as("n=" + n).isCloseTo(literal[1], within(1e-12));
            assertThat(interval.contains(0.7)).as("n=" + n).isTrue();
            double width = interval.upper() - interval.lower();
            assertThat(width).as("n=" + n).isPositive().isLessThan(previousWidth);
            previousWidth = width;
        }
        assertThat(previousWidth).as("10,000 equal answers").isLessThan(0.01);
    }

    @Test
    void manyAnswersHaveAboutThePlainNormalInterval() {
        int n = 10_000;
        double[] scores = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = (i % 5) / 4.0;
            sum += scores[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double score : scores) {
            squares += (score - mean) * (score - mean);
        }
        double plainHalf = Z95 * Math.sqrt(squares / (n - 1) / n);

        Interval interval = BoundedMean.interval(n, mean, squares, Z95);

        assertThat(interval.upper() - interval.lower()).isCloseTo(2 * plainHalf, within(0.01 * plainHalf));
        assertThat((interval.lower() + interval.upper()) / 2).isCloseTo(mean, within(0.01 * plainHalf));
    }

    @Test
    void oneScoreShowsNoSpreadSoItsIntervalIsTheWholeScale() {
        assertThat(BoundedMean.interval(1, 0.3, 0, Z95)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void theIntervalHoldsTheMeanItIsReportedWith() {
        // Two answers at the top of the scale: the pseudo-scores pull the centre down, the clip keeps 1 inside.
        Interval interval = BoundedMean.interval(2, 1, 0, Z95);

        assertThat(interval.upper()).isEqualTo(1);
        assertThat(interval.lower()).isCloseTo(PseudoScores.interval(new double[] {1, 1}, Z95)[0], within(1e-12));
    }
}
