package com.journeyexplorer.analysis.attribution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The labels on a list of {@link AttributionPath}s (paths given as label strings, without touchpoint ids), sorted and
 * numbered in that order, so that models count these paths in int arrays as they count a snapshot's journeys (whose
 * labels {@link com.journeyexplorer.analysis.TouchpointLabels} numbers). {@code labelOf} is the identity: each encoded
 * path's steps are its label ids.
 */
record LabelTable(List<String> labels, int[] labelOf) {

    /** The labels on {@code paths}. O(total steps + l log l) for l labels. */
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
        Map<String, Integer> ids = new HashMap<>(labels.size() * 2);
        for (int i = 0; i < labels.size(); i++) {
            ids.put(labels.get(i), i);
        }
        for (AttributionPath path : paths) {
            int[] steps = new int[path.length()];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = ids.get(path.steps()[i]);
            }
            counter.add(steps, steps.length, labelOf, path.converted(), path.weight(), path.conversionValue());
        }
    }
}
