package com.journeyexplorer.analysis.attribution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The labels of an attribution, sorted, and the label id of each touchpoint ({@code labelOf}), so that models count
 * in int arrays and name the labels only at the end. Label ids follow the sorted order, so any order on ids is the
 * order on labels.
 */
record LabelTable(List<String> labels, int[] labelOf) {

    /**
     * The labels of every touchpoint of {@code snapshot} at {@code level}: its name, or its channel (its name if it
     * has none). O(t log t) for t touchpoints.
     */
    static LabelTable of(JourneySnapshot snapshot, LabelLevel level) {
        List<Touchpoint> touchpoints = snapshot.touchpoints();
        String[] labelOfTouchpoint = new String[touchpoints.size()];
        TreeSet<String> sorted = new TreeSet<>();
        for (Touchpoint touchpoint : touchpoints) {
            String label = level == LabelLevel.CHANNEL && !touchpoint.channel().isEmpty()
                    ? touchpoint.channel() : touchpoint.name();
            labelOfTouchpoint[touchpoint.id()] = label;
            sorted.add(label);
        }
        List<String> labels = List.copyOf(sorted);
        Map<String, Integer> ids = ids(labels);
        int[] labelOf = new int[touchpoints.size()];
        for (int t = 0; t < labelOf.length; t++) {
            labelOf[t] = ids.get(labelOfTouchpoint[t]);
        }
        return new LabelTable(labels, labelOf);
    }

    /**
     * The labels on {@code paths}, with {@code labelOf} the identity: each path's steps are then its label ids,
     * {@link #encode}. O(total steps + l log l).
     */
    static LabelTable of(List<AttributionPath> paths) {
        TreeSet<String> sorted = new TreeSet<>();
        for (AttributionPath path : paths) {
            sorted.addAll(List.of(path.steps()));
        }
        List<String> labels = List.copyOf(sorted);
        int[] identity = new int[labels.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new LabelTable(labels, identity);
    }

    /** Feeds {@code paths} (whose labels must all be in this table) to {@code counter}. */
    void encode(List<AttributionPath> paths, PathCounter counter) {
        Map<String, Integer> ids = ids(labels);
        for (AttributionPath path : paths) {
            int[] steps = new int[path.length()];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = ids.get(path.steps()[i]);
            }
            counter.add(steps, steps.length, labelOf, path.converted(), path.weight(), path.conversionValue());
        }
    }

    private static Map<String, Integer> ids(List<String> labels) {
        Map<String, Integer> ids = new HashMap<>(labels.size() * 2);
        for (int i = 0; i < labels.size(); i++) {
            ids.put(labels.get(i), i);
        }
        return ids;
    }
}
