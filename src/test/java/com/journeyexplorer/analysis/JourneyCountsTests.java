package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

class JourneyCountsTests {

    private static final JourneySnapshot SNAPSHOT = new JourneyFixture()
            .journeys("A>B>buy!", "A>C", "B>B>C")
            .aggregated("A>buy!", 40)
            .snapshot();

    @Test
    void countsJourneysAndOutcomesWithTheirWeights() {
        JourneyCounts counts = JourneyCounts.of(SNAPSHOT);

        assertThat(counts.journeys()).isEqualTo(43);
        assertThat(counts.purchases()).isEqualTo(41);
        assertThat(counts.outcomes()).containsOnlyKeys(Outcome.values());
        assertThat(counts.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(43);
        assertThat(counts.outcomes().get(Outcome.DIVERTED)).isZero();
    }

    @Test
    void countsOnlyTheSelectedJourneys() {
        JourneyCounts counts = JourneyCounts.of(SNAPSHOT, (Journey journey) -> journey.weight() == 1);

        assertThat(counts.journeys()).isEqualTo(3);
        assertThat(counts.purchases()).isEqualTo(1);
    }

    @Test
    void countsEachTouchpointOncePerJourneyAndEveryEvent() {
        TouchpointCounts counts = TouchpointCounts.of(SNAPSHOT);
        int a = SNAPSHOT.touchpoint("A").orElseThrow().id();
        int b = SNAPSHOT.touchpoint("B").orElseThrow().id();

        assertThat(counts.journeys(a)).isEqualTo(42);
        assertThat(counts.events(a)).isEqualTo(42);
        assertThat(counts.journeys(b)).as("B>B>C counts once").isEqualTo(2);
        assertThat(counts.events(b)).isEqualTo(3);
    }
}
