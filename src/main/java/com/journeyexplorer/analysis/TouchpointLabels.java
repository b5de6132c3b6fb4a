package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Touchpoint;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The one numbering of labels that path shaping and attribution share: the label of every touchpoint of a snapshot
 * under a shaping's label rule ({@link PathShaping#label}: its groups, then its level), with the distinct labels
 * numbered {@code [0, count())} in their natural (String) order, so that ordering by label id is ordering by label.
 * Analyses over many journeys map each step's touchpoint id to a label id once and count ints, naming the labels only
 * at the end. Collapsing repeats and cutting paths act on whole paths and are not part of it ({@link PathShaper}).
 *
 * <p>Built in O(t · g + t log t) for t touchpoints and g groups; immutable.
 */
public final class TouchpointLabels {

    private final int[] labelOf;
    private final String[] names;

    private TouchpointLabels(int[] labelOf, String[] names) {
        this.labelOf = labelOf;
        this.names = names;
    }

    /** The labels of {@code snapshot}'s touchpoints under {@code shaping}'s level and groups. */
    public static TouchpointLabels of(JourneySnapshot snapshot, PathShaping shaping) {
        List<Touchpoint> touchpoints = snapshot.touchpoints();
        String[] labelOfTouchpoint = new String[touchpoints.size()];
        for (Touchpoint touchpoint : touchpoints) {
            labelOfTouchpoint[touchpoint.id()] = shaping.label(touchpoint);
        }
        String[] names = new TreeSet<>(Arrays.asList(labelOfTouchpoint)).toArray(String[]::new);
        int[] labelOf = new int[labelOfTouchpoint.length];
        for (int touchpoint = 0; touchpoint < labelOf.length; touchpoint++) {
            labelOf[touchpoint] = Arrays.binarySearch(names, labelOfTouchpoint[touchpoint]);
        }
        return new TouchpointLabels(labelOf, names);
    }

    /** How many distinct labels the touchpoints map to. */
    public int count() {
        return names.length;
    }

    /** The label numbered {@code label}. */
    public String name(int label) {
        return names[label];
    }

    /** Every label, in id order (sorted). */
    public List<String> names() {
        return List.of(names);
    }

    /** The label names of the first {@code length} label ids of {@code labels}. */
    public List<String> names(int[] labels, int length) {
        String[] named = new String[length];
        for (int i = 0; i < length; i++) {
            named[i] = names[labels[i]];
        }
        return List.of(named);
    }

    /** The label id of the touchpoint numbered {@code touchpoint}. */
    public int labelOf(int touchpoint) {
        return labelOf[touchpoint];
    }

    /**
     * The label id of every touchpoint, indexed by touchpoint id: a copy for a caller's inner loop, which may keep it.
     * O(touchpoints).
     */
    public int[] labelOfEachTouchpoint() {
        return labelOf.clone();
    }
}
