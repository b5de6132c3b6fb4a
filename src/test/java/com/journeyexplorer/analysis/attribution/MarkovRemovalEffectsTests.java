package com.journeyexplorer.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.chain.DenseChainSolve;

/**
 * The removal effects of {@link MarkovChain} (every label at once, and sets of labels) against the definition: the
 * chain's transitions written into dense matrices, the states whose window holds the removed labels emptied, and
 * P(conversion) from (start) solved by Gaussian elimination, for every order and random paths.
 */
class MarkovRemovalEffectsTests {

    private static final double EXACT = 1e-9;

    @Test
    void everyRemovalEffectEqualsADenseSolveWithoutTheLabel() {
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            List<AttributionPath> paths = randomPaths(random, 3 + random.nextInt(6), 20 + random.nextInt(60));
            for (int order = 1; order <= MarkovChain.MAX_ORDER; order++) {
                MarkovChain chain = new MarkovAttribution(order, seed % 2 == 0).fit(paths);
                double total = dense(chain, Set.of());
                assertThat(chain.conversionProbability()).isCloseTo(total, within(EXACT));
                Map<String, Double> effects = chain.removalEffects();
                assertThat(effects.keySet()).containsExactlyElementsOf(chain.labels());
                for (String label : chain.labels()) {
                    double expected = total == 0 ? 0 : (total - dense(chain, Set.of(label))) / total;
                    assertThat(effects.get(label)).as("seed %d, order %d, %s", seed, order, label)
                            .isCloseTo(expected, within(EXACT));
                    assertThat(chain.removalEffect(Set.of(label))).isCloseTo(expected, within(EXACT));
                }
                Set<String> pair = Set.of(chain.labels().get(0), chain.labels().get(chain.labels().size() - 1));
                double expected = total == 0 ? 0 : (total - dense(chain, pair)) / total;
                assertThat(chain.removalEffect(pair)).as("seed %d, order %d, %s", seed, order, pair)
                        .isCloseTo(expected, within(EXACT));
            }
        }
    }

    /**
     * With 64 labels or more, the labels' removals at orders 2 to 4 are solved sixteen at a time over the whole chain,
     * shared out between two cores; a label removed alone is a solve of the chain restricted to what the removal
     * changes: another way to the same effects, to the tolerance.
     */
    @Test
    void removalEffectsSolvedTogetherOnTwoCoresAreThoseOfEachLabelRemovedAlone() {
        Random random = new Random(7);
        List<AttributionPath> paths = randomPaths(random, 300, 4_000);
        for (int order = 2; order <= 3; order++) {
            MarkovChain chain = new MarkovAttribution(order, false).fit(paths);
            Map<String, Double> effects = chain.removalEffects();
            assertThat(chain.labels()).hasSizeGreaterThan(250);
            for (String label : chain.labels()) {
                assertThat(effects.get(label)).as("order %d, %s", order, label)
                        .isCloseTo(chain.removalEffect(Set.of(label)), within(EXACT));
            }
        }
    }

    /** Paths over {@code labels} labels; some loop on a label many times, so that self-loops come near 1. */
    private static List<AttributionPath> randomPaths(Random random, int labels, int count) {
        List<AttributionPath> paths = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            int length = 1 + random.nextInt(7);
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                String label = "L" + random.nextInt(labels);
                int repeats = random.nextInt(20) == 0 ? 200 : 1;
                for (int r = 0; r < repeats; r++) {
                    steps.add(label);
                }
            }
            boolean converted = random.nextInt(3) == 0;
            paths.add(AttributionPath.untimed(steps.toArray(String[]::new), converted, converted ? 1 : 0,
                    1 + random.nextInt(3)));
        }
        return paths;
    }

    /** P(conversion) from (start) of the chain's transitions with the states holding {@code removed} emptied. */
    private static double dense(MarkovChain chain, Set<String> removed) {
        Map<String, Integer> index = new HashMap<>();
        index.put(MarkovChain.START, 0);
        for (MarkovChain.Transition t : chain.transitions()) {
            for (String state : List.of(t.from(), t.to())) {
                if (!state.equals(MarkovChain.CONVERSION) && !state.equals(MarkovChain.NULL)) {
                    index.putIfAbsent(state, index.size());
                }
            }
        }
        int n = index.size();
        double[][] q = new double[n][n];
        double[][] r = new double[n][1];
        boolean[] gone = new boolean[n];
        index.forEach((state, i) -> {
            for (String label : state.split(",")) {
                if (!state.equals(MarkovChain.START) && removed.contains(label)) {
                    gone[i] = true;
                }
            }
        });
        for (MarkovChain.Transition t : chain.transitions()) {
            int from = index.get(t.from());
            if (t.to().equals(MarkovChain.CONVERSION)) {
                r[from][0] += t.probability();
            } else if (!t.to().equals(MarkovChain.NULL)) {
                q[from][index.get(t.to())] += t.probability();
            }
        }
        double[][][] cut = DenseChainSolve.without(q, r, gone);
        return DenseChainSolve.absorption(cut[0], cut[1])[0][0];
    }
}
