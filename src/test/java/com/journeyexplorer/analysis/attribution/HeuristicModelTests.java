package com.journeyexplorer.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class HeuristicModelTests {

    private static final double EXACT = 1e-12;

    private static AttributionPath converted(String steps, double value) {
        return AttributionPath.untimed(steps.split(" > "), true, value, 1);
    }

    @Test
    void splitsOnePathByEachRule() {
        List<AttributionPath> paths = List.of(converted("A > B > A > C", 10),
                AttributionPath.untimed(new String[] {"A", "C"}, false, 0, 5));
        Attribution first = new FirstTouch().attribute(paths);
        Attribution last = new LastTouch().attribute(paths);
        Attribution linear = new LinearTouch().attribute(paths);
        Attribution position = new PositionBased().attribute(paths);

        assertThat(first.totalConversions()).isEqualTo(1);
        assertThat(first.conversions("A")).isEqualTo(1.0);
        assertThat(last.conversions("C")).isEqualTo(1.0);
        assertThat(last.value("C")).isEqualTo(10.0);
        // linear counts the repeat: A on 2 of 4 steps
        assertThat(linear.conversions("A")).isCloseTo(0.5, within(EXACT));
        assertThat(linear.value("B")).isCloseTo(2.5, within(EXACT));
        // 40 first (A), 20 over B and the second A, 40 last (C)
        assertThat(position.conversions("A")).isCloseTo(0.5, within(EXACT));
        assertThat(position.conversions("B")).isCloseTo(0.1, within(EXACT));
        assertThat(position.conversions("C")).isCloseTo(0.4, within(EXACT));
    }

    @Test
    void positionBasedGivesOneStepAllAndTwoStepsHalf() {
        assertThat(new PositionBased().attribute(List.of(converted("A", 1))).conversions("A")).isEqualTo(1.0);
        Attribution two = new PositionBased().attribute(List.of(converted("A > B", 1)));
        assertThat(two.conversions("A")).isEqualTo(0.5);
        assertThat(two.conversions("B")).isEqualTo(0.5);
    }

    @Test
    void timeDecayHalvesPerHalfLifeOfTimeOrOfSteps() {
        long day = 86_400_000L;
        // steps 2 days and 1 day before the purchase, and the purchase: weights 1/4, 1/2, 1 with a 1-day half-life
        AttributionPath timed = new AttributionPath(new String[] {"A", "B", "C"}, true, 7, 1,
                new long[] {0, day, 2 * day}, 2 * day);
        Attribution decay = new TimeDecay(1).attribute(List.of(timed));
        assertThat(decay.conversions("A")).isCloseTo(1.0 / 7, within(EXACT));
        assertThat(decay.conversions("B")).isCloseTo(2.0 / 7, within(EXACT));
        assertThat(decay.value("C")).isCloseTo(4.0, within(EXACT));
        // untimed: one step is one unit; half-life 2 steps: weights 2^-1, 2^-1/2, 1
        Attribution steps = new TimeDecay(2).attribute(List.of(converted("A > B > C", 1)));
        double sum = 0.5 + Math.sqrt(0.5) + 1;
        assertThat(steps.conversions("A")).isCloseTo(0.5 / sum, within(EXACT));
        assertThat(steps.conversions("B")).isCloseTo(Math.sqrt(0.5) / sum, within(EXACT));
        assertThatIllegalArgumentException().isThrownBy(() -> new TimeDecay(0));
    }

    @Test
    void modelsAreFoundByName() {
        assertThat(AttributionModels.byName("Last_Touch", 7, 1)).isInstanceOf(LastTouch.class);
        assertThat(AttributionModels.byName("markov", 7, 2).name()).isEqualTo("markov");
        assertThatIllegalArgumentException().isThrownBy(() -> AttributionModels.byName("shapley", 7, 1))
                .withMessageContaining("position_based");
    }

    /** A second, literal implementation: per row, the formula applied to its conversions and value. */
    private static Map<String, double[]> literal(List<ChannelAttributionData.Row> rows,
            Function<Integer, double[]> weightsForLength) {
        Map<String, double[]> result = new TreeMap<>();
        for (ChannelAttributionData.Row row : rows) {
            double[] weights = weightsForLength.apply(row.steps().length);
            for (int i = 0; i < row.steps().length; i++) {
                double[] sum = result.computeIfAbsent(row.steps()[i], key -> new double[2]);
                sum[0] += row.conversions() * weights[i];
                sum[1] += row.value() * weights[i];
            }
        }
        return result;
    }

    private static double[] first(int n) {
        double[] w = new double[n];
        w[0] = 1;
        return w;
    }

    private static double[] last(int n) {
        double[] w = new double[n];
        w[n - 1] = 1;
        return w;
    }

    private static double[] linear(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    private static double[] position(int n) {
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
        } else if (n == 2) {
            w[0] = w[1] = 0.5;
        } else {
            for (int i = 1; i < n - 1; i++) {
                w[i] = 0.2 / (n - 2);
            }
            w[0] = w[n - 1] = 0.4;
        }
        return w;
    }

    private static double[] decayHalfLifeThreeSteps(int n) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(0.5, (n - 1 - i) / 3.0);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    @Test
    void matchesALiteralImplementationOnChannelAttributionData() throws IOException {
        List<ChannelAttributionData.Row> rows = ChannelAttributionData.rows();
        List<AttributionPath> paths = ChannelAttributionData.paths(rows);
        double totalValue = rows.stream().mapToDouble(ChannelAttributionData.Row::value).sum();
        Map<AttributionModel, Function<Integer, double[]>> models = Map.of(new FirstTouch(),
                HeuristicModelTests::first, new LastTouch(), HeuristicModelTests::last, new LinearTouch(),
                HeuristicModelTests::linear, new PositionBased(), HeuristicModelTests::position, new TimeDecay(3),
                HeuristicModelTests::decayHalfLifeThreeSteps);
        models.forEach((model, weights) -> {
            Attribution attribution = model.attribute(paths);
            assertThat(attribution.totalConversions()).as(model.name()).isEqualTo(19_785);
            assertThat(attribution.totalValue()).as(model.name()).isCloseTo(totalValue, within(1e-6));
            assertThat(attribution.credits().stream().mapToDouble(Attribution.Credit::conversions).sum())
                    .as(model.name()).isCloseTo(19_785, within(1e-6));
            assertThat(attribution.credits().stream().mapToDouble(Attribution.Credit::value).sum())
                    .as(model.name()).isCloseTo(totalValue, within(1e-6));
            Map<String, double[]> expected = literal(rows, weights);
            expected.entrySet().removeIf(entry -> entry.getValue()[0] == 0 && model instanceof FirstTouch);
            expected.entrySet().removeIf(entry -> entry.getValue()[0] == 0 && model instanceof LastTouch);
            assertThat(attribution.credits()).as(model.name()).hasSize(expected.size());
            expected.forEach((label, sums) -> {
                assertThat(attribution.conversions(label)).as(model.name() + " " + label)
                        .isCloseTo(sums[0], within(1e-7));
                assertThat(attribution.value(label)).as(model.name() + " " + label)
                        .isCloseTo(sums[1], within(1e-7));
            });
        });
        // the 12 channels of the data set
        assertThat(new LinearTouch().attribute(paths).credits()).hasSize(12);
    }

    @Test
    void markovOnChannelAttributionDataSumsToTotalsAndIsReproducible() throws IOException {
        List<AttributionPath> paths = ChannelAttributionData.paths(ChannelAttributionData.rows());
        for (int order = 1; order <= 2; order++) {
            Attribution attribution = new MarkovAttribution(order).attribute(paths);
            assertThat(attribution.totalConversions()).isEqualTo(19_785);
            assertThat(attribution.credits().stream().mapToDouble(Attribution.Credit::conversions).sum())
                    .isCloseTo(19_785, within(1e-6));
            assertThat(attribution.credits()).allSatisfy(credit -> assertThat(credit.conversions()).isPositive());
            assertThat(new MarkovAttribution(order).attribute(paths)).isEqualTo(attribution);
        }
    }
}
