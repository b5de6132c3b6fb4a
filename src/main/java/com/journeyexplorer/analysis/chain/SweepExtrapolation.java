package com.journeyexplorer.analysis.chain;

/**
 * Speeds up Gauss–Seidel sweeps of many columns at once by extrapolating each column along its last step once its
 * error shrinks by a steady factor (Lyusternik's extrapolation). The sweep's iteration matrix is non-negative, so its
 * largest eigenvalue λ is real and, after a few sweeps, the error is nearly its eigenvector: it shrinks by λ a sweep,
 * and the sweep's step Δ is {@code (1 - λ)} of the error before it, so {@code x + λ / (1 - λ) · Δ} removes that part of
 * the error at once. λ is read from the ratio of two sweeps' largest changes, and used only when two successive
 * ratios agree to {@value #AGREEMENT} relative, at least {@value #SWEEPS_BETWEEN} sweeps after the column's last
 * extrapolation; a column whose next sweep changed more than the sweep before its extrapolation is not extrapolated
 * again. The stopping rule is unaffected: it is checked after plain sweeps only, and the bound on the residual after a
 * sweep holds from whatever vector the sweep started. On the clickstream at order 2 this took 0.57 of the sweeps
 * (BENCHMARKS.md).
 */
final class SweepExtrapolation {

    static final double AGREEMENT = 1e-4;
    static final int SWEEPS_BETWEEN = 3;

    private final double[] lastChange;
    private final double[] lastRatio;
    private final double[] changeBefore;
    private final int[] since;
    private long extrapolated;
    private long harmful;

    SweepExtrapolation(int columns) {
        this.lastChange = new double[columns];
        this.lastRatio = new double[columns];
        this.changeBefore = new double[columns];
        this.since = new int[columns];
    }

    /**
     * After a sweep of the {@code active} columns of y (rows of {@code columns}, the sweep's steps in {@code step} and
     * its largest change per column in {@code change}): extrapolates the columns whose ratio has settled. Rows whose
     * step is 0 (held states) stay as they are.
     */
    void after(long active, double[] change, double[] y, double[] step, int columns) {
        for (long left = active; left != 0; left &= left - 1) {
            int o = Long.numberOfTrailingZeros(left);
            long bit = 1L << o;
            if ((extrapolated & bit) != 0) {
                extrapolated &= ~bit;
                if (change[o] > changeBefore[o]) {
                    harmful |= bit;
                }
            }
            double ratio = change[o] / lastChange[o];
            since[o]++;
            if ((harmful & bit) == 0 && since[o] >= SWEEPS_BETWEEN && ratio < 1
                    && Math.abs(ratio - lastRatio[o]) <= AGREEMENT * ratio) {
                double factor = ratio / (1 - ratio);
                for (int row = o; row < y.length; row += columns) {
                    y[row] += factor * step[row];
                }
                since[o] = 0;
                extrapolated |= bit;
                changeBefore[o] = change[o];
            }
            lastRatio[o] = ratio;
            lastChange[o] = change[o];
        }
    }
}
