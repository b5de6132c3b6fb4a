package com.journeyexplorer.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values computed with mpmath at 30 digits (formulas in the comments) or taken from the papers cited. */
class StatisticsTests {

    @Test
    void normalCdfIsAccurateInTheCentreAndTails() {
        assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
        assertThat(NormalDistribution.cdf(-1)).isCloseTo(0.15865525393145705, within(1e-15));
        assertThat(NormalDistribution.cdf(0.5)).isCloseTo(0.6914624612740131, within(1e-15));
        assertThat(NormalDistribution.cdf(2.5)).isCloseTo(0.99379033467422386, within(1e-15));
        assertThat(NormalDistribution.cdf(-1.959963984540054)).isCloseTo(0.025, within(1e-15));
        assertThat(NormalDistribution.cdf(-3)).isCloseTo(0.0013498980316300945, withinPercentage(1e-10));
        assertThat(NormalDistribution.cdf(-5)).isCloseTo(2.8665157187919391e-7, withinPercentage(1e-10));
        assertThat(NormalDistribution.cdf(-10)).isCloseTo(7.6198530241605261e-24, withinPercentage(1e-10));
        assertThat(NormalDistribution.cdf(3.5) + NormalDistribution.cdf(-3.5)).isCloseTo(1, within(1e-15));
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(NormalDistribution.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-13));
        assertThat(NormalDistribution.quantile(0.5)).isCloseTo(0, within(1e-15));
        assertThat(NormalDistribution.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-9));
        assertThatIllegalArgumentException().isThrownBy(() -> NormalDistribution.quantile(1));
    }

    @Test
    void wilsonIntervalsOnKnownCases() {
        // (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.959963984540054
        Interval none = Proportions.wilson(0, 10, 0.95);
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isCloseTo(0.27753279986288925, within(1e-14));
        Interval half = Proportions.wilson(5, 10, 0.95);
        assertThat(half.lower()).isCloseTo(0.23659309051256398, within(1e-14));
        assertThat(half.upper()).isCloseTo(0.76340690948743602, within(1e-14));
        Interval all = Proportions.wilson(10, 10, 0.95);
        assertThat(all.lower()).isCloseTo(0.72246720013711075, within(1e-14));
        assertThat(all.upper()).isEqualTo(1.0);
        Interval fifty = Proportions.wilson(50, 100, 0.95);
        assertThat(fifty.lower()).isCloseTo(0.40383153036599563, within(1e-14));
        assertThat(fifty.upper()).isCloseTo(0.59616846963400437, within(1e-14));
        Interval oneThird = Proportions.wilson(1, 3, 0.95);
        assertThat(oneThird.lower()).isCloseTo(0.061491944720396231, within(1e-14));
        assertThat(Proportions.wilson(0, 0, 0.95)).isEqualTo(new Interval(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Proportions.wilson(11, 10, 0.95));
    }

    @Test
    void differenceOfProportionsMatchesNewcombeAndThePooledZTest() {
        // Newcombe (1998), Statistics in Medicine 17:873, method 10: 56/70 - 48/80 = 0.2 (0.0524, 0.3339);
        // 9/10 - 3/10 = 0.6 (0.1705, 0.8090); 5/56 - 0/29 (-0.0381, 0.1926)
        Proportions.Comparison first = Proportions.compare(56, 70, 48, 80, 0.95);
        assertThat(first.difference()).isCloseTo(0.2, within(1e-15));
        assertThat(first.differenceInterval().lower()).isCloseTo(0.0524314724, within(1e-9));
        assertThat(first.differenceInterval().upper()).isCloseTo(0.333872654, within(1e-9));
        Proportions.Comparison second = Proportions.compare(9, 10, 3, 10, 0.95);
        assertThat(second.differenceInterval().lower()).isCloseTo(0.1705227239, within(1e-9));
        assertThat(second.differenceInterval().upper()).isCloseTo(0.8090179735, within(1e-9));
        assertThat(second.lift()).isCloseTo(3, within(1e-15));
        Proportions.Comparison third = Proportions.compare(5, 56, 0, 29, 0.95);
        assertThat(third.differenceInterval().lower()).isCloseTo(-0.0381371479, within(1e-9));
        assertThat(third.differenceInterval().upper()).isCloseTo(0.1925600139, within(1e-9));
        // pooled z for 45/100 vs 30/100: p = 0.375, se = sqrt(p(1-p)(2/100)), z = 0.15/se
        Proportions.Comparison z = Proportions.compare(45, 100, 30, 100, 0.95);
        assertThat(z.z()).isCloseTo(2.1908902300206645, within(1e-13));
        assertThat(z.pValue()).isCloseTo(0.028459736916310577, within(1e-13));
        assertThat(Proportions.compare(3, 10, 3, 10, 0.95).pValue()).isCloseTo(1, within(1e-15));
    }

    @Test
    void correctionsOnTheBenjaminiHochbergExample() {
        // Benjamini & Hochberg (1995), JRSS B 57:289, section 4.2: 15 p-values; at 0.05 BH rejects 4, and
        // Bonferroni-type (Holm) procedures reject 3.
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719,
            0.6528, 0.7590, 1.0000};
        double[] bh = MultipleComparisons.benjaminiHochberg(p);
        double[] holm = MultipleComparisons.holm(p);
        assertThat(java.util.Arrays.stream(bh).filter(x -> x <= 0.05).count()).isEqualTo(4);
        assertThat(java.util.Arrays.stream(holm).filter(x -> x <= 0.05).count()).isEqualTo(3);
        // BH by hand, 15 p(j) / j: j=4 0.035625, 5 0.0603, 6 0.0695, 7 0.0638571.., 8 0.0645, 9 0.0765, 10 0.486;
        // adjusted p(i) = min over j >= i: p(4) 0.035625, p(5) 0.0603, p(6) 0.0638571.. (from j = 7)
        assertThat(bh[0]).isCloseTo(0.0015, within(1e-15));
        assertThat(bh[3]).isCloseTo(0.035625, within(1e-15));
        assertThat(bh[4]).isCloseTo(0.0603, within(1e-15));
        assertThat(bh[5]).isCloseTo(0.0298 * 15 / 7, within(1e-15));
        assertThat(bh[14]).isEqualTo(1.0);
        // Holm by hand: 15 p(1) = 0.0015, 14 p(2) = 0.0056, 13 p(3) = 0.0247, 12 p(4) = 0.114
        assertThat(holm[2]).isCloseTo(0.0247, within(1e-15));
        assertThat(holm[3]).isCloseTo(0.114, within(1e-15));
        assertThat(holm[14]).isEqualTo(1.0);
        // input order does not matter
        double[] reversed = new double[15];
        for (int i = 0; i < 15; i++) {
            reversed[i] = p[14 - i];
        }
        assertThat(MultipleComparisons.benjaminiHochberg(reversed)[11]).isEqualTo(bh[3]);
    }

    @Test
    void benjaminiHochbergGivesRepeatedPValuesTheValueOfTheirHighestRank() {
        // many comparisons of few distinct p-values, more than the ranks kept: each equals min over ranks j >= the
        // value's highest rank of m p(j) / j, as computed here by definition
        java.util.Random random = new java.util.Random(5);
        double[] distinct = new double[6_000];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = random.nextInt(10) == 0 ? 1.0 : random.nextDouble();
        }
        double[] p = new double[50_000];
        for (int i = 0; i < p.length; i++) {
            p[i] = distinct[random.nextInt(i < 25_000 ? 20 : distinct.length)];
        }
        double[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        int m = p.length;
        double[] byRank = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            running = Math.min(running, sorted[rank - 1] * m / rank);
            byRank[rank - 1] = running;
        }
        java.util.Map<Double, Integer> highest = new java.util.HashMap<>();
        for (int rank = 0; rank < m; rank++) {
            highest.put(sorted[rank], rank);
        }
        double[] bh = MultipleComparisons.benjaminiHochberg(p);
        for (int i = 0; i < m; i++) {
            assertThat(bh[i]).isEqualTo(byRank[highest.get(p[i])]);
        }
    }

    @Test
    void chiSquareSurvivalAndTableTest() {
        // scipy.stats.chi2.sf
        assertThat(ChiSquare.survival(7.5, 2)).isCloseTo(0.023517745856009114, within(1e-13));
        assertThat(ChiSquare.survival(3.2, 1)).isCloseTo(0.07363827012030258, within(1e-13));
        assertThat(ChiSquare.survival(12.0, 5)).isCloseTo(0.03478778050624185, within(1e-13));
        // 2x2 table {{45,55},{30,70}}: chi-square = z² of the pooled test, 2.1908902300206645² = 4.8
        ChiSquare.Result result = ChiSquare.test(new long[][] {{45, 55}, {30, 70}});
        assertThat(result.statistic()).isCloseTo(4.8, within(1e-12));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(0.028459736916310577, within(1e-12));
    }
}
