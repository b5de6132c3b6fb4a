package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SegmentIndexTests {

    @Test
    void positionsAreEachSegmentsRecordsInSnapshotOrder() {
        JourneySnapshot snapshot = JourneyFixture.varied(11, 2_000);
        List<Journey> journeys = snapshot.journeys();
        SegmentIndex index = SegmentIndex.of(snapshot);
        for (String segment : List.of("s1", "s2")) {
            int[] expected = IntStream.range(0, journeys.size())
                    .filter(position -> journeys.get(position).segment().equals(segment)).toArray();
            assertThat(expected).isNotEmpty();
            assertThat(index.positions(segment)).containsExactly(expected);
        }
        assertThat(index.positions("no such segment")).isEmpty();
    }

    @Test
    void aSelectionBySegmentOffersOnlyThatSegmentAndTheIndexIsBuiltOncePerSnapshot() {
        JourneySnapshot snapshot = JourneyFixture.varied(12, 500);
        JourneySelection bySegment = new JourneySelection(null, null, "s2", null, null, null, null, null, null, null,
                null, null);
        int[] candidates = bySegment.candidatePositions(snapshot);
        for (int position : candidates) {
            assertThat(snapshot.journeys().get(position).segment()).isEqualTo("s2");
        }
        assertThat(bySegment.candidatePositions(snapshot)).isSameAs(candidates);
        assertThat(JourneySelection.all().candidatePositions(snapshot)).isNull();
    }
}
