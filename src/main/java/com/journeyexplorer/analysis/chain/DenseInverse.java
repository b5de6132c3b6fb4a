package com.journeyexplorer.analysis.chain;

import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import com.journeyexplorer.analysis.WorkBudget;

/**
 * The whole inverse {@code Z = S⁻¹} of a dense M-matrix {@code S = diag(out + row sums of W) - W} (W the transitions
 * between distinct states, non-negative; its diagonal is ignored), as {@link SparseFactors} needs it for the
 * dense block of hub pages that remains after its sparse elimination (ADR 0007). Both steps work on blocks of
 * {@value #BLOCK} states, so that nearly every multiply-add is in a matrix product whose operands stay in the cache:
 * <ol>
 * <li>Grassmann–Taksar–Heyman elimination without pivoting, {@code S = L·P·U}, right-looking by blocks: the block's
 * own rows and columns step by step (each pivot the sum of the probabilities that leave the state in the chain
 * censored to the states not yet eliminated, so that no step subtracts), then the rest of the matrix in one product
 * {@code W_TT += B_TI · W_IT};</li>
 * <li>the inverse from the last block back to the first, with {@code A = I - U ≥ 0}, {@code B = I - L ≥ 0} and the
 * block's own triangular inverses {@code X = (I - A_II)⁻¹}, {@code Y = (I - B_II)⁻¹} (non-negative):
 * {@code Z_IT = X · A_IT · Z_TT}, {@code Z_TI = Z_TT · B_TI · Y}, {@code Z_II = X · (P_I⁻¹ · Y + A_IT · Z_TI)}: the
 * blocked form of Takahashi's recurrences.</li>
 * </ol>
 * Every term is a sum of products of non-negative numbers: the inverse keeps the high relative accuracy of the GTH
 * elimination however close to 1 the loops are. Cost {@code r³/3} multiply-adds for the elimination and
 * {@code 2r³/3} for the inverse; the products are split between two processors by rows or columns of their result,
 * each entry computed by one of them in a fixed order, so that the result is bitwise the same however they are shared.
 */
final class DenseInverse {

    /** States per block: the block's rows of W and its products' tiles stay within the second-level cache. */
    static final int BLOCK = 64;
    /** Columns of a product's tile. */
    private static final int TILE_COLUMNS = 512;
    /** Products of fewer multiply-adds run on the calling thread alone. */
    private static final long PARALLEL_WORK = 1L << 21;

    private DenseInverse() {
    }

    /**
     * The inverse of {@code S = diag(out + Σ_j w_ij) - W}, as rows. W and out are overwritten with the factors.
     *
     * @throws IllegalStateException when a set of states never leaves (S singular)
     */
    static double[][] of(double[][] w, double[] out) {
        int r = out.length;
        double[] pivot = new double[r];
        eliminate(w, out, pivot);
        return invert(w, pivot);
    }

    /**
     * GTH elimination by blocks, in place: afterwards {@code w[i][p]} for {@code i > p} is {@code b_ip} (the
     * multiplier, transitions from i to p over p's pivot), {@code w[p][j]} for {@code j > p} is {@code a_pj}.
     */
    private static void eliminate(double[][] w, double[] out, double[] pivot) {
        int r = out.length;
        for (int k0 = 0; k0 < r; k0 += BLOCK) {
            int k1 = Math.min(k0 + BLOCK, r);
            for (int p = k0; p < k1; p++) {
                double[] wp = w[p];
                double leave = out[p];
                for (int j = p + 1; j < r; j++) {
                    leave += wp[j];
                }
                if (!(leave > 0)) {
                    throw new IllegalStateException("a cycle of " + r + " states never leaves");
                }
                pivot[p] = leave;
                for (int i = p + 1; i < r; i++) {
                    double[] wi = w[i];
                    double factor = wi[p] / leave;
                    wi[p] = factor;
                    if (factor == 0) {
                        continue;
                    }
                    out[i] += factor * out[p];
                    // the block's rows in full (their pivots need them), the other rows within the block's columns;
                    // the update of the diagonal entry w[i][i] is harmless: it is never read
                    int end = i < k1 ? r : k1;
                    for (int j = p + 1; j < end; j++) {
                        wi[j] += factor * wp[j];
                    }
                }
            }
            int rest = r - k1;
            if (rest > 0) {
                multiplyAdd(w, k1, k1, w, k1, k0, w, k0, k1, rest, k1 - k0, rest);
            }
            for (int p = k0; p < k1; p++) {
                double[] wp = w[p];
                double leave = pivot[p];
                for (int j = p + 1; j < r; j++) {
                    wp[j] /= leave;
                }
            }
            checkBudget();
        }
    }

    /** The blocked Takahashi recurrences of the class comment, from the last block back to the first. */
    private static double[][] invert(double[][] w, double[] pivot) {
        int r = pivot.length;
        double[][] z = new double[r][r];
        int lastStart = (r - 1) / BLOCK * BLOCK;
        for (int k0 = lastStart; k0 >= 0; k0 -= BLOCK) {
            int k1 = Math.min(k0 + BLOCK, r);
            int size = k1 - k0;
            int rest = r - k1;
            double[][] x = upperInverse(w, k0, size);
            double[][] y = lowerInverse(w, k0, size);
            // E = P_I⁻¹ Y (+ A_IT Z_TI below)
            double[][] e = new double[size][size];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j <= i; j++) {
                    e[i][j] = y[i][j] / pivot[k0 + i];
                }
            }
            if (rest > 0) {
                // Z_IT = X (A_IT Z_TT)
                double[][] g = new double[size][rest];
                multiplyAdd(g, 0, 0, w, k0, k1, z, k1, k1, size, rest, rest);
                multiplyAdd(z, k0, k1, x, 0, 0, g, 0, 0, size, size, rest);
                // Z_TI = (Z_TT B_TI) Y
                double[][] h = new double[rest][size];
                multiplyAdd(h, 0, 0, z, k1, k1, w, k1, k0, rest, rest, size);
                multiplyAdd(z, k1, k0, h, 0, 0, y, 0, 0, rest, size, size);
                multiplyAdd(e, 0, 0, w, k0, k1, z, k1, k0, size, rest, size);
            }
            // Z_II = X E
            multiplyAdd(z, k0, k0, x, 0, 0, e, 0, 0, size, size, size);
            checkBudget();
        }
        return z;
    }

    /** {@code (I - A_II)⁻¹} of the block at k0: unit upper triangular, rows from the last up. */
    private static double[][] upperInverse(double[][] w, int k0, int size) {
        double[][] x = new double[size][size];
        for (int i = size - 1; i >= 0; i--) {
            double[] xi = x[i];
            double[] wi = w[k0 + i];
            xi[i] = 1;
            for (int m = i + 1; m < size; m++) {
                double a = wi[k0 + m];
                if (a != 0) {
                    double[] xm = x[m];
                    for (int j = m; j < size; j++) {
                        xi[j] += a * xm[j];
                    }
                }
            }
        }
        return x;
    }

    /** {@code (I - B_II)⁻¹} of the block at k0: unit lower triangular, rows from the first down. */
    private static double[][] lowerInverse(double[][] w, int k0, int size) {
        double[][] y = new double[size][size];
        for (int i = 0; i < size; i++) {
            double[] yi = y[i];
            double[] wi = w[k0 + i];
            for (int m = 0; m < i; m++) {
                double b = wi[k0 + m];
                if (b != 0) {
                    double[] ym = y[m];
                    for (int j = 0; j <= m; j++) {
                        yi[j] += b * ym[j];
                    }
                }
            }
            yi[i] = 1;
        }
        return y;
    }

    /**
     * {@code C += A · B} on sub-blocks: {@code c[ci + i][cj + j] += Σ_k a[ai + i][ak + k] · b[bk + k][bj + j]} for
     * {@code i < rows, k < depth, j < columns}. The result's rows (or, when they are few, its columns) are split
     * between two processors when the product is large; each entry sums its terms in the same order either way.
     * The regions read must not overlap the region written.
     */
    static void multiplyAdd(double[][] c, int ci, int cj, double[][] a, int ai, int ak, double[][] b, int bk, int bj,
            int rows, int depth, int columns) {
        if ((long) rows * depth * columns < PARALLEL_WORK) {
            multiplyAddTiles(c, ci, cj, a, ai, ak, b, bk, bj, rows, depth, columns);
            return;
        }
        if (rows >= columns) {
            int half = rows / 2;
            IntStream.range(0, 2).parallel().forEach(part -> {
                int from = part == 0 ? 0 : half;
                int count = part == 0 ? half : rows - half;
                multiplyAddTiles(c, ci + from, cj, a, ai + from, ak, b, bk, bj, count, depth, columns);
            });
        } else {
            int half = columns / 2;
            IntStream.range(0, 2).parallel().forEach(part -> {
                int from = part == 0 ? 0 : half;
                int count = part == 0 ? half : columns - half;
                multiplyAddTiles(c, ci, cj + from, a, ai, ak, b, bk, bj + from, rows, depth, count);
            });
        }
    }

    /**
     * The product in tiles of {@value #TILE_COLUMNS} columns and {@value #BLOCK} terms. The tile of B and each result
     * row's segment are copied to buffers indexed from 0, so that every array in the inner loop is read at the same
     * index: only then do the loops over j compile to vector instructions (with the operands at different offsets,
     * as in the matrices themselves, they stay scalar). Each segment takes four rows of B at a time (one load and
     * store of the result per four multiply-adds), and two result rows are computed together, so that each value of
     * B loaded serves both (the loop is bound by loads: about a quarter less time for the whole inverse). Groups of
     * four zero terms are skipped, in each row by its own terms. The terms of an entry are
     * summed in the order of k, in groups of four, whatever the split of rows or columns; the copies move values, not
     * sums, so the result is the same to the bit as without them.
     */
    private static void multiplyAddTiles(double[][] c, int ci, int cj, double[][] a, int ai, int ak, double[][] b,
            int bk, int bj, int rows, int depth, int columns) {
        double[][] tile = new double[BLOCK][Math.min(TILE_COLUMNS, columns)];
        double[] segment = new double[Math.min(TILE_COLUMNS, columns)];
        double[] nextSegment = new double[Math.min(TILE_COLUMNS, columns)];
        for (int j0 = 0; j0 < columns; j0 += TILE_COLUMNS) {
            int width = Math.min(TILE_COLUMNS, columns - j0);
            for (int k0 = 0; k0 < depth; k0 += BLOCK) {
                int kEnd = Math.min(k0 + BLOCK, depth);
                for (int k = k0; k < kEnd; k++) {
                    System.arraycopy(b[bk + k], bj + j0, tile[k - k0], 0, width);
                }
                int i = 0;
                for (; i + 2 <= rows; i += 2) {
                    double[] aRow = a[ai + i];
                    double[] aNext = a[ai + i + 1];
                    boolean zero = allZero(aRow, ak + k0, ak + kEnd);
                    boolean nextZero = allZero(aNext, ak + k0, ak + kEnd);
                    if (zero || nextZero) {
                        if (!zero) {
                            multiplyAddRow(c[ci + i], cj + j0, segment, width, aRow, ak + k0, kEnd - k0, tile);
                        }
                        if (!nextZero) {
                            multiplyAddRow(c[ci + i + 1], cj + j0, segment, width, aNext, ak + k0, kEnd - k0,
                                    tile);
                        }
                        continue;
                    }
                    double[] cRow = c[ci + i];
                    double[] cNext = c[ci + i + 1];
                    System.arraycopy(cRow, cj + j0, segment, 0, width);
                    System.arraycopy(cNext, cj + j0, nextSegment, 0, width);
                    multiplyAddSegments(segment, nextSegment, width, aRow, aNext, ak + k0, kEnd - k0, tile);
                    System.arraycopy(segment, 0, cRow, cj + j0, width);
                    System.arraycopy(nextSegment, 0, cNext, cj + j0, width);
                }
                if (i < rows && !allZero(a[ai + i], ak + k0, ak + kEnd)) {
                    multiplyAddRow(c[ci + i], cj + j0, segment, width, a[ai + i], ak + k0, kEnd - k0, tile);
                }
            }
        }
    }

    /** Row {@code cRow} of the result, from {@code cj}, through the buffer {@code segment}: one row's product. */
    private static void multiplyAddRow(double[] cRow, int cj, double[] segment, int width, double[] aRow, int from,
            int depth, double[][] tile) {
        System.arraycopy(cRow, cj, segment, 0, width);
        multiplyAddSegment(segment, width, aRow, from, depth, tile);
        System.arraycopy(segment, 0, cRow, cj, width);
    }

    /**
     * Two rows' {@link #multiplyAddSegment} at once, each entry's terms added in the same order as there: each value
     * of the tile loaded serves both rows. A group of four terms that is zero in one row only is left out of that
     * row alone, as there.
     */
    private static void multiplyAddSegments(double[] segment, double[] next, int width, double[] aRow,
            double[] aNext, int from, int depth, double[][] tile) {
        int k = 0;
        for (; k + 4 <= depth; k += 4) {
            double a0 = aRow[from + k];
            double a1 = aRow[from + k + 1];
            double a2 = aRow[from + k + 2];
            double a3 = aRow[from + k + 3];
            double c0 = aNext[from + k];
            double c1 = aNext[from + k + 1];
            double c2 = aNext[from + k + 2];
            double c3 = aNext[from + k + 3];
            boolean zero = a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0;
            boolean nextZero = c0 == 0 && c1 == 0 && c2 == 0 && c3 == 0;
            double[] b0 = tile[k];
            double[] b1 = tile[k + 1];
            double[] b2 = tile[k + 2];
            double[] b3 = tile[k + 3];
            if (zero || nextZero) {
                if (!zero) {
                    for (int j = 0; j < width; j++) {
                        segment[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
                    }
                }
                if (!nextZero) {
                    for (int j = 0; j < width; j++) {
                        next[j] += c0 * b0[j] + c1 * b1[j] + c2 * b2[j] + c3 * b3[j];
                    }
                }
                continue;
            }
            for (int j = 0; j < width; j++) {
                double v0 = b0[j];
                double v1 = b1[j];
                double v2 = b2[j];
                double v3 = b3[j];
                segment[j] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
                next[j] += c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3;
            }
        }
        for (; k < depth; k++) {
            double a0 = aRow[from + k];
            double c0 = aNext[from + k];
            double[] b0 = tile[k];
            if (a0 != 0) {
                for (int j = 0; j < width; j++) {
                    segment[j] += a0 * b0[j];
                }
            }
            if (c0 != 0) {
                for (int j = 0; j < width; j++) {
                    next[j] += c0 * b0[j];
                }
            }
        }
    }

    /** {@code segment[j] += Σ_k aRow[from + k] · tile[k][j]} for {@code j < width, k < depth}, k in groups of four. */
    private static void multiplyAddSegment(double[] segment, int width, double[] aRow, int from, int depth,
            double[][] tile) {
        int k = 0;
        for (; k + 4 <= depth; k += 4) {
            double a0 = aRow[from + k];
            double a1 = aRow[from + k + 1];
            double a2 = aRow[from + k + 2];
            double a3 = aRow[from + k + 3];
            if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) {
                continue;
            }
            double[] b0 = tile[k];
            double[] b1 = tile[k + 1];
            double[] b2 = tile[k + 2];
            double[] b3 = tile[k + 3];
            for (int j = 0; j < width; j++) {
                segment[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; k < depth; k++) {
            double a0 = aRow[from + k];
            if (a0 == 0) {
                continue;
            }
            double[] b0 = tile[k];
            for (int j = 0; j < width; j++) {
                segment[j] += a0 * b0[j];
            }
        }
    }

    private static boolean allZero(double[] row, int from, int to) {
        for (int k = from; k < to; k++) {
            if (row[k] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkBudget() {
        WorkBudget.check();
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("absorbing chain solve interrupted");
        }
    }
}
