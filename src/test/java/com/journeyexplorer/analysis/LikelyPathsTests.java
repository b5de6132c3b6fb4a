package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;

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

    @Test
    void matchesJGraphTsYenOnLargerRandomGraphsWithLoops() {
        for (long seed = 1; seed <= 12; seed++) {
            TransitionGraph graph = TransitionGraph.of(JourneyFixture.snapshot(randomPaths(seed, 60, 3_000)),
                    JourneySelection.all(), PathShaping.touchpoints());
            for (Outcome outcome : List.of(Outcome.PURCHASE, Outcome.ABANDONED)) {
                int k = 5 + (int) (seed % 11);
                List<GraphPath<String, TransitionEdge>> reference = new YenKShortestPath<>(graph.graph())
                        .getPaths(TransitionGraph.START, outcome.nodeName(), k);
                List<LikelyPath> paths = LikelyPaths.of(graph, outcome, k);

                assertThat(paths).hasSize(reference.size());
                List<Double> expected = reference.stream().map(LikelyPathsTests::probability)
                        .sorted((a, b) -> Double.compare(b, a)).toList();
                for (int i = 0; i < paths.size(); i++) {
                    assertThat(paths.get(i).probability()).as("seed %d, %s, path %d", seed, outcome, i)
                            .isCloseTo(expected.get(i), within(1e-12));
                    assertThat(paths.get(i).steps()).doesNotHaveDuplicates();
                }
                // Where a probability is unique among the listed ones, the path is the same path.
                for (GraphPath<String, TransitionEdge> path : reference) {
                    double p = probability(path);
                    if (expected.stream().filter(q -> Math.abs(q - p) < 1e-12).count() == 1) {
                        List<String> vertices = path.getVertexList();
                        assertThat(paths).filteredOn(likely -> Math.abs(likely.probability() - p) < 1e-12)
                                .extracting(LikelyPath::steps).containsExactly(vertices.subList(1, vertices.size() - 1));
                    }
                }
            }
        }
    }

    private static double probability(GraphPath<String, TransitionEdge> path) {
        double probability = 1;
        for (TransitionEdge edge : path.getEdgeList()) {
            probability *= edge.probability();
        }
        return probability;
    }

    /** Journeys over {@code labels} pages, each page leading mostly to a few favourite next pages, with loops. */
    private static String[] randomPaths(long seed, int labels, int journeys) {
        Random random = new Random(seed);
        int[][] favourites = new int[labels][4];
        for (int[] row : favourites) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextInt(labels);
            }
        }
        List<String> paths = new ArrayList<>(journeys);
        for (int j = 0; j < journeys; j++) {
            int page = (int) Math.floor(Math.pow(random.nextDouble(), 3) * labels);
            StringBuilder path = new StringBuilder("p" + page);
            int length = 1 + random.nextInt(12);
            for (int i = 1; i < length; i++) {
                page = random.nextInt(5) == 0 ? random.nextInt(labels) : favourites[page][random.nextInt(4)];
                path.append(">p").append(page);
            }
            if (random.nextInt(4) == 0) {
                path.append(">buy!");
            }
            paths.add(path.toString());
        }
        return paths.toArray(String[]::new);
    }
}
