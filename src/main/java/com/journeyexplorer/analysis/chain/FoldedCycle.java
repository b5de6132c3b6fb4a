package com.journeyexplorer.analysis.chain;

/**
 * A large cycle as the removal solves sweep it ({@link MMatrix#solvePinned}), its pass-through states folded away.
 * A pass-through state has one transition, to a state of the same cycle, and nothing else leaves it: its value is
 * exactly its successor's ({@code x_i = x_j}), or 0 where a removal holds it at 0. At orders 2 to 4 most states of a
 * clickstream's large cycle are such (a window of pages that one journey took leads on one way only): 56-68 % of them
 * at orders 3 and 4 (BENCHMARKS.md). The sweeps visit only the kept states; a transition into a run of pass-through
 * states leads instead to the kept state at the run's end, and counts for nothing in the columns that hold any state
 * of the run at 0 ({@link #blockedThrough}). After the sweeps each pass-through state takes its run end's value
 * ({@link #passThroughValues}).
 *
 * <p>Nothing is approximated: the folded rows are the cycle's equations with the pass-through states' values
 * substituted, so a kept row's residual is the same in both systems and a pass-through row's is 0. The error bounds of
 * the sweeps hold as they are: a folded row's coefficients still sum to at most its leave probability, and what flows
 * into a run reaches its end, so the weights {@code N(s, k) d_k} of the kept states still bound the folded
 * transitions' ({@link MMatrix#solvePinned}).
 */
final class FoldedCycle {

    /** The kept states, as positions in the cycle's sweep order, in that order. */
    private final int[] kept;
    /** Per position in the sweep order: its index among {@link #kept}, or -1 for a pass-through state. */
    private final int[] keptIndex;
    /** Per pass-through state (position): the next state of its run (position); -1 for the kept states. */
    private final int[] successor;
    /** Per pass-through state (position): the index among {@link #kept} of the state its run ends at. */
    private final int[] runEnd;
    /**
     * The folded transitions among the kept states, by row (index among kept): targets (index among kept),
     * probabilities, and the first pass-through state (position) each went through, or -1 for a direct transition.
     * A row may lead to the same target twice, directly and through a run, or to itself through a run.
     */
    private final int[] rowStart;
    private final int[] target;
    private final double[] probability;
    private final int[] through;

    /**
     * @param inside      the cycle's transitions, its states numbered by their position in the sweep order
     * @param passThrough per position, whether the state passes all that leaves it to its one successor in the
     *                    cycle (one transition in {@code inside}, no exit, nothing to other components)
     */
    FoldedCycle(Csr inside, boolean[] passThrough) {
        int m = inside.rows();
        boolean[] folded = passThrough.clone();
        this.successor = new int[m];
        for (int k = 0; k < m; k++) {
            successor[k] = folded[k] ? inside.column()[inside.rowStart()[k]] : -1;
        }
        // a run that loops back on itself would never leave: only in a singular matrix, which the sweeps then
        // report; the state where the loop closes is kept, so that every run ends at a kept state
        byte[] mark = new byte[m];
        for (int k = 0; k < m; k++) {
            int i = k;
            while (folded[i] && mark[i] == 0) {
                mark[i] = 1;
                i = successor[i];
            }
            boolean loop = folded[i] && mark[i] == 1;
            for (int j = k; folded[j] && mark[j] == 1; j = successor[j]) {
                mark[j] = 2;
            }
            if (loop) {
                folded[i] = false;
                successor[i] = -1;
            }
        }
        this.keptIndex = new int[m];
        int keptCount = 0;
        for (int k = 0; k < m; k++) {
            keptIndex[k] = folded[k] ? -1 : keptCount++;
        }
        this.kept = new int[keptCount];
        for (int k = 0; k < m; k++) {
            if (!folded[k]) {
                kept[keptIndex[k]] = k;
            }
        }
        this.runEnd = new int[m];
        for (int k = 0; k < m; k++) {
            runEnd[k] = folded[k] ? -1 : keptIndex[k];
        }
        for (int k = 0; k < m; k++) {
            endOfRun(k);
        }
        this.rowStart = new int[keptCount + 1];
        int edges = 0;
        for (int r = 0; r < keptCount; r++) {
            edges += inside.rowStart()[kept[r] + 1] - inside.rowStart()[kept[r]];
            rowStart[r + 1] = edges;
        }
        this.target = new int[edges];
        this.probability = new double[edges];
        this.through = new int[edges];
        int out = 0;
        for (int r = 0; r < keptCount; r++) {
            for (int e = inside.rowStart()[kept[r]]; e < inside.rowStart()[kept[r] + 1]; e++) {
                int j = inside.column()[e];
                target[out] = runEnd[j];
                probability[out] = inside.value()[e];
                through[out] = keptIndex[j] >= 0 ? -1 : j;
                out++;
            }
        }
    }

    /** Sets the run end of position k and of the states after it in its run, without recursion. */
    private void endOfRun(int k) {
        int i = k;
        while (runEnd[i] < 0) {
            i = successor[i];
        }
        int end = runEnd[i];
        for (i = k; runEnd[i] < 0; i = successor[i]) {
            runEnd[i] = end;
        }
    }

    /** The number of kept states, which the sweeps visit. */
    int keptCount() {
        return kept.length;
    }

    /** Whether the state at {@code position} in the sweep order is kept (not a pass-through state). */
    boolean isKept(int position) {
        return keptIndex[position] >= 0;
    }

    /** The position in the sweep order of the kept state at {@code index}. */
    int keptPosition(int index) {
        return kept[index];
    }

    int[] rowStart() {
        return rowStart;
    }

    int[] target() {
        return target;
    }

    double[] probability() {
        return probability;
    }

    int[] through() {
        return through;
    }

    /**
     * The folded transitions as one solve sweeps them, by row as {@link #rowStart}: in each row those that count in
     * every column first, then, from {@code blockedFrom[row]}, those through a run held at 0 in some column, with
     * those columns ({@code blocked}, bits).
     */
    record Rows(int[] target, double[] probability, long[] blocked, int[] blockedFrom) {
    }

    /** {@link Rows} for a solve whose runs are blocked as {@code blockedThrough} ({@link #blockedThrough}) says. */
    Rows rows(long[] blockedThrough) {
        int rows = kept.length;
        int[] column = new int[target.length];
        double[] value = new double[target.length];
        long[] blocked = new long[target.length];
        int[] blockedFrom = new int[rows];
        for (int r = 0; r < rows; r++) {
            int out = rowStart[r];
            for (int pass = 0; pass < 2; pass++) {
                if (pass == 1) {
                    blockedFrom[r] = out;
                }
                for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                    long held = through[e] < 0 ? 0 : blockedThrough[through[e]];
                    if ((held != 0) == (pass == 1)) {
                        column[out] = target[e];
                        value[out] = probability[e];
                        blocked[out] = held;
                        out++;
                    }
                }
            }
        }
        return new Rows(column, value, blocked, blockedFrom);
    }

    /**
     * Per position, for the pass-through states: the columns (bits) in which their run, from them to its end
     * (exclusive), holds some state at 0, given each position's held columns in {@code pins}; 0 for kept states.
     * A transition through a run counts for nothing in those columns, and the run's states solve to 0 there.
     */
    long[] blockedThrough(long[] pins) {
        int m = keptIndex.length;
        long[] blocked = new long[m];
        boolean[] done = new boolean[m];
        int[] run = new int[m];
        for (int k = 0; k < m; k++) {
            // the run from k up to its end or to a state already done, then back: each state's columns are its
            // own and those of the rest of its run
            int size = 0;
            int i = k;
            while (keptIndex[i] < 0 && !done[i]) {
                run[size++] = i;
                i = successor[i];
            }
            long rest = keptIndex[i] < 0 ? blocked[i] : 0;
            while (size > 0) {
                int state = run[--size];
                rest |= pins[state];
                blocked[state] = rest;
                done[state] = true;
            }
        }
        return blocked;
    }

    /**
     * Writes the pass-through states' values into x (rows of {@code columns}, by state number {@code members} of
     * each position): their run end's value in {@code y} (rows of the kept states), or 0 in the columns
     * {@code blocked} for them.
     */
    void passThroughValues(double[] y, long[] blocked, int columns, int[] members, double[] x) {
        for (int k = 0; k < keptIndex.length; k++) {
            if (keptIndex[k] >= 0) {
                continue;
            }
            int row = members[k] * columns;
            int end = runEnd[k] * columns;
            for (int o = 0; o < columns; o++) {
                x[row + o] = (blocked[k] >>> o & 1) != 0 ? 0 : y[end + o];
            }
        }
    }
}
