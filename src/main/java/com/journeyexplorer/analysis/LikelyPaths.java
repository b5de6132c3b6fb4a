package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;

/**
 * The k most probable simple paths from {@value NodeSpace#START_NAME} to one outcome node of a {@link TransitionGraph}.
 * Edge weight is {@code -log P(transition)}, so the k shortest paths are the k most probable; JGraphT's
 * {@link YenKShortestPath}, O(k · n · (m + n log n)) for n nodes and m edges. Paths repeating a node (a loop) are not
 * listed: each would be less probable than the same path without the loop.
 */
public final class LikelyPaths {

    private LikelyPaths() {
    }

    /**
     * @param k at least 1
     * @return at most k paths, by descending probability, ties by steps; empty if the outcome is unreachable
     */
    public static List<LikelyPath> of(TransitionGraph graph, Outcome outcome, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        String target = outcome.nodeName();
        if (graph.graph().outDegreeOf(TransitionGraph.START) == 0 || graph.graph().inDegreeOf(target) == 0) {
            return List.of();
        }
        List<GraphPath<String, TransitionEdge>> paths = new YenKShortestPath<>(graph.graph())
                .getPaths(TransitionGraph.START, target, k);
        List<LikelyPath> result = new ArrayList<>(paths.size());
        for (GraphPath<String, TransitionEdge> path : paths) {
            double probability = 1.0;
            for (TransitionEdge edge : path.getEdgeList()) {
                probability *= edge.probability();
            }
            List<String> vertices = path.getVertexList();
            result.add(new LikelyPath(vertices.subList(1, vertices.size() - 1), target, probability));
        }
        result.sort(Comparator.comparingDouble(LikelyPath::probability).reversed()
                .thenComparing(LikelyPath::steps, TopPaths.STEPS_ORDER));
        return List.copyOf(result);
    }
}
