package com.journeyexplorer.analysis.stats;

/**
 * Pearson's chi-square test of independence on a contingency table; the p-value is the regularized upper incomplete
 * gamma function {@code Q(df/2, x/2)} (series below {@code a + 1}, Lentz continued fraction above). O(cells).
 */
public final class ChiSquare {

    /** The statistic, its degrees of freedom and p-value. */
    public record Result(double statistic, int degreesOfFreedom, double pValue) {
    }

    private ChiSquare() {
    }

    /** Rows or columns whose total is 0 are left out of the test. */
    public static Result test(long[][] table) {
        int rows = table.length;
        int columns = rows == 0 ? 0 : table[0].length;
        double[] rowTotals = new double[rows];
        double[] columnTotals = new double[columns];
        double total = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                rowTotals[r] += table[r][c];
                columnTotals[c] += table[r][c];
                total += table[r][c];
            }
        }
        int usedRows = 0;
        int usedColumns = 0;
        for (double t : rowTotals) {
            usedRows += t > 0 ? 1 : 0;
        }
        for (double t : columnTotals) {
            usedColumns += t > 0 ? 1 : 0;
        }
        int df = (usedRows - 1) * (usedColumns - 1);
        if (df <= 0) {
            return new Result(0, Math.max(df, 0), 1);
        }
        double statistic = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double expected = rowTotals[r] * columnTotals[c] / total;
                if (expected > 0) {
                    double d = table[r][c] - expected;
                    statistic += d * d / expected;
                }
            }
        }
        return new Result(statistic, df, survival(statistic, df));
    }

    /** P(X &gt; x) for a chi-square variable with {@code df} degrees of freedom. */
    public static double survival(double x, int df) {
        if (x <= 0) {
            return 1;
        }
        return upperGamma(df / 2.0, x / 2);
    }

    private static double upperGamma(double a, double x) {
        double logPrefix = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
                term *= x / (a + n);
                sum += term;
            }
            return Math.max(0, 1 - sum * Math.exp(logPrefix));
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(logPrefix) * h;
    }

    /** Lanczos approximation (g = 7, n = 9), relative error about 1e-15. */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double sum = g[0];
        for (int i = 1; i < 9; i++) {
            sum += g[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
