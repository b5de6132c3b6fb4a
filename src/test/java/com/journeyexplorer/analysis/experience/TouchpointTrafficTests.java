package com.journeyexplorer.analysis.experience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The per-touchpoint counts of visits, frustration events, journeys and lost journeys, kept with the snapshot for
 * unfiltered selections and counted afresh for filtered ones, against a literal computation on seeded journeys.
 */
class TouchpointTrafficTests {

    private static final int TOUCHPOINT_COUNT = 6;
    private static final Outcome[] OUTCOMES = {Outcome.PURCHASE, Outcome.ABANDONED, Outcome.DIVERTED, Outcome.OPEN};
    private static final String[] SEGMENTS = {"a", "b", "c"};

    private static JourneySnapshot snapshot(long seed, boolean withOpen) {
        return snapshot(seed, withOpen, TOUCHPOINT_COUNT, 8);
    }

    /** 400 journeys of 1 to {@code maxLength} steps over the first {@code visited} touchpoints. */
    private static JourneySnapshot snapshot(long seed, boolean withOpen, int visited, int maxLength) {
        Random random = new Random(seed);
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int id = 0; id < TOUCHPOINT_COUNT; id++) {
            touchpoints.add(new Touchpoint(id, "t" + id, "web", "s" + id % 3, Owner.OWN));
        }
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < 400; j++) {
            int length = 1 + random.nextInt(maxLength);
            int[] steps = new int[length];
            byte[] types = new byte[length];
            for (int i = 0; i < length; i++) {
                steps[i] = random.nextInt(visited);
                types[i] = random.nextInt(5) == 0 ? EventType.FRUSTRATION.code() : EventType.TOUCHPOINT.code();
            }
            Outcome outcome = OUTCOMES[random.nextInt(withOpen ? 4 : 3)];
            journeys.add(new Journey("j" + j, "c" + j, steps, new long[0], types, null, outcome, -1, 0,
                    1 + random.nextInt(3), SEGMENTS[random.nextInt(3)], "", Map.of()));
        }
        return new JourneySnapshot(touchpoints, journeys, 1);
    }

    /** The counts written out: every selected journey's every step, journeys counted once per touchpoint. */
    private static long[][] literal(JourneySnapshot snapshot, JourneySelection selection) {
        long[][] counts = new long[4][TOUCHPOINT_COUNT];
        for (Journey journey : selection.select(snapshot)) {
            Set<Integer> visited = new HashSet<>();
            for (int i = 0; i < journey.steps().length; i++) {
                int touchpoint = journey.steps()[i];
                counts[journey.types()[i] == EventType.FRUSTRATION.code() ? 1 : 0][touchpoint] += journey.weight();
                visited.add(touchpoint);
            }
            boolean lost = journey.outcome() == Outcome.ABANDONED || journey.outcome() == Outcome.DIVERTED;
            for (int touchpoint : visited) {
                counts[2][touchpoint] += journey.weight();
                counts[3][touchpoint] += lost ? journey.weight() : 0;
            }
        }
        return counts;
    }

    private static void assertMatchesLiteral(JourneySnapshot snapshot, JourneySelection selection) {
        TouchpointTraffic traffic = TouchpointTraffic.of(snapshot, selection);
        long[][] expected = literal(snapshot, selection);
        assertThat(traffic.visits()).containsExactly(expected[0]);
        assertThat(traffic.frustrations()).containsExactly(expected[1]);
        assertThat(traffic.journeys()).containsExactly(expected[2]);
        assertThat(traffic.lost()).containsExactly(expected[3]);
    }

    @Test
    void countsEverySelectionLikeTheLiteralComputation() {
        for (long seed = 1; seed <= 5; seed++) {
            for (boolean withOpen : new boolean[] {false, true}) {
                JourneySnapshot snapshot = snapshot(seed, withOpen);
                JourneySelection all = JourneySelection.all();
                assertMatchesLiteral(snapshot, all);
                assertMatchesLiteral(snapshot, all.withOpen(true));
                assertMatchesLiteral(snapshot, all.withSegment("b"));
                assertMatchesLiteral(snapshot, all.withOutcome(Outcome.ABANDONED));
                assertMatchesLiteral(snapshot, all.withPath(List.of(), List.of(), List.of("t2"), List.of()));
                assertMatchesLiteral(snapshot, all.withSegment("nobody"));
            }
        }
    }

    @Test
    void countsRepeatedStepSequencesOnceLikeTheLiteralComputation() {
        // At most 12 distinct step sequences among 400 journeys: a sequence counts for many journeys.
        for (long seed = 1; seed <= 3; seed++) {
            JourneySnapshot snapshot = snapshot(seed, true, 3, 2);
            JourneySelection all = JourneySelection.all();
            assertMatchesLiteral(snapshot, all.withOpen(true));
            assertMatchesLiteral(snapshot, all);
            assertMatchesLiteral(snapshot, all.withSegment("a"));
            assertMatchesLiteral(snapshot, all.withOutcome(Outcome.DIVERTED));
        }
    }

    @Test
    void keepsTheUnfilteredCountsWithTheSnapshotAndCountsFilteredSelectionsAfresh() {
        JourneySnapshot snapshot = snapshot(7, true);
        JourneySelection all = JourneySelection.all();
        assertThat(TouchpointTraffic.of(snapshot, all)).isSameAs(TouchpointTraffic.of(snapshot, all));
        assertThat(TouchpointTraffic.of(snapshot, all.withOpen(true)))
                .isSameAs(TouchpointTraffic.of(snapshot, all.withOpen(true)))
                .isNotSameAs(TouchpointTraffic.of(snapshot, all));
        JourneySelection segment = all.withSegment("a");
        assertThat(TouchpointTraffic.of(snapshot, segment)).isNotSameAs(TouchpointTraffic.of(snapshot, segment));
        JourneySnapshot next = snapshot(8, true);
        assertThat(TouchpointTraffic.of(next, all)).isNotSameAs(TouchpointTraffic.of(snapshot, all));
    }
}
