package com.journeyexplorer.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Every model counted in two halves and merged ({@link SelectedAttribution} above its split threshold) against one
 * sequential pass, on seeded random journeys: the same chain and attribution to the last bit, the Markov model at every
 * order, with and without collapsed repeats, over few labels (the dense count) and many (the hashed one).
 */
class SelectedAttributionTests {

    /**
     * Random journeys over {@code touchpoints} touchpoints (the last is the purchase event): 1 to 7 steps, repeats
     * likely, a third with a purchase (sometimes at the first step, sometimes followed by more steps), a few open;
     * weights 1-4; values money amounts, with some tiny and huge ones that the exact sum keeps apart; half of them timed.
     */
    private static JourneySnapshot randomSnapshot(long seed, int count, int touchpoints) {
        return randomSnapshot(seed, count, touchpoints, false);
    }

    /**
     * As {@link #randomSnapshot(long, int, int)}, with {@code frustration}: in a third of the journeys about one step
     * in three (the purchase never) is a frustration event, so that some paths have several, some only those (a
     * journey of one rage click, one that starts with them) and some have them after the purchase only.
     */
    private static JourneySnapshot randomSnapshot(long seed, int count, int touchpoints, boolean frustration) {
        Random random = new Random(seed);
        List<Touchpoint> list = new ArrayList<>();
        for (int t = 0; t < touchpoints; t++) {
            list.add(new Touchpoint(t, "t" + t, "c" + t % 4, "", Owner.OWN));
        }
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            int length = 1 + random.nextInt(7);
            int[] steps = new int[length];
            byte[] types = new byte[length];
            for (int i = 0; i < length; i++) {
                steps[i] = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(touchpoints - 1);
                types[i] = EventType.TOUCHPOINT.code();
            }
            int purchaseIndex = -1;
            Outcome outcome = random.nextInt(10) == 0 ? Outcome.OPEN : Outcome.ABANDONED;
            double value = 0;
            if (random.nextInt(3) == 0) {
                purchaseIndex = random.nextInt(length);
                steps[purchaseIndex] = touchpoints - 1;
                types[purchaseIndex] = EventType.PURCHASE.code();
                outcome = Outcome.PURCHASE;
                int kind = random.nextInt(20);
                value = kind == 0 ? 1e-7 * random.nextDouble() : kind == 1 ? 1e14 * random.nextDouble()
                        : Math.round(random.nextDouble() * 50_000) / 100.0;
            }
            if (frustration && j % 3 == 0) {
                for (int i = 0; i < length; i++) {
                    if (i != purchaseIndex && random.nextInt(3) == 0) {
                        types[i] = EventType.FRUSTRATION.code();
                    }
                }
            }
            long[] times = new long[j % 2 == 0 ? length : 0];
            for (int i = 0; i < times.length; i++) {
                times[i] = (i == 0 ? 1_700_000_000_000L : times[i - 1]) + random.nextInt(3 * 86_400_000);
            }
            journeys.add(new Journey("j" + j, null, steps, times, types, null, outcome, purchaseIndex, value,
                    1 + random.nextInt(4), null, null, null));
        }
        return new JourneySnapshot(list, journeys, 1);
    }

    /** The model's accumulator fed the selected journeys one by one from their own steps, not from the step column. */
    private static AttributionAccumulator fromRecords(JourneySnapshot snapshot, Predicate<Journey> filter,
            AttributionModel model, TouchpointLabels labels) {
        AttributionAccumulator accumulator = model.accumulator(labels);
        snapshot.journeys().stream().filter(filter).forEach(accumulator::add);
        return accumulator;
    }

    @Test
    void markovCountedInTwoHalvesEqualsOnePassAtEveryOrder() {
        for (int touchpoints : new int[] {12, ChainCounts.DENSE_LABELS + 200}) {
            JourneySnapshot snapshot = randomSnapshot(touchpoints, 3_001, touchpoints);
            TouchpointLabels labels = TouchpointLabels.of(snapshot, PathShaping.touchpoints());
            List<Predicate<Journey>> filters = List.of(journey -> true, journey -> journey.weight() != 2);
            for (int order = 1; order <= MarkovChain.MAX_ORDER; order++) {
                for (boolean collapse : new boolean[] {false, true}) {
                    MarkovAttribution model = new MarkovAttribution(order, collapse);
                    for (Predicate<Journey> filter : filters) {
                        SelectedAttribution sequential = SelectedAttribution.of(snapshot, filter, model, labels,
                                Integer.MAX_VALUE);
                        SelectedAttribution halves = SelectedAttribution.of(snapshot, filter, model, labels, 500);
                        assertThat(halves.journeys()).isEqualTo(sequential.journeys());
                        assertThat(halves.purchases()).isEqualTo(sequential.purchases()).isPositive();
                        MarkovChain one = ((MarkovAttribution.ChainAccumulator) sequential.accumulator()).chain();
                        MarkovChain two = ((MarkovAttribution.ChainAccumulator) halves.accumulator()).chain();
                        assertThat(two.labels()).isEqualTo(one.labels());
                        assertThat(two.transitions()).isEqualTo(one.transitions());
                        assertThat(two.totalConversions()).isEqualTo(one.totalConversions());
                        assertThat(two.totalValue()).isEqualTo(one.totalValue());
                        MarkovChain records = ((MarkovAttribution.ChainAccumulator) fromRecords(snapshot, filter,
                                model, labels)).chain();
                        assertThat(records.transitions()).as("read from the records' own steps")
                                .isEqualTo(one.transitions());
                        if (touchpoints < 100) {
                            assertThat(halves.accumulator().attribution())
                                    .isEqualTo(sequential.accumulator().attribution());
                        }
                    }
                }
            }
        }
    }

    @Test
    void heuristicModelsCountedInTwoHalvesEqualOnePass() {
        for (int touchpoints : new int[] {12, 1_200}) {
            JourneySnapshot snapshot = randomSnapshot(touchpoints + 7, 3_001, touchpoints);
            for (PathShaping shaping : List.of(PathShaping.touchpoints(),
                    new PathShaping(PathShaping.Level.CHANNEL, false, null, null))) {
                TouchpointLabels labels = TouchpointLabels.of(snapshot, shaping);
                for (AttributionModel model : List.of(new FirstTouch(), new LastTouch(), new LinearTouch(),
                        new PositionBased(), new TimeDecay(2))) {
                    for (Predicate<Journey> filter : List.<Predicate<Journey>>of(journey -> true,
                            journey -> journey.weight() != 2)) {
                        SelectedAttribution sequential = SelectedAttribution.of(snapshot, filter, model, labels,
                                Integer.MAX_VALUE);
                        SelectedAttribution halves = SelectedAttribution.of(snapshot, filter, model, labels, 500);
                        assertThat(halves.accumulator()).isInstanceOf(AttributionAccumulator.Merging.class);
                        assertThat(halves.journeys()).isEqualTo(sequential.journeys());
                        Attribution expected = sequential.accumulator().attribution();
                        assertThat(expected.credits()).as(model.name()).isNotEmpty();
                        assertThat(halves.accumulator().attribution()).as(model.name() + " " + shaping)
                                .isEqualTo(expected);
                        assertThat(fromRecords(snapshot, filter, model, labels).attribution())
                                .as(model.name() + " read from the records' own steps").isEqualTo(expected);
                    }
                }
            }
        }
    }

    /**
     * Records with frustration events are read from the shared step column less those steps: every model, Markov at
     * every order over few labels and many, in one pass, in two halves and in both sides of a comparison, credits
     * them as when each is read from its own steps ({@link Touches}), so as if its rage clicks were not there.
     */
    @Test
    void recordsWithFrustrationStepsReadFromTheColumnCountAsFromTheirOwnSteps() {
        for (int touchpoints : new int[] {12, ChainCounts.DENSE_LABELS + 200}) {
            JourneySnapshot snapshot = randomSnapshot(touchpoints + 3, 3_001, touchpoints, true);
            assertThat(com.journeyexplorer.analysis.FrustrationEvents.of(snapshot).size()).isGreaterThan(500);
            TouchpointLabels labels = TouchpointLabels.of(snapshot, PathShaping.touchpoints());
            List<AttributionModel> models = new ArrayList<>(List.of(new FirstTouch(), new LastTouch(),
                    new LinearTouch(), new PositionBased(), new TimeDecay(2)));
            for (int order = 1; order <= MarkovChain.MAX_ORDER; order++) {
                models.add(new MarkovAttribution(order, order == 2));
            }
            Predicate<Journey> filter = journey -> journey.weight() != 2;
            Predicate<Journey> other = journey -> journey.weight() != 3;
            for (AttributionModel model : models) {
                String name = model.name() + " over " + touchpoints;
                AttributionAccumulator ownSteps = fromRecords(snapshot, filter, model, labels);
                for (int parallelFrom : new int[] {Integer.MAX_VALUE, 500}) {
                    AttributionAccumulator column = SelectedAttribution.of(snapshot, filter, model, labels,
                            parallelFrom).accumulator();
                    if (model instanceof MarkovAttribution) {
                        assertThat(((MarkovAttribution.ChainAccumulator) column).chain().transitions()).as(name)
                                .isEqualTo(((MarkovAttribution.ChainAccumulator) ownSteps).chain().transitions());
                    } else {
                        assertThat(column.attribution()).as(name).isEqualTo(ownSteps.attribution());
                    }
                }
                if (touchpoints < 100 || !(model instanceof MarkovAttribution)) {
                    Attribution expected = ownSteps.attribution();
                    assertThat(expected.credits()).as(name).isNotEmpty();
                    com.journeyexplorer.analysis.compare.SegmentComparison.Result compared =
                            com.journeyexplorer.analysis.compare.SegmentComparison.compare(snapshot, filter, other,
                                    model, labels, 0.95, 5);
                    assertThat(compared.attributionA()).as(name + ", compared").isEqualTo(expected);
                    assertThat(compared.attributionB()).as(name + ", compared")
                            .isEqualTo(fromRecords(snapshot, other, model, labels).attribution());
                }
            }
        }
    }

    /**
     * A positional model's value sum of one (label, role, length) cell outgrowing the 128-bit fixed point: in one pass
     * while counting, and when two halves that each fit are merged. Two journeys of 2.7 million middle steps on one
     * label, each step adding 1.75 · 2^40: the credited value is still the exact sum, rounded once, times the share.
     */
    @Test
    void positionalValueSumsBeyondTheFixedPointStayExactInOnePassAndInHalves() {
        int middle = 2_700_000;
        int length = middle + 2; // the path: t0, t1 × middle, t3; then the purchase at t2
        double value = Math.scalb(1.75, 40) + 0.125;
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            touchpoints.add(new Touchpoint(t, "t" + t, "", "", Owner.OWN));
        }
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            int[] steps = new int[length + 1];
            java.util.Arrays.fill(steps, 1);
            steps[0] = 0;
            steps[length - 1] = 3;
            steps[length] = 2;
            byte[] types = new byte[length + 1];
            java.util.Arrays.fill(types, EventType.TOUCHPOINT.code());
            types[length] = EventType.PURCHASE.code();
            journeys.add(new Journey("j" + j, null, steps, new long[0], types, null, Outcome.PURCHASE, length,
                    value, 1, null, null, null));
        }
        JourneySnapshot snapshot = new JourneySnapshot(touchpoints, journeys, 1);
        TouchpointLabels labels = TouchpointLabels.of(snapshot, PathShaping.touchpoints());
        double expectedValue = new java.math.BigDecimal(value).multiply(java.math.BigDecimal.valueOf(2L * middle))
                .doubleValue() * (1.0 / length);
        for (int parallelFrom : new int[] {Integer.MAX_VALUE, 1}) {
            Attribution attribution = SelectedAttribution.of(snapshot, journey -> true, new LinearTouch(), labels,
                    parallelFrom).accumulator().attribution();
            assertThat(attribution.conversions("t1")).isEqualTo(2L * middle * (1.0 / length));
            assertThat(attribution.value("t1")).as("from %d", parallelFrom).isEqualTo(expectedValue);
            assertThat(attribution.value("t0")).isEqualTo(2 * value * (1.0 / length));
        }
    }

    @Test
    void exactSumsMergeToTheSumOfEveryTerm() {
        Random random = new Random(5);
        ExactSum all = new ExactSum();
        ExactSum first = new ExactSum();
        ExactSum second = new ExactSum();
        for (int i = 0; i < 10_000; i++) {
            int kind = random.nextInt(10);
            double term = kind == 0 ? Math.scalb(random.nextDouble(), -30) : kind == 1 ? Math.scalb(1.0, 60)
                    : random.nextDouble() * 1e6;
            all.add(term);
            (i < 4_000 ? first : second).add(term);
        }
        first.addAll(second);
        assertThat(first.value()).isEqualTo(all.value());
        // two fixed-point parts whose sum outgrows 2^63 in the integer part
        ExactSum big = new ExactSum();
        ExactSum bigger = new ExactSum();
        ExactSum both = new ExactSum();
        double term = Math.scalb(1.0, 40) + 0.25;
        for (int i = 0; i < 5_000_000; i++) {
            big.add(term);
            bigger.add(term);
            both.add(term);
            both.add(term);
        }
        big.addAll(bigger);
        assertThat(big.value()).isEqualTo(both.value()).isEqualTo(1e7 * term);
    }
}
