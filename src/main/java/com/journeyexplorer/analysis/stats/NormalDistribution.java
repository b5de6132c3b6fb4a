package com.journeyexplorer.analysis.stats;

/**
 * The standard normal distribution without a library. {@link #cdf}: Marsaglia's series
 * {@code Φ(x) = 1/2 + φ(x)(x + x³/3 + x⁵/(3·5) + …)} for |x| &lt; 3 and the Laplace continued fraction for the tails,
 * absolute error below 1e-15 and relative error of the tails below 1e-13. {@link #quantile}: Acklam's rational
 * approximation refined by one Halley step on that cdf, within about 1e-13.
 */
public final class NormalDistribution {

    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private NormalDistribution() {
    }

    public static double density(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** P(Z ≤ x). */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Math.abs(x) < 3) {
            double term = x;
            double sum = x;
            double x2 = x * x;
            for (int k = 3; Math.abs(term) > 1e-17 * Math.abs(sum); k += 2) {
                term *= x2 / k;
                sum += term;
            }
            return 0.5 + density(x) * sum;
        }
        double tail = upperTail(Math.abs(x));
        return x > 0 ? 1 - tail : tail;
    }

    /** P(Z &gt; x) for x ≥ 3 by the continued fraction φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))). */
    private static double upperTail(double x) {
        if (x > 40) {
            return 0;
        }
        double fraction = x;
        for (int k = 300; k >= 1; k--) {
            fraction = x + k / fraction;
        }
        return density(x) / fraction;
    }

    /** Two-sided p-value of a z statistic, {@code 2 P(Z > |z|)}. */
    public static double twoSidedPValue(double z) {
        return Math.min(1, 2 * cdf(-Math.abs(z)));
    }

    /** The x with {@code cdf(x) = p}, for 0 &lt; p &lt; 1. */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), was " + p);
        }
        double x = acklam(p);
        double error = cdf(x) - p;
        double u = error / density(x);
        return x - u / (1 + x * u / 2);
    }

    private static double acklam(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double low = 0.02425;
        if (p < low || p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
            double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < low ? x : -x;
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
