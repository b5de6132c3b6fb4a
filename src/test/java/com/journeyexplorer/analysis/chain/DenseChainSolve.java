package com.journeyexplorer.analysis.chain;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The reference for the solver tests: absorption probabilities of a chain given as dense matrices, by plain Gaussian
 * elimination with partial pivoting on {@code (I - Q) B = R} over the states that can reach an exit (the others get
 * 0). O(n³); obviously correct rather than fast or especially accurate.
 */
public final class DenseChainSolve {

    private DenseChainSolve() {
    }

    /**
     * @param q n × n transitions between transient states, self-loops on the diagonal
     * @param r n × outcomes absorption probabilities; a row of q and r may sum to less than 1 (the rest is lost)
     */
    public static double[][] absorption(double[][] q, double[][] r) {
        int n = q.length;
        int outcomes = n == 0 ? 0 : r[0].length;
        boolean[] reaches = new boolean[n];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            double total = 0;
            double absorbed = 0;
            for (int j = 0; j < n; j++) {
                total += q[i][j];
            }
            for (int o = 0; o < outcomes; o++) {
                absorbed += r[i][o];
            }
            total += absorbed;
            if (absorbed > 0 || 1 - total > 1e-12) {
                reaches[i] = true;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int j = queue.poll();
            for (int i = 0; i < n; i++) {
                if (!reaches[i] && q[i][j] > 0) {
                    reaches[i] = true;
                    queue.add(i);
                }
            }
        }
        int[] index = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            index[i] = reaches[i] ? m++ : -1;
        }
        double[][] a = new double[m][m];
        double[][] b = new double[m][outcomes];
        for (int i = 0; i < n; i++) {
            if (index[i] < 0) {
                continue;
            }
            a[index[i]][index[i]] = 1;
            for (int j = 0; j < n; j++) {
                if (index[j] >= 0) {
                    a[index[i]][index[j]] -= q[i][j];
                }
            }
            b[index[i]] = r[i].clone();
        }
        solve(a, b);
        double[][] x = new double[n][outcomes];
        for (int i = 0; i < n; i++) {
            if (index[i] >= 0) {
                x[i] = b[index[i]];
            }
        }
        return x;
    }

    /** The chain with the rows of {@code removed} states emptied: they lead nowhere. */
    public static double[][][] without(double[][] q, double[][] r, boolean[] removed) {
        int n = q.length;
        double[][] q2 = new double[n][];
        double[][] r2 = new double[n][];
        for (int i = 0; i < n; i++) {
            q2[i] = removed[i] ? new double[n] : q[i].clone();
            r2[i] = removed[i] ? new double[r[i].length] : r[i].clone();
        }
        return new double[][][] {q2, r2};
    }

    /** {@code (I - Q)⁻¹}, the fundamental matrix, of n × n transitions q (self-loops on the diagonal); O(n³). */
    static double[][] fundamental(double[][] q) {
        int n = q.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i == j ? 1 : 0) - q[i][j];
            }
        }
        return inverse(a);
    }

    /** The last column of each row of a chain given as n rows of n transitions followed by the row's exit. */
    static double[] exits(double[][] chain) {
        double[] exit = new double[chain.length];
        for (int i = 0; i < chain.length; i++) {
            exit[i] = chain[i][chain.length];
        }
        return exit;
    }

    /** The inverse of {@code a} (left as it is) by elimination with partial pivoting, O(n³). */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] copy = new double[n][];
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            copy[i] = a[i].clone();
            inverse[i][i] = 1;
        }
        solve(copy, inverse);
        return inverse;
    }

    /** Solves {@code a x = b} in place (b becomes x) by elimination with partial pivoting. */
    static void solve(double[][] a, double[][] b) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            swap = b[col];
            b[col] = b[pivot];
            b[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                if (factor == 0) {
                    continue;
                }
                for (int k = col; k < n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
                for (int k = 0; k < b[row].length; k++) {
                    b[row][k] -= factor * b[col][k];
                }
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            for (int k = 0; k < b[row].length; k++) {
                double sum = b[row][k];
                for (int j = row + 1; j < n; j++) {
                    sum -= a[row][j] * b[j][k];
                }
                b[row][k] = sum / a[row][row];
            }
        }
    }

    static SparseChain sparse(double[][] q, double[][] r) {
        int n = q.length;
        int outcomes = n == 0 ? 0 : r[0].length;
        SparseChain.Builder builder = SparseChain.builder(n, outcomes);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (q[i][j] > 0) {
                    builder.add(i, j, q[i][j]);
                }
            }
            for (int o = 0; o < outcomes; o++) {
                if (r[i][o] > 0) {
                    builder.absorb(i, o, r[i][o]);
                }
            }
        }
        return builder.build();
    }
}
