package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.StepFunnel.Step;

class StepFunnelTests {

    private static final List<String> STEPS = List.of("Product", "Cart", "Checkout");

    @Test
    void countsJourneysReachingEachStepInEventualOrderWithOtherStepsBetween() {
        JourneySnapshot snapshot = new JourneyFixture()
                .journeys("Home>Product>Search>Cart>Checkout>buy!", "Product>Cart", "Cart>Product>Checkout",
                        "Product>Home", "Home", "Product>Product>Cart>Cart>Checkout")
                .snapshot();

        StepFunnel funnel = StepFunnel.of(snapshot, JourneySelection.all(), STEPS, null);

        assertThat(funnel.total()).isEqualTo(6);
        assertThat(funnel.windowSeconds()).isNull();
        assertThat(funnel.steps()).extracting(Step::journeys).containsExactly(5L, 3L, 2L);
        assertThat(funnel.steps()).extracting(Step::conversion).containsExactly(5 / 6.0, 0.6, 2 / 3.0);
        assertThat(funnel.steps()).extracting(Step::droppedOut).containsExactly(2L, 1L, 0L);
        assertThat(funnel.steps()).extracting(Step::purchased).containsExactly(1L, 1L, 1L);
    }

    @Test
    void theWindowAppliesPerStepByHand() {
        JourneySnapshot snapshot = new JourneyFixture().journeys(
                // each step within a day of the one before, two days in all
                "Product@0>Cart@80000>Checkout@160000",
                // the cart comes more than a day after the product view
                "Product@0>Cart@90000>Checkout@91000",
                // the cart within a day of the second product view, checkout 90,000 s after the cart
                "Product@0>Product@50000>Cart@100000>Checkout@190000",
                // the second cart is too late for the product view, so it cannot carry the checkout
                "Product@0>Cart@1000>Cart@170000>Checkout@200000",
                // exactly a day between steps: inside the window
                "Product@0>Cart@86400>Checkout@172800")
                .snapshot();

        StepFunnel perStep = StepFunnel.of(snapshot, JourneySelection.all(), STEPS, 86_400L);
        StepFunnel fromFirst = StepFunnel.of(snapshot, JourneySelection.all(), STEPS, 86_400L,
                StepFunnel.WindowFrom.FIRST);

        assertThat(perStep.windowFrom()).isEqualTo(StepFunnel.WindowFrom.PREVIOUS);
        assertThat(perStep.steps()).extracting(Step::journeys).containsExactly(5L, 4L, 2L);
        assertThat(perStep.steps()).extracting(Step::droppedOut).containsExactly(1L, 2L, 0L);
        assertThat(perStep.steps()).extracting(Step::conversion).containsExactly(1.0, 0.8, 0.5);
        assertThat(fromFirst.steps()).extracting(Step::journeys).containsExactly(5L, 4L, 0L);
        assertThat(StepFunnel.of(snapshot, JourneySelection.all(), STEPS, null).windowFrom()).isNull();
    }

    @Test
    void bothWindowsMatchABruteForceOverEveryOrderedChoiceOfVisits() {
        List<List<String>> funnels = List.of(List.of("A", "B", "C"), List.of("A", "A", "B"), List.of("B", "D"),
                List.of("C", "buy", "A", "E"));
        for (long seed = 1; seed <= 4; seed++) {
            JourneySnapshot snapshot = JourneyFixture.varied(seed, 800);
            for (List<String> steps : funnels) {
                for (long window : new long[] {300, 700, 1500, 4000}) {
                    for (StepFunnel.WindowFrom from : StepFunnel.WindowFrom.values()) {
                        StepFunnel funnel = StepFunnel.of(snapshot, JourneySelection.all(), steps, window, from);
                        long[] expected = new long[steps.size()];
                        for (com.journeyexplorer.journey.Journey journey : snapshot.journeys()) {
                            int depth = bruteDepth(snapshot, journey, steps, window * 1000, from, 0, -1, 0);
                            for (int k = 0; k < depth; k++) {
                                expected[k] += journey.weight();
                            }
                        }
                        assertThat(funnel.steps()).extracting(Step::journeys)
                                .as(steps + " " + window + " " + from + " seed " + seed)
                                .containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Long[]::new));
                    }
                }
            }
        }
    }

    /** The furthest step reachable by any chain of visits after {@code previous}, trying every next visit. */
    private static int bruteDepth(JourneySnapshot snapshot, com.journeyexplorer.journey.Journey journey,
            List<String> steps, long window, StepFunnel.WindowFrom from, int k, int previous, long anchor) {
        if (k == steps.size()) {
            return k;
        }
        int best = k;
        for (int i = previous + 1; i < journey.length(); i++) {
            if (!snapshot.touchpoint(journey.steps()[i]).name().equals(steps.get(k))) {
                continue;
            }
            long at = journey.isTimed() ? journey.times()[i] : 0;
            if (k > 0 && journey.isTimed() && at - anchor > window) {
                continue;
            }
            long next = k == 0 || from == StepFunnel.WindowFrom.PREVIOUS ? at : anchor;
            best = Math.max(best, bruteDepth(snapshot, journey, steps, window, from, k + 1, i, next));
        }
        return best;
    }

    @Test
    void theWindowFromTheFirstStepLetsALaterStartStillConvert() {
        JourneySnapshot snapshot = new JourneyFixture()
                // Cart 2 days after the first product view, but within a day of the second one
                .journeys("Product@0>Product@172000>Cart@172800>Checkout@173000",
                        // Checkout 8 days after the product view
                        "Product@0>Cart@60>Checkout@691200")
                .snapshot();

        StepFunnel.WindowFrom first = StepFunnel.WindowFrom.FIRST;
        StepFunnel week = StepFunnel.of(snapshot, JourneySelection.all(), STEPS, 7 * 86_400L, first);
        StepFunnel day = StepFunnel.of(snapshot, JourneySelection.all(), STEPS, 86_400L, first);

        assertThat(week.steps()).extracting(Step::journeys).containsExactly(2L, 2L, 1L);
        assertThat(day.steps()).extracting(Step::journeys).containsExactly(2L, 2L, 1L);
        // ten minutes: the first journey's cart comes 800 s after its last product view
        assertThat(StepFunnel.of(snapshot, JourneySelection.all(), STEPS, 600L, first).steps())
                .extracting(Step::journeys).containsExactly(2L, 1L, 0L);
    }

    @Test
    void aStepNamedTwiceNeedsTwoVisitsAndAnEmptyPreviousStepHasNoConversion() {
        JourneySnapshot snapshot = new JourneyFixture().touchpoint("Checkout", "", "")
                .journeys("Cart>Product", "Cart>Cart").snapshot();

        StepFunnel twice = StepFunnel.of(snapshot, JourneySelection.all(), List.of("Cart", "Cart"), null);
        StepFunnel none = StepFunnel.of(snapshot, JourneySelection.all(), List.of("Product", "Cart", "Checkout"),
                null);

        assertThat(twice.steps()).extracting(Step::journeys).containsExactly(2L, 1L);
        assertThat(none.steps()).extracting(Step::journeys).containsExactly(1L, 0L, 0L);
        assertThat(none.steps()).extracting(Step::conversion).containsExactly(0.5, 0.0, null);
    }
}
