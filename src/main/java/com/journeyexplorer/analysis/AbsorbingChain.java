package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For every node of a {@link TransitionGraph}, the exact probability of eventually reaching each outcome. Solves the
 * absorbing chain {@code (I - Q) B = R}, where Q holds the transition probabilities among the n transient nodes (start
 * and labels) and R those into the outcome nodes, by Gaussian elimination with partial pivoting on a dense matrix:
 * O(n³) time and O(n²) memory (about a second and 32 MB at n = 2,000). Cycles are fine; {@code I - Q} is regular
 * because every transient node built from journeys reaches an outcome. A transient node without outgoing edges (the
 * start node of an empty selection) reaches no outcome: all its probabilities are 0.
 */
public final class AbsorbingChain {

    private final Map<String, double[]> probabilities;

    private AbsorbingChain(Map<String, double[]> probabilities) {
        this.probabilities = probabilities;
    }

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
        int outcomes = Outcome.values().length;
        double[][] a = new double[n][n];
        double[][] b = new double[n][outcomes];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1.0;
            for (TransitionEdge edge : graph.outgoingEdgesOf(transientNodes.get(i))) {
                Integer j = index.get(edge.to());
                if (j != null) {
                    a[i][j] -= edge.probability();
                } else {
                    b[i][outcomeOf(edge.to()).ordinal()] += edge.probability();
                }
            }
        }
        solve(a, b);
        Map<String, double[]> result = new HashMap<>(graph.vertexSet().size() * 2);
        for (int i = 0; i < n; i++) {
            result.put(transientNodes.get(i), b[i]);
        }
        for (Outcome outcome : Outcome.values()) {
            double[] certain = new double[outcomes];
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

    private static Outcome outcomeOf(String node) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome.nodeName().equals(node)) {
                return outcome;
            }
        }
        throw new IllegalStateException("not an outcome node: " + node);
    }

    /** Solves {@code a x = b} in place (b becomes x): elimination with partial pivoting, then back substitution. */
    static void solve(double[][] a, double[][] b) {
        int n = a.length;
        int columns = n == 0 ? 0 : b[0].length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-300) {
                throw new IllegalStateException("singular system: a node never reaches an outcome");
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            swap = b[col];
            b[col] = b[pivot];
            b[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                if (factor == 0.0) {
                    continue;
                }
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                for (int k = 0; k < columns; k++) {
                    b[row][k] -= factor * b[col][k];
                }
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            for (int k = 0; k < columns; k++) {
                double sum = b[row][k];
                for (int j = row + 1; j < n; j++) {
                    sum -= a[row][j] * b[j][k];
                }
                b[row][k] = sum / a[row][row];
            }
        }
    }
}
