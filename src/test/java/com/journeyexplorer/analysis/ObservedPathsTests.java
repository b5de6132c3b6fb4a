package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ObservedPathsTests {

    @Test
    void aLikelyPathOfTheChainCanBeOneNoJourneyTook() {
        // A>B and C>D each buy; the chain joins them into A>D and C>B as likely as the paths taken
        JourneySnapshot snapshot = new JourneyFixture()
                .journeys("S>A>X>buy!", "S>B>X>Y>buy!", "S>A>X>Y>Z", "S>B>X>buy!", "S>B>X>buy!")
                .snapshot();
        TransitionGraph graph = TransitionGraph.withoutTimings(snapshot, JourneySelection.all(),
                PathShaping.touchpoints());
        List<LikelyPath> likely = LikelyPaths.of(graph, Outcome.PURCHASE, 10);

        long[] observed = ObservedPaths.journeys(snapshot, JourneySelection.all(), PathShaping.touchpoints(),
                Outcome.PURCHASE, likely.stream().map(LikelyPath::steps).toList());

        Map<List<String>, Long> byPath = new HashMap<>();
        for (int i = 0; i < likely.size(); i++) {
            byPath.put(likely.get(i).steps(), observed[i]);
        }
        // the paths to purchase as they were taken (each up to its purchase)
        assertThat(byPath).containsEntry(List.of("S", "A", "X", "buy"), 1L)
                .containsEntry(List.of("S", "B", "X", "buy"), 2L)
                .containsEntry(List.of("S", "A", "X", "Y", "buy"), 0L)
                .containsEntry(List.of("S", "B", "X", "Y", "buy"), 1L);
    }

    @Test
    void countsUnderTheSameShapingAndOnlyJourneysEndingInTheOutcome() {
        JourneySnapshot snapshot = new JourneyFixture()
                .touchpoint("A", "web", "")
                .touchpoint("B", "web", "")
                .touchpoint("C", "mail", "")
                .journeys("A>B>C", "B>A>C", "A>C", "A>B>C>C!")
                .snapshot();
        PathShaping channels = new PathShaping(PathShaping.Level.CHANNEL, true, null, List.of());

        long[] abandoned = ObservedPaths.journeys(snapshot, JourneySelection.all(), channels, Outcome.ABANDONED,
                List.of(List.of("web", "mail"), List.of("web"), List.of("web", "mail", "web")));
        long[] bought = ObservedPaths.journeys(snapshot, JourneySelection.all(), channels, Outcome.PURCHASE,
                List.of(List.of("web", "mail"), List.of("teleport")));

        assertThat(abandoned).containsExactly(3, 0, 0);
        assertThat(bought).containsExactly(1, 0);
    }
}
