package com.journeyexplorer.analysis.predict;

import java.util.List;

/**
 * What the variable-order chain predicts for an open journey.
 *
 * @param unknownSteps the steps that name no touchpoint of the data, in request order (skipped)
 * @param context      the recent steps the prediction rests on, oldest first; {@code (start)} first when the context
 *                     reaches back to the journey's start; empty when no context has enough support (the base rate)
 * @param support      the journeys behind the context: those that took these steps one after the other (all selected
 *                     journeys for the empty context)
 * @param outcomes     the probability of each outcome; null when the model learned from no journey
 * @param next         the touchpoints customers took next from the context, the most likely to lead to a purchase
 *                     first; empty for the empty context
 */
public record Prediction(List<String> unknownSteps, List<String> context, long support, OutcomeProbabilities outcomes,
        List<NextTouchpoint> next) {

    public Prediction {
        unknownSteps = List.copyOf(unknownSteps);
        context = List.copyOf(context);
        next = List.copyOf(next);
    }
}
