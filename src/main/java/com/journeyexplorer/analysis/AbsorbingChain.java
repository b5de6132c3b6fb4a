package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.journeyexplorer.analysis.chain.SolvedChain;
import com.journeyexplorer.analysis.chain.SparseChain;

/**
 * For every node of a {@link TransitionGraph}, the exact probability of eventually reaching each outcome: the
 * absorbing chain with the start and label nodes transient and the outcome nodes absorbing, solved sparsely by
 * {@link SolvedChain} (exact on every part of the graph that is on no cycle and on cycles of up to 100 nodes, to a
 * proven relative error of 1e-12 on larger cycles; see ADR 0007). O(nodes + edges) plus the cycles' cost; no limit
 * on the number of nodes. A transient node without outgoing edges (the start node of an empty selection) reaches no
 * outcome: all its probabilities are 0.
 */
public final class AbsorbingChain {

    private final Map<String, double[]> probabilities;

    private AbsorbingChain(Map<String, double[]> probabilities) {
        this.probabilities = probabilities;
    }

    /** @throws com.journeyexplorer.analysis.chain.ChainNotSolvedException on a large cycle that does not converge */
    public static AbsorbingChain of(TransitionGraph transitions) {
        var graph = transitions.graph();
        List<String> transientNodes = new ArrayList<>();
        for (String node : graph.vertexSet()) {
            if (!TransitionGraph.isOutcomeNode(node)) {
                transientNodes.add(node);
            }
        }
        int n = transientNodes.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(transientNodes.get(i), i);
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome.nodeName(), outcome);
        }
        int outcomeCount = Outcome.values().length;
        SparseChain.Builder builder = SparseChain.builder(n, outcomeCount);
        for (int i = 0; i < n; i++) {
            for (TransitionEdge edge : graph.outgoingEdgesOf(transientNodes.get(i))) {
                Integer j = index.get(edge.to());
                if (j != null) {
                    builder.add(i, j, edge.probability());
                } else {
                    builder.absorb(i, outcomes.get(edge.to()).ordinal(), edge.probability());
                }
            }
        }
        SolvedChain solved = SolvedChain.of(builder.build());
        Map<String, double[]> result = new HashMap<>(graph.vertexSet().size() * 2);
        for (int i = 0; i < n; i++) {
            double[] row = new double[outcomeCount];
            for (int o = 0; o < outcomeCount; o++) {
                row[o] = solved.probability(i, o);
            }
            result.put(transientNodes.get(i), row);
        }
        for (Outcome outcome : Outcome.values()) {
            double[] certain = new double[outcomeCount];
            certain[outcome.ordinal()] = 1.0;
            result.put(outcome.nodeName(), certain);
        }
        return new AbsorbingChain(result);
    }

    /** The nodes with probabilities: every node of the graph. */
    public Set<String> nodes() {
        return Collections.unmodifiableSet(probabilities.keySet());
    }

    /** Probability that a journey at {@code node} ends in {@code outcome}; throws for an unknown node. */
    public double probability(String node, Outcome outcome) {
        return row(node)[outcome.ordinal()];
    }

    /** Every outcome's probability from {@code node}; they sum to 1 unless the node reaches no outcome. */
    public Map<Outcome, Double> outcomes(String node) {
        double[] row = row(node);
        Map<Outcome, Double> result = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            result.put(outcome, row[outcome.ordinal()]);
        }
        return result;
    }

    private double[] row(String node) {
        double[] row = probabilities.get(node);
        if (row == null) {
            throw new IllegalArgumentException("unknown node: " + node);
        }
        return row;
    }
}
