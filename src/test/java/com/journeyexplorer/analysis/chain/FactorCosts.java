package com.journeyexplorer.analysis.chain;

import java.util.Locale;
import java.util.Optional;

/**
 * For benchmarks: what the exact alternatives to the iterative removal solves would cost on a chain. Factors the
 * whole chain once ({@link SparseFactors}, no work limit) and solves 16 columns through the factors, the cost of a
 * Woodbury-style removal (a column of {@code N = M⁻¹} per state of a label's first-entry set).
 */
public final class FactorCosts {

    private FactorCosts() {
    }

    /** One line: the largest cycle, the factors' time and dense block, and a 16-column solve through them. */
    public static String describe(SparseChain chain) {
        int n = chain.states();
        double[] exit = new double[n];
        for (int i = 0; i < n; i++) {
            exit[i] = chain.exit(i);
        }
        Csr whole = Csr.of(chain.rowStart(), chain.column(), chain.probability());
        int largest = SolvedChain.of(chain).largestCycle();
        long started = System.nanoTime();
        Optional<SparseFactors> factors = SparseFactors.of(whole, exit, Long.MAX_VALUE / 4);
        double factorMillis = (System.nanoTime() - started) / 1e6;
        if (factors.isEmpty()) {
            return String.format(Locale.ROOT, "largest cycle %,d states; the factors gave up", largest);
        }
        int columns = 16;
        double[] rhs = new double[n * columns];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < columns; o++) {
                rhs[i * columns + o] = chain.absorption(i, 0);
            }
        }
        factors.get().solve(rhs, columns);
        int runs = 5;
        started = System.nanoTime();
        for (int run = 0; run < runs; run++) {
            factors.get().solve(rhs, columns);
        }
        double solveMillis = (System.nanoTime() - started) / 1e6 / runs;
        return String.format(Locale.ROOT, "largest cycle %,d states; factors of the whole chain in %.0f ms "
                + "(dense block %,d states), a solve of 16 columns through them %.1f ms (%.2f ms a column)", largest,
                factorMillis, factors.get().denseStates(), solveMillis, solveMillis / columns);
    }
}
