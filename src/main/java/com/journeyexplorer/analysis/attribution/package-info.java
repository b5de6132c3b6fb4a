/**
 * Attribution of purchases to touchpoints or channels: the exact Markov model with removal effects (orders 1 to 4,
 * solved by {@code analysis.chain}) and the heuristic models (first, last, linear, position-based, time decay).
 */
package com.journeyexplorer.analysis.attribution;
