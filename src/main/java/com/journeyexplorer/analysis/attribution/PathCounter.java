package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * Receives paths as int arrays, one at a time, without a per-path object: the labels of a path are
 * {@code labelOf[steps[0]] .. labelOf[steps[length - 1]]}, label ids numbered in ascending label order. The journeys of
 * a snapshot come in this way straight from their touchpoint arrays ({@link #addJourney}, {@code labelOf} from
 * {@link com.journeyexplorer.analysis.TouchpointLabels}); a list of {@link AttributionPath}s through
 * {@link LabelTable}.
 */
interface PathCounter {

    /**
     * One path standing for {@code weight} journeys; {@code value} is their total conversion value, 0 unless
     * {@code converted}.
     */
    void add(int[] steps, int length, int[] labelOf, boolean converted, long weight, double value);

    /**
     * The path of a journey as {@link AttributionPath#of} makes it: the steps before its first purchase for a
     * converting journey (its first step if it starts with the purchase), every step otherwise, its frustration
     * signals left out ({@link Touches}); value the record's total. {@code labelOf} maps touchpoint ids to labels.
     */
    default void addJourney(Journey journey, int[] labelOf) {
        int length = pathLength(journey);
        int[] touches = Touches.of(journey, length);
        if (touches == null) {
            addSteps(journey, journey.steps(), length, labelOf);
        } else {
            addSteps(journey, Touches.steps(journey, touches), touches.length, labelOf);
        }
    }

    /**
     * As {@link #addJourney} for a journey whose path has no frustration signal: its steps are not tested, so this
     * is for a caller that knows ({@link com.journeyexplorer.analysis.FrustrationEvents}).
     */
    default void addTouchesOnly(Journey journey, int[] labelOf) {
        addSteps(journey, journey.steps(), pathLength(journey), labelOf);
    }

    /** The steps of {@link AttributionPath#of}: before the first purchase (at least one), or all of them. */
    static int pathLength(Journey journey) {
        return journey.outcome() == Outcome.PURCHASE ? Math.max(1, journey.purchaseIndex()) : journey.length();
    }

    private void addSteps(Journey journey, int[] steps, int length, int[] labelOf) {
        boolean converted = journey.outcome() == Outcome.PURCHASE;
        add(steps, length, labelOf, converted, journey.weight(), converted ? Math.max(0, journey.value()) : 0);
    }
}
