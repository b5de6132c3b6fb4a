package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TwoHalvesTests {

    @Test
    void countsTheSecondHalfApartAndMergesItAfterTheFirst() {
        List<String> merged = TwoHalves.count(7, 2, (from, to) -> new ArrayList<>(List.of(from + ".." + to)),
                (first, later) -> {
                    first.addAll(later);
                    return first;
                });

        assertThat(merged).containsExactly("0..3", "3..7");
    }

    @Test
    void countsInOneGoBelowTheThreshold() {
        assertThat(range(TwoHalves.PARALLEL_FROM - 1, TwoHalves.PARALLEL_FROM)).isEqualTo("0..99999");
        assertThat(range(1, 0)).isEqualTo("0..1");
        assertThat(range(0, 0)).isEqualTo("0..0");
    }

    private static String range(int size, int parallelFrom) {
        return TwoHalves.<String>count(size, parallelFrom, (from, to) -> from + ".." + to, (a, b) -> a + " " + b);
    }

    @Test
    void theAnalysesSplitAtTheDefaultThresholdAsInOnePass() {
        // Enough records for the public entry points to count two halves on two cores.
        JourneySnapshot many = JourneyFixture.withOpenJourneys(JourneyFixture.varied(17, TwoHalves.PARALLEL_FROM));
        JourneySelection all = JourneySelection.all();
        JourneySelection segment = all.withSegment("s2").withOpen(true);
        PathShaping shaping = PathShaping.touchpoints();
        int once = Integer.MAX_VALUE;

        for (JourneySelection selection : List.of(all, segment)) {
            assertThat(Diversions.of(many, selection, 100)).isEqualTo(Diversions.of(many, selection, 100, once));
            assertThat(Dropoff.of(many, selection, 100))
                    .isEqualTo(Dropoff.of(many, selection, Dropoff.Ranking.EXITS, 100, once));
            List<String> stages = List.of("awareness", "consideration", "purchase", "loyalty");
            assertThat(Funnel.of(many, selection, stages, 5))
                    .isEqualTo(Funnel.of(many, selection, stages, 5, ResponsesByPosition.none(), once));
            assertThat(Flows.of(many, selection, shaping, 6, 4))
                    .isEqualTo(Flows.of(many, selection, shaping, 6, 4, once));
            assertThat(TransitionStats.of(many, selection, shaping, true))
                    .isEqualTo(TransitionStats.of(many, selection, shaping, true, once));
        }
    }
}
