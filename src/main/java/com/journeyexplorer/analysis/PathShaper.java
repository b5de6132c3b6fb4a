package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A {@link PathShaping} bound to one snapshot: touchpoint labels computed once, then O(steps) per journey. Labels are
 * also numbered, {@code [0, labelCount())} in their natural (String) order, so that analyses over many journeys can
 * shape into a reusable {@link LabelPath} of ints and compare, hash and count label ids instead of strings; ordering
 * by label id is ordering by label.
 */
final class PathShaper {

    private final String[] labels;
    private final int[] labelIds;
    private final String[] labelNames;
    private final boolean collapseRepeats;
    private final int maxSteps;

    PathShaper(PathShaping shaping, JourneySnapshot snapshot) {
        this.labels = new String[snapshot.touchpoints().size()];
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            labels[touchpoint.id()] = shaping.label(touchpoint);
        }
        this.labelNames = new TreeSet<>(Arrays.asList(labels)).toArray(String[]::new);
        this.labelIds = new int[labels.length];
        for (int touchpoint = 0; touchpoint < labels.length; touchpoint++) {
            labelIds[touchpoint] = Arrays.binarySearch(labelNames, labels[touchpoint]);
        }
        this.collapseRepeats = shaping.collapseRepeats();
        this.maxSteps = shaping.maxSteps() == null ? Integer.MAX_VALUE : shaping.maxSteps();
    }

    /** The label of {@code touchpoint} under this shaping. */
    String label(int touchpoint) {
        return labels[touchpoint];
    }

    /** How many distinct labels the snapshot's touchpoints map to. */
    int labelCount() {
        return labelNames.length;
    }

    /** The label numbered {@code id}. */
    String labelName(int id) {
        return labelNames[id];
    }

    /** The label names of {@code length} label ids. */
    List<String> labelNames(int[] ids, int length) {
        String[] names = new String[length];
        for (int i = 0; i < length; i++) {
            names[i] = labelNames[ids[i]];
        }
        return List.of(names);
    }

    /**
     * Shapes a journey into {@code path}, overwriting it: the same labels as {@link #shape}, as ids, with the raw step
     * where each label starts. O(steps), allocation-free once the buffer has grown to the longest path.
     */
    void shape(Journey journey, boolean toFirstPurchase, LabelPath path) {
        int length = toFirstPurchase ? journey.pathLength() : journey.length();
        path.reset(journey, Math.min(length, maxSteps));
        shape(journey.steps(), 0, length, path);
    }

    /**
     * Shapes one of the {@link StepSequences} into {@code path} as {@link #shape(Journey, boolean, LabelPath)} shapes
     * a journey with those steps; the path has no journey, so no gaps.
     */
    void shape(StepSequences sequences, int sequence, LabelPath path) {
        int length = sequences.length(sequence);
        path.reset(null, Math.min(length, maxSteps));
        shape(sequences.pool(), sequences.offset(sequence), length, path);
    }

    /** Shapes the steps {@code steps[from, from + length)} into a path already reset to hold them. */
    private void shape(int[] steps, int from, int length, LabelPath path) {
        int[] ids = path.labels;
        int[] starts = path.starts;
        int count = 0;
        int i = 0;
        for (; i < length; i++) {
            int label = labelIds[steps[from + i]];
            if (collapseRepeats && count > 0 && ids[count - 1] == label) {
                continue;
            }
            if (count == maxSteps) {
                break;
            }
            ids[count] = label;
            starts[count] = i;
            count++;
        }
        path.length = count;
        path.end = i;
    }

    ShapedPath shape(Journey journey, boolean toFirstPurchase) {
        int length = toFirstPurchase ? journey.pathLength() : journey.length();
        List<String> steps = new ArrayList<>(Math.min(length, maxSteps));
        long[] firstTimes = new long[journey.isTimed() ? Math.min(length, maxSteps) : 0];
        long[] lastTimes = new long[firstTimes.length];
        for (int i = 0; i < length; i++) {
            String label = labels[journey.steps()[i]];
            boolean repeat = collapseRepeats && !steps.isEmpty() && steps.get(steps.size() - 1).equals(label);
            if (!repeat) {
                if (steps.size() == maxSteps) {
                    break;
                }
                steps.add(label);
                if (journey.isTimed()) {
                    firstTimes[steps.size() - 1] = journey.times()[i];
                }
            }
            if (journey.isTimed()) {
                lastTimes[steps.size() - 1] = journey.times()[i];
            }
        }
        if (journey.isTimed() && firstTimes.length != steps.size()) {
            firstTimes = Arrays.copyOf(firstTimes, steps.size());
            lastTimes = Arrays.copyOf(lastTimes, steps.size());
        }
        return new ShapedPath(journey, List.copyOf(steps), firstTimes, lastTimes);
    }
}
