package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.Arrays;
import java.util.Objects;

/**
 * The neutral input of every attribution model: one path of labels (touchpoints, channels, stages or groups)
 * standing for {@code weight} identical journeys.
 *
 * <p>{@code steps} is the path up to and including the first purchase for a converting path, the whole journey
 * otherwise. {@code conversionValue} is the total value of the {@code weight} journeys (as ChannelAttribution's
 * {@code total_conversion_value} column), 0 for a path that did not convert. {@code stepTimes} holds one epoch
 * millisecond per step, or is empty for untimed (aggregated) paths; {@code conversionTime} is the time of the
 * conversion (the last step of a converting path), 0 when untimed.
 *
 * <p>Arrays are shared, never copied: callers must not modify them. The journeys of a snapshot are counted without
 * this object ({@link AttributionModel#accumulator}), by the same convention as {@link #of}.
 */
public record AttributionPath(String[] steps, boolean converted, double conversionValue, long weight,
        long[] stepTimes, long conversionTime) {

    private static final long[] NO_TIMES = new long[0];

    public AttributionPath {
        Objects.requireNonNull(steps, "steps");
        stepTimes = stepTimes == null ? NO_TIMES : stepTimes;
        if (steps.length == 0) {
            throw new IllegalArgumentException("a path has at least one step");
        }
        for (String step : steps) {
            Objects.requireNonNull(step, "step labels must not be null");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, was " + weight);
        }
        if (!Double.isFinite(conversionValue) || conversionValue < 0) {
            throw new IllegalArgumentException("conversionValue must be finite and >= 0, was " + conversionValue);
        }
        if (!converted && conversionValue != 0) {
            throw new IllegalArgumentException("a path that did not convert has no conversion value");
        }
        if (stepTimes.length != 0 && stepTimes.length != steps.length) {
            throw new IllegalArgumentException("stepTimes must be empty or as long as steps");
        }
    }

    /** An untimed path, as in aggregated path data. */
    public static AttributionPath untimed(String[] steps, boolean converted, double conversionValue, long weight) {
        return new AttributionPath(steps, converted, conversionValue, weight, NO_TIMES, 0L);
    }

    /**
     * The path of a journey: the touchpoints before its first purchase for a converting journey (the purchase event
     * is the conversion, not a touchpoint that earns credit; a journey that starts with its purchase keeps that one
     * step), the whole journey otherwise, without its frustration signals (a rage click is about the page, not a
     * touch of its own: {@link Touches}). {@code converted} means outcome PURCHASE; {@link Journey#value()} is the
     * record's total value (of all {@code weight} journeys). Each step is labelled by {@code labels}. O(path length).
     */
    public static AttributionPath of(Journey journey, TouchpointLabels labels) {
        Objects.requireNonNull(labels, "labels");
        boolean converted = journey.outcome() == Outcome.PURCHASE;
        int pathLength = PathCounter.pathLength(journey);
        int[] touches = Touches.of(journey, pathLength);
        int length = touches == null ? pathLength : touches.length;
        String[] steps = new String[length];
        for (int i = 0; i < length; i++) {
            steps[i] = labels.name(labels.labelOf(journey.steps()[touches == null ? i : touches[i]]));
        }
        double value = converted ? Math.max(0, journey.value()) : 0;
        if (!journey.isTimed()) {
            return untimed(steps, converted, value, journey.weight());
        }
        long[] times = new long[length];
        for (int i = 0; i < length; i++) {
            times[i] = journey.time(touches == null ? i : touches[i]);
        }
        long conversionTime = converted ? journey.time(journey.purchaseIndex()) : times[length - 1];
        return new AttributionPath(steps, converted, value, journey.weight(), times, conversionTime);
    }

    public int length() {
        return steps.length;
    }

    public boolean isTimed() {
        return stepTimes.length > 0;
    }

    /** Conversions this path stands for: its weight if it converted, else 0. */
    public long conversions() {
        return converted ? weight : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributionPath path && converted == path.converted && weight == path.weight
                && conversionTime == path.conversionTime
                && Double.compare(conversionValue, path.conversionValue) == 0
                && Arrays.equals(steps, path.steps) && Arrays.equals(stepTimes, path.stepTimes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(steps), converted, conversionValue, weight, Arrays.hashCode(stepTimes),
                conversionTime);
    }

    @Override
    public String toString() {
        return String.join(" > ", steps) + (converted ? " => conversion x" : " => null x") + weight;
    }
}
