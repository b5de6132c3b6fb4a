package com.journeyexplorer.analysis.predict;

/**
 * The probability of each way a journey ends, named as the rest of the API names the outcomes; they sum to 1.
 */
public record OutcomeProbabilities(double purchase, double abandoned, double diverted) {

    /**
     * From an array indexed by {@link com.journeyexplorer.journey.Outcome#ordinal()} (purchase, abandoned, diverted).
     */
    static OutcomeProbabilities of(double[] byOutcome) {
        return new OutcomeProbabilities(byOutcome[0], byOutcome[1], byOutcome[2]);
    }
}
