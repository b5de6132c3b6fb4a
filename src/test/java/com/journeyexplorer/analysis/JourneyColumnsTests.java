package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class JourneyColumnsTests {

    @Test
    void codesEqualValuesAlikeAndUnknownValuesAsAbsent() {
        JourneySnapshot snapshot = new JourneyFixture()
                .journey("A>B", 1, true, "gold", "mobile", Map.of())
                .journey("B", 1, true, "silver", "desktop", Map.of())
                .journey("A", 1, true, "gold", "desktop", Map.of())
                .snapshot();
        JourneyColumns columns = JourneyColumns.of(snapshot);

        assertThat(columns.segment(0)).isEqualTo(columns.segment(2)).isEqualTo(columns.segmentCode("gold"))
                .isNotEqualTo(columns.segment(1));
        assertThat(columns.device(1)).isEqualTo(columns.device(2)).isEqualTo(columns.deviceCode("desktop"))
                .isNotEqualTo(columns.device(0));
        assertThat(columns.segmentCode("bronze")).isEqualTo(JourneyColumns.ABSENT);
        assertThat(columns.deviceCode("gold")).isEqualTo(JourneyColumns.ABSENT);
    }

    @Test
    void codesMoreDistinctValuesThanAByteHolds() {
        JourneyFixture fixture = new JourneyFixture();
        for (int i = 0; i < 600; i++) {
            fixture.journey("A", 1, true, "segment " + i % 300, "", Map.of());
        }
        JourneyColumns columns = JourneyColumns.of(fixture.snapshot());

        for (int position = 0; position < 600; position++) {
            assertThat(columns.segment(position)).isEqualTo(columns.segmentCode("segment " + position % 300));
        }
        assertThat(columns.segmentCode("segment 299")).isEqualTo(299);
    }

    @Test
    void holdsOutcomeTimingAndWeightOfEachRecord() {
        JourneySnapshot snapshot = new JourneyFixture()
                .competitors("X")
                .journeys("A>buy!>B", "A>X")
                .aggregated("A>B", 7)
                .snapshot();
        JourneyColumns columns = JourneyColumns.of(snapshot);

        for (int position = 0; position < 3; position++) {
            Journey journey = snapshot.journeys().get(position);
            assertThat(columns.outcome(position)).isEqualTo(journey.outcome().ordinal());
            assertThat(columns.isTimed(position)).isEqualTo(journey.isTimed());
            assertThat(columns.weight(position)).isEqualTo(journey.weight());
        }
        assertThat(columns.outcome(0)).isEqualTo(Outcome.PURCHASE.ordinal());
        assertThat(columns.outcome(1)).isEqualTo(Outcome.DIVERTED.ordinal());
        assertThat(columns.isTimed(2)).isFalse();
        assertThat(columns.weight(2)).isEqualTo(7);
    }

    @Test
    void isBuiltOncePerSnapshot() {
        JourneySnapshot snapshot = JourneyFixture.snapshot("A>B");

        assertThat(JourneyColumns.of(snapshot)).isSameAs(JourneyColumns.of(snapshot));
    }
}
