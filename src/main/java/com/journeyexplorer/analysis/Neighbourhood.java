package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What comes before and after a label on the selected journeys' shaped paths (to the first purchase), around the
 * <em>first</em> occurrence of the label in each path, so every journey counts at most once. Offset -1 is the step
 * before, +1 the step after. Past the beginning of a path the label is {@value NodeSpace#START_NAME}, past its end the
 * journey's outcome node ({@link Outcome#nodeName()}); each boundary appears once per journey, and a journey drops out
 * of offsets further away, so each offset has its own {@code journeys} and shares are over that. An unknown label
 * gives an empty result; {@link PathShaping#labels} tells a caller which labels exist.
 *
 * @param journeys journeys whose path contains the label (0 for an unknown label), weighted
 * @param before   offsets -1 down to -n
 * @param after    offsets +1 up to +m
 */
public record Neighbourhood(String label, long journeys, List<Offset> before, List<Offset> after) {

    /** The labels at one offset, most frequent first, ties by label, with shares of {@code journeys}. */
    public record Offset(int offset, long journeys, List<LabelCount> labels) {
        public Offset {
            labels = List.copyOf(labels);
        }
    }

    public Neighbourhood {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /**
     * O(events + (n + m) · labels · log labels).
     *
     * @param before how many steps back, at least 0
     * @param after  how many steps ahead, at least 0
     */
    public static Neighbourhood of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            String label, int before, int after) {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("before and after must be at least 0");
        }
        Predicate<Journey> filter = selection.predicate(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        List<Map<String, Long>> back = maps(before);
        List<Map<String, Long>> ahead = maps(after);
        long journeys = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            ShapedPath path = shaper.shape(journey, true);
            int at = path.steps().indexOf(label);
            if (at < 0) {
                continue;
            }
            long weight = journey.weight();
            journeys += weight;
            for (int d = 1; d <= before && at - d >= -1; d++) {
                String neighbour = at - d >= 0 ? path.step(at - d) : NodeSpace.START_NAME;
                back.get(d - 1).merge(neighbour, weight, Long::sum);
            }
            for (int d = 1; d <= after && at + d <= path.length(); d++) {
                String neighbour = at + d < path.length() ? path.step(at + d) : journey.outcome().nodeName();
                ahead.get(d - 1).merge(neighbour, weight, Long::sum);
            }
        }
        return new Neighbourhood(label, journeys, offsets(back, -1), offsets(ahead, 1));
    }

    private static List<Map<String, Long>> maps(int count) {
        List<Map<String, Long>> maps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            maps.add(new HashMap<>());
        }
        return maps;
    }

    private static List<Offset> offsets(List<Map<String, Long>> counts, int sign) {
        List<Offset> offsets = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            long total = counts.get(i).values().stream().mapToLong(Long::longValue).sum();
            offsets.add(new Offset(sign * (i + 1), total, LabelCount.top(counts.get(i), total, Integer.MAX_VALUE)));
        }
        return offsets;
    }
}
