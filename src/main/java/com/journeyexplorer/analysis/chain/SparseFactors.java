package com.journeyexplorer.analysis.chain;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import com.journeyexplorer.analysis.WorkBudget;

/**
 * Sparse factors of one strongly connected component's M-matrix {@code M = D - A}: from them, exactly, the diagonal
 * of the inverse {@code N = M⁻¹} by selected inversion, and solves of {@code M X = B} and {@code Mᵀ Y = B} by
 * substitution (ADR 0007):
 * <ol>
 * <li>Grassmann–Taksar–Heyman elimination without pivoting, {@code M = L·P·U} (L unit lower, U unit upper, P the
 * pivots), each pivot the sum of the non-negative probabilities that leave the state in the chain censored to the
 * states not yet eliminated, so that no step subtracts. The states are taken in minimum-degree order on the pattern
 * of {@code A + Aᵀ} (each state eliminated makes its remaining neighbours a clique): the rarely visited pages of a
 * clickstream go first, with little fill, the hub pages last. Once the state of least degree is linked to an eighth
 * of the states left, the rest is one dense block, eliminated and inverted whole by {@link DenseInverse} in blocked
 * matrix products (a hash update of the sparse elimination costs some forty times a multiply-add there).</li>
 * <li>Takahashi's recurrences {@code Z = P⁻¹L⁻¹ + (I - U) Z = U⁻¹P⁻¹ + Z (I - L)} evaluated on the filled pattern
 * only, from the last state back to the first: {@code Z_pp = 1/pivot_p + Σ_l a_pl Z_lp}, {@code Z_kp = Σ_l Z_kl b_lp},
 * {@code Z_pk = Σ_l a_pl Z_lk} over the later neighbours l of p, with {@code a_pl = -U_pl} and {@code b_lp = -L_lp}
 * non-negative. The pattern is closed under these recurrences because every step's neighbours form a clique of the
 * filled pattern. Every term is a product of non-negative numbers, so the diagonal keeps the high relative accuracy
 * of the dense GTH elimination however close to 1 the loops are.</li>
 * </ol>
 * Cost: the elimination's updates (the sum over the steps of the squared number of later neighbours, through a hash
 * table, or one scan of a row not much longer than the step's neighbours), the dense rest's {@code r³} (counted as a quarter of that, being vectorized), and the recurrences' scans of
 * the neighbours' patterns; memory 2 doubles and an int per filled entry, and two {@code r × r} matrices. On graphs that fill in (random, expander-like chains) these exceed the {@code workLimit} and
 * {@link #of} gives up early, within about that many operations, leaving the diagonal to the iterative column method.
 * The solves substitute through the same factors: forward through L (each eliminated step's value pushed to its
 * later neighbours, {@code y_l += b_lp y_p}), the dense block's rest by its inverse, then back through U
 * ({@code x_p = y_p / pivot_p + Σ_l a_pl x_l}); the transposed solve likewise with the roles of a and b swapped and
 * the dense inverse transposed. Every term of both is a product of non-negative numbers too, so they keep the
 * factors' accuracy, where an iterative solve stops at a tolerance; they cost the filled pattern plus {@code r²} per
 * column, a fraction of the elimination, which is why a caller that needs the diagonal anyway solves through them.
 * Every operation runs in a fixed order, so results are bitwise reproducible.
 */
final class SparseFactors {

    /** A hash-table update costs about this many multiply-adds of a dense or scanned loop, for the work count. */
    private static final long HASH_COST = 4;
    /**
     * A multiply-add of {@link DenseInverse}'s blocked products costs about a quarter of one of a scanned loop (four
     * to a vector instruction, operands in the cache), for the work count.
     */
    private static final long DENSE_SPEEDUP = 4;
    /** Beyond this many filled entries the elimination gives up (memory: about 40 bytes each while eliminating). */
    static final int ENTRY_LIMIT = 6_000_000;
    /** Beyond this many states the dense block is not tried (memory: two r × r matrices of doubles, 256 MB at 4,000). */
    static final int DENSE_STATE_LIMIT = 4_000;
    /**
     * The rest is one dense block once the state of least degree is linked to an eighth of the states left: on the
     * clickstream of 1,000,000 journeys, 1,417 of 4,880 pages, against 1,364 at a quarter, but about half the hash
     * updates of the sparse elimination, which cost more than the dense block's extra multiply-adds.
     */
    private static final long DENSE_RATIO = 8;
    /**
     * An elimination step updates a row by one scan of it rather than a hash probe per update when the row has at
     * most this many times as many columns as the step has neighbours (the same updates in the same order).
     */
    private static final long SCAN_RATIO = 8;

    /** The later neighbours of each elimination step, in elimination positions, ascending; {@code a}, {@code b} alike. */
    private final int[][] later;
    private final double[][] a;
    private final double[][] b;
    private final double[] pivot;
    /** The component's state eliminated at each position. */
    private final int[] stateAt;
    /** The positions from here on form the dense block, inverted as a whole by {@link DenseInverse}. */
    private final int denseFrom;
    /**
     * The inverse of the dense block of the censored chain (the rest of M once the sparse steps are eliminated), in
     * positions from denseFrom; empty when there is no dense block.
     */
    private final double[][] denseInverse;

    private SparseFactors(int[][] later, double[][] a, double[][] b, double[] pivot, int[] stateAt, int denseFrom,
            double[][] denseInverse) {
        this.later = later;
        this.a = a;
        this.b = b;
        this.pivot = pivot;
        this.stateAt = stateAt;
        this.denseFrom = denseFrom;
        this.denseInverse = denseInverse;
    }

    /**
     * The factors of {@code M = diag(out + row sums of inside) - inside}, the dense block's inverse included; empty
     * when the elimination and the recurrences would take more than {@code workLimit} multiply-adds or
     * {@value #ENTRY_LIMIT} filled entries.
     *
     * @param inside the transitions within the component, local numbers, non-negative, no diagonal
     * @param out    per state, the probability of leaving the component (non-negative; positive for some state)
     */
    static Optional<SparseFactors> of(Csr inside, double[] out, long workLimit) {
        Elimination elimination = new Elimination(inside, out, workLimit);
        if (!elimination.run()) {
            return Optional.empty();
        }
        elimination.sortPatterns();
        if (elimination.recurrenceWork() > workLimit) {
            return Optional.empty();
        }
        return Optional.of(elimination.factors());
    }

    /** The diagonal of {@code M⁻¹} by local state number, or empty as {@link #of} (tests). */
    static Optional<double[]> inverseDiagonalOf(Csr inside, double[] out, long workLimit) {
        return of(inside, out, workLimit).map(SparseFactors::inverseDiagonal);
    }

    /** States in the dense block, inverted whole (tests). */
    int denseStates() {
        return denseInverse.length;
    }

    /** {@code X} with {@code M X = B}; B and X are m × columns, row-major, by local state number. */
    double[] solve(double[] rhs, int columns) {
        return substitute(rhs, columns, b, a, false);
    }

    /** {@code Y} with {@code Mᵀ Y = B}; B and Y are m × columns, row-major, by local state number. */
    double[] solveTransposed(double[] rhs, int columns) {
        return substitute(rhs, columns, a, b, true);
    }

    /**
     * Forward through the sparse steps with {@code forward} (b for M, a for Mᵀ), the dense rest by its inverse
     * (transposed for Mᵀ), back with {@code back}.
     */
    private double[] substitute(double[] rhs, int columns, double[][] forward, double[][] back, boolean transposed) {
        int m = pivot.length;
        double[] y = byPosition(rhs, columns);
        for (int p = 0; p < denseFrom; p++) {
            push(y, p, later[p], forward[p], columns);
        }
        double[] x = new double[m * columns];
        multiplyDense(y, x, columns, transposed);
        for (int p = denseFrom - 1; p >= 0; p--) {
            pull(y, x, p, later[p], back[p], columns);
        }
        return byState(x, columns);
    }

    /** Forward substitution's step p: {@code y_l += factor_l · y_p} for each later neighbour l. */
    private static void push(double[] y, int p, int[] neighbours, double[] factor, int columns) {
        for (int t = 0; t < neighbours.length; t++) {
            double f = factor[t];
            if (f == 0) {
                continue;
            }
            int to = neighbours[t] * columns;
            for (int o = 0; o < columns; o++) {
                y[to + o] += f * y[p * columns + o];
            }
        }
    }

    /** Back substitution's step p: {@code x_p = y_p / pivot_p + Σ_l factor_l · x_l} over the later neighbours. */
    private void pull(double[] y, double[] x, int p, int[] neighbours, double[] factor, int columns) {
        for (int o = 0; o < columns; o++) {
            double sum = y[p * columns + o] / pivot[p];
            for (int t = 0; t < neighbours.length; t++) {
                sum += factor[t] * x[neighbours[t] * columns + o];
            }
            x[p * columns + o] = sum;
        }
    }

    /** The dense block's part: {@code x_D = Z y_D}, or {@code Zᵀ y_D} when transposed, Z its inverse. */
    private void multiplyDense(double[] y, double[] x, int columns, boolean transposed) {
        int r = denseInverse.length;
        int base = denseFrom * columns;
        for (int i = 0; i < r; i++) {
            double[] zi = denseInverse[i];
            if (transposed) {
                // row i of Z spreads y_i over x: x_j += Z_ij y_i
                for (int o = 0; o < columns; o++) {
                    double yi = y[base + i * columns + o];
                    if (yi != 0) {
                        for (int j = 0; j < r; j++) {
                            x[base + j * columns + o] += zi[j] * yi;
                        }
                    }
                }
            } else {
                for (int o = 0; o < columns; o++) {
                    double sum = 0;
                    for (int j = 0; j < r; j++) {
                        sum += zi[j] * y[base + j * columns + o];
                    }
                    x[base + i * columns + o] = sum;
                }
            }
        }
    }

    private double[] byPosition(double[] byState, int columns) {
        double[] result = new double[byState.length];
        for (int p = 0; p < stateAt.length; p++) {
            System.arraycopy(byState, stateAt[p] * columns, result, p * columns, columns);
        }
        return result;
    }

    private double[] byState(double[] byPosition, int columns) {
        double[] result = new double[byPosition.length];
        for (int p = 0; p < stateAt.length; p++) {
            System.arraycopy(byPosition, p * columns, result, stateAt[p] * columns, columns);
        }
        return result;
    }

    /**
     * Takahashi's recurrences on the filled pattern (class comment), from the last position to the first. The dense
     * block's part of Z is its whole inverse ({@link DenseInverse}); a sparse step's part is its column and row on
     * its pattern.
     */
    double[] inverseDiagonal() {
        int m = pivot.length;
        double[][] dense = denseInverse;
        double[] z = new double[m];
        for (int p = denseFrom; p < m; p++) {
            z[p] = dense[p - denseFrom][p - denseFrom];
        }
        double[][] upper = new double[m][];
        double[][] lower = new double[m][];
        int[] mark = new int[m];
        Arrays.fill(mark, -1);
        for (int p = denseFrom - 1; p >= 0; p--) {
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
                if (k >= denseFrom) {
                    // k and every later neighbour of p after it are in the dense block
                    double[] zk = dense[k - denseFrom];
                    for (int u = t + 1; u < size; u++) {
                        int l = s[u];
                        double zkl = zk[l - denseFrom];
                        double zlk = dense[l - denseFrom][k - denseFrom];
                        column[t] += zkl * bp[u];
                        column[u] += zlk * bp[t];
                        row[u] += ap[t] * zkl;
                        row[t] += ap[u] * zlk;
                    }
                    continue;
                }
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
        /** Row i of the censored chain: its transitions to the states it is linked with (in either direction). */
        private final Row[] rows;
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
        private long entries;
        private int steps;
        private int denseFrom;
        private double[][] denseBlock;
        private double[] denseOut;

        Elimination(Csr inside, double[] out, long workLimit) {
            this.m = out.length;
            this.out = out.clone();
            this.workLimit = workLimit;
            this.rows = new Row[m];
            this.degree = new int[m];
            this.eliminated = new boolean[m];
            this.position = new int[m];
            this.stateAt = new int[m];
            this.later = new int[m][];
            this.a = new double[m][];
            this.b = new double[m][];
            this.pivot = new double[m];
            this.denseFrom = m;
            int[] rowStart = inside.rowStart();
            for (int i = 0; i < m; i++) {
                rows[i] = new Row(rowStart[i + 1] - rowStart[i]);
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
            if (rows[i].add(j, v)) {
                degree[i]++;
                entries++;
            }
        }

        /** Eliminates every state; false when it gave up (work or entry limit passed, or the dense rest too large). */
        boolean run() {
            LongHeap queue = new LongHeap(m);
            for (int i = 0; i < m; i++) {
                queue.add(key(i));
            }
            int[] s = new int[m];
            double[] toP = new double[m];
            double[] fromP = new double[m];
            int[] mark = new int[m];
            Arrays.fill(mark, -1);
            boolean[] found = new boolean[m];
            while (steps < m) {
                long top = queue.poll();
                int p = (int) top;
                if (eliminated[p] || (int) (top >>> 32) != degree[p]) {
                    continue;
                }
                int remaining = m - steps;
                if (DENSE_RATIO * degree[p] >= remaining && remaining > 1) {
                    return eliminateDensely();
                }
                Row row = rows[p];
                int size = 0;
                for (int e = 0; e < row.size; e++) {
                    int j = row.column[e];
                    if (!eliminated[j]) {
                        s[size] = j;
                        fromP[size] = row.value[e];
                        toP[size] = rows[j].get(p);
                        size++;
                    }
                }
                work += HASH_COST * size * (long) size;
                if (work > workLimit || entries > ENTRY_LIMIT) {
                    return false;
                }
                double leave = out[p];
                for (int t = 0; t < size; t++) {
                    leave += fromP[t];
                }
                if (!(leave > 0)) {
                    throw new IllegalStateException("a cycle of " + m + " states never leaves");
                }
                for (int u = 0; u < size; u++) {
                    mark[s[u]] = u;
                }
                for (int t = 0; t < size; t++) {
                    int i = s[t];
                    double factor = toP[t] / leave;
                    out[i] += factor * out[p];
                    Row target = rows[i];
                    if (target.size <= SCAN_RATIO * size) {
                        int added = target.addScanning(s, size, t, factor, fromP, mark, found);
                        degree[i] += added;
                        entries += added;
                        continue;
                    }
                    for (int u = 0; u < size; u++) {
                        if (u != t) {
                            add(i, s[u], factor * fromP[u]);
                        }
                    }
                }
                for (int u = 0; u < size; u++) {
                    mark[s[u]] = -1;
                }
                eliminated[p] = true;
                rows[p] = null;
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
            return true;
        }

        /**
         * After {@link #sortPatterns}: the multiply-adds of {@link #inverseDiagonal()}: a sparse step scans the
         * later pattern of each of its later neighbours eliminated sparsely, and pairs up those in the dense block;
         * the dense block's inverse takes {@code 2r³/3} beyond its elimination (counted when the elimination chose
         * it).
         */
        long recurrenceWork() {
            long work = 0;
            for (int p = 0; p < denseFrom; p++) {
                int[] neighbours = later[p];
                for (int t = 0; t < neighbours.length; t++) {
                    int k = neighbours[t];
                    work += 1 + (k < denseFrom ? later[k].length : neighbours.length - t);
                }
            }
            long r = m - denseFrom;
            return work + 2 * r * r * r / 3 / DENSE_SPEEDUP;
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
         * The states left, ascending, taken as one dense block, to be inverted whole by {@link DenseInverse}; false
         * when its {@code r³} multiply-adds (elimination and inverse) would pass the work limit, or its memory
         * {@value #DENSE_STATE_LIMIT} states.
         */
        private boolean eliminateDensely() {
            int r = m - steps;
            if (r > DENSE_STATE_LIMIT || work + (long) r * r * r / DENSE_SPEEDUP > workLimit) {
                return false;
            }
            denseFrom = steps;
            int[] rest = new int[r];
            int count = 0;
            for (int i = 0; i < m; i++) {
                if (!eliminated[i]) {
                    position[i] = count;
                    rest[count++] = i;
                }
            }
            double[][] w = new double[r][r];
            double[] leaving = new double[r];
            for (int x = 0; x < r; x++) {
                int i = rest[x];
                leaving[x] = out[i];
                Row row = rows[i];
                double[] wx = w[x];
                for (int e = 0; e < row.size; e++) {
                    int j = row.column[e];
                    if (!eliminated[j]) {
                        wx[position[j]] = row.value[e];
                    }
                }
                rows[i] = null;
            }
            for (int x = 0; x < r; x++) {
                eliminated[rest[x]] = true;
                position[rest[x]] = steps;
                stateAt[steps] = rest[x];
                steps++;
            }
            denseBlock = w;
            denseOut = leaving;
            return true;
        }

        /** After {@link #run}: the steps' neighbours turned into elimination positions and sorted, with a and b. */
        void sortPatterns() {
            for (int p = 0; p < denseFrom; p++) {
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
        }

        /** After {@link #sortPatterns}: the factors, the dense block inverted. */
        SparseFactors factors() {
            double[][] denseInverse = denseFrom < m ? DenseInverse.of(denseBlock, denseOut) : new double[0][];
            denseBlock = null;
            return new SparseFactors(later, a, b, pivot, stateAt, denseFrom, denseInverse);
        }
    }

    /**
     * One row of the censored chain: the columns in the order they were linked, their values, and an open-addressing
     * index from a column to its place, so that an update touches only this row's few cache lines. Each slot of the
     * index holds the column with its place, so that a probe reads one array, not the index and then the columns.
     */
    private static final class Row {

        int[] column;
        double[] value;
        int size;
        /** The column hashed there in the high half, its place + 1 in the low half; 0 when free. */
        private long[] index;
        private int mask;

        Row(int expected) {
            int capacity = Math.max(4, expected);
            column = new int[capacity];
            value = new double[capacity];
            index = new long[Integer.highestOneBit(capacity) * 4];
            mask = index.length - 1;
        }

        double get(int j) {
            int slot = slot(j);
            long entry;
            while ((entry = index[slot]) != 0) {
                if ((int) (entry >>> 32) == j) {
                    return value[(int) entry - 1];
                }
                slot = (slot + 1) & mask;
            }
            return 0;
        }

        /** Adds v to column j; true when j is new to the row. */
        boolean add(int j, double v) {
            int slot = slot(j);
            long entry;
            while ((entry = index[slot]) != 0) {
                if ((int) (entry >>> 32) == j) {
                    value[(int) entry - 1] += v;
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            append(slot, j, v);
            return true;
        }

        /**
         * Adds {@code factor · fromP[u]} to column {@code s[u]} for every {@code u < size} but {@code skip}, as
         * {@link #add} of each in the order of u would: the columns already in the row found by one scan of it
         * ({@code mark[column]} is u for the columns of s, else -1), the new ones appended in the order of u. On a
         * row of not many more columns than s, a sequential scan costs less than a hash probe per column. Returns
         * how many columns were new; {@code found} is all false before and after.
         */
        int addScanning(int[] s, int size, int skip, double factor, double[] fromP, int[] mark, boolean[] found) {
            for (int e = 0; e < this.size; e++) {
                int u = mark[column[e]];
                if (u >= 0 && u != skip) {
                    found[u] = true;
                    value[e] += factor * fromP[u];
                }
            }
            int added = 0;
            for (int u = 0; u < size; u++) {
                if (found[u]) {
                    found[u] = false;
                } else if (u != skip) {
                    int j = s[u];
                    int slot = slot(j);
                    while (index[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    append(slot, j, factor * fromP[u]);
                    added++;
                }
            }
            return added;
        }

        /** Appends column j, absent from the row, with value v, its index entry at the free {@code slot}. */
        private void append(int slot, int j, double v) {
            if (size == column.length) {
                column = Arrays.copyOf(column, size * 2);
                value = Arrays.copyOf(value, size * 2);
            }
            column[size] = j;
            value[size] = v;
            size++;
            index[slot] = (long) j << 32 | size;
            if (2 * size > index.length) {
                rehash();
            }
        }

        private int slot(int j) {
            int h = j * 0x9E3779B9;
            return (h ^ h >>> 16) & mask;
        }

        private void rehash() {
            index = new long[index.length * 2];
            mask = index.length - 1;
            for (int place = 0; place < size; place++) {
                int slot = slot(column[place]);
                while (index[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                index[slot] = (long) column[place] << 32 | (place + 1);
            }
        }
    }

    /** A binary min-heap of longs: the elimination's queue of (degree, state) keys, without boxing. */
    private static final class LongHeap {

        private long[] keys;
        private int size;

        LongHeap(int capacity) {
            keys = new long[Math.max(1, capacity)];
        }

        void add(long key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                long above = keys[parent];
                if (above <= key) {
                    break;
                }
                keys[i] = above;
                i = parent;
            }
            keys[i] = key;
        }

        /** Removes and returns the least key; the heap must not be empty. */
        long poll() {
            long least = keys[0];
            long last = keys[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                long smaller = keys[child];
                if (child + 1 < size && keys[child + 1] < smaller) {
                    smaller = keys[++child];
                }
                if (last <= smaller) {
                    break;
                }
                keys[i] = smaller;
                i = child;
            }
            keys[i] = last;
            return least;
        }
    }
}
