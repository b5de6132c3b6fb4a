package com.journeyexplorer.analysis;

import java.util.List;

/**
 * A path from {@value NodeSpace#START_NAME} to an outcome node and its probability in the absorbing chain (the
 * product of its transition probabilities). {@code steps} are the shaped labels between the two, both excluded.
 */
public record LikelyPath(List<String> steps, String outcomeNode, double probability) {

    public LikelyPath {
        steps = List.copyOf(steps);
    }
}
