package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class LikelyPathsTests {

    private final TransitionGraph loop = TransitionGraph.of(JourneyFixture.snapshot("A>B>A>buy!", "A>B", "A>C>buy!",
            "C>B"), JourneySelection.all(), PathShaping.touchpoints());

    @Test
    void listsTheMostProbablePathsFirst() {
        List<LikelyPath> paths = LikelyPaths.of(loop, Outcome.PURCHASE, 5);

        // start: A 3/4, C 1/4; A: B 2/4, buy 1/4, C 1/4; B: A 1/3, abandoned 2/3; C: buy 1/2, B 1/2
        assertThat(paths).extracting(LikelyPath::steps).containsExactly(
                List.of("A", "buy"), List.of("C", "buy"), List.of("A", "C", "buy"), List.of("C", "B", "A", "buy"));
        assertThat(paths.get(0).probability()).isCloseTo(3 / 16.0, within(1e-12));
        assertThat(paths.get(1).probability()).isCloseTo(1 / 8.0, within(1e-12));
        assertThat(paths.get(2).probability()).isCloseTo(3 / 32.0, within(1e-12));
        assertThat(paths.get(3).probability()).isCloseTo(1 / 4.0 * 1 / 2.0 * 1 / 3.0 * 1 / 4.0, within(1e-12));
        assertThat(paths).allSatisfy(path -> assertThat(path.outcomeNode()).isEqualTo("(purchase)"));
    }

    @Test
    void returnsNothingForAnUnreachedOutcome() {
        assertThat(LikelyPaths.of(loop, Outcome.DIVERTED, 3)).isEmpty();
        assertThat(LikelyPaths.of(TransitionGraph.of(JourneySnapshot.empty(), JourneySelection.all(),
                PathShaping.touchpoints()), Outcome.PURCHASE, 3)).isEmpty();
    }

    @Test
    void rejectsKBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> LikelyPaths.of(loop, Outcome.PURCHASE, 0));
    }

    @Test
    void matchesABruteForceEnumerationOfSimplePathsOnRandomGraphs() {
        for (long seed = 1; seed <= 25; seed++) {
            TransitionGraph graph = TransitionGraph.of(JourneyFixture.random(seed, 25), JourneySelection.all(),
                    new PathShaping(PathShaping.Level.TOUCHPOINT, seed % 2 == 0, null, null));
            for (Outcome outcome : List.of(Outcome.PURCHASE, Outcome.ABANDONED, Outcome.DIVERTED)) {
                int k = 1 + (int) (seed % 8);
                List<Double> expected = ChainBruteForce.simplePathProbabilities(graph, outcome.nodeName());
                List<LikelyPath> paths = LikelyPaths.of(graph, outcome, k);

                assertThat(paths).hasSize(Math.min(k, expected.size()));
                assertThat(paths).extracting(LikelyPath::probability)
                        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
                for (int i = 0; i < paths.size(); i++) {
                    assertThat(paths.get(i).probability()).as("seed %d, %s, path %d", seed, outcome, i)
                            .isCloseTo(expected.get(i), within(1e-12));
                    assertThat(paths.get(i).steps()).doesNotHaveDuplicates();
                }
            }
        }
    }
}
