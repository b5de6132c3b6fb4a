package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class LabelVisitsTests {

    @Test
    void countsJourneysOnceAndEveryVisitWithTheOutcomeNodes() {
        JourneySnapshot snapshot = JourneyFixture.snapshot("A>B>A>buy!", "B>C", "C");

        assertThat(visits(snapshot, JourneySelection.all(), PathShaping.touchpoints())).containsExactlyInAnyOrderEntriesOf(
                Map.of("A", List.of(1L, 2L), "B", List.of(2L, 2L), "buy", List.of(1L, 1L), "C", List.of(2L, 2L),
                        "(purchase)", List.of(1L, 1L), "(abandoned)", List.of(2L, 2L)));
    }

    @Test
    void equalsTheCountsOfShapedLabelListsOnRandomJourneysAndAClickstream() {
        for (long seed = 1; seed <= 6; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                for (PathShaping shaping : PathCrossChecks.shapings()) {
                    assertThat(visits(random, selection, shaping))
                            .isEqualTo(ObjectPathAnalyses.labelVisits(random, selection, shaping));
                }
            }
        }
        JourneySnapshot clickstream = PathCrossChecks.clickstream();
        for (JourneySelection selection : PathCrossChecks.clickstreamSelections()) {
            for (PathShaping shaping : PathCrossChecks.clickstreamShapings()) {
                assertThat(visits(clickstream, selection, shaping))
                        .isEqualTo(ObjectPathAnalyses.labelVisits(clickstream, selection, shaping));
            }
        }
    }

    @Test
    void countsTwoHalvesAsTheShapedLabelListsDo() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            for (JourneySelection selection : each.selections()) {
                for (PathShaping shaping : each.shapings()) {
                    assertThat(visits(each.snapshot(), selection, shaping, 2))
                            .isEqualTo(ObjectPathAnalyses.labelVisits(each.snapshot(), selection, shaping));
                }
            }
        }
    }

    private static Map<String, List<Long>> visits(JourneySnapshot snapshot, JourneySelection selection,
            PathShaping shaping) {
        return visits(snapshot, selection, shaping, Integer.MAX_VALUE);
    }

    private static Map<String, List<Long>> visits(JourneySnapshot snapshot, JourneySelection selection,
            PathShaping shaping, int parallelFrom) {
        Map<String, List<Long>> result = new TreeMap<>();
        LabelVisits.of(snapshot, selection, shaping, parallelFrom)
                .forEach((name, t) -> result.put(name, List.of(t[0], t[1])));
        return result;
    }
}
