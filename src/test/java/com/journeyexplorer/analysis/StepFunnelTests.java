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
    void theWindowCountsFromTheFirstStepAndALaterStartMayStillConvert() {
        JourneySnapshot snapshot = new JourneyFixture()
                // Cart 2 days after the first product view, but within a day of the second one
                .journeys("Product@0>Product@172000>Cart@172800>Checkout@173000",
                        // Checkout 8 days after the product view
                        "Product@0>Cart@60>Checkout@691200")
                .snapshot();

        StepFunnel week = StepFunnel.of(snapshot, JourneySelection.all(), STEPS, 7 * 86_400L);
        StepFunnel day = StepFunnel.of(snapshot, JourneySelection.all(), STEPS, 86_400L);

        assertThat(week.steps()).extracting(Step::journeys).containsExactly(2L, 2L, 1L);
        assertThat(day.steps()).extracting(Step::journeys).containsExactly(2L, 2L, 1L);
        // ten minutes: the first journey's cart comes 800 s after its last product view
        assertThat(StepFunnel.of(snapshot, JourneySelection.all(), STEPS, 600L).steps())
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
