package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import org.junit.jupiter.api.Test;

class JourneyIndexTests {

    private static Journey journey(String id) {
        return new Journey(id, "c-1", new int[] {0}, new long[] {1}, new byte[] {0}, null, Outcome.ABANDONED, -1, 0,
                1, "", "", Map.of());
    }

    /** Numbered ids, and ids kept as strings, alternating. */
    private static List<Journey> journeys(int count) {
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            journeys.add(journey(i % 2 == 0 ? String.format("j-%07d", i) : "uuid-" + i + "-x"));
        }
        return journeys;
    }

    @Test
    void findsEveryIdAtEverySizeUpToThreeQuartersFull() {
        for (int count : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 1_000, 1_536, 1_537, 20_000}) {
            List<Journey> journeys = journeys(count);
            JourneyIndex index = new JourneyIndex(journeys);
            for (int position = 0; position < count; position++) {
                assertThat(index.positionOf(journeys.get(position).id())).as("%d of %d", position, count)
                        .isEqualTo(position);
            }
            assertThat(index.positionOf("j-9999999")).isEqualTo(-1);
            assertThat(index.positionOf("j-" + count)).as("another width").isEqualTo(-1);
            assertThat(index.positionOf("uuid-" + count + "-x")).isEqualTo(-1);
        }
    }

    @Test
    void copiesWhileThereIsRoomAndIndexesWhatIsAppended() {
        for (int count : new int[] {0, 100, 1_535, 1_536, 7_000, 7_400, 20_000}) {
            JourneyIndex index = new JourneyIndex(journeys(count));
            int room = Math.max(1_024, count / 8);
            assertThat(index.copyFor(journeys(count), room)).as("room for an eighth more after %d", count)
                    .isNotNull();
        }
        List<Journey> journeys = journeys(1_536);
        JourneyIndex index = new JourneyIndex(journeys);
        assertThat(index.copyFor(journeys, 1_536)).as("4,096 slots hold 3,072 ids at most").isNotNull();
        assertThat(index.copyFor(journeys, 1_537)).isNull();

        List<Journey> fewer = journeys(1_000);
        JourneyIndex small = new JourneyIndex(fewer);
        List<Journey> more = new ArrayList<>(fewer);
        more.add(journey("j-0000002"));
        more.add(journey("appended"));
        JourneyIndex copy = small.copyFor(more, 2);
        assertThat(copy).isNotNull();
        copy.put(1_000);
        copy.put(1_001);
        assertThat(copy.positionOf("appended")).isEqualTo(1_001);
        assertThat(copy.positionOf("j-0000002")).as("a repeated id: the last position").isEqualTo(1_000);
        assertThat(copy.positionOf("j-0000004")).isEqualTo(4);
        assertThat(small.positionOf("j-0000002")).isEqualTo(2);
        assertThat(small.positionOf("appended")).as("the original is untouched").isEqualTo(-1);
    }
}
