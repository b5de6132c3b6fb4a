package com.journeyexplorer.analysis.chain;

import java.util.Arrays;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;

import com.journeyexplorer.analysis.WorkBudget;

/**
 * The diagonal of the inverse {@code N = M⁻¹} of one strongly connected component's M-matrix {@code M = D - A}, exact,
 * by sparse elimination and selected inversion (ADR 0007):
 * <ol>
 * <li>Grassmann–Taksar–Heyman elimination without pivoting, {@code M = L·P·U} (L unit lower, U unit upper, P the
 * pivots), each pivot the sum of the non-negative probabilities that leave the state in the chain censored to the
 * states not yet eliminated, so that no step subtracts. The states are taken in minimum-degree order on the pattern
 * of {@code A + Aᵀ} (each state eliminated makes its remaining neighbours a clique): the rarely visited pages of a
 * clickstream go first, with little fill, the hub pages last. Once the state of least degree is linked to half the
 * states left, the rest is eliminated densely.</li>
 * <li>Takahashi's recurrences {@code Z = P⁻¹L⁻¹ + (I - U) Z = U⁻¹P⁻¹ + Z (I - L)} evaluated on the filled pattern
 * only, from the last state back to the first: {@code Z_pp = 1/pivot_p + Σ_l a_pl Z_lp}, {@code Z_kp = Σ_l Z_kl b_lp},
 * {@code Z_pk = Σ_l a_pl Z_lk} over the later neighbours l of p, with {@code a_pl = -U_pl} and {@code b_lp = -L_lp}
 * non-negative. The pattern is closed under these recurrences because every step's neighbours form a clique of the
 * filled pattern. Every term is a product of non-negative numbers, so the diagonal keeps the high relative accuracy
 * of the dense GTH elimination however close to 1 the loops are.</li>
 * </ol>
 * Cost: the elimination's updates (the sum over the steps of the squared number of later neighbours, through a hash
 * table), the dense rest's {@code r³}, and the recurrences' scans of the neighbours' patterns; memory 2 doubles and an
 * int per filled entry. On graphs that fill in (random, expander-like chains) these exceed the {@code workLimit} and
 * {@link #of} gives up early, within about that many operations, leaving the diagonal to the iterative column method.
 * Every operation runs in a fixed order, so results are bitwise reproducible.
 */
final class SparseInverseDiagonal {

    /** A hash-table update costs about this many multiply-adds of a dense or scanned loop, for the work count. */
    private static final long HASH_COST = 4;
    /** Beyond this many filled entries the elimination gives up (memory: about 40 bytes each while eliminating). */
    static final int ENTRY_LIMIT = 6_000_000;

    /** The later neighbours of each elimination step, in elimination positions, ascending; {@code a}, {@code b} alike. */
    private final int[][] later;
    private final double[][] a;
    private final double[][] b;
    private final double[] pivot;
    /** The component's state eliminated at each position. */
    private final int[] stateAt;

    private SparseInverseDiagonal(int[][] later, double[][] a, double[][] b, double[] pivot, int[] stateAt) {
        this.later = later;
        this.a = a;
        this.b = b;
        this.pivot = pivot;
        this.stateAt = stateAt;
    }

    /**
     * The diagonal of the inverse of {@code M = diag(out + row sums of inside) - inside}, by local state number; empty
     * when the elimination and the recurrences would take more than {@code workLimit} multiply-adds or
     * {@value #ENTRY_LIMIT} filled entries.
     *
     * @param inside the transitions within the component, local numbers, non-negative, no diagonal
     * @param out    per state, the probability of leaving the component (non-negative; positive for some state)
     */
    static Optional<double[]> of(Csr inside, double[] out, long workLimit) {
        Optional<SparseInverseDiagonal> factors = new Elimination(inside, out, workLimit).run();
        if (factors.isEmpty()) {
            return Optional.empty();
        }
        SparseInverseDiagonal f = factors.get();
        long scans = f.recurrenceWork();
        if (scans > workLimit) {
            return Optional.empty();
        }
        return Optional.of(f.diagonal());
    }

    /** The multiply-adds of {@link #diagonal()}: each step scans the later pattern of each of its later neighbours. */
    private long recurrenceWork() {
        long work = 0;
        for (int[] neighbours : later) {
            for (int k : neighbours) {
                work += later[k].length + 1;
            }
        }
        return work;
    }

    /** Takahashi's recurrences on the filled pattern (class comment), from the last position to the first. */
    private double[] diagonal() {
        int m = pivot.length;
        double[] z = new double[m];
        double[][] upper = new double[m][];
        double[][] lower = new double[m][];
        int[] mark = new int[m];
        Arrays.fill(mark, -1);
        for (int p = m - 1; p >= 0; p--) {
            int[] s = later[p];
            double[] ap = a[p];
            double[] bp = b[p];
            int size = s.length;
            double[] column = new double[size];
            double[] row = new double[size];
            for (int u = 0; u < size; u++) {
                mark[s[u]] = u;
            }
            for (int t = 0; t < size; t++) {
                int k = s[t];
                column[t] += z[k] * bp[t];
                row[t] += ap[t] * z[k];
                int[] pattern = later[k];
                double[] up = upper[k];
                double[] low = lower[k];
                for (int e = 0; e < pattern.length; e++) {
                    int u = mark[pattern[e]];
                    if (u < 0) {
                        continue;
                    }
                    double zkl = up[e];
                    double zlk = low[e];
                    column[t] += zkl * bp[u];
                    column[u] += zlk * bp[t];
                    row[u] += ap[t] * zkl;
                    row[t] += ap[u] * zlk;
                }
            }
            for (int u = 0; u < size; u++) {
                mark[s[u]] = -1;
            }
            double diagonal = 1 / pivot[p];
            for (int t = 0; t < size; t++) {
                diagonal += ap[t] * column[t];
            }
            z[p] = diagonal;
            upper[p] = row;
            lower[p] = column;
            if ((p & 255) == 0) {
                checkBudget();
            }
        }
        double[] byState = new double[m];
        for (int p = 0; p < m; p++) {
            byState[stateAt[p]] = z[p];
        }
        return byState;
    }

    private static void checkBudget() {
        WorkBudget.check();
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("absorbing chain solve interrupted");
        }
    }

    /** The GTH elimination in minimum-degree order, then densely once the rest has filled in. */
    private static final class Elimination {

        private final int m;
        private final double[] out;
        private final long workLimit;
        private final EntryTable entries;
        private final int[][] adjacency;
        private final int[] adjacencySize;
        private final int[] degree;
        private final boolean[] eliminated;
        private final int[] position;
        private final int[] stateAt;
        /** Per step, the later neighbours as states (made positions at the end), and a, b. */
        private final int[][] later;
        private final double[][] a;
        private final double[][] b;
        private final double[] pivot;
        private long work;
        private int steps;

        Elimination(Csr inside, double[] out, long workLimit) {
            this.m = out.length;
            this.out = out.clone();
            this.workLimit = workLimit;
            this.entries = new EntryTable(Math.max(16, 4 * inside.column().length));
            this.adjacency = new int[m][];
            this.adjacencySize = new int[m];
            this.degree = new int[m];
            this.eliminated = new boolean[m];
            this.position = new int[m];
            this.stateAt = new int[m];
            this.later = new int[m][];
            this.a = new double[m][];
            this.b = new double[m][];
            this.pivot = new double[m];
            int[] rowStart = inside.rowStart();
            for (int i = 0; i < m; i++) {
                adjacency[i] = new int[Math.max(4, rowStart[i + 1] - rowStart[i])];
            }
            for (int i = 0; i < m; i++) {
                for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                    int j = inside.column()[e];
                    add(i, j, inside.value()[e]);
                    add(j, i, 0);
                }
            }
        }

        /** Adds v to entry (i, j), creating it (and extending i's pattern) when new. */
        private void add(int i, int j, double v) {
            if (entries.add(i, j, v)) {
                if (adjacencySize[i] == adjacency[i].length) {
                    adjacency[i] = Arrays.copyOf(adjacency[i], adjacency[i].length * 2);
                }
                adjacency[i][adjacencySize[i]++] = j;
                degree[i]++;
            }
        }

        Optional<SparseInverseDiagonal> run() {
            PriorityQueue<Long> queue = new PriorityQueue<>(m);
            for (int i = 0; i < m; i++) {
                queue.add(key(i));
            }
            int[] s = new int[m];
            double[] toP = new double[m];
            double[] fromP = new double[m];
            while (steps < m) {
                long top = queue.poll();
                int p = (int) top;
                if (eliminated[p] || (int) (top >>> 32) != degree[p]) {
                    continue;
                }
                int remaining = m - steps;
                if (2L * degree[p] >= remaining && remaining > 1) {
                    return eliminateDensely() ? Optional.of(factors()) : Optional.empty();
                }
                int size = 0;
                for (int e = 0; e < adjacencySize[p]; e++) {
                    int j = adjacency[p][e];
                    if (!eliminated[j]) {
                        s[size] = j;
                        fromP[size] = entries.get(p, j);
                        toP[size] = entries.get(j, p);
                        size++;
                    }
                }
                work += HASH_COST * size * (long) size;
                if (work > workLimit || entries.size() > ENTRY_LIMIT) {
                    return Optional.empty();
                }
                double leave = out[p];
                for (int t = 0; t < size; t++) {
                    leave += fromP[t];
                }
                if (!(leave > 0)) {
                    throw new IllegalStateException("a cycle of " + m + " states never leaves");
                }
                for (int t = 0; t < size; t++) {
                    int i = s[t];
                    double factor = toP[t] / leave;
                    out[i] += factor * out[p];
                    for (int u = 0; u < size; u++) {
                        if (u != t) {
                            add(i, s[u], factor * fromP[u]);
                        }
                    }
                }
                eliminated[p] = true;
                double[] ap = new double[size];
                double[] bp = new double[size];
                for (int t = 0; t < size; t++) {
                    ap[t] = fromP[t] / leave;
                    bp[t] = toP[t] / leave;
                    degree[s[t]]--;
                    queue.add(key(s[t]));
                }
                record(p, Arrays.copyOf(s, size), ap, bp, leave);
                if ((steps & 255) == 0) {
                    checkBudget();
                }
            }
            return Optional.of(factors());
        }

        private long key(int state) {
            return (long) degree[state] << 32 | state;
        }

        private void record(int state, int[] neighbours, double[] ap, double[] bp, double leave) {
            position[state] = steps;
            stateAt[steps] = state;
            later[steps] = neighbours;
            a[steps] = ap;
            b[steps] = bp;
            pivot[steps] = leave;
            steps++;
        }

        /**
         * The states left, ascending, eliminated as a dense block (the dense GTH elimination of {@link MMatrix});
         * false when its {@code r³/3} multiply-adds would pass the work limit.
         */
        private boolean eliminateDensely() {
            int r = m - steps;
            if (work + (long) r * r * r / 3 > workLimit) {
                return false;
            }
            int[] rest = new int[r];
            int count = 0;
            for (int i = 0; i < m; i++) {
                if (!eliminated[i]) {
                    position[i] = count;
                    rest[count++] = i;
                }
            }
            double[] w = new double[r * r];
            double[] leaving = new double[r];
            for (int x = 0; x < r; x++) {
                int i = rest[x];
                leaving[x] = out[i];
                for (int e = 0; e < adjacencySize[i]; e++) {
                    int j = adjacency[i][e];
                    if (!eliminated[j]) {
                        w[x * r + position[j]] = entries.get(i, j);
                    }
                }
            }
            for (int p = 0; p < r; p++) {
                double leave = leaving[p];
                int rowP = p * r;
                for (int j = p + 1; j < r; j++) {
                    leave += w[rowP + j];
                }
                if (!(leave > 0)) {
                    throw new IllegalStateException("a cycle of " + m + " states never leaves");
                }
                int size = r - p - 1;
                int[] neighbours = new int[size];
                double[] ap = new double[size];
                double[] bp = new double[size];
                for (int i = p + 1; i < r; i++) {
                    int rowI = i * r;
                    double factor = w[rowI + p] / leave;
                    neighbours[i - p - 1] = rest[i];
                    ap[i - p - 1] = w[rowP + i] / leave;
                    bp[i - p - 1] = factor;
                    if (factor == 0) {
                        continue;
                    }
                    for (int j = p + 1; j < r; j++) {
                        if (j != i) {
                            w[rowI + j] += factor * w[rowP + j];
                        }
                    }
                    leaving[i] += factor * leaving[p];
                }
                eliminated[rest[p]] = true;
                record(rest[p], neighbours, ap, bp, leave);
                if ((p & 15) == 0) {
                    checkBudget();
                }
            }
            return true;
        }

        /** The steps' neighbours turned into elimination positions and sorted, with a and b. */
        private SparseInverseDiagonal factors() {
            for (int p = 0; p < m; p++) {
                int[] neighbours = later[p];
                int size = neighbours.length;
                long[] keyed = new long[size];
                for (int t = 0; t < size; t++) {
                    keyed[t] = (long) position[neighbours[t]] << 32 | t;
                }
                Arrays.sort(keyed);
                int[] sorted = new int[size];
                double[] ap = new double[size];
                double[] bp = new double[size];
                for (int t = 0; t < size; t++) {
                    int from = (int) keyed[t];
                    sorted[t] = (int) (keyed[t] >>> 32);
                    ap[t] = a[p][from];
                    bp[t] = b[p][from];
                }
                later[p] = sorted;
                a[p] = ap;
                b[p] = bp;
            }
            return new SparseInverseDiagonal(later, a, b, pivot, stateAt);
        }
    }

    /** Open addressing from (row, column) to a value, for the elimination's filled entries. */
    private static final class EntryTable {

        private long[] keys;
        private double[] values;
        private int size;
        private int mask;

        EntryTable(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2);
            keys = new long[capacity];
            Arrays.fill(keys, -1);
            values = new double[capacity];
            mask = capacity - 1;
        }

        int size() {
            return size;
        }

        double get(int i, int j) {
            long key = (long) i << 32 | j;
            int slot = slot(key);
            while (keys[slot] != -1) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            return 0;
        }

        /** Adds v to entry (i, j); true when the entry is new. */
        boolean add(int i, int j, double v) {
            long key = (long) i << 32 | j;
            int slot = slot(key);
            while (keys[slot] != -1) {
                if (keys[slot] == key) {
                    values[slot] += v;
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = v;
            size++;
            if (2 * size > keys.length) {
                grow();
            }
            return true;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & mask;
        }

        private void grow() {
            long[] oldKeys = keys;
            double[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            values = new double[keys.length];
            mask = keys.length - 1;
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldKeys[s] != -1) {
                    int slot = slot(oldKeys[s]);
                    while (keys[slot] != -1) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[s];
                    values[slot] = oldValues[s];
                }
            }
        }
    }
}
