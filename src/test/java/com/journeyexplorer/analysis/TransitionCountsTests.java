package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TransitionCountsTests {

    @Test
    void countsRawTouchpointsFromTheColumnExactlyAsTheTalliesDo() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            for (JourneySelection selection : each.selections()) {
                for (int parallelFrom : new int[] {2, Integer.MAX_VALUE}) {
                    TransitionStats fromColumn = TransitionCounts.of(each.snapshot(), selection,
                            PathShaping.touchpoints(), true, parallelFrom, true).stats();
                    TransitionStats fromTallies = TransitionCounts.of(each.snapshot(), selection,
                            PathShaping.touchpoints(), true, Integer.MAX_VALUE, false).stats();

                    assertThat(fromColumn).isEqualTo(fromTallies);
                    assertThat(fromColumn.transitions()).filteredOn(t -> !t.postPurchase())
                            .containsExactlyElementsOf(TransitionStats.of(TransitionGraph.of(each.snapshot(),
                                    selection, PathShaping.touchpoints().shaper(each.snapshot()), true, true,
                                    Integer.MAX_VALUE)).transitions());
                }
            }
        }
        assertThat(TransitionCounts.of(PathCrossChecks.halvesCases().get(0).snapshot(), JourneySelection.all(),
                PathShaping.touchpoints(), true).stats().transitions())
                .as("weighted, timed and untimed records: durations from the column")
                .anySatisfy(transition -> assertThat(transition.timing().samples()).isGreaterThan(1));
    }

    @Test
    void countsShapedPathsAsTheirGraph() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            for (JourneySelection selection : each.selections()) {
                for (PathShaping shaping : each.shapings()) {
                    TransitionStats stats = TransitionCounts.of(each.snapshot(), selection, shaping, false).stats();

                    assertThat(stats).isEqualTo(TransitionStats.of(TransitionGraph.of(each.snapshot(), selection,
                            shaping)));
                }
            }
        }
    }

    @Test
    void sharesTheStartNodeWithATouchpointNamedLikeIt() {
        JourneySnapshot snapshot = new JourneyFixture().competitors("X")
                .journeys(NodeSpace.START_NAME + ">A>X", "A>X", "B>" + NodeSpace.START_NAME + ">A>buy!", "B>X")
                .snapshot();

        assertThat(ColumnTransitions.keepsNodesApart(snapshot)).isFalse();
        TransitionStats stats = TransitionCounts.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(),
                false).stats();
        assertThat(stats).isEqualTo(TransitionStats.of(TransitionGraph.of(snapshot, JourneySelection.all(),
                PathShaping.touchpoints())));
        assertThat(stats.transitions()).as("a journey that starts at the touchpoint loops on the shared node")
                .filteredOn(t -> t.from().equals(NodeSpace.START_NAME))
                .extracting(TransitionStats.Transition::to).containsExactlyInAnyOrder("A", "B", NodeSpace.START_NAME);
    }

    @Test
    void listsTheBusiestTransitionsAsCuttingTheWholeListWould() {
        Random random = new Random(5);
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            for (JourneySelection selection : each.selections()) {
                TransitionCounts counts = TransitionCounts.of(each.snapshot(), selection, PathShaping.touchpoints(),
                        true, 2, true);
                List<TransitionStats.Transition> all = counts.stats().transitions();
                for (int round = 0; round < 6; round++) {
                    int minJourneys = 1 + random.nextInt(round < 3 ? 2 : 20);
                    int limit = 1 + random.nextInt(Math.max(1, all.size()));

                    assertThat(counts.transitions(counts.busiest(minJourneys, limit)))
                            .as("min %d, limit %d of %d", minJourneys, limit, all.size())
                            .containsExactlyElementsOf(cut(all, minJourneys, limit));
                    assertThat(counts.matching(minJourneys))
                            .isEqualTo((int) all.stream().filter(t -> t.journeys() >= minJourneys).count());
                }
            }
        }
    }

    /** The plain rule: the busiest {@code limit} with enough journeys (ties by listing order), in listing order. */
    private static List<TransitionStats.Transition> cut(List<TransitionStats.Transition> all, int minJourneys,
            int limit) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).journeys() >= minJourneys) {
                matching.add(i);
            }
        }
        matching.sort(Comparator.comparingLong((Integer i) -> -all.get(i).journeys())
                .thenComparingLong(i -> -all.get(i).count()).thenComparing(Comparator.naturalOrder()));
        List<Integer> kept = new ArrayList<>(matching.subList(0, Math.min(limit, matching.size())));
        kept.sort(Comparator.naturalOrder());
        return kept.stream().map(all::get).toList();
    }
}
