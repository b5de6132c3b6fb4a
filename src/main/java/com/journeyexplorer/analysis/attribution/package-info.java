/**
 * Attribution of purchases to labels: touchpoints, channels, stages or named groups of touchpoints, numbered by
 * {@link com.journeyexplorer.analysis.TouchpointLabels} as path shaping numbers them. The exact Markov model with
 * removal effects (orders 1 to 4, solved by {@code analysis.chain}) and the heuristic models (first, last, linear,
 * position-based, time decay).
 */
package com.journeyexplorer.analysis.attribution;
