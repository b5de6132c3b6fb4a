package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.Neighbourhood.Offset;

class NeighbourhoodTests {

    @Test
    void showsWhatComesBeforeAndAfterIncludingStartAndOutcomeNodes() {
        Neighbourhood around = Neighbourhood.of(JourneyFixture.snapshot("A>B>C>buy!>E", "B>C", "C>B>A", "D"),
                JourneySelection.all(), PathShaping.touchpoints(), "B", 2, 2);

        assertThat(around.journeys()).isEqualTo(3);
        assertThat(around.before()).extracting(Offset::offset).containsExactly(-1, -2);
        assertThat(around.before().get(0).labels()).containsExactly(new LabelCount("(start)", 1, 1 / 3.0),
                new LabelCount("A", 1, 1 / 3.0), new LabelCount("C", 1, 1 / 3.0));
        assertThat(around.before().get(1).journeys()).isEqualTo(2);
        assertThat(around.before().get(1).labels()).containsExactly(new LabelCount("(start)", 2, 1.0));
        assertThat(around.after().get(0).labels()).containsExactly(new LabelCount("C", 2, 2 / 3.0),
                new LabelCount("A", 1, 1 / 3.0));
        assertThat(around.after().get(1).labels()).containsExactly(new LabelCount("(abandoned)", 2, 2 / 3.0),
                new LabelCount("buy", 1, 1 / 3.0));
    }

    @Test
    void looksAroundTheFirstOccurrenceOnly() {
        Neighbourhood around = Neighbourhood.of(JourneyFixture.snapshot("A>B>C>B>D"), JourneySelection.all(),
                PathShaping.touchpoints(), "B", 1, 1);

        assertThat(around.after().get(0).labels()).containsExactly(new LabelCount("C", 1, 1.0));
    }

    @Test
    void findsNothingForAnUnknownLabel() {
        Neighbourhood around = Neighbourhood.of(JourneyFixture.snapshot("A>B"), JourneySelection.all(),
                PathShaping.touchpoints(), "Z", 1, 1);

        assertThat(around.journeys()).isZero();
        assertThat(around.before().get(0).labels()).isEmpty();
    }

    @Test
    void equalsTheNeighbourhoodOfShapedLabelListsOnRandomJourneys() {
        for (long seed = 1; seed <= 6; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                for (PathShaping shaping : PathCrossChecks.shapings()) {
                    for (String label : List.of("A", "C", "X", "Rivals", "web", "consideration", "(purchase)",
                            "unknown")) {
                        assertThat(Neighbourhood.of(random, selection, shaping, label, 3, 2)).isEqualTo(
                                ObjectPathAnalyses.neighbourhood(random, selection, shaping, label, 3, 2));
                    }
                }
            }
        }
    }

    @Test
    void equalsTheNeighbourhoodOfShapedLabelListsOnAClickstream() {
        JourneySnapshot clickstream = PathCrossChecks.clickstream();
        for (JourneySelection selection : PathCrossChecks.clickstreamSelections()) {
            for (PathShaping shaping : PathCrossChecks.clickstreamShapings()) {
                for (String label : List.of("Cart", "Checkout - shipping", "Products", "website", "Search results")) {
                    for (int[] reach : new int[][] {{2, 2}, {0, 4}, {5, 0}}) {
                        assertThat(Neighbourhood.of(clickstream, selection, shaping, label, reach[0], reach[1]))
                                .isEqualTo(ObjectPathAnalyses.neighbourhood(clickstream, selection, shaping, label,
                                        reach[0], reach[1]));
                    }
                }
            }
        }
        assertThat(Neighbourhood.of(clickstream, JourneySelection.all(), PathShaping.touchpoints(), "Cart", 1, 1)
                .journeys()).isPositive();
    }
}
