package com.journeyexplorer.analysis;

import java.util.List;

/**
 * One observed path: its shaped steps, the journeys that took it (weighted), their share of all selected journeys, the
 * share of them that purchased, and the time from the path's first to its last event ({@link DurationStats#NONE}
 * when no journey on it is timed), and the survey responses about its journeys with their mean score (null when
 * none, or when the responses were not asked for).
 */
public record PathVariant(List<String> steps, long journeys, double share, double purchaseRate,
        DurationStats timeToComplete, ExperienceScore experience) {

    public PathVariant {
        steps = List.copyOf(steps);
    }

    public PathVariant(List<String> steps, long journeys, double share, double purchaseRate,
            DurationStats timeToComplete) {
        this(steps, journeys, share, purchaseRate, timeToComplete, null);
    }
}
