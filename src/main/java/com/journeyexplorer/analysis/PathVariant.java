package com.journeyexplorer.analysis;

import java.util.List;

/**
 * One observed path: its shaped steps, the journeys that took it (weighted), their share of all selected journeys, the
 * share of them that purchased, and the time from the path's first to its last event ({@link DurationStats#NONE}
 * when no journey on it is timed).
 */
public record PathVariant(List<String> steps, long journeys, double share, double purchaseRate,
        DurationStats timeToComplete) {

    public PathVariant {
        steps = List.copyOf(steps);
    }
}
