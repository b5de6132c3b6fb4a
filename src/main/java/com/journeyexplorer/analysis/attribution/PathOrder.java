package com.journeyexplorer.analysis.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A total order on paths, so that floating-point sums over them do not depend on the order the caller gave them in.
 * Paths equal under it are equal in every field, so their contributions are identical anyway.
 */
final class PathOrder {

    static final Comparator<AttributionPath> CANONICAL = (a, b) -> {
        int c = Arrays.compare(a.steps(), b.steps());
        if (c == 0) {
            c = Boolean.compare(a.converted(), b.converted());
        }
        if (c == 0) {
            c = Long.compare(a.weight(), b.weight());
        }
        if (c == 0) {
            c = Double.compare(a.conversionValue(), b.conversionValue());
        }
        if (c == 0) {
            c = Arrays.compare(a.stepTimes(), b.stepTimes());
        }
        if (c == 0) {
            c = Long.compare(a.conversionTime(), b.conversionTime());
        }
        return c;
    };

    private PathOrder() {
    }

    /** A sorted copy; O(n log n). */
    static List<AttributionPath> sorted(List<AttributionPath> paths) {
        List<AttributionPath> copy = new ArrayList<>(paths);
        copy.sort(CANONICAL);
        return copy;
    }

    /** Sum of the values in ascending order, independent of their input order. */
    static double sortedSum(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        double sum = 0;
        for (double value : copy) {
            sum += value;
        }
        return sum;
    }

    /** Total conversion value of the converting paths, summed in a fixed order. */
    static double totalValue(List<AttributionPath> paths) {
        return sortedSum(paths.stream().filter(AttributionPath::converted)
                .mapToDouble(AttributionPath::conversionValue).toArray());
    }

    static long totalConversions(List<AttributionPath> paths) {
        long total = 0;
        for (AttributionPath path : paths) {
            total += path.conversions();
        }
        return total;
    }
}
