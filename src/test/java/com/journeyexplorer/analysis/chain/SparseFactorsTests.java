package com.journeyexplorer.analysis.chain;

import static com.journeyexplorer.analysis.chain.DenseChainSolve.exits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The diagonal of the fundamental matrix by sparse elimination and selected inversion, against a dense inverse by
 * Gauss–Jordan elimination with partial pivoting, relative to 1e-9.
 */
class SparseFactorsTests {

    private static final double EXACT = 1e-9;

    /** A strongly connected chain of n states: a ring plus random chords; {@code out} leaves, some loops of 0.9999. */
    private static double[][] randomLoop(Random random, int n, double out, boolean nearlyClosed) {
        double[][] q = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            double leave = random.nextInt(4) == 0 ? 0 : out * random.nextDouble();
            double stay = nearlyClosed && random.nextInt(5) == 0 ? 0.9999 : 0;
            double[] weights = new double[n];
            weights[(i + 1) % n] += random.nextDouble() + 0.1;
            int chords = random.nextInt(4);
            for (int c = 0; c < chords; c++) {
                weights[random.nextInt(n)] += random.nextDouble();
            }
            weights[i] = 0;
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            for (int j = 0; j < n; j++) {
                q[i][j] = (1 - stay) * (1 - leave) * weights[j] / total;
            }
            q[i][i] = stay;
            q[i][n] = (1 - stay) * leave;
        }
        q[0][n] = Math.max(q[0][n], 0.01 * (1 - q[0][0])); // at least one way out
        rescale(q, 0);
        return q;
    }

    /**
     * A clickstream-like loop: a few hub pages linked to each other and to every rarely visited page, each of which
     * links to a few hubs and now and then to another rare page; every page leaves with a small probability, a few
     * stay with 0.9999.
     */
    private static double[][] hubLoop(Random random, int n, int hubs) {
        double[][] q = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            double[] weights = new double[n];
            int links = i < hubs ? 2 * hubs : 1 + random.nextInt(3);
            for (int l = 0; l < links; l++) {
                weights[random.nextInt(hubs)] += random.nextDouble();
            }
            if (i < hubs) {
                for (int j = hubs; j < n; j++) {
                    weights[j] += random.nextDouble() * 0.05; // every page is linked from every hub
                }
            } else if (random.nextInt(3) == 0) {
                weights[hubs + random.nextInt(n - hubs)] += random.nextDouble();
            }
            weights[i] = 0;
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double leave = 0.02 + 0.1 * random.nextDouble();
            double stay = random.nextInt(50) == 0 ? 0.9999 : random.nextInt(10) == 0 ? 0.3 : 0;
            for (int j = 0; j < n; j++) {
                q[i][j] = (1 - stay) * (1 - leave) * weights[j] / total;
            }
            q[i][i] = stay;
            q[i][n] = (1 - stay) * leave;
        }
        return q;
    }

    private static void rescale(double[][] q, int i) {
        int n = q.length;
        double total = 0;
        for (int j = 0; j <= n; j++) {
            total += q[i][j];
        }
        for (int j = 0; j <= n; j++) {
            q[i][j] /= total;
        }
    }

    /** The transitions between distinct states of q as a Csr, and each row's exit (last column). */
    private static Csr inside(double[][] q) {
        int n = q.length;
        int[] from = new int[n * n];
        int[] to = new int[n * n];
        double[] p = new double[n * n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && q[i][j] > 0) {
                    from[size] = i;
                    to[size] = j;
                    p[size] = q[i][j];
                    size++;
                }
            }
        }
        return Csr.of(n, from, to, p, size);
    }

    /** The diagonal of (I - Q)⁻¹ by elimination with partial pivoting, O(n³). */
    private static double[] denseInverseDiagonal(double[][] q) {
        double[][] inverse = DenseChainSolve.fundamental(q);
        double[] diagonal = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            diagonal[i] = inverse[i][i];
        }
        return diagonal;
    }

    private static void assertDiagonal(double[] actual, double[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("%s, state %d", what, k)
                    .isCloseTo(expected[k], within(EXACT * Math.max(1, expected[k])));
        }
    }

    @Test
    void diagonalEqualsADenseInverseOnRandomLoops() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            int n = 2 + random.nextInt(60);
            double[][] q = randomLoop(random, n, random.nextBoolean() ? 0.05 : 0.5, random.nextBoolean());
            Optional<double[]> diagonal = SparseFactors.inverseDiagonalOf(inside(q), exits(q), Long.MAX_VALUE);
            assertThat(diagonal).as("seed %d", seed).isPresent();
            assertDiagonal(diagonal.get(), denseInverseDiagonal(q), "seed " + seed);
        }
    }

    @Test
    void diagonalEqualsADenseInverseOnHubStructuredLoops() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            int n = 150 + random.nextInt(300);
            double[][] q = hubLoop(random, n, 5 + random.nextInt(20));
            Csr inside = inside(q);
            Optional<double[]> diagonal = SparseFactors.inverseDiagonalOf(inside, exits(q),
                    MMatrix.eliminationWorkLimit(inside));
            assertThat(diagonal).as("seed %d", seed).isPresent();
            assertDiagonal(diagonal.get(), denseInverseDiagonal(q), "seed " + seed);
        }
    }

    @Test
    void aLoopOfNearlyOneBetweenTwoStatesKeepsItsDigits() {
        // N = 1/(1 - 0.9999²) · [[1, 0.9999], [0.9999, 1]]: the diagonal is 1/(1 - 0.9999²) = 5000.250012500625...
        double[][] q = {{0, 0.9999, 0.0001}, {0.9999, 0, 0.0001}};
        double[] diagonal = SparseFactors.inverseDiagonalOf(inside(q), exits(q), Long.MAX_VALUE).orElseThrow();
        double expected = 1 / (0.0001 * (2 - 0.0001));
        assertThat(diagonal[0]).isCloseTo(expected, within(1e-13 * expected));
        assertThat(diagonal[1]).isCloseTo(expected, within(1e-13 * expected));
    }

    @Test
    void givesUpBeyondItsWorkLimit() {
        Random random = new Random(5);
        double[][] q = randomLoop(random, 80, 0.1, false);
        assertThat(SparseFactors.inverseDiagonalOf(inside(q), exits(q), 1000)).isEmpty();
    }

    /** A random chain in which every state leads to {@code links} random others: eliminating it fills in everything. */
    private static double[][] expander(Random random, int n, int links) {
        double[][] q = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < links; l++) {
                q[i][random.nextInt(n)] += random.nextDouble();
            }
            q[i][i] = 0;
            q[i][n] = 0.5;
            rescale(q, i);
        }
        return q;
    }

    @Test
    void anExpanderLikeLoopFallsBackToTheColumnMethodWithTheSameDiagonal() {
        Random random = new Random(17);
        // large enough that the dense rest (nearly every state) would cost more than the limit
        int n = 1200;
        double[][] q = expander(random, n, 12);
        Csr inside = inside(q);
        assertThat(SparseFactors.inverseDiagonalOf(inside, exits(q), MMatrix.eliminationWorkLimit(inside))).isEmpty();
        MMatrix matrix = new MMatrix(inside, exits(q));
        assertThat(matrix.components().count()).isEqualTo(1);
        // the reference: the elimination without a work limit, itself checked against a dense inverse above
        double[] eliminated = SparseFactors.inverseDiagonalOf(inside, exits(q), Long.MAX_VALUE).orElseThrow();
        assertDiagonal(matrix.inverseDiagonal(), eliminated, "expander");
    }

    @Test
    void aSmallerExpanderLikeLoopIsEliminatedExactly() {
        Random random = new Random(17);
        int n = MMatrix.DENSE_DIAGONAL_LIMIT + 300;
        double[][] q = expander(random, n, 20);
        Csr inside = inside(q);
        Optional<double[]> diagonal = SparseFactors.inverseDiagonalOf(inside, exits(q),
                MMatrix.eliminationWorkLimit(inside));
        assertThat(diagonal).isPresent();
        assertDiagonal(diagonal.get(), denseInverseDiagonal(q), "expander");
    }

    @Test
    void aLargeHubLoopIsEliminatedSparselyInsideTheMatrix() {
        Random random = new Random(23);
        int n = MMatrix.DENSE_DIAGONAL_LIMIT + 300;
        double[][] q = hubLoop(random, n, 12);
        Csr inside = inside(q);
        assertThat(SparseFactors.inverseDiagonalOf(inside, exits(q), MMatrix.eliminationWorkLimit(inside))).isPresent();
        MMatrix matrix = new MMatrix(inside, exits(q));
        assertThat(largestComponent(matrix.components())).isEqualTo(n);
        assertDiagonal(matrix.inverseDiagonal(), denseInverseDiagonal(q), "hub loop");
    }

    private static int largestComponent(Components components) {
        int largest = 0;
        for (int c = 0; c < components.count(); c++) {
            largest = Math.max(largest, components.size(c));
        }
        return largest;
    }

    /** {@code A · B} (or {@code Aᵀ · B}) of a dense n × n and an n × columns row-major matrix. */
    private static double[] product(double[][] a, double[] b, int columns, boolean transposed) {
        int n = a.length;
        double[] result = new double[n * columns];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double aij = transposed ? a[j][i] : a[i][j];
                for (int o = 0; o < columns; o++) {
                    result[i * columns + o] += aij * b[j * columns + o];
                }
            }
        }
        return result;
    }

    /** Both solves through the factors against the dense inverse's products, three right-hand sides at once. */
    private static void assertSolves(SparseFactors factors, double[][] q, Random random, String what) {
        int n = q.length;
        int columns = 3;
        double[] b = new double[n * columns];
        for (int k = 0; k < b.length; k++) {
            b[k] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
        }
        double[][] inverse = DenseChainSolve.fundamental(q);
        double[] x = factors.solve(b, columns);
        double[] y = factors.solveTransposed(b, columns);
        double[] expectedX = product(inverse, b, columns, false);
        double[] expectedY = product(inverse, b, columns, true);
        for (int k = 0; k < b.length; k++) {
            assertThat(x[k]).as("%s, M x = b, entry %d", what, k)
                    .isCloseTo(expectedX[k], within(EXACT * Math.max(1, expectedX[k])));
            assertThat(y[k]).as("%s, Mᵀ y = b, entry %d", what, k)
                    .isCloseTo(expectedY[k], within(EXACT * Math.max(1, expectedY[k])));
        }
    }

    @Test
    void solvesThroughTheFactorsEqualADenseInverseOnRandomLoops() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            int n = 2 + random.nextInt(60);
            double[][] q = randomLoop(random, n, random.nextBoolean() ? 0.05 : 0.5, random.nextBoolean());
            SparseFactors factors = SparseFactors.of(inside(q), exits(q), Long.MAX_VALUE).orElseThrow();
            assertSolves(factors, q, random, "seed " + seed);
        }
    }

    @Test
    void solvesThroughTheFactorsEqualADenseInverseOnHubLoopsWithADenseBlock() {
        for (long seed = 1; seed <= 8; seed++) {
            Random random = new Random(seed);
            int n = 150 + random.nextInt(300);
            double[][] q = hubLoop(random, n, 5 + random.nextInt(20));
            Csr inside = inside(q);
            SparseFactors factors = SparseFactors.of(inside, exits(q), MMatrix.eliminationWorkLimit(inside))
                    .orElseThrow();
            // both parts of the substitution are exercised: sparse steps and a dense rest of several states
            assertThat(factors.denseStates()).as("seed %d", seed).isGreaterThan(2).isLessThan(n);
            assertSolves(factors, q, random, "seed " + seed);
        }
    }

    @Test
    void aLoopOfNearlyOneKeepsItsDigitsInTheSolves() {
        // x = N (1, 0)ᵀ with N = 1/(1 - 0.9999²) · [[1, 0.9999], [0.9999, 1]]
        double[][] q = {{0, 0.9999, 0.0001}, {0.9999, 0, 0.0001}};
        SparseFactors factors = SparseFactors.of(inside(q), exits(q), Long.MAX_VALUE).orElseThrow();
        double scale = 1 / (0.0001 * (2 - 0.0001));
        double[] x = factors.solve(new double[] {1, 0}, 1);
        double[] y = factors.solveTransposed(new double[] {1, 0}, 1);
        assertThat(x[0]).isCloseTo(scale, within(1e-13 * scale));
        assertThat(x[1]).isCloseTo(0.9999 * scale, within(1e-13 * scale));
        assertThat(y[0]).isCloseTo(scale, within(1e-13 * scale));
        assertThat(y[1]).isCloseTo(0.9999 * scale, within(1e-13 * scale));
    }

    @Test
    void resultsAreBitwiseReproducible() {
        Random random = new Random(31);
        double[][] q = hubLoop(random, 300, 8);
        double[] first = SparseFactors.inverseDiagonalOf(inside(q), exits(q), Long.MAX_VALUE).orElseThrow();
        double[] second = SparseFactors.inverseDiagonalOf(inside(q), exits(q), Long.MAX_VALUE).orElseThrow();
        assertThat(second).containsExactly(first);
    }
}
