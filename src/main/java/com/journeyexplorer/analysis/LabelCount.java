package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A label with a weighted journey count and its share of the group it was counted in (0 when the group is empty). */
public record LabelCount(String label, long journeys, double share) {

    /** The {@code limit} largest counts, ties by label; shares over {@code total}. */
    static List<LabelCount> top(Map<String, Long> counts, long total, int limit) {
        List<LabelCount> result = new ArrayList<>(counts.size());
        counts.forEach((label, journeys) -> result.add(new LabelCount(label, journeys, share(journeys, total))));
        result.sort(Comparator.comparingLong(LabelCount::journeys).reversed().thenComparing(LabelCount::label));
        return List.copyOf(result.subList(0, Math.min(limit, result.size())));
    }

    static double share(long part, long total) {
        return total == 0 ? 0.0 : (double) part / total;
    }

    /**
     * The share of {@code part} in {@code total}, or null when {@code total} is 0: a share of nothing is undefined,
     * where {@link #share} gives 0 for the empty groups of a ranking.
     */
    static Double shareOfSome(long part, long total) {
        return total == 0 ? null : (double) part / total;
    }
}
