package com.journeyexplorer.analysis.predict;

import java.util.List;

/**
 * A touchpoint customers took next from the context of a prediction, and where it leads.
 *
 * @param touchpoint the next touchpoint
 * @param taken      how often it was taken next from the context (journeys counted with their weights, every time
 *                   they were in the context)
 * @param share      {@code taken} over every time journeys were in the context (what is left ended there)
 * @param purchase   the probability of a purchase once it is taken: the prediction for the steps with it appended
 * @param context    the context that prediction rests on
 * @param support    the journeys behind that context
 */
public record NextTouchpoint(String touchpoint, long taken, double share, double purchase, List<String> context,
        long support) {

    public NextTouchpoint {
        context = List.copyOf(context);
    }
}
