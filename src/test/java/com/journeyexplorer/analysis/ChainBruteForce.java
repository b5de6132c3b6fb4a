package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Slow, obviously correct computations on a {@link TransitionGraph}, to check the real algorithms against. */
final class ChainBruteForce {

    private ChainBruteForce() {
    }

    /** Probabilities of every simple path from the start to {@code target}, by depth-first enumeration. */
    static List<Double> simplePathProbabilities(TransitionGraph graph, String target) {
        List<Double> result = new ArrayList<>();
        LinkedHashSet<String> onPath = new LinkedHashSet<>();
        onPath.add(TransitionGraph.START);
        enumerate(graph, TransitionGraph.START, target, 1.0, onPath, result);
        result.sort((a, b) -> Double.compare(b, a));
        return result;
    }

    private static void enumerate(TransitionGraph graph, String node, String target, double probability,
            LinkedHashSet<String> onPath, List<Double> result) {
        if (node.equals(target)) {
            result.add(probability);
            return;
        }
        for (TransitionEdge edge : graph.graph().outgoingEdgesOf(node)) {
            if (onPath.add(edge.to())) {
                enumerate(graph, edge.to(), target, probability * edge.probability(), onPath, result);
                onPath.remove(edge.to());
            }
        }
    }

    /** Probability of absorption in {@code outcome} from every node, by value iteration until it stops changing. */
    static Map<String, Double> absorption(TransitionGraph graph, Outcome outcome) {
        Map<String, Double> value = new HashMap<>();
        for (String node : graph.graph().vertexSet()) {
            value.put(node, node.equals(outcome.nodeName()) ? 1.0 : 0.0);
        }
        for (int round = 0; round < 1_000_000; round++) {
            double change = 0;
            for (String node : graph.graph().vertexSet()) {
                if (graph.graph().outDegreeOf(node) == 0) {
                    continue;
                }
                double next = 0;
                for (TransitionEdge edge : graph.graph().outgoingEdgesOf(node)) {
                    next += edge.probability() * value.get(edge.to());
                }
                change = Math.max(change, Math.abs(next - value.get(node)));
                value.put(node, next);
            }
            if (change < 1e-15) {
                break;
            }
        }
        return value;
    }
}
