package com.journeyexplorer.analysis.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.chain.SolvedChain;
import com.journeyexplorer.analysis.chain.SparseChain;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

class VariableOrderChainTests {

    private static final List<String> NAMES = List.of("A", "B", "C", "D");
    /** Rows of a first-order chain with loops: to A, B, C, D, then purchase, abandoned, diverted. */
    private static final double[][] FIRST_ORDER = {
            {0.1, 0.4, 0.3, 0.0, 0.05, 0.10, 0.05},
            {0.0, 0.0, 0.5, 0.2, 0.10, 0.15, 0.05},
            {0.1, 0.0, 0.0, 0.4, 0.20, 0.20, 0.10},
            {0.0, 0.1, 0.0, 0.0, 0.50, 0.30, 0.10}};
    private static final double[] START = {0.5, 0.3, 0.2, 0.0};

    @Test
    void predictsTheExactAbsorbingProbabilitiesOfAKnownFirstOrderChain() {
        JourneySnapshot snapshot = SimulatedJourneys.walk(NAMES, START, (previous, current) -> FIRST_ORDER[current],
                100_000, 7);
        double[][] exact = exactAbsorption(FIRST_ORDER);

        for (int order : new int[] {1, 3}) {
            VariableOrderChain chain = VariableOrderChain.learn(snapshot, null, order);
            for (List<String> steps : List.of(List.of("A"), List.of("B"), List.of("C"), List.of("D"),
                    List.of("A", "B", "C"), List.of("C", "A", "B", "D"), List.of("A", "A"))) {
                Prediction prediction = chain.predict(steps, 30, 5);
                double[] expected = exact[NAMES.indexOf(steps.get(steps.size() - 1))];
                // tens of thousands of visits behind each context: a standard error below 0.003
                assertThat(prediction.outcomes().purchase()).as("%s order %d", steps, order)
                        .isCloseTo(expected[0], within(0.012));
                assertThat(prediction.outcomes().abandoned()).isCloseTo(expected[1], within(0.012));
                assertThat(prediction.outcomes().diverted()).isCloseTo(expected[2], within(0.012));
                assertThat(prediction.context()).isNotEmpty().hasSizeLessThanOrEqualTo(order);
                if (steps.size() >= order) {
                    assertThat(prediction.context()).hasSize(order);
                }
            }
        }
        FirstOrderChain learned = FirstOrderChain.learn(snapshot, null);
        double[] predicted = new double[3];
        for (int state = 0; state < NAMES.size(); state++) {
            learned.predict(state, predicted);
            assertThat(predicted).containsExactly(exact[state], within(0.012));
        }
    }

    @Test
    void theVariableOrderChainBeatsTheFirstOrderChainInLogLossOnASecondOrderChain() {
        // At C the outcome depends on where the journey came from: after A mostly a purchase, after B mostly not.
        SimulatedJourneys.Walk walk = (previous, current) -> switch (current) {
            case 0 -> new double[] {0, 0, 0.8, 0, 0, 0.2, 0};
            case 1 -> new double[] {0, 0, 0.8, 0, 0, 0, 0.2};
            case 2 -> previous == 0 ? new double[] {0, 0, 0, 0.2, 0.6, 0.2, 0}
                    : new double[] {0, 0, 0, 0.2, 0.1, 0.7, 0};
            default -> new double[] {0, 0, 0, 0, 0.3, 0.5, 0.2};
        };
        JourneySnapshot snapshot = SimulatedJourneys.walk(NAMES, new double[] {0.5, 0.5, 0, 0}, walk, 40_000, 11);

        BacktestReport report = Backtest.run(snapshot, JourneySelection.all(), 2, 30, 0.8, 10);

        assertThat(report.models()).extracting(BacktestReport.ModelScore::model)
                .containsExactly("variable-order", "first-order", "base-rate");
        double variable = report.models().get(0).logLoss();
        double first = report.models().get(1).logLoss();
        double base = report.models().get(2).logLoss();
        assertThat(variable).isLessThan(first - 0.05);
        assertThat(first).isLessThan(base);
        assertThat(report.models().get(0).brier()).isLessThan(report.models().get(1).brier());
        assertThat(report.learnJourneys()).isEqualTo(32_000);
        assertThat(report.testJourneys()).isEqualTo(8_000);
        assertThat(report.splitAt()).isEqualTo(32_000 * 60_000L);
        VariableOrderChain chain = VariableOrderChain.learn(snapshot, null, 2);
        // from (A, C): 0.6 now, or D (0.2) then 0.3
        assertThat(chain.predict(List.of("A", "C"), 30, 5).outcomes().purchase()).isCloseTo(0.66, within(0.02));
        assertThat(chain.predict(List.of("B", "C"), 30, 5).outcomes().purchase()).isCloseTo(0.16, within(0.02));
    }

    @Test
    void theBacktestIsReproducibleAndItsCalibrationAddsUp() {
        JourneySnapshot snapshot = SimulatedJourneys.walk(NAMES, START, (previous, current) -> FIRST_ORDER[current],
                5_000, 3);

        BacktestReport once = Backtest.run(snapshot, JourneySelection.all(), 3, 30, 0.7, 5);
        BacktestReport again = Backtest.run(snapshot, JourneySelection.all(), 3, 30, 0.7, 5);

        assertThat(again).isEqualTo(once);
        for (BacktestReport.ModelScore model : once.models()) {
            assertThat(model.calibration()).isNotEmpty().allSatisfy(bin -> {
                assertThat(bin.meanPredicted()).isBetween(bin.from(), bin.to());
                assertThat(bin.observed()).isBetween(0.0, 1.0);
            });
            assertThat(model.calibration().stream().mapToLong(BacktestReport.CalibrationBin::count).sum())
                    .isEqualTo(once.predictions());
        }
        assertThat(once.models().get(2).calibration()).hasSize(1);
    }

    @Test
    void backsOffToTheLongestContextWithEnoughJourneysAndReportsUnknownSteps() {
        JourneySnapshot snapshot = snapshot(
                "A>B>C!", "A>B>C!", "A>B>D", "X>B>C!", "X>B>D", "X>B>D", "X>B>D", "B>C!", "B>D");
        VariableOrderChain chain = VariableOrderChain.learn(snapshot, null, 3);

        Prediction deep = chain.predict(List.of("A", "B"), 1, 5);
        assertThat(deep.context()).containsExactly("(start)", "A", "B");
        assertThat(deep.support()).isEqualTo(3);
        Prediction shorter = chain.predict(List.of("nowhere", "A", "B"), 4, 5);
        assertThat(shorter.unknownSteps()).containsExactly("nowhere");
        assertThat(shorter.context()).containsExactly("B");
        assertThat(shorter.support()).isEqualTo(9);
        // 4 of the 9 journeys at B bought; one pseudo-observation of the base rate (4 of 9) changes nothing
        assertThat(shorter.outcomes().purchase()).isCloseTo(4.0 / 9, within(1e-12));
        Prediction none = chain.predict(List.of("A", "B"), 10, 5);
        assertThat(none.context()).isEmpty();
        assertThat(none.support()).isEqualTo(9);
        assertThat(none.next()).isEmpty();

        // from B: C (4 of 9 times, always a purchase) ranks before D (5 of 9, never)
        assertThat(shorter.next()).extracting(NextTouchpoint::touchpoint).containsExactly("C", "D");
        assertThat(shorter.next().get(0).taken()).isEqualTo(4);
        assertThat(shorter.next().get(0).share()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(shorter.next().get(0).purchase()).isGreaterThan(shorter.next().get(1).purchase());
        assertThat(chain.predict(List.of("A", "B"), 1, 1).next()).hasSize(1);
        double sum = deep.outcomes().purchase() + deep.outcomes().abandoned() + deep.outcomes().diverted();
        assertThat(sum).isCloseTo(1, within(1e-12));
    }

    @Test
    void ranksTheNextTouchpointsOfAHubOnceAndListsAsManyAsAsked() {
        List<String> specs = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            for (int j = 0; j < 10; j++) {
                // page p converts p % 10 of its 10 journeys
                specs.add((j % 2 == 0 ? "X>" : "") + "H>P" + page + (j < page % 10 ? ">buy!" : ""));
            }
        }
        VariableOrderChain chain = VariableOrderChain.learn(snapshot(specs.toArray(String[]::new)), null, 2);

        Prediction all = chain.predict(List.of("H"), 1, 100);
        assertThat(all.next()).hasSize(100);
        assertThat(all.next()).isSortedAccordingTo((a, b) -> Double.compare(b.purchase(), a.purchase()));
        assertThat(all.next().get(0).touchpoint()).endsWith("9");
        assertThat(chain.predict(List.of("H"), 1, 7).next()).isEqualTo(all.next().subList(0, 7));
        assertThat(chain.predict(List.of("H"), 1, 100).next()).isEqualTo(all.next());
        // (start, H) is another context of H, with its own ranking; at order 2 a next page leads to (H, page)
        Prediction fromStart = chain.predict(List.of("nowhere", "H"), 1, 3);
        assertThat(fromStart.context()).containsExactly("(start)", "H");
        assertThat(fromStart.support()).isEqualTo(500);
        assertThat(fromStart.next()).hasSize(3).allSatisfy(next -> {
            assertThat(next.taken()).isEqualTo(5);
            assertThat(next.support()).isEqualTo(10);
        });
        // with minSupport 6 the (start, H) context backs off to H, and its ranking with it
        assertThat(chain.predict(List.of("nowhere", "H"), 6, 3).next())
                .isEqualTo(chain.predict(List.of("X", "H"), 6, 3).next());
    }

    /** Journeys as {@code "A>B>C!"}: {@code !} marks a purchase there; the others abandon. */
    private static JourneySnapshot snapshot(String... specs) {
        List<Touchpoint> touchpoints = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Journey> journeys = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split(">");
            int[] steps = new int[parts.length];
            byte[] types = new byte[parts.length];
            int purchase = -1;
            for (int i = 0; i < parts.length; i++) {
                String name = parts[i].replace("!", "");
                if (!names.contains(name)) {
                    names.add(name);
                    touchpoints.add(new Touchpoint(touchpoints.size(), name, "", "", Owner.OWN));
                }
                steps[i] = names.indexOf(name);
                boolean bought = parts[i].endsWith("!");
                types[i] = (bought ? EventType.PURCHASE : EventType.TOUCHPOINT).code();
                purchase = bought && purchase < 0 ? i : purchase;
            }
            journeys.add(new Journey("j" + journeys.size(), null, steps, new long[0], types, null,
                    purchase >= 0 ? Outcome.PURCHASE : Outcome.ABANDONED, purchase, 0, 1, "", "", null));
        }
        return new JourneySnapshot(touchpoints, journeys, 1);
    }

    /** The absorbing probabilities of the chain, solved exactly. */
    private static double[][] exactAbsorption(double[][] rows) {
        int n = rows.length;
        SparseChain.Builder builder = SparseChain.builder(n, 3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (rows[i][j] > 0) {
                    builder.add(i, j, rows[i][j]);
                }
            }
            for (int o = 0; o < 3; o++) {
                builder.absorb(i, o, rows[i][n + o]);
            }
        }
        SolvedChain solved = SolvedChain.of(builder.build());
        double[][] exact = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < 3; o++) {
                exact[i][o] = solved.probability(i, o);
            }
        }
        return exact;
    }
}
