/**
 * Attribution of purchases to labels: touchpoints, channels, stages or named groups of touchpoints, numbered by
 * {@link com.journeyexplorer.analysis.TouchpointLabels} as path shaping numbers them. The exact Markov model with
 * removal effects (orders 1 to 4, solved by {@code analysis.chain}) and the heuristic models (first, last, linear,
 * position-based, time decay);
 * {@link com.journeyexplorer.analysis.attribution.SelectedAttribution} feeds a model the selected journeys and counts
 * them and their purchases in the same pass.
 */
package com.journeyexplorer.analysis.attribution;
