package com.journeyexplorer.analysis.chain;

import java.util.Arrays;

/**
 * A large cycle as the removal solves sweep it ({@link MMatrix#solvePinned}), with two kinds of states folded away.
 * <ul>
 * <li>A pass-through state has one transition, to a state of the same cycle, and nothing else leaves it: its value
 * is exactly its successor's ({@code x_i = x_j}), or 0 where a removal holds it at 0. At orders 2 to 4 most states of
 * a clickstream's large cycle are such (a window of pages that one journey took leads on one way only): 56-68 % of
 * them at orders 3 and 4 (BENCHMARKS.md). A transition into a run of pass-through states leads instead to the kept
 * state at the run's end, and counts for nothing in the columns that hold any state of the run at 0
 * ({@link #blockedThrough}); after the sweeps each takes its run end's value ({@link #passThroughValues}).</li>
 * <li>A single-entry state t is a kept state with one folded transition into it, from a state h: its equation
 * {@code x_t = (b_t + Σ_f p_f x_f) / d_t} is substituted into h's, whose row then reads t's transitions scaled by
 * {@code p_ht / d_t} and whose right-hand side gains {@code p_ht b_t / d_t}, in the columns where neither t is held
 * nor the run into it blocked; after the sweeps t's value follows from its successors' ({@link
 * #singleEntryValues}). 29-35 % of the kept states at orders 3 and 4. Only those whose source and successors are
 * not single-entry states themselves, so that each substitution is one step.</li>
 * </ul>
 *
 * <p>Nothing is approximated: the folded rows are the cycle's equations with the folded states' values substituted,
 * so a row's residual is the same in both systems and a folded state's is 0. The error bounds of the sweeps hold as
 * they are: a folded row's coefficients still sum to at most its leave probability (every term is a product of
 * non-negative probabilities), and what flows into a folded state reaches its successors, so the weights
 * {@code N(s, k) d_k} of the rows still bound the folded transitions' ({@link MMatrix#solvePinned}).
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
    /** Per position, the state's leave probability {@code d}. */
    private final double[] leave;
    /** Per kept state (index among kept): the folded transition into it if it is a single-entry state, else -1. */
    private final int[] entryEdge;
    /** Per kept state: its row in the sweeps, or -1 for a single-entry state. */
    private final int[] rowIndex;
    /** Per row of the sweeps: its index among kept. */
    private final int[] rowKept;
    /** Per kept state: for a single-entry state the row it is substituted into, else -1. */
    private final int[] absorbedInto;
    /**
     * The transitions the sweeps read, by row: targets (rows), probabilities, the run each went through last
     * (position, or -1), and for those through a single-entry state that state (position) and the run into it, else
     * -1.
     */
    private final int[] sweptStart;
    private final int[] sweptTarget;
    private final double[] sweptProbability;
    private final int[] sweptThrough;
    private final int[] sweptEntry;
    private final int[] sweptEntryThrough;

    /**
     * @param inside      the cycle's transitions, its states numbered by their position in the sweep order
     * @param passThrough per position, whether the state passes all that leaves it to its one successor in the
     *                    cycle (one transition in {@code inside}, no exit, nothing to other components)
     */
    FoldedCycle(Csr inside, boolean[] passThrough, double[] leave) {
        this.leave = leave;
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
        // the pass-through states first: each transition into a run leads to the kept state at its end
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
        // then the single-entry states, substituted into the rows of the states that lead to them
        this.entryEdge = singleEntries();
        this.rowIndex = new int[keptCount];
        int rows = 0;
        for (int r = 0; r < keptCount; r++) {
            rowIndex[r] = entryEdge[r] < 0 ? rows++ : -1;
        }
        this.rowKept = new int[rows];
        this.absorbedInto = new int[keptCount];
        Arrays.fill(absorbedInto, -1);
        int sweptEdges = 0;
        for (int r = 0; r < keptCount; r++) {
            if (rowIndex[r] < 0) {
                continue;
            }
            rowKept[rowIndex[r]] = r;
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                int t = target[e];
                sweptEdges += entryEdge[t] < 0 ? 1 : rowStart[t + 1] - rowStart[t];
            }
        }
        this.sweptStart = new int[rows + 1];
        this.sweptTarget = new int[sweptEdges];
        this.sweptProbability = new double[sweptEdges];
        this.sweptThrough = new int[sweptEdges];
        this.sweptEntry = new int[sweptEdges];
        this.sweptEntryThrough = new int[sweptEdges];
        out = 0;
        for (int row = 0; row < rows; row++) {
            int r = rowKept[row];
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                int t = target[e];
                if (entryEdge[t] < 0) {
                    addSwept(out++, rowIndex[t], probability[e], through[e], -1, -1);
                } else {
                    // the single-entry state t, x_t = (b_t + Σ_f p_f x_f) / d_t, substituted: its one entry
                    absorbedInto[t] = row;
                    double stay = leave[kept[t]];
                    for (int f = rowStart[t]; f < rowStart[t + 1]; f++) {
                        addSwept(out++, rowIndex[target[f]], probability[e] * probability[f] / stay, through[f],
                                kept[t], through[e]);
                    }
                }
            }
            sweptStart[row + 1] = out;
        }
    }

    private void addSwept(int e, int row, double p, int viaRun, int entry, int entryRun) {
        sweptTarget[e] = row;
        sweptProbability[e] = p;
        sweptThrough[e] = viaRun;
        sweptEntry[e] = entry;
        sweptEntryThrough[e] = entryRun;
    }

    /**
     * Per kept state (index among kept): the one folded transition into it (its index) where it is folded away as a
     * single-entry state, else -1. A kept state is one when exactly one folded transition leads to it, from another
     * state, that state is not one, and none of the states it leads to is one (so that each substitution is one step).
     */
    private int[] singleEntries() {
        int keptCount = kept.length;
        int[] entries = new int[keptCount];
        int[] source = new int[keptCount];
        int[] onlyEdge = new int[keptCount];
        for (int r = 0; r < keptCount; r++) {
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                entries[target[e]]++;
                source[target[e]] = r;
                onlyEdge[target[e]] = e;
            }
        }
        int[] entryEdge = new int[keptCount];
        Arrays.fill(entryEdge, -1);
        for (int r = 0; r < keptCount; r++) {
            if (entries[r] != 1 || source[r] == r || entryEdge[source[r]] >= 0) {
                continue;
            }
            boolean leadsToOne = false;
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                leadsToOne |= entryEdge[target[e]] >= 0;
            }
            if (!leadsToOne) {
                entryEdge[r] = onlyEdge[r];
            }
        }
        return entryEdge;
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

    /** The number of rows the sweeps visit: the kept states but the single-entry ones. */
    int rowCount() {
        return rowKept.length;
    }

    /** The position in the sweep order of the state at {@code row} of the sweeps. */
    int rowPosition(int row) {
        return kept[rowKept[row]];
    }

    /** Whether the state at {@code position} in the sweep order is a pass-through state. */
    boolean passesThrough(int position) {
        return keptIndex[position] < 0;
    }

    /** The rows' transitions as the sweeps read them, before blocking ({@link #rows} arranges them per solve). */
    int[] sweptStart() {
        return sweptStart;
    }

    int[] sweptTarget() {
        return sweptTarget;
    }

    double[] sweptProbability() {
        return sweptProbability;
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
     * The folded transitions as one solve sweeps them, by row as {@link #sweptStart}: in each row those that count in
     * every column first, then, from {@code blockedFrom[row]}, those through a run held at 0 in some column, with
     * those columns ({@code blocked}, bits).
     */
    record Rows(int[] target, double[] probability, long[] blocked, int[] blockedFrom) {
    }

    /**
     * {@link Rows} for a solve whose runs are blocked as {@code blockedThrough} ({@link #blockedThrough}) says and
     * whose states are held at 0 in the columns {@code pins} (per position): a transition through a single-entry
     * state is blocked where that state is held, or the run into it is blocked.
     */
    Rows rows(long[] blockedThrough, long[] pins) {
        int rows = rowKept.length;
        int[] column = new int[sweptTarget.length];
        double[] value = new double[sweptTarget.length];
        long[] blocked = new long[sweptTarget.length];
        int[] blockedFrom = new int[rows];
        for (int r = 0; r < rows; r++) {
            int out = sweptStart[r];
            for (int pass = 0; pass < 2; pass++) {
                if (pass == 1) {
                    blockedFrom[r] = out;
                }
                for (int e = sweptStart[r]; e < sweptStart[r + 1]; e++) {
                    long held = blockedBy(sweptThrough[e], blockedThrough);
                    if (sweptEntry[e] >= 0) {
                        held |= pins[sweptEntry[e]] | blockedBy(sweptEntryThrough[e], blockedThrough);
                    }
                    if ((held != 0) == (pass == 1)) {
                        column[out] = sweptTarget[e];
                        value[out] = sweptProbability[e];
                        blocked[out] = held;
                        out++;
                    }
                }
            }
        }
        return new Rows(column, value, blocked, blockedFrom);
    }

    private static long blockedBy(int run, long[] blockedThrough) {
        return run < 0 ? 0 : blockedThrough[run];
    }

    /**
     * Adds to the right-hand sides {@code bl} of the rows (rows of {@code columns}) those of the single-entry states
     * substituted into them, {@code p · b_t / d_t}, in the columns where the transition into them counts; {@code rhs}
     * holds every state's, by state number {@code members} of each position.
     */
    void addSubstitutedRightHandSides(double[] bl, double[] rhs, int columns, int[] members, long[] blockedThrough,
            long[] pins) {
        for (int t = 0; t < kept.length; t++) {
            int e = entryEdge[t];
            if (e < 0) {
                continue;
            }
            int position = kept[t];
            long held = pins[position] | blockedBy(through[e], blockedThrough);
            double factor = probability[e] / leave[position];
            int row = absorbedInto[t] * columns;
            int state = members[position] * columns;
            for (int o = 0; o < columns; o++) {
                if ((held >>> o & 1) == 0) {
                    bl[row + o] += factor * rhs[state + o];
                }
            }
        }
    }

    /**
     * Writes the single-entry states' values into x (rows of {@code columns}, by state number), once the rows' are
     * there: {@code x_t = (b_t + Σ_f p_f x_f) / d_t} over its transitions that count in the column, 0 where it is held.
     */
    void singleEntryValues(double[] rhs, double[] x, int columns, int[] members, long[] blockedThrough,
            long[] pins) {
        for (int t = 0; t < kept.length; t++) {
            if (entryEdge[t] < 0) {
                continue;
            }
            int position = kept[t];
            int state = members[position] * columns;
            for (int o = 0; o < columns; o++) {
                if ((pins[position] >>> o & 1) != 0) {
                    x[state + o] = 0;
                    continue;
                }
                double sum = rhs[state + o];
                for (int f = rowStart[t]; f < rowStart[t + 1]; f++) {
                    if ((blockedBy(through[f], blockedThrough) >>> o & 1) == 0) {
                        sum += probability[f] * x[members[kept[target[f]]] * columns + o];
                    }
                }
                x[state + o] = sum / leave[position];
            }
        }
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
     * each position), once every kept state's is there: their run end's value, or 0 in the columns {@code blocked}
     * for them.
     */
    void passThroughValues(double[] x, long[] blocked, int columns, int[] members) {
        for (int k = 0; k < keptIndex.length; k++) {
            if (keptIndex[k] >= 0) {
                continue;
            }
            int row = members[k] * columns;
            int end = members[kept[runEnd[k]]] * columns;
            for (int o = 0; o < columns; o++) {
                x[row + o] = (blocked[k] >>> o & 1) != 0 ? 0 : x[end + o];
            }
        }
    }
}
