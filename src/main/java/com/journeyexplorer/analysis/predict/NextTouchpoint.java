package com.journeyexplorer.analysis.predict;

/**
 * A touchpoint customers took next from the context of a prediction, and where it leads.
 *
 * @param touchpoint the next touchpoint
 * @param taken      how often it was taken next from the context (journeys counted with their weights, every time
 *                   they were in the context)
 * @param share      {@code taken} over every time journeys were in the context (what is left ended there)
 * @param purchase   the probability of a purchase once it is taken: the prediction for the steps with it appended
 *                   (from the longest context of those steps with enough support)
 * @param support    the journeys behind the context that probability rests on
 */
public record NextTouchpoint(String touchpoint, long taken, double share, double purchase, long support) {
}
