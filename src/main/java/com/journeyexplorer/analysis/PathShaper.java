package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link PathShaping} bound to one snapshot: touchpoint labels computed once, then O(steps) per journey. */
final class PathShaper {

    private final String[] labels;
    private final boolean collapseRepeats;
    private final int maxSteps;

    PathShaper(PathShaping shaping, JourneySnapshot snapshot) {
        this.labels = new String[snapshot.touchpoints().size()];
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            labels[touchpoint.id()] = shaping.label(touchpoint);
        }
        this.collapseRepeats = shaping.collapseRepeats();
        this.maxSteps = shaping.maxSteps() == null ? Integer.MAX_VALUE : shaping.maxSteps();
    }

    String label(int touchpoint) {
        return labels[touchpoint];
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
