package com.journeyexplorer.analysis.chain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import com.journeyexplorer.analysis.WorkBudget;

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
 * the result has high relative accuracy however close to 1 the loops are; O(m³) (beyond that size Gauss–Seidel is
 * cheaper on chains of journeys, whose states lead to a few others each);</li>
 * <li>a larger cycle: Gauss–Seidel sweeps from 0 (the iterates rise to the solution), stopped when the error bound
 * {@code ‖x* - x‖∞ ≤ ‖N‖∞ · ‖residual‖∞} is at most {@value #TOLERANCE} of {@code ‖x‖∞}; {@code ‖N‖∞} is bounded by
 * solving {@code M t = 1} alongside ({@code ‖N‖∞ ≤ ‖t‖∞ / (1 - ‖1 - M t‖∞)}, as {@code N ≥ 0}). O(sweeps · transitions); past
 * {@value #MAX_WORK} transition updates it throws {@link ChainNotSolvedException} rather than answer a number that may
 * be wrong. The sweeps visit the states nearest exit first ({@link #sweepOrder}); the removal solves start from the
 * probabilities before the removal, extrapolate their columns as they settle ({@link SweepExtrapolation}), and a
 * batch of them stops a column once the error at the one state read is bounded ({@link #solvePinned});</li>
 * <li>a cycle of more than {@value #DENSE_DIAGONAL_LIMIT} states factored beforehand ({@link #factorLargeCycles}):
 * substitution through its sparse factors, exact, instead of Gauss–Seidel.</li>
 * </ul>
 * Every operation runs in a fixed order, so results are bitwise reproducible.
 */
final class MMatrix {

    static final int DENSE_LIMIT = 100;
    static final int DENSE_DIAGONAL_LIMIT = 400;
    static final double TOLERANCE = 1e-12;
    static final long MAX_WORK = 3_000_000_000L;
    static final int BLOCK = 8;
    private static final int CHECK_BLOCK_EVERY = 8;

    private final Csr a;
    private final double[] exit;
    private final double[] d;
    private final Components components;
    private final int[] local;
    private final long maxWork;
    private final double knownNormBound;
    /**
     * Per component of more than {@value #DENSE_DIAGONAL_LIMIT} states, once {@link #factorLargeCycles} tried it:
     * its sparse factors, or null where they would cost too much ({@code factored[c]} then says it was tried).
     */
    private final SparseFactors[] factors;
    private final boolean[] factored;
    /** Per component swept by Gauss–Seidel, once needed: its states in {@link #sweepOrder}. */
    private final int[][] sweepOrders;
    /** Per component swept by the removal solves, once needed: its pass-through states folded away. */
    private final FoldedCycle[] foldedCycles;

    /** @param exit per state, the probability of leaving the system other than through {@code a}; non-negative */
    MMatrix(Csr a, double[] exit) {
        this(a, exit, MAX_WORK);
    }

    /** @param maxWork transition updates allowed per iterative solve of a large cycle */
    MMatrix(Csr a, double[] exit, long maxWork) {
        this(a, exit, maxWork, Double.NaN);
    }

    /**
     * @param knownNormBound a bound on {@code ‖M⁻¹‖∞} known beforehand (that of a larger chain this one is part of,
     *                       as removing states only shortens stays), or NaN to bound it alongside each solve
     */
    MMatrix(Csr a, double[] exit, long maxWork, double knownNormBound) {
        this.knownNormBound = knownNormBound;
        this.maxWork = maxWork;
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
        this.factors = new SparseFactors[components.count()];
        this.factored = new boolean[components.count()];
        this.sweepOrders = new int[components.count()][];
        this.foldedCycles = new FoldedCycle[components.count()];
    }

    /**
     * Factors each cycle of more than {@value #DENSE_DIAGONAL_LIMIT} states sparsely ({@link SparseFactors}) where
     * that stays within {@link #eliminationWorkLimit}: from then on its solves substitute through the factors instead
     * of iterating, and {@link #inverseDiagonal} reads its diagonal from them. For a caller that will need the
     * inverse diagonal (removal effects), which costs the factors anyway: the solves then cost a fraction of the
     * Gauss–Seidel sweeps and are exact rather than within the tolerance. Call before the matrix is shared.
     */
    void factorLargeCycles() {
        for (int c = 0; c < components.count(); c++) {
            if (components.size(c) > DENSE_DIAGONAL_LIMIT && !factored[c]) {
                Csr inside = inside(c, local);
                factors[c] = SparseFactors.of(inside, leaving(c), eliminationWorkLimit(inside)).orElse(null);
                factored[c] = true;
            }
        }
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
        return solve(b, columns, null);
    }

    /**
     * x with {@code M x = b}, the iterative solves of large cycles starting from {@code start} instead of 0: an
     * estimate close to x saves the sweeps that would bring 0 there (the error bound holds from any start).
     */
    double[] solveFrom(double[] b, double[] start) {
        return solve(b, 1, start);
    }

    private double[] solve(double[] b, int columns, double[] start) {
        double[] x = new double[b.length];
        double[] rhs = b.clone();
        for (int c = 0; c < components.count(); c++) {
            addSolvedTargets(c, rhs, x, columns);
            solveComponent(c, rhs, x, columns, false, start);
        }
        return x;
    }

    /**
     * Adds to the right-hand side of component c's states their transitions into the components solved before it
     * (those it leads to, in topological order), times their solution in x.
     */
    private void addSolvedTargets(int c, double[] rhs, double[] x, int columns) {
        int[] rowStart = a.rowStart();
        int[] column = a.column();
        double[] value = a.value();
        for (int k = components.start[c]; k < components.start[c + 1]; k++) {
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
    }

    /**
     * For each column o of B (n × columns, row-major, at most 64 columns): x with {@code M x = b} on the states whose
     * bit o of {@code pinned} is clear, the others held at 0, as if every transition into them left the system: the
     * probabilities of the chain with those states removed, for several removals in one pass. Component by component
     * as {@link #solve}: a state on no cycle exactly; a cycle of at most {@value #DENSE_LIMIT} states by its dense
     * factors (once for the columns that pin none of its states, once per column that pins some, with their rows
     * made exits); a larger cycle by Gauss–Seidel over all its columns together, from {@code start}, each column
     * stopped by the bound of the class comment with {@code normBound} for {@code ‖M⁻¹‖∞} (which bounds the inverse of
     * every pinned system too, as pinning only shortens stays). One sweep reads the cycle's transitions once for all
     * its columns, where a solve per removal reads them once per removal.
     *
     * <p>{@code startVisits}, when not null, bounds from above the expected visits {@code N(s, k)} of each state k
     * from the one state s whose values the caller reads. Then a column also stops once the error at s is bounded:
     * {@code x* - x = N r} with N ≥ 0 (pinning only lowers it), and the residual of row k after a sweep is the later
     * successors' changes, {@code Σ_j A_kj Δx_j}, so the error at s is at most
     * {@code Σ_j |Δx_j| Σ_k N(s, k) A_kj ≤ Σ_j N(s, j) d_j |Δx_j|} (as {@code N(s, ·) M = e_s}). Values elsewhere
     * may then be less accurate than the class comment's bound.
     */
    double[] solvePinned(double[] b, int columns, long[] pinned, double[] start, double normBound,
            double[] startVisits) {
        double[] x = new double[b.length];
        double[] rhs = b.clone();
        // its own local numbers, not the shared field: several threads solve pinned systems of one matrix at once
        int[] localNumbers = new int[d.length];
        for (int c = 0; c < components.count(); c++) {
            int from = components.start[c];
            int m = components.size(c);
            addSolvedTargets(c, rhs, x, columns);
            if (m == 1) {
                int i = components.members[from];
                for (int o = 0; o < columns; o++) {
                    x[i * columns + o] = (pinned[i] >>> o & 1) != 0 ? 0 : rhs[i * columns + o] / d[i];
                }
            } else if (m <= DENSE_LIMIT) {
                solveSmallPinned(c, rhs, x, columns, pinned, localNumbers);
            } else {
                solveLargePinned(c, rhs, x, columns, pinned, start, normBound, startVisits);
            }
        }
        return x;
    }

    /**
     * {@link #solvePinned} on a cycle of at most {@value #DENSE_LIMIT} states, exactly: the columns that pin none of
     * its states with one factorization of it, each column that pins some with one of its own.
     */
    private void solveSmallPinned(int c, double[] rhs, double[] x, int columns, long[] pinned, int[] localNumbers) {
        long pinnedHere = 0;
        for (int k = components.start[c]; k < components.start[c + 1]; k++) {
            pinnedHere |= pinned[components.members[k]];
        }
        long all = allColumns(columns);
        if ((all & ~pinnedHere) != 0) {
            solveDense(c, rhs, x, columns, all & ~pinnedHere, factor(c, localNumbers));
        }
        for (long left = all & pinnedHere; left != 0; left &= left - 1) {
            int o = Long.numberOfTrailingZeros(left);
            // the states pinned in column o: exits with nothing to reach, so that they solve to 0
            for (int k = components.start[c]; k < components.start[c + 1]; k++) {
                int i = components.members[k];
                if ((pinned[i] >>> o & 1) != 0) {
                    rhs[i * columns + o] = 0;
                }
            }
            solveDense(c, rhs, x, columns, 1L << o, factor(c, localNumbers, pinned, o));
        }
    }

    /**
     * Column o of the row at {@code row} in y becomes {@code next}; its step, and its sweep's largest change and value
     * follow.
     */
    private static void settle(int row, int o, double next, double[] y, double[] change, double[] norm,
            double[] step) {
        step[row + o] = next - y[row + o];
        change[o] = Math.max(change[o], Math.abs(step[row + o]));
        norm[o] = Math.max(norm[o], Math.abs(next));
        y[row + o] = next;
    }

    /** The bits of {@code columns} columns, at most 64. */
    private static long allColumns(int columns) {
        return columns == 64 ? -1L : (1L << columns) - 1;
    }

    /** Solves the columns of {@code chosen} (bits) of cycle c through its dense {@code factors}. */
    private void solveDense(int c, double[] rhs, double[] x, int columns, long chosen, DenseFactors factors) {
        int from = components.start[c];
        int m = components.size(c);
        int width = Long.bitCount(chosen);
        double[] b = new double[m * width];
        for (int k = 0; k < m; k++) {
            int i = components.members[from + k];
            int w = 0;
            for (long left = chosen; left != 0; left &= left - 1) {
                b[k * width + w++] = rhs[i * columns + Long.numberOfTrailingZeros(left)];
            }
        }
        double[] solution = factors.solve(b, width);
        for (int k = 0; k < m; k++) {
            int i = components.members[from + k];
            int w = 0;
            for (long left = chosen; left != 0; left &= left - 1) {
                x[i * columns + Long.numberOfTrailingZeros(left)] = solution[k * width + w++];
            }
        }
    }

    /**
     * {@link #solvePinned} on a larger cycle: Gauss–Seidel over the columns not yet within the bound, each column
     * extrapolated along its step once its error shrinks steadily ({@link SweepExtrapolation}). The sweeps visit the
     * cycle's rows only, its pass-through and single-entry states folded away ({@link FoldedCycle}); a transition
     * through a folded state that a column holds at 0 counts for nothing in that column.
     */
    private void solveLargePinned(int c, double[] rhs, double[] x, int columns, long[] pinned, double[] start,
            double normBound, double[] startVisits) {
        int[] members = sweepOrder(c);
        FoldedCycle cycle = foldedCycle(c);
        int m = cycle.rowCount();
        long[] positionPins = new long[members.length];
        for (int k = 0; k < members.length; k++) {
            positionPins[k] = pinned[members[k]];
        }
        long[] blockedThrough = cycle.blockedThrough(positionPins);
        for (int k = 0; k < members.length; k++) {
            if (!cycle.passesThrough(k)) {
                continue;
            }
            for (int o = 0; o < columns; o++) {
                if (rhs[members[k] * columns + o] != 0) {
                    // never from the removals, whose states without exit reach no outcome directly
                    throw new IllegalArgumentException("state " + members[k] + " has no exit but a right-hand side");
                }
            }
        }
        double[] dl = new double[m];
        // per state N(s, k) d_k, and per column the sweep's Σ_k N(s, k) d_k |Δx_k|: the bound at s (above)
        double[] weight = new double[m];
        long[] pins = new long[m];
        double[] y = new double[m * columns];
        double[] bl = new double[m * columns];
        double largestDiagonal = 0;
        for (int k = 0; k < m; k++) {
            int i = members[cycle.rowPosition(k)];
            dl[k] = d[i];
            weight[k] = startVisits == null ? 0 : startVisits[i] * d[i];
            pins[k] = pinned[i];
            largestDiagonal = Math.max(largestDiagonal, d[i]);
            for (int o = 0; o < columns; o++) {
                boolean pin = (pinned[i] >>> o & 1) != 0;
                y[k * columns + o] = pin ? 0 : start[i * columns + o];
                bl[k * columns + o] = rhs[i * columns + o];
            }
        }
        cycle.addSubstitutedRightHandSides(bl, rhs, columns, members, blockedThrough, positionPins);
        FoldedCycle.Rows rows = cycle.rows(blockedThrough, positionPins);
        int[] sweptStart = cycle.sweptStart();
        int[] column = rows.target();
        double[] value = rows.probability();
        long[] blocked = rows.blocked();
        int[] blockedFrom = rows.blockedFrom();
        double[] change = new double[columns];
        double[] norm = new double[columns];
        double[] errorAtStart = new double[columns];
        long active = allColumns(columns) & ~zeroColumns(bl, pins, columns, y);
        double[] step = new double[m * columns];
        SweepExtrapolation extrapolation = new SweepExtrapolation(columns);
        int sweeps = 0;
        while (active != 0) {
            Arrays.fill(change, 0);
            Arrays.fill(norm, 0);
            Arrays.fill(errorAtStart, 0);
            for (int k = 0; k < m; k++) {
                long update = active & ~pins[k];
                double w = weight[k];
                if (update == 0) {
                    continue;
                }
                // the columns still running differ from state to state: four of them at a time while there are,
                // each sum in a register of its own (one sum alone waits on each addition before the next), then
                // one by one; each column's terms are added in the row's order either way, so the same bits
                long left = update;
                for (; Long.bitCount(left) >= 4; left &= left - 1) {
                    int o0 = Long.numberOfTrailingZeros(left);
                    left &= left - 1;
                    int o1 = Long.numberOfTrailingZeros(left);
                    left &= left - 1;
                    int o2 = Long.numberOfTrailingZeros(left);
                    left &= left - 1;
                    int o3 = Long.numberOfTrailingZeros(left);
                    double s0 = bl[k * columns + o0];
                    double s1 = bl[k * columns + o1];
                    double s2 = bl[k * columns + o2];
                    double s3 = bl[k * columns + o3];
                    for (int e = sweptStart[k]; e < blockedFrom[k]; e++) {
                        double v = value[e];
                        int j = column[e] * columns;
                        s0 += v * y[j + o0];
                        s1 += v * y[j + o1];
                        s2 += v * y[j + o2];
                        s3 += v * y[j + o3];
                    }
                    for (int e = blockedFrom[k]; e < sweptStart[k + 1]; e++) {
                        double v = value[e];
                        int j = column[e] * columns;
                        long held = blocked[e];
                        s0 += (held >>> o0 & 1) == 0 ? v * y[j + o0] : 0;
                        s1 += (held >>> o1 & 1) == 0 ? v * y[j + o1] : 0;
                        s2 += (held >>> o2 & 1) == 0 ? v * y[j + o2] : 0;
                        s3 += (held >>> o3 & 1) == 0 ? v * y[j + o3] : 0;
                    }
                    settle(k * columns, o0, s0 / dl[k], y, change, norm, step);
                    errorAtStart[o0] += w * Math.abs(step[k * columns + o0]);
                    settle(k * columns, o1, s1 / dl[k], y, change, norm, step);
                    errorAtStart[o1] += w * Math.abs(step[k * columns + o1]);
                    settle(k * columns, o2, s2 / dl[k], y, change, norm, step);
                    errorAtStart[o2] += w * Math.abs(step[k * columns + o2]);
                    settle(k * columns, o3, s3 / dl[k], y, change, norm, step);
                    errorAtStart[o3] += w * Math.abs(step[k * columns + o3]);
                }
                for (; left != 0; left &= left - 1) {
                    int o = Long.numberOfTrailingZeros(left);
                    double sum = bl[k * columns + o];
                    for (int e = sweptStart[k]; e < sweptStart[k + 1]; e++) {
                        if ((blocked[e] >>> o & 1) == 0) {
                            sum += value[e] * y[column[e] * columns + o];
                        }
                    }
                    settle(k * columns, o, sum / dl[k], y, change, norm, step);
                    errorAtStart[o] += w * Math.abs(step[k * columns + o]);
                }
            }
            sweeps++;
            for (long left = active; left != 0; left &= left - 1) {
                int o = Long.numberOfTrailingZeros(left);
                double bound = normBound * largestDiagonal * change[o] / Math.max(norm[o], Double.MIN_NORMAL);
                boolean boundedAtStart = startVisits != null && errorAtStart[o] <= TOLERANCE * norm[o];
                if (change[o] == 0 || bound <= TOLERANCE || boundedAtStart) {
                    active &= ~(1L << o);
                }
            }
            if (active == 0) {
                break;
            }
            extrapolation.after(active, change, y, step, columns);
            // every column still running has had every sweep: the work limit of a solve of its own
            if ((long) sweeps * (column.length + m) > maxWork) {
                throw notConverged(members.length, sweeps, Double.NaN);
            }
            WorkBudget.check();
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("absorbing chain solve interrupted");
            }
        }
        for (int k = 0; k < m; k++) {
            System.arraycopy(y, k * columns, x, members[cycle.rowPosition(k)] * columns, columns);
        }
        cycle.singleEntryValues(rhs, x, columns, members, blockedThrough, positionPins);
        cycle.passThroughValues(x, blockedThrough, columns, members);
    }

    /**
     * Component c as its removal solves sweep it, in {@link #sweepOrder}, its pass-through states (one transition,
     * within the component, and no exit) and single-entry states folded away ({@link FoldedCycle}).
     */
    private synchronized FoldedCycle foldedCycle(int c) {
        if (foldedCycles[c] == null) {
            int[] members = sweepOrder(c);
            Csr inside = inside(c, members, 0, new int[d.length]);
            boolean[] passThrough = new boolean[members.length];
            for (int k = 0; k < members.length; k++) {
                int i = members[k];
                int from = a.rowStart()[i];
                passThrough[k] = exit[i] == 0 && a.rowStart()[i + 1] - from == 1
                        && components.of[a.column()[from]] == c;
            }
            double[] leave = new double[members.length];
            for (int k = 0; k < members.length; k++) {
                leave[k] = d[members[k]];
            }
            foldedCycles[c] = new FoldedCycle(inside, passThrough, leave);
        }
        return foldedCycles[c];
    }

    /**
     * The states of component c in the order Gauss–Seidel sweeps them: by how few transitions separate them from
     * leaving the component (breadth first, backwards from the states that leave it), and numbered so in the
     * sweep's arrays. A state's value is the weighted sum of its successors', so a sweep in this order reads
     * successors already updated in the same sweep more often than in the order the components were found: on the
     * clickstream at order 2, 7-12 % fewer sweeps, and neighbours numbered near each other read less scattered
     * memory. Any order keeps the error bound: a row's residual after a sweep is still a sum over the rows updated
     * after it.
     */
    private synchronized int[] sweepOrder(int c) {
        if (sweepOrders[c] == null) {
            int from = components.start[c];
            int m = components.size(c);
            Csr backward = inside(c, new int[d.length]).transposed();
            double[] leaving = leaving(c);
            int[] order = new int[m];
            boolean[] seen = new boolean[m];
            int size = 0;
            for (int k = 0; k < m; k++) {
                if (leaving[k] > 0) {
                    seen[k] = true;
                    order[size++] = k;
                }
            }
            size = backward.breadthFirst(order, size, seen);
            for (int k = 0; k < m; k++) {
                if (!seen[k]) {
                    // reaches no state that leaves: only in a singular matrix, which the solve then reports
                    order[size++] = k;
                }
            }
            int[] members = new int[m];
            for (int k = 0; k < m; k++) {
                members[k] = components.members[from + order[k]];
            }
            sweepOrders[c] = members;
        }
        return sweepOrders[c];
    }

    private static boolean isZero(double[] values) {
        for (double value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The columns (bits) whose solution in a component is exactly 0: no state they leave free has anything on its
     * right-hand side, so nothing reaches an exit from there ({@code M} is non-singular and the right-hand sides are
     * non-negative). Their entries of {@code y} are set to 0. Found here, not by sweeping: started from the chain's
     * probabilities before the removal, such a column would shrink by a constant factor a sweep and never meet a
     * bound relative to its own size until it underflowed, thousands of sweeps later.
     */
    private static long zeroColumns(double[] rhs, long[] pins, int columns, double[] y) {
        long reachesAnExit = 0;
        for (int k = 0; k < pins.length; k++) {
            for (long left = ~pins[k] & allColumns(columns) & ~reachesAnExit; left != 0; left &= left - 1) {
                int o = Long.numberOfTrailingZeros(left);
                if (rhs[k * columns + o] != 0) {
                    reachesAnExit |= 1L << o;
                }
            }
        }
        long zero = allColumns(columns) & ~reachesAnExit;
        for (int k = 0; k < pins.length; k++) {
            for (long left = zero; left != 0; left &= left - 1) {
                y[k * columns + Long.numberOfTrailingZeros(left)] = 0;
            }
        }
        return zero;
    }

    /** Y with {@code Mᵀ Y = B}; B and Y are n × columns, row-major. */
    double[] solveTransposed(double[] b, int columns) {
        int[] rowStart = a.rowStart();
        int[] column = a.column();
        double[] value = a.value();
        double[] y = new double[b.length];
        double[] rhs = b.clone();
        for (int c = components.count() - 1; c >= 0; c--) {
            solveComponent(c, rhs, y, columns, true, null);
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
     * cycle, from the dense factors for a cycle of at most {@value #DENSE_DIAGONAL_LIMIT} states (O(m³)), and for a larger
     * cycle by sparse elimination and selected inversion ({@link SparseFactors}: exact, cost by its fill), or,
     * when that would pass {@link #eliminationWorkLimit}, from its columns {@code N e_k}, solved {@value #BLOCK} at a
     * time by Gauss–Seidel (O(m · sweeps · transitions)) to the same error bound as {@link #solve}.
     */
    double[] inverseDiagonal() {
        double[] diagonal = new double[d.length];
        for (int c = 0; c < components.count(); c++) {
            int from = components.start[c];
            int m = components.size(c);
            if (m == 1) {
                int i = components.members[from];
                diagonal[i] = 1 / d[i];
            } else if (m <= DENSE_DIAGONAL_LIMIT) {
                double[] inverse = factor(c, local).inverseDiagonal();
                for (int k = 0; k < m; k++) {
                    diagonal[components.members[from + k]] = inverse[k];
                }
            } else {
                int component = c;
                Optional<SparseFactors> sparse = factored[c] ? Optional.ofNullable(factors[c]) : sparseFactors(c);
                double[] inverse = sparse.map(SparseFactors::inverseDiagonal)
                        .orElseGet(() -> largeInverseDiagonal(component));
                for (int k = 0; k < m; k++) {
                    diagonal[components.members[from + k]] = inverse[k];
                }
            }
        }
        return diagonal;
    }

    /** Solves component c into x; {@code start}, if not null, is where an iterative solve of it starts (columns 1). */
    private void solveComponent(int c, double[] rhs, double[] x, int columns, boolean transposed, double[] start) {
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
        if (factors[c] != null) {
            solution = transposed ? factors[c].solveTransposed(b, columns) : factors[c].solve(b, columns);
        } else if (m <= DENSE_LIMIT) {
            DenseFactors factors = factor(c, local);
            solution = transposed ? factors.solveTransposed(b, columns) : factors.solve(b, columns);
        } else if (!transposed) {
            int[] members = sweepOrder(c);
            for (int k = 0; k < m; k++) {
                System.arraycopy(rhs, members[k] * columns, b, k * columns, columns);
            }
            double[] dl = new double[m];
            double[] localStart = start == null ? null : new double[m];
            for (int k = 0; k < m; k++) {
                dl[k] = d[members[k]];
                if (start != null) {
                    localStart[k] = start[members[k]];
                }
            }
            solution = gaussSeidel(inside(c, members, 0, local), dl, b, columns, maxWork, knownNormBound,
                    localStart);
            for (int k = 0; k < m; k++) {
                System.arraycopy(solution, k * columns, x, members[k] * columns, columns);
            }
            return;
        } else {
            Csr inside = inside(c, local);
            double[] dl = new double[m];
            for (int k = 0; k < m; k++) {
                dl[k] = d[components.members[from + k]];
            }
            solution = gaussSeidel(inside.transposed(), dl, b, columns, maxWork, knownNormBound, null);
        }
        for (int k = 0; k < m; k++) {
            System.arraycopy(solution, k * columns, x, components.members[from + k] * columns, columns);
        }
    }

    /** The transitions within component c, in local numbers (position among its members). */
    private Csr inside(int c, int[] localNumbers) {
        return inside(c, components.members, components.start[c], localNumbers);
    }

    /** {@link #inside(int, int[])} with the component's states numbered in the order of {@code members[from..]}. */
    private Csr inside(int c, int[] members, int from, int[] localNumbers) {
        int m = components.size(c);
        for (int k = 0; k < m; k++) {
            localNumbers[members[from + k]] = k;
        }
        int[] rowStart = new int[m + 1];
        int count = 0;
        for (int k = 0; k < m; k++) {
            int i = members[from + k];
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
            int i = members[from + k];
            int rowFrom = out;
            for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
                int j = a.column()[e];
                if (components.of[j] == c) {
                    column[out] = localNumbers[j];
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

    /** GTH elimination of component c (at most {@value #DENSE_DIAGONAL_LIMIT} states). */
    private DenseFactors factor(int c, int[] localNumbers) {
        return factor(c, localNumbers, null, -1);
    }

    /**
     * As {@link #factor(int, int[])}, the states pinned in column o (bit o of {@code pinned}, when not null) made
     * exits with no transition of their own, so that with a right-hand side of 0 they solve to 0.
     */
    private DenseFactors factor(int c, int[] localNumbers, long[] pinned, int o) {
        int from = components.start[c];
        int m = components.size(c);
        for (int k = 0; k < m; k++) {
            localNumbers[components.members[from + k]] = k;
        }
        double[] w = new double[m * m];
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            int i = components.members[from + k];
            if (pinned != null && (pinned[i] >>> o & 1) != 0) {
                out[k] = 1;
                continue;
            }
            double leaving = exit[i];
            for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
                int j = a.column()[e];
                if (components.of[j] == c) {
                    w[k * m + localNumbers[j]] += a.value()[e];
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
     * {@code M t = 1} for the error bound. After a sweep that changed no entry of a column by more than δ, that
     * column's residual is at most {@code max_i d_i · δ} (row i's residual is {@code Σ_{j>i} A_ij Δx_j}), so the bound
     * of the class comment is checked after every sweep at no extra cost.
     */
    private static double[] gaussSeidel(Csr inside, double[] d, double[] b, int columns, long maxWork,
            double knownNormBound, double[] start) {
        if (!Double.isNaN(knownNormBound) && columns == 1) {
            return gaussSeidelOne(inside, d, b, maxWork, knownNormBound, start);
        }
        int m = d.length;
        int width = columns + 1;
        double[] rhs = new double[m * width];
        for (int k = 0; k < m; k++) {
            System.arraycopy(b, k * columns, rhs, k * width, columns);
            rhs[k * width + columns] = 1;
        }
        double largestDiagonal = 0;
        for (double di : d) {
            largestDiagonal = Math.max(largestDiagonal, di);
        }
        double[] x = new double[m * width];
        double[] sum = new double[width];
        double[] change = new double[width];
        double[] norm = new double[width];
        int[] rowStart = inside.rowStart();
        int[] column = inside.column();
        double[] value = inside.value();
        long work = 0;
        long sweepWork = (long) (column.length + m) * width;
        int sweeps = 0;
        double bound = Double.POSITIVE_INFINITY;
        while (true) {
            Arrays.fill(change, 0);
            Arrays.fill(norm, 0);
            for (int i = 0; i < m; i++) {
                rowSums(rhs, x, width, column, value, i, rowStart[i], rowStart[i + 1], sum);
                for (int o = 0; o < width; o++) {
                    double next = sum[o] / d[i];
                    change[o] = Math.max(change[o], Math.abs(next - x[i * width + o]));
                    norm[o] = Math.max(norm[o], Math.abs(next));
                    x[i * width + o] = next;
                }
            }
            sweeps++;
            work += sweepWork;
            double residualOfT = largestDiagonal * change[columns];
            if (residualOfT < 0.5) {
                double inverseNorm = norm[columns] / (1 - residualOfT);
                bound = 0;
                for (int o = 0; o < columns; o++) {
                    double error = inverseNorm * largestDiagonal * change[o];
                    if (error > 0) {
                        bound = Math.max(bound, error / Math.max(norm[o], Double.MIN_NORMAL));
                    }
                }
                if (bound <= TOLERANCE) {
                    break;
                }
            }
            if (work > maxWork) {
                throw notConverged(m, sweeps, bound);
            }
            // The request's time budget (a no-op on a thread without one, such as a parallel worker).
            WorkBudget.check();
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
     * {@code sum[o] = rhs_io + Σ_e value_e · x_(column_e, o)} for each of the row's {@code width} columns, the terms
     * added in the row's order. Four columns at a time, then two, then one, each in a local variable: summed in an
     * array, every addition would wait for the store of the one before (a few cycles each, the solve's bottleneck),
     * and each scan of the row reads its transitions once for all the columns it sums; the same additions in the
     * same order, so the same bits.
     */
    private static void rowSums(double[] rhs, double[] x, int width, int[] column, double[] value, int i, int from,
            int to, double[] sum) {
        int o = 0;
        // three outcomes and the bound's column: the usual width
        for (; o + 4 <= width; o += 4) {
            double s0 = rhs[i * width + o];
            double s1 = rhs[i * width + o + 1];
            double s2 = rhs[i * width + o + 2];
            double s3 = rhs[i * width + o + 3];
            for (int e = from; e < to; e++) {
                double v = value[e];
                int j = column[e] * width + o;
                s0 += v * x[j];
                s1 += v * x[j + 1];
                s2 += v * x[j + 2];
                s3 += v * x[j + 3];
            }
            sum[o] = s0;
            sum[o + 1] = s1;
            sum[o + 2] = s2;
            sum[o + 3] = s3;
        }
        for (; o + 2 <= width; o += 2) {
            double s0 = rhs[i * width + o];
            double s1 = rhs[i * width + o + 1];
            for (int e = from; e < to; e++) {
                double v = value[e];
                int j = column[e] * width + o;
                s0 += v * x[j];
                s1 += v * x[j + 1];
            }
            sum[o] = s0;
            sum[o + 1] = s1;
        }
        if (o < width) {
            double s0 = rhs[i * width + o];
            for (int e = from; e < to; e++) {
                s0 += value[e] * x[column[e] * width + o];
            }
            sum[o] = s0;
        }
    }

    /**
     * Gauss–Seidel on one column with {@code ‖M⁻¹‖∞ ≤ normBound} known: the stopping rule of the class comment,
     * extrapolated along its step once its error shrinks steadily ({@link SweepExtrapolation}). From {@code start} when
     * given (overwritten with the solution), else from 0.
     */
    private static double[] gaussSeidelOne(Csr inside, double[] d, double[] b, long maxWork, double normBound,
            double[] start) {
        int m = d.length;
        double largestDiagonal = 0;
        for (double di : d) {
            largestDiagonal = Math.max(largestDiagonal, di);
        }
        double[] x = start != null ? start : new double[m];
        if (isZero(b)) {
            // the solution is 0 (see zeroColumns); from a start above it the sweeps would take thousands of rounds
            Arrays.fill(x, 0);
            return x;
        }
        int[] rowStart = inside.rowStart();
        int[] column = inside.column();
        double[] value = inside.value();
        long work = 0;
        int sweeps = 0;
        double[] step = new double[m];
        double[] change = new double[1];
        SweepExtrapolation extrapolation = new SweepExtrapolation(1);
        while (true) {
            double largestChange = 0;
            double norm = 0;
            for (int i = 0; i < m; i++) {
                double sum = b[i];
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    sum += value[e] * x[column[e]];
                }
                double next = sum / d[i];
                step[i] = next - x[i];
                largestChange = Math.max(largestChange, Math.abs(step[i]));
                norm = Math.max(norm, Math.abs(next));
                x[i] = next;
            }
            sweeps++;
            work += column.length + m;
            double bound = normBound * largestDiagonal * largestChange / Math.max(norm, Double.MIN_NORMAL);
            if (largestChange == 0 || bound <= TOLERANCE) {
                return x;
            }
            if (work > maxWork) {
                throw notConverged(m, sweeps, bound);
            }
            change[0] = largestChange;
            extrapolation.after(1L, change, x, step, 1);
            // The request's time budget (a no-op on a thread without one, such as a parallel worker).
            WorkBudget.check();
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("absorbing chain solve interrupted");
            }
        }
    }

    /**
     * The diagonal of the inverse of a component larger than {@value #DENSE_DIAGONAL_LIMIT} by sparse GTH elimination
     * and selected inversion ({@link SparseFactors}), or empty when that would take more than
     * {@link #eliminationWorkLimit} operations: eight Gauss–Seidel sweeps of every column, the least the column method
     * costs (it first checks convergence after {@value #CHECK_BLOCK_EVERY} sweeps), so that the elimination is never
     * chosen where it could be slower, and giving up early wastes a fraction of what the column method then takes.
     */
    private Optional<SparseFactors> sparseFactors(int c) {
        Csr inside = inside(c, local);
        return SparseFactors.of(inside, leaving(c), eliminationWorkLimit(inside));
    }

    /** {@code 8 · m · (transitions + m)} of a component: eight sweeps of {@link #largeInverseDiagonal} over its m columns. */
    static long eliminationWorkLimit(Csr inside) {
        long m = inside.rows();
        return 8 * m * (inside.column().length + m);
    }

    /** Per state of component c, in local numbers: its exit plus its transitions to other components. */
    private double[] leaving(int c) {
        int from = components.start[c];
        int m = components.size(c);
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            int i = components.members[from + k];
            double leaving = exit[i];
            for (int e = a.rowStart()[i]; e < a.rowStart()[i + 1]; e++) {
                if (components.of[a.column()[e]] != c) {
                    leaving += a.value()[e];
                }
            }
            out[k] = leaving;
        }
        return out;
    }

    /**
     * The diagonal of the inverse of a component larger than {@value #DENSE_DIAGONAL_LIMIT}: its columns {@code N e_k},
     * {@value #BLOCK} at a time, the blocks shared out among the processors (each block is computed alone, so the
     * result does not depend on how they are shared).
     */
    private double[] largeInverseDiagonal(int c) {
        int from = components.start[c];
        int m = components.size(c);
        Csr inside = inside(c, local);
        double[] dl = new double[m];
        for (int k = 0; k < m; k++) {
            dl[k] = d[components.members[from + k]];
        }
        double normBound = inverseNormBound(inside, dl, maxWork);
        double[] diagonal = new double[m];
        Thread caller = Thread.currentThread();
        int blocks = (m + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            double[] x = columnBlock(inside, dl, block * BLOCK, normBound, caller, maxWork);
            for (int o = 0; o < BLOCK && block * BLOCK + o < m; o++) {
                diagonal[block * BLOCK + o] = x[(block * BLOCK + o) * BLOCK + o];
            }
        });
        return diagonal;
    }

    /**
     * Gauss–Seidel on {@code M X = [e_first .. e_first+7]}, eight columns side by side, until each column k meets
     * {@code ‖N‖∞ · ‖residual‖∞ ≤ TOLERANCE · X_kk} ({@code N_kk} is the largest entry of its column, since
     * {@code N_jk = P(j reaches k) · N_kk}). After a sweep that changed no entry by more than δ, the residual of row
     * i is {@code Σ_{j>i} A_ij Δx_j}, so {@code ‖residual‖∞ ≤ max_i d_i · δ}: the sweep's largest change bounds it,
     * checked every {@value #CHECK_BLOCK_EVERY} sweeps.
     */
    private static double[] columnBlock(Csr inside, double[] d, int first, double normBound, Thread caller,
            long maxWork) {
        int m = d.length;
        int[] rowStart = inside.rowStart();
        int[] column = inside.column();
        double[] value = inside.value();
        double[] x = new double[m * BLOCK];
        double[] change = new double[BLOCK];
        double largestDiagonal = 0;
        for (double di : d) {
            largestDiagonal = Math.max(largestDiagonal, di);
        }
        long sweepWork = (long) (column.length + m) * BLOCK;
        long work = 0;
        int sweeps = 0;
        while (true) {
            boolean check = (sweeps + 1) % CHECK_BLOCK_EVERY == 0;
            if (check) {
                Arrays.fill(change, 0);
            }
            for (int i = 0; i < m; i++) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double s4 = 0;
                double s5 = 0;
                double s6 = 0;
                double s7 = 0;
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    double v = value[e];
                    int j = column[e] * BLOCK;
                    s0 += v * x[j];
                    s1 += v * x[j + 1];
                    s2 += v * x[j + 2];
                    s3 += v * x[j + 3];
                    s4 += v * x[j + 4];
                    s5 += v * x[j + 5];
                    s6 += v * x[j + 6];
                    s7 += v * x[j + 7];
                }
                switch (i - first) {
                    case 0 -> s0 += 1;
                    case 1 -> s1 += 1;
                    case 2 -> s2 += 1;
                    case 3 -> s3 += 1;
                    case 4 -> s4 += 1;
                    case 5 -> s5 += 1;
                    case 6 -> s6 += 1;
                    case 7 -> s7 += 1;
                    default -> {
                    }
                }
                int row = i * BLOCK;
                double di = d[i];
                double n0 = s0 / di;
                double n1 = s1 / di;
                double n2 = s2 / di;
                double n3 = s3 / di;
                double n4 = s4 / di;
                double n5 = s5 / di;
                double n6 = s6 / di;
                double n7 = s7 / di;
                if (check) {
                    change[0] = Math.max(change[0], Math.abs(n0 - x[row]));
                    change[1] = Math.max(change[1], Math.abs(n1 - x[row + 1]));
                    change[2] = Math.max(change[2], Math.abs(n2 - x[row + 2]));
                    change[3] = Math.max(change[3], Math.abs(n3 - x[row + 3]));
                    change[4] = Math.max(change[4], Math.abs(n4 - x[row + 4]));
                    change[5] = Math.max(change[5], Math.abs(n5 - x[row + 5]));
                    change[6] = Math.max(change[6], Math.abs(n6 - x[row + 6]));
                    change[7] = Math.max(change[7], Math.abs(n7 - x[row + 7]));
                }
                x[row] = n0;
                x[row + 1] = n1;
                x[row + 2] = n2;
                x[row + 3] = n3;
                x[row + 4] = n4;
                x[row + 5] = n5;
                x[row + 6] = n6;
                x[row + 7] = n7;
            }
            sweeps++;
            work += sweepWork;
            if (check) {
                boolean converged = true;
                for (int o = 0; o < BLOCK && first + o < m; o++) {
                    if (normBound * largestDiagonal * change[o] > TOLERANCE * x[(first + o) * BLOCK + o]) {
                        converged = false;
                    }
                }
                if (converged) {
                    return x;
                }
            }
            if (work > maxWork) {
                throw notConverged(m, sweeps, Double.NaN);
            }
            if (caller.isInterrupted()) {
                throw new CancellationException("absorbing chain solve interrupted");
            }
        }
    }

    /** A bound on {@code ‖M⁻¹‖∞} of a component: Gauss–Seidel on {@code M t = 1} until {@code ‖1 - M t‖∞ ≤ 0.001}. */
    private static double inverseNormBound(Csr inside, double[] d, long maxWork) {
        int m = d.length;
        double[] t = new double[m];
        int[] rowStart = inside.rowStart();
        int[] column = inside.column();
        double[] value = inside.value();
        long work = 0;
        int sweeps = 0;
        while (true) {
            for (int i = 0; i < m; i++) {
                double sum = 1;
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    sum += value[e] * t[column[e]];
                }
                t[i] = sum / d[i];
            }
            sweeps++;
            work += column.length + m;
            double residual = 0;
            double norm = 0;
            for (int i = 0; i < m; i++) {
                double sum = 1;
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    sum += value[e] * t[column[e]];
                }
                residual = Math.max(residual, Math.abs(sum - d[i] * t[i]));
                norm = Math.max(norm, t[i]);
            }
            if (residual <= 0.001) {
                return norm / (1 - residual);
            }
            if (work > maxWork) {
                throw notConverged(m, sweeps, Double.NaN);
            }
        }
    }

    private static ChainNotSolvedException notConverged(int states, int sweeps, double bound) {
        String reached = Double.isFinite(bound) ? String.format(Locale.ROOT, "left a relative error bound of %.1e, "
                + "above %.0e", bound, TOLERANCE) : "did not yet bound the error";
        return new ChainNotSolvedException(String.format(Locale.ROOT, "the absorbing chain did not converge: a "
                + "cycle of %,d states keeps journeys so long that %,d sweeps %s; a coarser shaping (lower order, "
                + "level=channel or group=) makes the cycle smaller", states, sweeps, reached), states);
    }

}
