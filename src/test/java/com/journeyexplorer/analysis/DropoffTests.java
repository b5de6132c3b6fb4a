package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.Dropoff.TouchpointExits;

class DropoffTests {

    @Test
    void countsExitsToAbandonmentAndToCompetitorsPerTouchpoint() {
        Dropoff dropoff = Dropoff.of(DiversionsTests.SNAPSHOT, JourneySelection.all(), 10);

        assertThat(dropoff.total()).isEqualTo(5);
        assertThat(dropoff.touchpoints()).extracting(TouchpointExits::touchpoint)
                .containsExactly("A", "B", "X", "Y", "buy");
        TouchpointExits a = dropoff.touchpoints().get(0);
        assertThat(a).extracting(TouchpointExits::journeys, TouchpointExits::toAbandonment,
                TouchpointExits::toCompetitors, TouchpointExits::exits).containsExactly(5L, 0L, 3L, 3L);
        assertThat(a.competitorRate()).isCloseTo(0.6, within(1e-12));
        TouchpointExits b = dropoff.touchpoints().get(1);
        assertThat(b).extracting(TouchpointExits::journeys, TouchpointExits::toAbandonment,
                TouchpointExits::toCompetitors).containsExactly(3L, 1L, 1L);
        assertThat(b.exitRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(dropoff.touchpoints().get(2).toCompetitors()).as("journey ending diverted on X").isEqualTo(1);
        assertThat(dropoff.touchpoints().get(4).exits()).isZero();
    }

    @Test
    void ranksByWhatIsAskedMostFirstTiesByName() {
        Dropoff byAbandonment = Dropoff.of(DiversionsTests.SNAPSHOT, JourneySelection.all(),
                Dropoff.Ranking.ABANDONMENT, 10);
        assertThat(byAbandonment.touchpoints().get(0).touchpoint()).isEqualTo("B");
        assertThat(byAbandonment.touchpoints()).extracting(TouchpointExits::toAbandonment)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Dropoff byRate = Dropoff.of(DiversionsTests.SNAPSHOT, JourneySelection.all(), Dropoff.Ranking.EXIT_RATE, 2);
        assertThat(byRate.touchpoints()).hasSize(2).extracting(TouchpointExits::exitRate)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(byRate.total()).isEqualTo(5);
    }

    @Test
    void limitsTheRows() {
        assertThat(Dropoff.of(DiversionsTests.SNAPSHOT, JourneySelection.all(), 2).touchpoints()).hasSize(2);
    }

    @Test
    void equalsTheExitsOfTouchpointObjectsOnRandomJourneysAndAClickstream() {
        for (long seed = 1; seed <= 6; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                assertThat(Dropoff.of(random, selection, 1000)).isEqualTo(ObjectPathAnalyses.dropoff(random, selection));
            }
        }
        JourneySnapshot clickstream = PathCrossChecks.clickstream();
        for (JourneySelection selection : PathCrossChecks.clickstreamSelections()) {
            assertThat(Dropoff.of(clickstream, selection, 100_000))
                    .isEqualTo(ObjectPathAnalyses.dropoff(clickstream, selection));
        }
    }

    @Test
    void countsTwoHalvesExactlyAsOnePass() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            for (JourneySelection selection : each.selections()) {
                for (Dropoff.Ranking ranking : Dropoff.Ranking.values()) {
                    assertThat(Dropoff.of(each.snapshot(), selection, ranking, 1_000, 2))
                            .isEqualTo(Dropoff.of(each.snapshot(), selection, ranking, 1_000, Integer.MAX_VALUE));
                }
            }
        }
        assertThat(Dropoff.of(PathCrossChecks.halvesCases().get(0).snapshot(), JourneySelection.all(), 1_000)
                .touchpoints()).anySatisfy(exits -> assertThat(exits.toCompetitors()).isPositive());
    }
}
