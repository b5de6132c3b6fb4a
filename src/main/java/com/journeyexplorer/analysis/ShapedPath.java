package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.List;

/**
 * One journey's shaped path. For each label, {@code firstTimes} holds the time of the first raw event merged into it
 * and {@code lastTimes} that of the last; both are empty when the journey is untimed.
 */
record ShapedPath(Journey journey, List<String> steps, long[] firstTimes, long[] lastTimes) {

    int length() {
        return steps.size();
    }

    String step(int index) {
        return steps.get(index);
    }

    boolean isTimed() {
        return firstTimes.length > 0;
    }

    /** From the first event of the path to the last one merged into its last label. */
    long durationMillis() {
        return lastTimes[lastTimes.length - 1] - firstTimes[0];
    }

    /** From the last event of label {@code index} to the first event of the next label. */
    long gapMillis(int index) {
        return firstTimes[index + 1] - lastTimes[index];
    }

    int weight() {
        return journey.weight();
    }

    Outcome outcome() {
        return journey.outcome();
    }
}
