package com.journeyexplorer.analysis.chain;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * The matrix {@code M = D - A} of a transient part of an absorbing chain, with {@code A} the transitions between
 * distinct states (non-negative) and {@code D} each state's leave probability {@code exit + Σ_j A_ij}, and solves
 * {@code M X = B} or {@code Mᵀ Y = B} for non-negative B. M is a non-singular M-matrix when every state reaches an
 * exit; its inverse {@code N = M⁻¹} is the fundamental matrix (expected visits) and is non-negative.
 *
 * <p>The states are split into strongly connected components ({@link Components}) and solved one component at a time
 * in topological order, each with the values of the components it leads to already known:
 * <ul>
 * <li>a state on no cycle: {@code x_i = b_i / d_i}, exact (a self-loop only delays leaving: dividing by the leave
 * probability, itself a sum of non-negative terms, keeps every digit of a 0.9999 loop);</li>
 * <li>a cycle of at most {@value #DENSE_LIMIT} states: dense elimination in the Grassmann–Taksar–Heyman way, each
 * pivot recomputed as the sum of the non-negative probabilities that leave the state, so that no step subtracts and
 * the result has high relative accuracy however close to 1 the loops are; O(m³);</li>
 * <li>a larger cycle: Gauss–Seidel sweeps from 0 (the iterates rise to the solution), stopped when the error bound
 * {@code ‖x* - x‖∞ ≤ ‖N‖∞ · ‖residual‖∞} is at most {@value #TOLERANCE} of {@code ‖x‖∞}; {@code ‖N‖∞} is bounded by
 * solving {@code M t = 1} alongside ({@code ‖N‖∞ ≤ ‖t‖∞ / (1 - ‖1 - M t‖∞)}). O(sweeps · transitions); past
 * {@value #MAX_WORK} transition updates it throws {@link ChainNotSolvedException} rather than answer a number that may
 * be wrong.</li>
 * </ul>
 * Every operation runs in a fixed order, so results are bitwise reproducible.
 */
final class MMatrix {

    static final int DENSE_LIMIT = 400;
    static final double TOLERANCE = 1e-12;
    static final long MAX_WORK = 3_000_000_000L;
    private static final int CHECK_EVERY = 4;

    private final Csr a;
    private final double[] exit;
    private final double[] d;
    private final Components components;
    private final int[] local;

    /** @param exit per state, the probability of leaving the system other than through {@code a}; non-negative */
    MMatrix(Csr a, double[] exit) {
        this.a = a;
        this.exit = exit;
        int n = a.rows();
        this.d = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = exit[i];
            for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
                sum += a.value()[e];
            }
            d[i] = sum;
        }
        this.components = Components.of(a);
        this.local = new int[n];
    }

    int size() {
        return d.length;
    }

    /** The diagonal D: each state's leave probability. */
    double diagonal(int state) {
        return d[state];
    }

    Components components() {
        return components;
    }

    /** X with {@code M X = B}; B and X are n × columns, row-major. */
    double[] solve(double[] b, int columns) {
        int[] rowStart = a.rowStart();
        int[] column = a.column();
        double[] value = a.value();
        double[] x = new double[b.length];
        double[] rhs = b.clone();
        for (int c = 0; c < components.count(); c++) {
            int from = components.start[c];
            int to = components.start[c + 1];
            for (int k = from; k < to; k++) {
                int i = components.members[k];
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    int j = column[e];
                    if (components.of[j] != c) {
                        for (int o = 0; o < columns; o++) {
                            rhs[i * columns + o] += value[e] * x[j * columns + o];
                        }
                    }
                }
            }
            solveComponent(c, rhs, x, columns, false);
        }
        return x;
    }

    /** Y with {@code Mᵀ Y = B}; B and Y are n × columns, row-major. */
    double[] solveTransposed(double[] b, int columns) {
        int[] rowStart = a.rowStart();
        int[] column = a.column();
        double[] value = a.value();
        double[] y = new double[b.length];
        double[] rhs = b.clone();
        for (int c = components.count() - 1; c >= 0; c--) {
            solveComponent(c, rhs, y, columns, true);
            for (int k = components.start[c]; k < components.start[c + 1]; k++) {
                int j = components.members[k];
                for (int e = rowStart[j]; e < rowStart[j + 1]; e++) {
                    int i = column[e];
                    if (components.of[i] != c) {
                        for (int o = 0; o < columns; o++) {
                            rhs[i * columns + o] += value[e] * y[j * columns + o];
                        }
                    }
                }
            }
        }
        return y;
    }

    /**
     * The diagonal of {@code N = M⁻¹}, {@code N_kk = 1 / (1 - P(return to k))}: {@code 1 / d_k} for a state on no
     * cycle, from the dense factors for a cycle of at most {@value #DENSE_LIMIT} states (O(m³)), NaN in larger cycles.
     */
    double[] inverseDiagonal() {
        double[] diagonal = new double[d.length];
        for (int c = 0; c < components.count(); c++) {
            int from = components.start[c];
            int m = components.size(c);
            if (m == 1) {
                int i = components.members[from];
                diagonal[i] = 1 / d[i];
            } else if (m <= DENSE_LIMIT) {
                double[] inverse = factor(c).inverseDiagonal();
                for (int k = 0; k < m; k++) {
                    diagonal[components.members[from + k]] = inverse[k];
                }
            } else {
                for (int k = 0; k < m; k++) {
                    diagonal[components.members[from + k]] = Double.NaN;
                }
            }
        }
        return diagonal;
    }

    private void solveComponent(int c, double[] rhs, double[] x, int columns, boolean transposed) {
        int from = components.start[c];
        int m = components.size(c);
        if (m == 1) {
            int i = components.members[from];
            if (!(d[i] > 0)) {
                throw new IllegalStateException("state " + i + " never leaves");
            }
            for (int o = 0; o < columns; o++) {
                x[i * columns + o] = rhs[i * columns + o] / d[i];
            }
            return;
        }
        double[] b = new double[m * columns];
        for (int k = 0; k < m; k++) {
            System.arraycopy(rhs, components.members[from + k] * columns, b, k * columns, columns);
        }
        double[] solution;
        if (m <= DENSE_LIMIT) {
            DenseFactors factors = factor(c);
            solution = transposed ? factors.solveTransposed(b, columns) : factors.solve(b, columns);
        } else {
            Csr inside = inside(c);
            double[] dl = new double[m];
            for (int k = 0; k < m; k++) {
                dl[k] = d[components.members[from + k]];
            }
            solution = gaussSeidel(transposed ? inside.transposed() : inside, dl, b, columns);
        }
        for (int k = 0; k < m; k++) {
            System.arraycopy(solution, k * columns, x, components.members[from + k] * columns, columns);
        }
    }

    /** The transitions within component c, in local numbers (position among its members). */
    private Csr inside(int c) {
        int from = components.start[c];
        int m = components.size(c);
        for (int k = 0; k < m; k++) {
            local[components.members[from + k]] = k;
        }
        int[] rowStart = new int[m + 1];
        int count = 0;
        for (int k = 0; k < m; k++) {
            int i = components.members[from + k];
            for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
                if (components.of[a.column()[e]] == c) {
                    count++;
                }
            }
            rowStart[k + 1] = count;
        }
        int[] column = new int[count];
        double[] value = new double[count];
        int out = 0;
        for (int k = 0; k < m; k++) {
            int i = components.members[from + k];
            int rowFrom = out;
            for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
                int j = a.column()[e];
                if (components.of[j] == c) {
                    column[out] = local[j];
                    value[out] = a.value()[e];
                    out++;
                }
            }
            sortRow(column, value, rowFrom, out);
        }
        return new Csr(rowStart, column, value);
    }

    private static void sortRow(int[] column, double[] value, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int c = column[i];
            double v = value[i];
            int j = i - 1;
            while (j >= from && column[j] > c) {
                column[j + 1] = column[j];
                value[j + 1] = value[j];
                j--;
            }
            column[j + 1] = c;
            value[j + 1] = v;
        }
    }

    /** GTH elimination of component c (at most {@value #DENSE_LIMIT} states). */
    private DenseFactors factor(int c) {
        int from = components.start[c];
        int m = components.size(c);
        for (int k = 0; k < m; k++) {
            local[components.members[from + k]] = k;
        }
        double[] w = new double[m * m];
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            int i = components.members[from + k];
            double leaving = exit[i];
            for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
                int j = a.column()[e];
                if (components.of[j] == c) {
                    w[k * m + local[j]] += a.value()[e];
                } else {
                    leaving += a.value()[e];
                }
            }
            out[k] = leaving;
        }
        return DenseFactors.of(w, out, m);
    }

    /**
     * The LU factors of a dense M-matrix block by GTH elimination without pivoting: row i of {@code w} holds the
     * multipliers {@code w_ip / d_p} left of the diagonal and the eliminated chain's transitions right of it;
     * {@code pivot[p]} is the leave probability of p in the chain censored to states p.. (exit plus the transitions to
     * later states), a sum of non-negative terms.
     */
    private record DenseFactors(double[] w, double[] pivot, int m) {

        static DenseFactors of(double[] w, double[] out, int m) {
            double[] pivot = new double[m];
            for (int p = 0; p < m; p++) {
                double leave = out[p];
                int rowP = p * m;
                for (int j = p + 1; j < m; j++) {
                    leave += w[rowP + j];
                }
                if (!(leave > 0)) {
                    throw new IllegalStateException("a cycle of " + m + " states never leaves");
                }
                pivot[p] = leave;
                for (int i = p + 1; i < m; i++) {
                    int rowI = i * m;
                    double toP = w[rowI + p];
                    if (toP == 0) {
                        continue;
                    }
                    double factor = toP / leave;
                    w[rowI + p] = factor;
                    for (int j = p + 1; j < m; j++) {
                        if (j != i) {
                            w[rowI + j] += factor * w[rowP + j];
                        }
                    }
                    out[i] += factor * out[p];
                }
            }
            return new DenseFactors(w, pivot, m);
        }

        double[] solve(double[] b, int columns) {
            double[] z = b.clone();
            for (int p = 0; p < m; p++) {
                for (int i = p + 1; i < m; i++) {
                    double factor = w[i * m + p];
                    if (factor != 0) {
                        for (int o = 0; o < columns; o++) {
                            z[i * columns + o] += factor * z[p * columns + o];
                        }
                    }
                }
            }
            for (int p = m - 1; p >= 0; p--) {
                for (int o = 0; o < columns; o++) {
                    double sum = z[p * columns + o];
                    for (int j = p + 1; j < m; j++) {
                        sum += w[p * m + j] * z[j * columns + o];
                    }
                    z[p * columns + o] = sum / pivot[p];
                }
            }
            return z;
        }

        double[] solveTransposed(double[] b, int columns) {
            double[] z = b.clone();
            for (int p = 0; p < m; p++) {
                for (int o = 0; o < columns; o++) {
                    double sum = z[p * columns + o];
                    for (int j = 0; j < p; j++) {
                        sum += w[j * m + p] * z[j * columns + o];
                    }
                    z[p * columns + o] = sum / pivot[p];
                }
            }
            for (int p = m - 1; p >= 0; p--) {
                for (int o = 0; o < columns; o++) {
                    double sum = z[p * columns + o];
                    for (int i = p + 1; i < m; i++) {
                        sum += w[i * m + p] * z[i * columns + o];
                    }
                    z[p * columns + o] = sum;
                }
            }
            return z;
        }

        /** {@code (M⁻¹)_kk} for every k: one forward and back substitution of the unit vector each, O(m³). */
        double[] inverseDiagonal() {
            double[] diagonal = new double[m];
            double[] z = new double[m];
            for (int k = 0; k < m; k++) {
                Arrays.fill(z, k, m, 0);
                z[k] = 1;
                for (int p = k; p < m; p++) {
                    double zp = z[p];
                    if (zp != 0) {
                        for (int i = p + 1; i < m; i++) {
                            z[i] += w[i * m + p] * zp;
                        }
                    }
                }
                for (int p = m - 1; p >= k; p--) {
                    double sum = z[p];
                    int row = p * m;
                    for (int j = p + 1; j < m; j++) {
                        sum += w[row + j] * z[j];
                    }
                    z[p] = sum / pivot[p];
                }
                diagonal[k] = z[k];
            }
            return diagonal;
        }
    }

    /**
     * Gauss–Seidel on one component: {@code x_i = (b_i + Σ_j A_ij x_j) / d_i}, with a last column solving
     * {@code M t = 1} for the error bound. Checks the true residual every {@value #CHECK_EVERY} sweeps.
     */
    private static double[] gaussSeidel(Csr inside, double[] d, double[] b, int columns) {
        int m = d.length;
        int width = columns + 1;
        double[] rhs = new double[m * width];
        for (int k = 0; k < m; k++) {
            System.arraycopy(b, k * columns, rhs, k * width, columns);
            rhs[k * width + columns] = 1;
        }
        double[] x = new double[m * width];
        double[] sum = new double[width];
        int[] rowStart = inside.rowStart();
        int[] column = inside.column();
        double[] value = inside.value();
        long work = 0;
        long sweepWork = (long) (column.length + m) * width;
        int sweeps = 0;
        double bound = Double.POSITIVE_INFINITY;
        while (true) {
            for (int i = 0; i < m; i++) {
                System.arraycopy(rhs, i * width, sum, 0, width);
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    double v = value[e];
                    int j = column[e] * width;
                    for (int o = 0; o < width; o++) {
                        sum[o] += v * x[j + o];
                    }
                }
                for (int o = 0; o < width; o++) {
                    x[i * width + o] = sum[o] / d[i];
                }
            }
            sweeps++;
            work += sweepWork;
            if (sweeps % CHECK_EVERY == 0) {
                bound = errorBound(inside, d, rhs, x, columns);
                if (bound <= TOLERANCE) {
                    break;
                }
            }
            if (work > MAX_WORK) {
                throw new ChainNotSolvedException(String.format(Locale.ROOT, "the absorbing chain did not "
                        + "converge: a cycle of %,d states keeps journeys so long that %,d sweeps left a relative "
                        + "error bound of %.1e, above %.0e; a coarser shaping (lower order, level=channel or "
                        + "group=) makes the cycle smaller", m, sweeps, bound, TOLERANCE), m);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("absorbing chain solve interrupted");
            }
        }
        double[] result = new double[m * columns];
        for (int k = 0; k < m; k++) {
            System.arraycopy(x, k * width, result, k * columns, columns);
        }
        return result;
    }

    /**
     * The largest relative error bound over the columns: {@code ‖N‖∞ · ‖r‖∞ / ‖x‖∞}, with {@code ‖N‖∞} bounded from
     * the last column t ({@code M t ≈ 1}) as {@code ‖t‖∞ / (1 - ‖1 - M t‖∞)}; infinite while that is not yet below 1.
     */
    private static double errorBound(Csr inside, double[] d, double[] rhs, double[] x, int columns) {
        int m = d.length;
        int width = columns + 1;
        double[] residual = new double[width];
        double[] norm = new double[width];
        double[] sum = new double[width];
        int[] rowStart = inside.rowStart();
        int[] column = inside.column();
        double[] value = inside.value();
        for (int i = 0; i < m; i++) {
            System.arraycopy(rhs, i * width, sum, 0, width);
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                double v = value[e];
                int j = column[e] * width;
                for (int o = 0; o < width; o++) {
                    sum[o] += v * x[j + o];
                }
            }
            for (int o = 0; o < width; o++) {
                double xi = x[i * width + o];
                residual[o] = Math.max(residual[o], Math.abs(sum[o] - d[i] * xi));
                norm[o] = Math.max(norm[o], Math.abs(xi));
            }
        }
        if (!(residual[columns] < 0.5)) {
            return Double.POSITIVE_INFINITY;
        }
        double inverseNorm = norm[columns] / (1 - residual[columns]);
        double worst = 0;
        for (int o = 0; o < columns; o++) {
            double error = inverseNorm * residual[o];
            if (error > 0) {
                worst = Math.max(worst, error / Math.max(norm[o], Double.MIN_NORMAL));
            }
        }
        return worst;
    }
}
