package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

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

    /**
     * The labels at one offset, most frequent first, ties by label, with shares of {@code journeys}; {@code other}
     * sums the labels that {@link #limited} left out (null when every label is listed), so the listed journeys plus
     * {@code other}'s equal {@code journeys}.
     */
    public record Offset(int offset, long journeys, List<LabelCount> labels, Other other) {
        public Offset {
            labels = List.copyOf(labels);
        }

        /** Every label listed. */
        public Offset(int offset, long journeys, List<LabelCount> labels) {
            this(offset, journeys, labels, null);
        }

        /** This offset with its first {@code limit} labels, the others summed in {@link #other}. */
        Offset limited(int limit) {
            if (labels.size() <= limit) {
                return this;
            }
            long left = 0;
            for (LabelCount label : labels.subList(limit, labels.size())) {
                left += label.journeys();
            }
            return new Offset(offset, journeys, labels.subList(0, limit),
                    new Other(labels.size() - limit, left, LabelCount.share(left, journeys)));
        }
    }

    /** The labels of an offset left out of its list, their journeys and share of the offset's journeys. */
    public record Other(int labels, long journeys, double share) {
    }

    public Neighbourhood {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /**
     * One pass over the selected journeys, shaped into label ids, counting per offset by label id (with the start and
     * outcome nodes after the labels); names are given once at the end. O(events + (n + m) · labels · log labels).
     *
     * @param before how many steps back, at least 0
     * @param after  how many steps ahead, at least 0
     */
    public static Neighbourhood of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            String label, int before, int after) {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("before and after must be at least 0");
        }
        IntPredicate selected = selection.positions(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        int labels = shaper.labelCount();
        int target = -1;
        for (int id = 0; id < labels && target < 0; id++) {
            if (shaper.labelName(id).equals(label)) {
                target = id;
            }
        }
        // per offset, counts by label id, then the start node, then the outcome nodes
        int start = labels;
        long[][] back = new long[before][labels + 1 + Outcome.values().length];
        long[][] ahead = new long[after][labels + 1 + Outcome.values().length];
        LabelPath path = new LabelPath();
        long journeys = 0;
        StepEdges edges = StepEdges.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int records = target < 0 ? 0 : snapshot.journeys().size();
        for (int position = 0; position < records; position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            if (!selected.test(position)) {
                continue;
            }
            shaper.shape(edges, position, true, path, Integer.MAX_VALUE);
            int at = indexOf(path, target);
            if (at < 0) {
                continue;
            }
            long weight = columns.weight(position);
            journeys += weight;
            for (int d = 1; d <= before && at - d >= -1; d++) {
                back[d - 1][at - d >= 0 ? path.labels[at - d] : start] += weight;
            }
            int outcome = start + 1 + columns.outcome(position);
            for (int d = 1; d <= after && at + d <= path.length; d++) {
                ahead[d - 1][at + d < path.length ? path.labels[at + d] : outcome] += weight;
            }
        }
        return new Neighbourhood(label, journeys, offsets(named(back, shaper), -1), offsets(named(ahead, shaper), 1));
    }

    /**
     * This neighbourhood with at most {@code limit} labels at each offset, the most frequent, the others summed in
     * the offset's {@link Offset#other}. O(offsets · limit).
     *
     * @param limit at least 1
     */
    public Neighbourhood limited(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return new Neighbourhood(label, journeys, before.stream().map(offset -> offset.limited(limit)).toList(),
                after.stream().map(offset -> offset.limited(limit)).toList());
    }

    private static int indexOf(LabelPath path, int label) {
        for (int i = 0; i < path.length; i++) {
            if (path.labels[i] == label) {
                return i;
            }
        }
        return -1;
    }

    /** Counts by name; a label named like the start or an outcome node counts together with it. */
    private static List<Map<String, Long>> named(long[][] counts, PathShaper shaper) {
        int labels = shaper.labelCount();
        List<Map<String, Long>> maps = new ArrayList<>(counts.length);
        for (long[] offset : counts) {
            Map<String, Long> named = new HashMap<>();
            for (int id = 0; id < offset.length; id++) {
                if (offset[id] != 0) {
                    String name = id < labels ? shaper.labelName(id) : id == labels ? NodeSpace.START_NAME
                            : Outcome.values()[id - labels - 1].nodeName();
                    named.merge(name, offset[id], Long::sum);
                }
            }
            maps.add(named);
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
