package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
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
        // states numbered in the graph's vertex order, each one's transitions by target: the same numbers and
        // order whichever view of the graph is read, so the same bits
        int[] vertices = transitions.vertexOrder();
        int[] index = new int[transitions.nodeCount()];
        int[] absorbedAs = new int[transitions.nodeCount()];
        Arrays.fill(absorbedAs, -1);
        for (Outcome outcome : Outcome.values()) {
            int node = transitions.node(outcome.nodeName());
            if (node >= 0) {
                absorbedAs[node] = outcome.ordinal();
            }
        }
        List<String> transientNodes = new ArrayList<>();
        int[] transientIds = new int[vertices.length];
        for (int node : vertices) {
            boolean absorbing = absorbedAs[node] >= 0;
            index[node] = absorbing ? -1 : transientNodes.size();
            if (!absorbing) {
                transientNodes.add(transitions.nodeName(node));
                transientIds[transientNodes.size() - 1] = node;
            }
        }
        int n = transientNodes.size();
        int outcomeCount = Outcome.values().length;
        SparseChain.Builder builder = SparseChain.builder(n, outcomeCount);
        for (int i = 0; i < n; i++) {
            int node = transientIds[i];
            for (int edge = transitions.edgesFrom(node); edge < transitions.edgesFrom(node + 1); edge++) {
                int to = transitions.edgeTo(edge);
                if (index[to] >= 0) {
                    builder.add(i, index[to], transitions.probability(edge));
                } else {
                    builder.absorb(i, absorbedAs[to], transitions.probability(edge));
                }
            }
        }
        SolvedChain solved = SolvedChain.of(builder.build());
        Map<String, double[]> result = new HashMap<>(vertices.length * 2);
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
