package com.journeyexplorer.analysis.chain;

import static com.journeyexplorer.analysis.chain.DenseChainSolve.exits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The blocked GTH inverse of a dense M-matrix against Gauss–Jordan elimination with partial pivoting, every entry to
 * 1e-9 relative, on sizes around the block size (one block, a block and one state, several blocks, products large
 * enough to be shared between two processors), and the blocked products against a literal loop that sums each
 * entry's terms in the same order, to the bit.
 */
class DenseInverseTests {

    /** Transitions among n states (diagonal 0) with exits; some states stay with 0.9999, some have no exit. */
    private static double[][] randomChain(Random random, int n, double density) {
        double[][] w = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            double stay = random.nextInt(20) == 0 ? 0.9999 : 0;
            double leave = random.nextInt(4) == 0 ? 0 : 0.2 * random.nextDouble();
            double[] weights = new double[n];
            if (n > 1) {
                weights[(i + 1) % n] = 0.1 + random.nextDouble();
            }
            for (int j = 0; j < n; j++) {
                if (j != i && random.nextDouble() < density) {
                    weights[j] += random.nextDouble();
                }
            }
            weights[i] = 0;
            double total = 0;
            for (double x : weights) {
                total += x;
            }
            for (int j = 0; j < n; j++) {
                w[i][j] = total == 0 ? 0 : (1 - stay) * (1 - leave) * weights[j] / total;
            }
            w[i][n] = total == 0 ? 1 - stay : (1 - stay) * leave;
        }
        w[0][n] = Math.max(w[0][n], 0.001); // at least one way out
        return w;
    }

    private static double[][] transitions(double[][] chain) {
        int n = chain.length;
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            w[i] = java.util.Arrays.copyOf(chain[i], n);
        }
        return w;
    }

    /** {@code (diag(out + row sums) - W)⁻¹} by elimination with partial pivoting. */
    private static double[][] referenceInverse(double[][] chain) {
        int n = chain.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            double leave = chain[i][n];
            for (int j = 0; j < n; j++) {
                leave += chain[i][j];
                a[i][j] = -chain[i][j];
            }
            a[i][i] = leave;
        }
        return DenseChainSolve.inverse(a);
    }

    @Test
    void inverseEqualsGaussJordanAroundAndBeyondTheBlockSize() {
        int block = DenseInverse.BLOCK;
        int[] sizes = {1, 2, 5, block - 1, block, block + 1, 2 * block + 3, 300};
        long seed = 1;
        for (int n : sizes) {
            for (double density : new double[] {0.02, 0.5}) {
                Random random = new Random(seed++);
                double[][] chain = randomChain(random, n, density);
                double[][] inverse = DenseInverse.of(transitions(chain), exits(chain));
                double[][] expected = referenceInverse(chain);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertThat(inverse[i][j]).as("n %d, density %s, entry (%d, %d)", n, density, i, j)
                                .isCloseTo(expected[i][j], within(1e-9 * Math.max(1, Math.abs(expected[i][j]))));
                    }
                }
            }
        }
    }

    @Test
    void aLoopOfNearlyOneBetweenTwoStatesKeepsItsDigits() {
        // N = 1/(1 - 0.9999²) · [[1, 0.9999], [0.9999, 1]]
        double[][] w = {{0, 0.9999}, {0.9999, 0}};
        double[][] inverse = DenseInverse.of(w, new double[] {0.0001, 0.0001});
        double diagonal = 1 / (0.0001 * (2 - 0.0001));
        assertThat(inverse[0][0]).isCloseTo(diagonal, within(1e-13 * diagonal));
        assertThat(inverse[1][1]).isCloseTo(diagonal, within(1e-13 * diagonal));
        assertThat(inverse[0][1]).isCloseTo(0.9999 * diagonal, within(1e-13 * diagonal));
    }

    @Test
    void resultsAreBitwiseReproducible() {
        double[][] chain = randomChain(new Random(7), 400, 0.3);
        double[][] first = DenseInverse.of(transitions(chain), exits(chain));
        double[][] second = DenseInverse.of(transitions(chain), exits(chain));
        for (int i = 0; i < first.length; i++) {
            assertThat(second[i]).containsExactly(first[i]);
        }
    }

    @Test
    void productsSumEachEntryInTheLiteralOrderToTheBit() {
        Random random = new Random(11);
        // odd and even row counts, depths off the groups of four and the block, widths beyond a tile, and one
        // product large enough to be shared between two processors
        int[][] shapes = {{1, 3, 5}, {2, 4, 7}, {7, 67, 9}, {64, 130, 600}, {33, 64, 1030}, {200, 150, 200}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int depth = shape[1];
            int columns = shape[2];
            double[][] a = new double[rows + 2][depth + 3];
            for (double[] row : a) {
                for (int k = 0; k < row.length; k++) {
                    // whole groups of four zero in some rows and not in others
                    row[k] = random.nextInt(3) == 0 || (k / 4) % 3 == random.nextInt(3) ? 0 : random.nextDouble();
                }
            }
            double[][] b = new double[depth + 1][columns + 5];
            for (double[] row : b) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextDouble();
                }
            }
            double[][] c = new double[rows + 4][columns + 2];
            for (double[] row : c) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = random.nextDouble();
                }
            }
            double[][] expected = new double[c.length][];
            for (int i = 0; i < c.length; i++) {
                expected[i] = c[i].clone();
            }
            for (int i = 0; i < rows; i++) {
                double[] aRow = a[2 + i];
                for (int j = 0; j < columns; j++) {
                    double sum = expected[4 + i][2 + j];
                    for (int k0 = 0; k0 < depth; k0 += DenseInverse.BLOCK) {
                        int end = Math.min(k0 + DenseInverse.BLOCK, depth);
                        int k = k0;
                        for (; k + 4 <= end; k += 4) {
                            double a0 = aRow[3 + k];
                            double a1 = aRow[3 + k + 1];
                            double a2 = aRow[3 + k + 2];
                            double a3 = aRow[3 + k + 3];
                            if (a0 != 0 || a1 != 0 || a2 != 0 || a3 != 0) {
                                sum += a0 * b[1 + k][5 + j] + a1 * b[1 + k + 1][5 + j] + a2 * b[1 + k + 2][5 + j]
                                        + a3 * b[1 + k + 3][5 + j];
                            }
                        }
                        for (; k < end; k++) {
                            if (aRow[3 + k] != 0) {
                                sum += aRow[3 + k] * b[1 + k][5 + j];
                            }
                        }
                    }
                    expected[4 + i][2 + j] = sum;
                }
            }
            DenseInverse.multiplyAdd(c, 4, 2, a, 2, 3, b, 1, 5, rows, depth, columns);
            for (int i = 0; i < c.length; i++) {
                assertThat(c[i]).as("%d x %d x %d, row %d", rows, depth, columns, i).containsExactly(expected[i]);
            }
        }
    }

    @Test
    void aSetOfStatesThatNeverLeavesIsRefused() {
        double[][] w = {{0, 1, 0}, {1, 0, 0}, {0.5, 0, 0}};
        assertThatThrownBy(() -> DenseInverse.of(w, new double[] {0, 0, 0.5}))
                .isInstanceOf(IllegalStateException.class);
    }
}
