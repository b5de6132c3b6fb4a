package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link PathShaping} bound to one snapshot: the touchpoints' labels numbered once ({@link TouchpointLabels}, the
 * numbering attribution uses too), then O(steps) per journey to collapse repeats and cut the path. Analyses over many
 * journeys shape into a reusable {@link LabelPath} of label ids and compare, hash and count ints instead of strings;
 * ordering by label id is ordering by label.
 */
final class PathShaper {

    private final TouchpointLabels labels;
    private final int[] labelIds;
    private final boolean collapseRepeats;
    private final int maxSteps;

    PathShaper(PathShaping shaping, JourneySnapshot snapshot) {
        this.labels = TouchpointLabels.of(snapshot, shaping);
        this.labelIds = labels.labelOfEachTouchpoint();
        this.collapseRepeats = shaping.collapseRepeats();
        this.maxSteps = shaping.maxSteps() == null ? Integer.MAX_VALUE : shaping.maxSteps();
    }

    /**
     * Whether distinct step sequences always shape into distinct paths: every touchpoint has a label of its own, and
     * nothing is collapsed or cut. Then the shaped paths of distinct sequences need not be looked up to be told apart.
     */
    boolean keepsSequencesApart() {
        return !collapseRepeats && maxSteps == Integer.MAX_VALUE && labels.count() == labelIds.length;
    }

    /**
     * Whether every step is a label of its own: each touchpoint has a label of its own and no repeat is collapsed, so
     * that label {@code i} of a shaped path is the label of step {@code i} ({@link #labelOf} its touchpoint), and the
     * link between labels {@code i - 1} and {@code i} is the record's step edge {@code i - 1}.
     */
    boolean labelsEachStep() {
        return !collapseRepeats && labels.count() == labelIds.length;
    }

    /** The label id of a touchpoint. */
    int labelOf(int touchpoint) {
        return labelIds[touchpoint];
    }

    /** How many distinct labels the snapshot's touchpoints map to. */
    int labelCount() {
        return labels.count();
    }

    /** The label numbered {@code id}. */
    String labelName(int id) {
        return labels.name(id);
    }

    /** The label names of {@code length} label ids. */
    List<String> labelNames(int[] ids, int length) {
        return labels.names(ids, length);
    }

    /**
     * Shapes a journey into {@code path}, overwriting it: the same labels as {@link #shape}, as ids, with the raw step
     * where each label starts. O(steps), allocation-free once the buffer has grown to the longest path.
     */
    void shape(Journey journey, boolean toFirstPurchase, LabelPath path) {
        shape(journey, toFirstPurchase, path, maxSteps);
    }

    /**
     * As {@link #shape(Journey, boolean, LabelPath)}, stopping after {@code labelLimit} labels (or the shaping's own
     * limit if lower): for an analysis that reads only the first labels of each path, and whether there are more.
     */
    void shape(Journey journey, boolean toFirstPurchase, LabelPath path, int labelLimit) {
        int length = toFirstPurchase ? journey.pathLength() : journey.length();
        int limit = Math.min(maxSteps, labelLimit);
        path.reset(journey, Math.min(length, limit));
        shape(journey.steps(), 0, length, path, limit);
    }

    /**
     * As {@link #shape(Journey, boolean, LabelPath, int)} for the record at {@code position}, its steps read from the
     * snapshot's {@link StepEdges} instead of the record (the first step, then each pair's target): a pass over many
     * records then reads a few arrays in order instead of every record's own. The path has no journey, so no gaps.
     * The steps are read from the column in place (copying them into a buffer first made flows a fifth slower on the
     * clickstream, as they shape only the first steps).
     */
    void shape(StepEdges edges, int position, boolean toFirstPurchase, LabelPath path, int labelLimit) {
        int start = edges.start(position);
        int length = toFirstPurchase ? edges.pathLength(position) : edges.end(position) - start + 1;
        int limit = Math.min(maxSteps, labelLimit);
        path.reset(null, Math.min(length, limit));
        path.length = 0;
        int i = 0;
        while (i < length && path.offer(
                labelIds[i == 0 ? edges.first(position) : edges.to(edges.edgeAt(start + i - 1))], i, collapseRepeats,
                limit)) {
            i++;
        }
        path.end = i;
    }

    /**
     * Shapes one of the {@link StepSequences} into {@code path} as {@link #shape(Journey, boolean, LabelPath)} shapes
     * a journey with those steps; the path has no journey, so no gaps.
     */
    void shape(StepSequences sequences, int sequence, LabelPath path) {
        int length = sequences.length(sequence);
        path.reset(null, Math.min(length, maxSteps));
        shape(sequences.pool(), sequences.offset(sequence), length, path, maxSteps);
    }

    /** Shapes the steps {@code steps[from, from + length)}, at most {@code limit} labels, into a path reset for them. */
    private void shape(int[] steps, int from, int length, LabelPath path, int limit) {
        path.length = 0;
        int i = 0;
        while (i < length && path.offer(labelIds[steps[from + i]], i, collapseRepeats, limit)) {
            i++;
        }
        path.end = i;
    }

    ShapedPath shape(Journey journey, boolean toFirstPurchase) {
        int length = toFirstPurchase ? journey.pathLength() : journey.length();
        List<String> steps = new ArrayList<>(Math.min(length, maxSteps));
        long[] firstTimes = new long[journey.isTimed() ? Math.min(length, maxSteps) : 0];
        long[] lastTimes = new long[firstTimes.length];
        int previous = -1;
        for (int i = 0; i < length; i++) {
            int label = labelIds[journey.steps()[i]];
            boolean repeat = collapseRepeats && previous == label;
            if (!repeat) {
                if (steps.size() == maxSteps) {
                    break;
                }
                steps.add(labels.name(label));
                previous = label;
                if (journey.isTimed()) {
                    firstTimes[steps.size() - 1] = journey.time(i);
                }
            }
            if (journey.isTimed()) {
                lastTimes[steps.size() - 1] = journey.time(i);
            }
        }
        if (journey.isTimed() && firstTimes.length != steps.size()) {
            firstTimes = Arrays.copyOf(firstTimes, steps.size());
            lastTimes = Arrays.copyOf(lastTimes, steps.size());
        }
        return new ShapedPath(journey, List.copyOf(steps), firstTimes, lastTimes);
    }
}
