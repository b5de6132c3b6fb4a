/**
 * Predicting how open journeys end: {@link com.journeyexplorer.analysis.predict.VariableOrderChain}, a
 * variable-order Markov chain over touchpoints that answers the outcome probabilities of a journey from its recent
 * steps (the longest context with enough journeys behind it) and the next touchpoints that lead to a purchase; and
 * {@link com.journeyexplorer.analysis.predict.Backtest}, which learns from the earlier journeys and scores the
 * predictions of the later ones against the first-order absorbing chain ({@code analysis.chain}) and the base rate.
 * Plain Java, no Spring.
 */
package com.journeyexplorer.analysis.predict;
