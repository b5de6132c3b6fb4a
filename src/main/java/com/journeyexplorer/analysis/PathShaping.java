package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.NamePattern;
import com.journeyexplorer.journey.PatternBudget;
import com.journeyexplorer.journey.Touchpoint;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a journey's steps become path labels, in this order: a touchpoint whose name matches a {@link Group} (first
 * matching group wins, {@link java.util.regex.Matcher#matches() whole-name match}) is labelled with the group's name
 * at every level; any other touchpoint is labelled by {@code level}: its name, channel or stage, falling back to its
 * name where the channel or stage is empty. Then repeats are collapsed ({@code A A B -> A B}) if asked, and the path is
 * cut to {@code maxSteps} labels (null: no limit). The labels of a snapshot's touchpoints are numbered once by
 * {@link TouchpointLabels}, which path analyses and attribution share.
 */
public record PathShaping(Level level, boolean collapseRepeats, Integer maxSteps, List<Group> groups) {

    /** What a step is labelled by. */
    public enum Level {
        TOUCHPOINT, CHANNEL, STAGE
    }

    /**
     * A named rule merging every touchpoint whose whole name matches {@code pattern} into one label; the work of each
     * match is bounded ({@link NamePattern}), and their sum by the request's {@link PatternBudget}.
     */
    public record Group(String name, NamePattern pattern) {
        public Group {
            Objects.requireNonNull(pattern, "pattern");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a group needs a name");
            }
        }

        /** The group of {@code pattern}, given as the parameter {@code group}, with a budget of its own. */
        public Group(String name, Pattern pattern) {
            this(name, new NamePattern("group", pattern.pattern(), pattern, new PatternBudget()));
        }
    }

    private static final PathShaping TOUCHPOINTS = new PathShaping(Level.TOUCHPOINT, false, null, List.of());

    public PathShaping {
        level = level == null ? Level.TOUCHPOINT : level;
        if (maxSteps != null && maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Raw touchpoint names, no collapsing, no limit. */
    public static PathShaping touchpoints() {
        return TOUCHPOINTS;
    }

    /** The label of one touchpoint under this shaping; O(groups). */
    public String label(Touchpoint touchpoint) {
        for (Group group : groups) {
            if (group.pattern().matches(touchpoint.name())) {
                return group.name();
            }
        }
        String value = switch (level) {
            case TOUCHPOINT -> touchpoint.name();
            case CHANNEL -> touchpoint.channel();
            case STAGE -> touchpoint.stage();
        };
        return value.isEmpty() ? touchpoint.name() : value;
    }

    /**
     * Every label the snapshot's touchpoints map to, sorted; lets a caller tell an unknown label apart. O(t · g +
     * t log t) for t touchpoints and g groups ({@link TouchpointLabels}).
     */
    public Set<String> labels(JourneySnapshot snapshot) {
        return new TreeSet<>(TouchpointLabels.of(snapshot, this).names());
    }

    /**
     * The step labels of one journey. With {@code toFirstPurchase} a purchasing journey's path ends at its first
     * purchase ({@link Journey#pathLength()}); otherwise all steps count. Costs O(touchpoints · groups) to label the
     * snapshot, then O(steps); analyses over many journeys label the snapshot once.
     */
    public List<String> shape(Journey journey, JourneySnapshot snapshot, boolean toFirstPurchase) {
        return shaper(snapshot).shape(journey, toFirstPurchase).steps();
    }

    PathShaper shaper(JourneySnapshot snapshot) {
        return new PathShaper(this, snapshot);
    }
}
