package com.journeyexplorer.analysis.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The blocked GTH inverse of a dense M-matrix against Gauss–Jordan elimination with partial pivoting, every entry to
 * 1e-9 relative, on sizes around the block size (one block, a block and one state, several blocks, products large
 * enough to be shared between two processors).
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

    private static double[] exits(double[][] chain) {
        double[] out = new double[chain.length];
        for (int i = 0; i < chain.length; i++) {
            out[i] = chain[i][chain.length];
        }
        return out;
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
    void aSetOfStatesThatNeverLeavesIsRefused() {
        double[][] w = {{0, 1, 0}, {1, 0, 0}, {0.5, 0, 0}};
        assertThatThrownBy(() -> DenseInverse.of(w, new double[] {0, 0, 0.5}))
                .isInstanceOf(IllegalStateException.class);
    }
}
