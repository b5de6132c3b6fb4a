package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AbsorbingChainTests {

    @Test
    void solvesAChainWithACycleExactly() {
        // A: B 2/3, buy 1/3; B: A 1/2, abandoned 1/2. P(A) = 1/3 + 2/3 · 1/2 · P(A), so P(A) = 1/2.
        AbsorbingChain chain = AbsorbingChain.of(TransitionGraph.of(JourneyFixture.snapshot("A>B>A>buy!", "A>B"),
                JourneySelection.all(), PathShaping.touchpoints()));

        assertThat(chain.probability("A", Outcome.PURCHASE)).isCloseTo(0.5, within(1e-12));
        assertThat(chain.probability("B", Outcome.PURCHASE)).isCloseTo(0.25, within(1e-12));
        assertThat(chain.probability("B", Outcome.ABANDONED)).isCloseTo(0.75, within(1e-12));
        assertThat(chain.probability(TransitionGraph.START, Outcome.PURCHASE)).isCloseTo(0.5, within(1e-12));
        assertThat(chain.outcomes("(abandoned)")).containsEntry(Outcome.ABANDONED, 1.0)
                .containsEntry(Outcome.PURCHASE, 0.0);
        assertThat(chain.nodes()).contains("A", "B", "buy", "(start)", "(diverted)");
    }

    @Test
    void startOfAnEmptySelectionReachesNothing() {
        AbsorbingChain chain = AbsorbingChain.of(TransitionGraph.of(JourneySnapshot.empty(), JourneySelection.all(),
                PathShaping.touchpoints()));

        assertThat(chain.outcomes(TransitionGraph.START).values()).containsOnly(0.0);
        assertThatIllegalArgumentException().isThrownBy(() -> chain.probability("nowhere", Outcome.PURCHASE));
    }

    @Test
    void matchesValueIterationOnRandomGraphs() {
        for (long seed = 1; seed <= 25; seed++) {
            TransitionGraph graph = TransitionGraph.of(JourneyFixture.random(seed, 30), JourneySelection.all(),
                    new PathShaping(PathShaping.Level.TOUCHPOINT, seed % 3 == 0, null, null));
            AbsorbingChain chain = AbsorbingChain.of(graph);
            for (Outcome outcome : Outcome.values()) {
                Map<String, Double> expected = ChainBruteForce.absorption(graph, outcome);
                long currentSeed = seed;
                expected.forEach((node, probability) -> assertThat(chain.probability(node, outcome))
                        .as("seed %d, %s from %s", currentSeed, outcome, node)
                        .isCloseTo(probability, within(1e-10)));
            }
            for (String node : chain.nodes()) {
                double sum = chain.outcomes(node).values().stream().mapToDouble(Double::doubleValue).sum();
                assertThat(sum).isCloseTo(1.0, within(1e-10));
            }
        }
    }
}
