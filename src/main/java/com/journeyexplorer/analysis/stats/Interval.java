package com.journeyexplorer.analysis.stats;

/** A confidence interval {@code [lower, upper]}. */
public record Interval(double lower, double upper) {

    public Interval {
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        }
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
