package com.journeyexplorer.analysis;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Weighted counts of distinct shaped paths, keyed by their label ids: the paths are numbered by an
 * {@link IntSequenceTable} (one slot read and one stretch of its pool per lookup), and the two counts of a variant sit
 * side by side. A lookup takes a {@link LabelPath} as it is, so counting a path allocates nothing unless the table
 * outgrows the size it was made for. Variants get ids {@code [0, size())} in order of first sight.
 */
final class VariantTable {

    private final IntSequenceTable paths;
    private long[] counts;

    /** A table that holds {@code variants} variants of {@code labels} labels in all without growing. */
    VariantTable(int variants, int labels) {
        paths = new IntSequenceTable(variants, labels);
        counts = new long[2 * Math.max(16, variants)];
    }

    int size() {
        return paths.size();
    }

    /** Adds counts to the path's variant, new or not; returns its id. O(path length) expected. */
    int merge(LabelPath path, long journeys, long purchased) {
        int variant = paths.number(path.labels, path.length);
        if (2 * variant == counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
        }
        counts[2 * variant] += journeys;
        counts[2 * variant + 1] += purchased;
        return variant;
    }

    /**
     * Adds the path as a new variant with its counts, without looking it up: for a caller that knows no variant has
     * these labels yet. Returns its id. O(path length).
     */
    int append(LabelPath path, long journeys, long purchased) {
        int variant = paths.append(path.labels, path.length);
        if (2 * variant == counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
        }
        counts[2 * variant] = journeys;
        counts[2 * variant + 1] = purchased;
        return variant;
    }

    /** Weighted journeys on the variant. */
    long journeys(int variant) {
        return counts[2 * variant];
    }

    /** Weighted purchasing journeys on the variant. */
    long purchased(int variant) {
        return counts[2 * variant + 1];
    }

    /** The variant's label ids. */
    int[] key(int variant) {
        return paths.values(variant);
    }

    /**
     * The ids of the {@code limit} variants with the most journeys, ties by label ids in lexicographic order (a
     * prefix first), in that order; O(variants · log limit).
     */
    int[] top(int limit) {
        PriorityQueue<Integer> worstFirst = new PriorityQueue<>(Math.max(1, limit), (a, b) -> compare(b, a));
        for (int variant = 0; variant < size() && limit > 0; variant++) {
            if (worstFirst.size() < limit) {
                worstFirst.add(variant);
            } else if (compare(variant, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(variant);
            }
        }
        int[] top = new int[worstFirst.size()];
        for (int i = top.length - 1; i >= 0; i--) {
            top[i] = worstFirst.poll();
        }
        return top;
    }

    /** Negative when variant {@code a} ranks before {@code b}. */
    private int compare(int a, int b) {
        if (journeys(a) != journeys(b)) {
            return journeys(a) > journeys(b) ? -1 : 1;
        }
        return paths.compare(a, b);
    }
}
