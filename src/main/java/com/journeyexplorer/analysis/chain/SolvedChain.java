package com.journeyexplorer.analysis.chain;

import java.util.Arrays;

/**
 * The absorption probabilities of a {@link SparseChain}, and the probability of an outcome when states are removed
 * (redirected to an exit that is no outcome), as Markov attribution's removal effects need.
 *
 * <p>Absorption: {@code (I - Q) B = R} with Q the transitions between transient states and R those into the outcomes,
 * solved by {@link MMatrix} (strongly connected components in topological order; exact elimination on states that
 * are on no cycle and on cycles of up to {@value MMatrix#DENSE_LIMIT} states; Gauss–Seidel with a proven error bound of
 * {@value MMatrix#TOLERANCE} relative on larger cycles, else {@link ChainNotSolvedException}). States that reach no
 * exit (a closed loop) are never absorbed: their probabilities are 0, and so is their share from any state that
 * enters them. O(n + m) plus the cycles' cost.
 *
 * <p>Removal of one state k ({@link #withoutEach}): by the first-passage decomposition, the journeys from s that reach
 * the outcome either never visit k or visit it, and from their first visit reach the outcome with probability
 * {@code x_k}: {@code P_without_k = x_s - f(s, k) · x_k}, where {@code f(s, k)}, the probability of ever visiting k,
 * is {@code N(s, k) / N(k, k)} for the fundamental matrix {@code N = (I - Q)⁻¹}. The row {@code N(s, ·)} is one
 * transposed solve for every k at once; {@code N(k, k) = 1 / (1 - P(return to k))} only depends on k's component:
 * {@code 1 / (1 - P(k → k))} for a state on no cycle, the diagonal of the dense factors' inverse for a small cycle,
 * and for a larger cycle that of sparse factors by selected inversion, or, where those fill in too much, the k-th
 * entry of the column {@code N e_k} solved within the cycle ({@link MMatrix#inverseDiagonal()}). A set of states removed together ({@link #without}) costs a solve restricted
 * to the states from which the removed ones are reachable.
 */
public final class SolvedChain {

    private final SparseChain chain;
    /** Index among the states that reach an exit, or -1. */
    private final int[] live;
    private final int[] liveStates;
    private final MMatrix matrix;
    private final double[] probabilities;
    /** The live states' transitions, their exits, and the transitions reversed (made on first use). */
    private Csr matrixGraph;
    private double[] matrixExit;
    private Csr reversed;
    /** A bound on the longest expected stay {@code ‖N‖∞}, made on first use. */
    private double normBound = Double.NaN;
    /** The live state whose {@link #visitsBound} is kept, and that bound; made on first use. */
    private int visitsStart = -1;
    private double[] visits;

    private final long maxWork;

    private SolvedChain(SparseChain chain, long maxWork, boolean factored) {
        this.chain = chain;
        this.maxWork = maxWork;
        int n = chain.states();
        this.live = reachingExit(chain);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (live[i] >= 0) {
                count++;
            }
        }
        this.liveStates = new int[count];
        for (int i = 0; i < n; i++) {
            if (live[i] >= 0) {
                liveStates[live[i]] = i;
            }
        }
        this.matrix = liveMatrix();
        if (factored) {
            matrix.factorLargeCycles();
        }
        int outcomes = chain.outcomes();
        // An outcome no state is absorbed in (open journeys, when none is selected) has probability 0 everywhere:
        // it is left out of the solve. Each column is solved on its own terms (the iterative stopping rule ignores a
        // column without error), so the others come out the same to the bit.
        int[] solved = new int[outcomes];
        int width = 0;
        for (int o = 0; o < outcomes; o++) {
            for (int k = 0; k < count; k++) {
                if (chain.absorption(liveStates[k], o) != 0) {
                    solved[width++] = o;
                    break;
                }
            }
        }
        this.probabilities = new double[n * outcomes];
        if (width == 0) {
            return;
        }
        double[] b = new double[count * width];
        for (int k = 0; k < count; k++) {
            for (int c = 0; c < width; c++) {
                b[k * width + c] = chain.absorption(liveStates[k], solved[c]);
            }
        }
        double[] x = matrix.solve(b, width);
        for (int k = 0; k < count; k++) {
            for (int c = 0; c < width; c++) {
                probabilities[liveStates[k] * outcomes + solved[c]] = x[k * width + c];
            }
        }
    }

    /** Solves the chain. */
    public static SolvedChain of(SparseChain chain) {
        return new SolvedChain(chain, MMatrix.MAX_WORK, false);
    }

    /**
     * Solves the chain for a caller that will ask for {@link #withoutEach}: its large cycles are factored first
     * ({@link MMatrix#factorLargeCycles}), as the removal effects need anyway, and every solve substitutes through the
     * factors instead of iterating.
     */
    public static SolvedChain forRemovals(SparseChain chain) {
        return new SolvedChain(chain, MMatrix.MAX_WORK, true);
    }

    /** With a lower work bound per iterative solve, for tests of the failure. */
    static SolvedChain of(SparseChain chain, long maxWork) {
        return new SolvedChain(chain, maxWork, false);
    }

    public SparseChain chain() {
        return chain;
    }

    /** P(absorbed in {@code outcome} | at {@code state}). */
    public double probability(int state, int outcome) {
        return probabilities[state * chain.outcomes() + outcome];
    }

    /** Number of states in the largest strongly connected component, for reports. */
    public int largestCycle() {
        Components components = matrix.components();
        int largest = 0;
        for (int c = 0; c < components.count(); c++) {
            largest = Math.max(largest, components.size(c));
        }
        return largest;
    }

    /**
     * For every state k, P(absorbed in {@code outcome} from {@code start}) when k alone is removed; {@code start}
     * itself gets 0. One transposed solve plus the diagonal of N within each cycle.
     */
    public double[] withoutEach(int start, int outcome) {
        int n = chain.states();
        double total = probability(start, outcome);
        double[] result = new double[n];
        Arrays.fill(result, total);
        if (live[start] < 0 || total == 0) {
            result[start] = 0;
            return result;
        }
        double[] visits = visitsFrom(live[start]);
        double[] diagonal = matrix.inverseDiagonal();
        for (int k = 0; k < liveStates.length; k++) {
            int state = liveStates[k];
            if (visits[k] == 0) {
                continue;
            }
            double firstVisit = Math.min(1, visits[k] / diagonal[k]);
            result[state] = Math.min(total, Math.max(0, total - firstVisit * probability(state, outcome)));
        }
        result[start] = 0;
        return result;
    }

    /**
     * P(absorbed in {@code outcome} from {@code start}) when every state with {@code removed[state]} leads to an exit
     * that is no outcome. Solves only the states reachable from {@code start} that can reach a removed state; the
     * others keep their probabilities. O(n + m) plus that solve. Safe to call from several threads at once, as
     * Markov attribution does for its labels' removals.
     */
    public double without(int start, int outcome, boolean[] removed) {
        if (removed[start]) {
            return 0;
        }
        if (live[start] < 0) {
            return 0;
        }
        int count = liveStates.length;
        Csr forward = matrixGraph;
        Csr backward = reversed();
        // states (live numbers) that can reach a removed state, through states not removed
        boolean[] ancestor = new boolean[count];
        int[] queue = new int[count];
        int tail = 0;
        for (int k = 0; k < count; k++) {
            if (removed[liveStates[k]]) {
                queue[tail++] = k;
            }
        }
        int head = 0;
        while (head < tail) {
            int k = queue[head++];
            for (int e = backward.rowStart()[k]; e < backward.rowStart()[k + 1]; e++) {
                int i = backward.column()[e];
                if (!ancestor[i] && !removed[liveStates[i]]) {
                    ancestor[i] = true;
                    queue[tail++] = i;
                }
            }
        }
        int s = live[start];
        if (!ancestor[s]) {
            return probability(start, outcome);
        }
        // of those, the states reachable from start without passing a removed state
        int[] index = new int[count];
        Arrays.fill(index, -1);
        int affected = 0;
        head = 0;
        tail = 0;
        queue[tail++] = s;
        index[s] = affected++;
        while (head < tail) {
            int k = queue[head++];
            for (int e = forward.rowStart()[k]; e < forward.rowStart()[k + 1]; e++) {
                int j = forward.column()[e];
                if (ancestor[j] && index[j] < 0) {
                    index[j] = affected++;
                    queue[tail++] = j;
                }
            }
        }
        int[] from = new int[forward.column().length];
        int[] to = new int[forward.column().length];
        double[] p = new double[forward.column().length];
        int edges = 0;
        double[] exit = new double[affected];
        double[] b = new double[affected];
        // Removing states only lowers the probabilities: the solve starts from them, which for most removals are
        // already close (a label's removal effect is mostly small), instead of from 0.
        double[] estimate = new double[affected];
        for (int q = 0; q < affected; q++) {
            int k = queue[q];
            int state = liveStates[k];
            estimate[q] = probability(state, outcome);
            double leaving = matrixExit[k];
            double reached = chain.absorption(state, outcome);
            for (int e = forward.rowStart()[k]; e < forward.rowStart()[k + 1]; e++) {
                int j = forward.column()[e];
                double v = forward.value()[e];
                if (index[j] >= 0) {
                    from[edges] = q;
                    to[edges] = index[j];
                    p[edges] = v;
                    edges++;
                } else {
                    leaving += v;
                    if (!removed[liveStates[j]]) {
                        reached += v * probability(liveStates[j], outcome);
                    }
                }
            }
            exit[q] = leaving;
            b[q] = reached;
        }
        MMatrix restricted = new MMatrix(Csr.of(affected, from, to, p, edges), exit, maxWork, normBound());
        return restricted.solveFrom(b, estimate)[index[s]];
    }

    /**
     * For each of the {@code removals} (sets of states, at most 64), what {@link #without} gives for it: P(absorbed in
     * {@code outcome} from {@code start}) with that set's states removed. Solved together over the live chain
     * ({@link MMatrix#solvePinned}), each removal a column whose removed states are held at 0, the large cycles' sweeps
     * starting from the probabilities before the removal: one pass over a cycle's transitions serves every removal of
     * the call. Each result is within the same error bound as {@link #without}'s, not equal to it to the bit (the
     * cycles are split differently). Safe to call from several threads at once.
     */
    public double[] withoutEach(int start, int outcome, int[][] removals) {
        int columns = removals.length;
        if (columns > 64) {
            throw new IllegalArgumentException("at most 64 removals at once, not " + columns);
        }
        double[] result = new double[columns];
        if (live[start] < 0 || columns == 0) {
            return result;
        }
        int count = liveStates.length;
        long[] pinned = new long[count];
        for (int o = 0; o < columns; o++) {
            for (int state : removals[o]) {
                if (live[state] >= 0) {
                    pinned[live[state]] |= 1L << o;
                }
            }
        }
        double[] b = new double[count * columns];
        double[] estimate = new double[count * columns];
        for (int k = 0; k < count; k++) {
            double reached = chain.absorption(liveStates[k], outcome);
            double before = probability(liveStates[k], outcome);
            for (int o = 0; o < columns; o++) {
                b[k * columns + o] = reached;
                estimate[k * columns + o] = before;
            }
        }
        double[] x = matrix.solvePinned(b, columns, pinned, estimate, normBound(),
                visitsBound(live[start]));
        for (int o = 0; o < columns; o++) {
            result[o] = x[live[start] * columns + o];
        }
        return result;
    }

    /**
     * {@code ‖N‖∞ = max_i t_i} with {@code M t = 1} (N ≥ 0), solved to 1e-12 relative and widened by 1e-9: it bounds
     * the inverse of every system solved by {@link #without}, whose stays are shorter.
     */
    private synchronized double normBound() {
        if (Double.isNaN(normBound)) {
            double[] ones = new double[liveStates.length];
            Arrays.fill(ones, 1);
            double largest = 0;
            for (double t : matrix.solve(ones, 1)) {
                largest = Math.max(largest, t);
            }
            normBound = largest * (1 + 1e-9);
        }
        return normBound;
    }

    /**
     * Per live state, a bound on its expected visits from the live state {@code from}: the row {@code N(from, ·)},
     * solved to 1e-12 of its largest entry per component, each entry raised by 1e-6 of that largest entry (room for
     * that error as it carries from component to component; it loosens the bound below by about a thousandth). The
     * removal solves weigh their residuals by it ({@link MMatrix#solvePinned}): {@code N ≥ 0}, so the error at
     * {@code from} is at most {@code Σ_k N(from, k) |r_k|}, and pinning states only lowers {@code N}.
     */
    private synchronized double[] visitsBound(int from) {
        if (visitsStart != from) {
            double[] row = visitsFrom(from);
            double largest = 0;
            for (double v : row) {
                largest = Math.max(largest, v);
            }
            double margin = largest * 1e-6;
            for (int k = 0; k < row.length; k++) {
                row[k] += margin;
            }
            visits = row;
            visitsStart = from;
        }
        return visits;
    }

    /**
     * The expected visits {@code N(from, ·)} of each live state from the live state {@code from}: one transposed solve.
     */
    private double[] visitsFrom(int from) {
        double[] unit = new double[liveStates.length];
        unit[from] = 1;
        return matrix.solveTransposed(unit, 1);
    }

    /** The live states' transitions reversed, made on first use. */
    private synchronized Csr reversed() {
        if (reversed == null) {
            reversed = matrixGraph.transposed();
        }
        return reversed;
    }

    /** The matrix of the live states: transitions among them, and exits that include transitions to dead states. */
    private MMatrix liveMatrix() {
        int count = liveStates.length;
        int[] rowStart = chain.rowStart();
        int[] column = chain.column();
        double[] probability = chain.probability();
        double[] exit = new double[count];
        int[] start = new int[count + 1];
        int[] col = new int[column.length];
        double[] val = new double[column.length];
        int out = 0;
        for (int k = 0; k < count; k++) {
            int i = liveStates[k];
            double leaving = chain.exit(i);
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int j = column[e];
                if (live[j] >= 0) {
                    col[out] = live[j];
                    val[out] = probability[e];
                    out++;
                } else {
                    leaving += probability[e];
                }
            }
            start[k + 1] = out;
            exit[k] = leaving;
        }
        this.matrixExit = exit;
        this.matrixGraph = new Csr(start, Arrays.copyOf(col, out), Arrays.copyOf(val, out));
        return new MMatrix(matrixGraph, exit, maxWork);
    }

    /** Numbers the states that can reach an exit (reverse breadth-first search from the states with one). */
    private static int[] reachingExit(SparseChain chain) {
        int n = chain.states();
        Csr reversed = chain.transposed();
        boolean[] reaches = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (chain.exit(i) > 0) {
                reaches[i] = true;
                queue[tail++] = i;
            }
        }
        reversed.breadthFirst(queue, tail, reaches);
        int[] live = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            live[i] = reaches[i] ? count++ : -1;
        }
        return live;
    }
}
