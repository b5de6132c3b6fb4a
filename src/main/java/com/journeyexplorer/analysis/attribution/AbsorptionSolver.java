package com.journeyexplorer.analysis.attribution;


/**
 * Solves for the probability of absorption in (conversion) from each transient state of an absorbing chain,
 * {@code x = r + Q x}, i.e. {@code (I - Q) x = r}, where {@code Q} holds the transitions among the kept transient
 * states and {@code r} the transitions to (conversion); transitions to dropped states count as absorption in (null).
 *
 * <p>Up to {@value #DENSE_LIMIT} states: Gaussian elimination with partial pivoting on the dense matrix,
 * O(n³) time and O(n²) memory. Above: Gauss–Seidel sweeps over the sparse rows (the self-loop solved exactly in each
 * update), O(sweeps · transitions), started at 0 so the iterates rise monotonically to the solution, stopped when no
 * value changes by more than {@value #TOLERANCE}. Both are deterministic: a fixed operation order.
 */
final class AbsorptionSolver {

    static final int DENSE_LIMIT = 600;
    static final double TOLERANCE = 1e-13;
    private static final long MAX_WORK = 4_000_000_000L;

    private AbsorptionSolver() {
    }

    /**
     * @param targets  per state, the target states of its transitions ({@code -1} for (conversion), {@code -2} for
     *                 (null)), in a fixed order
     * @param probs    per state, the probabilities of those transitions
     * @param kept     which states are kept; a transition into a state not kept is absorbed in (null)
     * @return per state, the probability of reaching (conversion); 0 for states not kept
     */
    static double[] conversionProbabilities(int[][] targets, double[][] probs, boolean[] kept) {
        int n = targets.length;
        int[] index = new int[n];
        int m = 0;
        for (int s = 0; s < n; s++) {
            index[s] = kept[s] ? m++ : -1;
        }
        double[] reduced = m <= DENSE_LIMIT ? dense(targets, probs, index, m) : gaussSeidel(targets, probs, index, m);
        double[] x = new double[n];
        for (int s = 0; s < n; s++) {
            x[s] = index[s] >= 0 ? reduced[index[s]] : 0;
        }
        return x;
    }

    private static double[] dense(int[][] targets, double[][] probs, int[] index, int m) {
        double[][] a = new double[m][m];
        double[] b = new double[m];
        for (int s = 0; s < targets.length; s++) {
            int row = index[s];
            if (row < 0) {
                continue;
            }
            a[row][row] += 1;
            for (int e = 0; e < targets[s].length; e++) {
                int t = targets[s][e];
                if (t == -1) {
                    b[row] += probs[s][e];
                } else if (t >= 0 && index[t] >= 0) {
                    a[row][index[t]] -= probs[s][e];
                }
            }
        }
        return gaussianElimination(a, b);
    }

    /** Solves {@code a x = b} in place by Gaussian elimination with partial pivoting (first largest pivot). */
    static double[] gaussianElimination(double[][] a, double[] b) {
        int m = b.length;
        for (int col = 0; col < m; col++) {
            int pivot = col;
            for (int row = col + 1; row < m; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (a[pivot][col] == 0) {
                throw new IllegalStateException("singular system: a transient state never reaches absorption");
            }
            if (pivot != col) {
                double[] rowSwap = a[pivot];
                a[pivot] = a[col];
                a[col] = rowSwap;
                double bSwap = b[pivot];
                b[pivot] = b[col];
                b[col] = bSwap;
            }
            double[] pivotRow = a[col];
            for (int row = col + 1; row < m; row++) {
                double factor = a[row][col] / pivotRow[col];
                if (factor == 0) {
                    continue;
                }
                double[] target = a[row];
                target[col] = 0;
                for (int k = col + 1; k < m; k++) {
                    target[k] -= factor * pivotRow[k];
                }
                b[row] -= factor * b[col];
            }
        }
        double[] x = new double[m];
        for (int row = m - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < m; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }

    private static double[] gaussSeidel(int[][] targets, double[][] probs, int[] index, int m) {
        int n = targets.length;
        double[] x = new double[n];
        long transitions = 0;
        for (int[] row : targets) {
            transitions += row.length;
        }
        long work = 0;
        double change;
        do {
            change = 0;
            for (int s = 0; s < n; s++) {
                if (index[s] < 0) {
                    continue;
                }
                double sum = 0;
                double self = 0;
                for (int e = 0; e < targets[s].length; e++) {
                    int t = targets[s][e];
                    if (t == -1) {
                        sum += probs[s][e];
                    } else if (t == s) {
                        self += probs[s][e];
                    } else if (t >= 0 && index[t] >= 0) {
                        sum += probs[s][e] * x[t];
                    }
                }
                double next = sum / (1 - self);
                change = Math.max(change, Math.abs(next - x[s]));
                x[s] = next;
            }
            work += transitions;
            if (work > MAX_WORK) {
                throw new IllegalStateException("absorption probabilities did not converge to " + TOLERANCE);
            }
        } while (change > TOLERANCE);
        double[] reduced = new double[m];
        for (int s = 0; s < n; s++) {
            if (index[s] >= 0) {
                reduced[index[s]] = x[s];
            }
        }
        return reduced;
    }

}
