package com.journeyexplorer.api;

import com.journeyexplorer.analysis.stats.Interval;
import com.journeyexplorer.analysis.stats.Proportions;

/**
 * JSON forms of the statistics shared by the analysis answers. JSON has no NaN or infinity: an undefined figure (a
 * rate of an empty group, a lift over a rate of 0) is {@code null} and, as every null of this API, left out.
 */
final class Estimates {

    private Estimates() {
    }

    /** A rate with its confidence interval, e.g. {@code {"rate": 0.12, "lower": 0.10, "upper": 0.14}}. */
    record Rate(Double rate, Double lower, Double upper) {

        static Rate of(double rate, Interval interval) {
            return new Rate(finite(rate), finite(interval.lower()), finite(interval.upper()));
        }
    }

    /** {@code a - b} with its interval, and the pooled z-test's z and two-sided p-value. */
    record Difference(Double value, Double lower, Double upper, Double z, Double pValue) {

        static Difference of(Proportions.Comparison comparison) {
            boolean defined = Double.isFinite(comparison.difference());
            return new Difference(finite(comparison.difference()),
                    defined ? comparison.differenceInterval().lower() : null,
                    defined ? comparison.differenceInterval().upper() : null,
                    defined ? comparison.z() : null, finite(comparison.pValue()));
        }
    }

    /** {@code value}, or null where it is NaN or infinite. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
