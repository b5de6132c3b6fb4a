package com.journeyexplorer.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Key moments' single pass ({@link MomentCounts}) against the separate counts it replaces, and the per-snapshot
 * counts of the unfiltered request against counting afresh, on seeded random journeys.
 */
class KeyMomentsTests {

    /** More touchpoints than {@code EdgeTallies}' dense table takes, so the sparse one is used too. */
    private static final int TOUCHPOINTS = 300;

    /**
     * Random journeys over {@link #TOUCHPOINTS} touchpoints (the last is the purchase event): 1 to 8 steps, a third
     * with a purchase somewhere (sometimes followed by more steps), the others abandoned or diverted; weights 1-3.
     */
    static JourneySnapshot randomSnapshot(long seed, int count) {
        Random random = new Random(seed);
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int t = 0; t < TOUCHPOINTS; t++) {
            touchpoints.add(new Touchpoint(t, "t" + t, "c" + t % 5, "", t % 7 == 0 ? Owner.COMPETITOR : Owner.OWN));
        }
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            int length = 1 + random.nextInt(8);
            int[] steps = new int[length];
            byte[] types = new byte[length];
            for (int i = 0; i < length; i++) {
                // a few busy touchpoints and a long tail, repeats likely
                steps[i] = random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(TOUCHPOINTS - 1);
                types[i] = EventType.TOUCHPOINT.code();
            }
            int purchaseIndex = -1;
            Outcome outcome = random.nextBoolean() ? Outcome.ABANDONED : Outcome.DIVERTED;
            if (random.nextInt(3) == 0) {
                purchaseIndex = random.nextInt(length);
                steps[purchaseIndex] = TOUCHPOINTS - 1;
                types[purchaseIndex] = EventType.PURCHASE.code();
                outcome = Outcome.PURCHASE;
            }
            journeys.add(new Journey("j" + j, null, steps, new long[0], types, null, outcome, purchaseIndex,
                    purchaseIndex >= 0 ? 10 : 0, 1 + random.nextInt(3), null, null, null));
        }
        return new JourneySnapshot(touchpoints, journeys, 1);
    }

    @Test
    void countsTheTransitionTableInTheSamePassAsTheTouchpoints() {
        JourneySnapshot snapshot = randomSnapshot(11, 5_000);
        List<Predicate<Journey>> filters = List.of(journey -> true,
                journey -> journey.outcome() != Outcome.DIVERTED, journey -> journey.steps()[0] % 2 == 0);
        for (Predicate<Journey> filter : filters) {
            TransitionTable counted = MomentCounts.of(snapshot, filter).table();
            TransitionTable separate = TransitionTable.withoutTimings(snapshot, filter);
            assertThat(counted.nodes()).isEqualTo(separate.nodes());
            assertThat(counted.transitions()).isEqualTo(separate.transitions());
        }
    }

    @Test
    void countsInTwoHalvesWhatOnePassCounts() {
        JourneySnapshot snapshot = randomSnapshot(13, 4_001);
        List<Predicate<Journey>> filters = List.of(journey -> true, journey -> journey.weight() > 1);
        for (Predicate<Journey> filter : filters) {
            MomentCounts sequential = MomentCounts.of(snapshot, filter, Integer.MAX_VALUE);
            MomentCounts halves = MomentCounts.of(snapshot, filter, 1_000);
            assertThat(halves.with()).isEqualTo(sequential.with());
            assertThat(halves.total()).isEqualTo(sequential.total());
            assertThat(halves.table().transitions()).isEqualTo(sequential.table().transitions());
        }
    }

    @Test
    void unfilteredRankingKeptWithTheSnapshotEqualsTheOneCountedAfresh() {
        JourneySnapshot snapshot = randomSnapshot(12, 3_000);
        KeyMoments.Ranking counted = KeyMoments.of(snapshot, journey -> true, 0.95, 0.05, 64);
        KeyMoments.Ranking first = KeyMoments.of(snapshot, JourneySelection.all(), 0.95, 0.05, 64);
        KeyMoments.Ranking later = KeyMoments.of(snapshot, JourneySelection.all(), 0.95, 0.05, 64);
        assertThat(first).isEqualTo(counted);
        assertThat(later).isEqualTo(counted);
        assertThat(counted.journeys()).isEqualTo(snapshot.journeys().stream().mapToLong(Journey::weight).sum());
        assertThat(counted.moments()).isNotEmpty();
        // another selection is counted afresh, not answered from the snapshot's counts
        JourneySelection purchases = JourneySelection.all().withOutcome(Outcome.PURCHASE);
        KeyMoments.Ranking selected = KeyMoments.of(snapshot, purchases, 0.95, 0.05, 64);
        assertThat(selected).isEqualTo(KeyMoments.of(snapshot, purchases.predicate(snapshot), 0.95, 0.05, 64));
        assertThat(selected.journeys()).isEqualTo(selected.purchases()).isLessThan(counted.journeys());
    }
}
