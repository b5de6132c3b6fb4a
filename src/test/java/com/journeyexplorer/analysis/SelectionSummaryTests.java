package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.SelectionSummary.Ranked;

class SelectionSummaryTests {

    private final JourneySnapshot snapshot = new JourneyFixture()
            .touchpoint("Ad", "social", "awareness")
            .touchpoint("Search", "search", "")
            .touchpoint("Cart", "web", "purchase")
            .competitors("Rival")
            .journeys("Ad>Cart>Cart!>Ad", "Ad>Rival", "Search>Cart", "Search>Ad>Rival>Cart!", "Ad")
            .snapshot();

    @Test
    void countsEveryJourneyNotOnlyTheBusiestOnes() {
        SelectionSummary summary = SelectionSummary.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(),
                1);

        assertThat(summary.journeys()).isEqualTo(5);
        assertThat(summary.touchpointsVisited()).isEqualTo(4);
        assertThat(summary.outcomes()).containsEntry(Outcome.PURCHASE, 2L).containsEntry(Outcome.ABANDONED, 2L)
                .containsEntry(Outcome.DIVERTED, 1L);
        assertThat(summary.firstSteps().distinct()).isEqualTo(2);
        assertThat(summary.firstSteps().top()).containsExactly(new Ranked("Ad", 3, 0.6, 1));
        assertThat(summary.endsWithoutPurchase().distinct()).isEqualTo(3);
        // what buyers see on their path to purchase (the purchase event included), each journey once
        SelectionSummary all = SelectionSummary.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(), 10);
        assertThat(all.seenBeforePurchase().top()).extracting(Ranked::label, Ranked::journeys)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ad", 2L),
                        org.assertj.core.groups.Tuple.tuple("Cart", 2L),
                        org.assertj.core.groups.Tuple.tuple("Rival", 1L),
                        org.assertj.core.groups.Tuple.tuple("Search", 1L));
        assertThat(all.competitors().top()).containsExactly(new Ranked("Rival", 2, 0.4, 1));
    }

    @Test
    void coverageSaysWhatTheWholeDataHoldsAndShapingLabelsTheSteps() {
        SelectionSummary channels = SelectionSummary.of(snapshot,
                JourneySelection.all().withOutcome(Outcome.ABANDONED),
                new PathShaping(PathShaping.Level.CHANNEL, false, null, List.of()), 5);

        assertThat(channels.journeys()).isEqualTo(2);
        assertThat(channels.touchpointsVisited()).as("Search, Cart and Ad: raw touchpoints, not channels")
                .isEqualTo(3);
        assertThat(channels.firstSteps().top()).extracting(Ranked::label).containsExactly("search", "social");
        assertThat(channels.data()).isEqualTo(new SelectionSummary.Coverage(4, 3, 2, 1, 5, 2));
    }
}
