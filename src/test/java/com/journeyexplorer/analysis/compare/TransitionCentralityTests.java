package com.journeyexplorer.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

/**
 * The array-based betweenness and PageRank against JGraphT's on seeded random transition graphs (the computation key
 * moments used before), and betweenness against a brute-force count of shortest paths where weights of 0 make ties.
 */
class TransitionCentralityTests {

    /**
     * A random graph shaped like a transition table: per source, counts over a few targets, self-loops allowed; a
     * source with one target (probability 1) points forward.
     */
    private record RandomGraph(int nodes, int[] from, int[] to, long[] count, double[] distance) {

        /** @param certain whether a source may have one target only (probability 1, weight 0) */
        static RandomGraph of(Random random, int nodes, int maxOut, boolean certain) {
            List<int[]> edges = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (int source = 0; source < nodes; source++) {
                if (random.nextInt(10) == 0) {
                    continue; // absorbing
                }
                Set<Integer> targets = new LinkedHashSet<>();
                int out = (certain ? 1 : 2) + random.nextInt(maxOut);
                if (out == 1 && source + 1 < nodes) {
                    // probability 1, weight 0: only forward, as journeys end, so that no zero-weight cycle forms
                    targets.add(source + 1 + random.nextInt(nodes - source - 1));
                }
                while (targets.size() < Math.min(out, nodes - 1) && out > 1) {
                    targets.add(random.nextInt(nodes));
                }
                for (int target : targets) {
                    edges.add(new int[] {source, target});
                    // small counts make equal probabilities, and so equal path lengths, common
                    counts.add(1L + random.nextInt(random.nextBoolean() ? 3 : 1000));
                }
            }
            int[] from = edges.stream().mapToInt(e -> e[0]).toArray();
            int[] to = edges.stream().mapToInt(e -> e[1]).toArray();
            long[] count = counts.stream().mapToLong(Long::longValue).toArray();
            long[] out = new long[nodes];
            for (int i = 0; i < from.length; i++) {
                out[from[i]] += count[i];
            }
            double[] distance = new double[from.length];
            for (int i = 0; i < from.length; i++) {
                distance[i] = -Math.log((double) count[i] / out[from[i]]);
            }
            return new RandomGraph(nodes, from, to, count, distance);
        }

        double[] counts() {
            double[] weights = new double[count.length];
            for (int i = 0; i < count.length; i++) {
                weights[i] = count[i];
            }
            return weights;
        }
    }

    private static Graph<Integer, DefaultWeightedEdge> jgrapht(int nodes, int[] from, int[] to, double[] weight) {
        Graph<Integer, DefaultWeightedEdge> graph = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int node = 0; node < nodes; node++) {
            graph.addVertex(node);
        }
        for (int i = 0; i < from.length; i++) {
            graph.setEdgeWeight(graph.addEdge(from[i], to[i]), weight[i]);
        }
        return graph;
    }

    @Test
    void betweennessIsJGraphTsOnRandomTransitionGraphs() {
        Random random = new Random(42);
        for (int round = 0; round < 40; round++) {
            RandomGraph g = RandomGraph.of(random, 3 + random.nextInt(round < 20 ? 12 : 120), 1 + random.nextInt(8),
                    false);
            Map<Integer, Double> expected = new BetweennessCentrality<>(jgrapht(g.nodes(), g.from(), g.to(),
                    g.distance()), true).getScores();
            double[] actual = TransitionCentrality.betweenness(g.nodes(), g.from(), g.to(), g.distance());
            for (int node = 0; node < g.nodes(); node++) {
                assertThat(actual[node]).as("round %d node %d", round, node)
                        .isCloseTo(expected.get(node), within(1e-12 + 1e-9 * expected.get(node)));
            }
        }
    }

    @Test
    void betweennessFollowsTheShortestPathDagWhereProbabilitiesOfOneMakeTies() {
        // JGraphT's counts would depend on the order its heap settles equal distances in
        Random random = new Random(11);
        for (int round = 0; round < 40; round++) {
            RandomGraph g = RandomGraph.of(random, 3 + random.nextInt(40), 1 + random.nextInt(5), true);
            assertThat(TransitionCentrality.betweenness(g.nodes(), g.from(), g.to(), g.distance()))
                    .as("round %d", round)
                    .containsExactly(dagBetweenness(g.nodes(), g.from(), g.to(), g.distance()), within(1e-12));
        }
    }

    @Test
    void betweennessFromAsManySourcesAsNodesIsTheExactOne() {
        Random random = new Random(5);
        for (int round = 0; round < 20; round++) {
            RandomGraph g = RandomGraph.of(random, 3 + random.nextInt(80), 1 + random.nextInt(8), false);
            double[] exact = TransitionCentrality.betweenness(g.nodes(), g.from(), g.to(), g.distance());
            assertThat(TransitionCentrality.betweenness(g.nodes(), g.from(), g.to(), g.distance(), g.nodes()))
                    .containsExactly(exact);
            assertThat(TransitionCentrality.betweenness(g.nodes(), g.from(), g.to(), g.distance(), 1_000_000))
                    .containsExactly(exact);
        }
    }

    @Test
    void sampledBetweennessAveragedOverDisjointSamplesIsTheExactOne() {
        // Each node is a source in exactly one of the samples, each estimate scales by nodes / sample size: their
        // mean is the exact sum, which is what makes the estimate unbiased.
        Random random = new Random(9);
        for (int round = 0; round < 10; round++) {
            int sampleSize = 2 + random.nextInt(6);
            int samples = 2 + random.nextInt(8);
            int nodes = sampleSize * samples;
            RandomGraph g = RandomGraph.of(random, nodes, 1 + random.nextInt(6), false);
            List<Integer> order = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                order.add(node);
            }
            Collections.shuffle(order, random);
            double[] mean = new double[nodes];
            for (int sample = 0; sample < samples; sample++) {
                int[] sources = order.subList(sample * sampleSize, (sample + 1) * sampleSize).stream()
                        .mapToInt(Integer::intValue).toArray();
                double[] estimate = TransitionCentrality.betweennessFrom(nodes, g.from(), g.to(), g.distance(),
                        sources);
                for (int node = 0; node < nodes; node++) {
                    mean[node] += estimate[node] / samples;
                }
            }
            assertThat(mean).as("round %d", round).containsExactly(
                    dagBetweenness(nodes, g.from(), g.to(), g.distance()), within(1e-9));
        }
    }

    @Test
    void sampledSourcesAreDistinctNodesDrawnTheSameWayEveryTime() {
        int[] sources = TransitionCentrality.sources(5_000, 88_000, 256);
        assertThat(sources).hasSize(256).doesNotHaveDuplicates().isSorted();
        assertThat(sources[0]).isNotNegative();
        assertThat(sources[255]).isLessThan(5_000);
        assertThat(TransitionCentrality.sources(5_000, 88_000, 256)).containsExactly(sources);
        assertThat(sources).isNotEqualTo(IntStream.range(0, 256).toArray());
        assertThat(TransitionCentrality.sources(40, 100, 256)).containsExactly(
                IntStream.range(0, 40).toArray());
    }

    @Test
    void pageRankIsJGraphTsToTheLastBit() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            RandomGraph g = RandomGraph.of(random, 2 + random.nextInt(200), 1 + random.nextInt(10),
                    random.nextBoolean());
            Map<Integer, Double> expected = new PageRank<>(jgrapht(g.nodes(), g.from(), g.to(), g.counts()), 0.85)
                    .getScores();
            double[] actual = TransitionCentrality.pageRank(g.nodes(), g.from(), g.to(), g.counts(), 0.85);
            for (int node = 0; node < g.nodes(); node++) {
                assertThat(actual[node]).as("round %d node %d", round, node).isEqualTo(expected.get(node));
            }
        }
    }

    @Test
    void betweennessCountsShortestPathsThroughZeroWeightTies() {
        // integer weights, so every path length is exact; zeros and ties in plenty
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int nodes = 3 + random.nextInt(6);
            List<int[]> edges = new ArrayList<>();
            for (int source = 0; source < nodes; source++) {
                for (int target = 0; target < nodes; target++) {
                    // forward edges only, so that zero weights make no cycle
                    if (source < target && random.nextInt(3) == 0) {
                        edges.add(new int[] {source, target, random.nextInt(3)});
                    }
                }
            }
            int[] from = edges.stream().mapToInt(e -> e[0]).toArray();
            int[] to = edges.stream().mapToInt(e -> e[1]).toArray();
            double[] weight = edges.stream().mapToDouble(e -> e[2]).toArray();
            double[] expected = bruteForceBetweenness(nodes, from, to, weight);
            double[] actual = TransitionCentrality.betweenness(nodes, from, to, weight);
            assertThat(actual).as("round %d", round).containsExactly(expected, within(1e-12));
        }
    }

    @Test
    void aZeroWeightTieSettledFirstIsCountedAfterItsPredecessor() {
        // 0 -> 1 (1), 0 -> 2 (1), 1 -> 2 (0), 2 -> 3 (1): two shortest paths 0 -> 2, so two 0 -> 3
        int[] from = {0, 0, 1, 2};
        int[] to = {2, 1, 2, 3};
        double[] weight = {1, 1, 0, 1};
        double[] actual = TransitionCentrality.betweenness(4, from, to, weight);
        assertThat(actual).containsExactly(bruteForceBetweenness(4, from, to, weight), within(1e-12));
        // through 2: 0 -> 3 (both paths), 1 -> 3; through 1: half of 0 -> 2 and half of 0 -> 3; normalized by 3 * 2
        assertThat(actual[2]).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(actual[1]).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void rejectsNegativeWeightsAndZeroWeightCycles() {
        assertThatThrownBy(() -> TransitionCentrality.betweenness(2, new int[] {0}, new int[] {1},
                new double[] {-1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransitionCentrality.betweenness(3, new int[] {0, 1, 2}, new int[] {1, 2, 1},
                new double[] {1, 0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Betweenness by its definition on each source's shortest-path DAG (the edges with {@code d(u) + w == d(v)},
     * distances by Bellman-Ford): paths through {@code v} to {@code t} = paths to {@code v} times paths from {@code v}
     * to {@code t}, both counted by recursion. O(V³ · E); independent of any settle order.
     */
    private static double[] dagBetweenness(int nodes, int[] from, int[] to, double[] weight) {
        double[] scores = new double[nodes];
        for (int s = 0; s < nodes; s++) {
            double[] d = new double[nodes];
            Arrays.fill(d, Double.POSITIVE_INFINITY);
            d[s] = 0;
            for (int round = 0; round < nodes; round++) {
                for (int e = 0; e < from.length; e++) {
                    if (from[e] != to[e] && d[from[e]] + weight[e] < d[to[e]]) {
                        d[to[e]] = d[from[e]] + weight[e];
                    }
                }
            }
            boolean[] tight = new boolean[from.length];
            for (int e = 0; e < from.length; e++) {
                tight[e] = from[e] != to[e] && d[from[e]] < Double.POSITIVE_INFINITY
                        && d[from[e]] + weight[e] == d[to[e]];
            }
            long[] into = new long[nodes];
            Arrays.fill(into, -1);
            for (int v = 0; v < nodes; v++) {
                pathsInto(v, s, from, to, tight, into);
            }
            for (int t = 0; t < nodes; t++) {
                if (t == s || into[t] == 0) {
                    continue;
                }
                long[] onward = new long[nodes];
                Arrays.fill(onward, -1);
                for (int v = 0; v < nodes; v++) {
                    if (v != s && v != t) {
                        scores[v] += (double) into[v] * pathsOnward(v, t, from, to, tight, onward) / into[t];
                    }
                }
            }
        }
        int normalization = (nodes - 1) * (nodes - 2);
        for (int v = 0; v < nodes && normalization != 0; v++) {
            scores[v] /= normalization;
        }
        return scores;
    }

    private static long pathsInto(int v, int s, int[] from, int[] to, boolean[] tight, long[] memo) {
        if (memo[v] < 0) {
            long paths = v == s ? 1 : 0;
            for (int e = 0; e < from.length; e++) {
                if (tight[e] && to[e] == v) {
                    paths += pathsInto(from[e], s, from, to, tight, memo);
                }
            }
            memo[v] = paths;
        }
        return memo[v];
    }

    private static long pathsOnward(int v, int t, int[] from, int[] to, boolean[] tight, long[] memo) {
        if (memo[v] < 0) {
            long paths = v == t ? 1 : 0;
            for (int e = 0; e < from.length; e++) {
                if (tight[e] && from[e] == v) {
                    paths += pathsOnward(to[e], t, from, to, tight, memo);
                }
            }
            memo[v] = paths;
        }
        return memo[v];
    }

    /** Every simple path of every ordered pair, lengths summed exactly (integer weights). */
    private static double[] bruteForceBetweenness(int nodes, int[] from, int[] to, double[] weight) {
        double[] scores = new double[nodes];
        for (int s = 0; s < nodes; s++) {
            for (int t = 0; t < nodes; t++) {
                if (s == t) {
                    continue;
                }
                List<List<Integer>> paths = new ArrayList<>();
                List<Double> lengths = new ArrayList<>();
                walk(s, t, from, to, weight, new ArrayList<>(List.of(s)), 0.0, paths, lengths);
                if (paths.isEmpty()) {
                    continue;
                }
                double shortest = lengths.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                long all = lengths.stream().filter(l -> l == shortest).count();
                for (int i = 0; i < paths.size(); i++) {
                    if (lengths.get(i) == shortest) {
                        List<Integer> path = paths.get(i);
                        for (int v : path.subList(1, path.size() - 1)) {
                            scores[v] += 1.0 / all;
                        }
                    }
                }
            }
        }
        int normalization = (nodes - 1) * (nodes - 2);
        for (int v = 0; v < nodes; v++) {
            scores[v] /= normalization;
        }
        return scores;
    }

    private static void walk(int at, int t, int[] from, int[] to, double[] weight, List<Integer> path, double length,
            List<List<Integer>> paths, List<Double> lengths) {
        if (at == t) {
            paths.add(List.copyOf(path));
            lengths.add(length);
            return;
        }
        for (int e = 0; e < from.length; e++) {
            if (from[e] == at && !path.contains(to[e])) {
                path.add(to[e]);
                walk(to[e], t, from, to, weight, path, length + weight[e], paths, lengths);
                path.remove(path.size() - 1);
            }
        }
    }
}
