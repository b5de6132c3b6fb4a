/**
 * Attribution of purchases to touchpoints or channels: the exact Markov model with removal effects (orders 1 to 4)
 * and the heuristic models (first, last, linear, position-based, time decay). Also here, to move out: the statistics
 * ({@link ChiSquare}, {@link Proportions}, {@link NormalDistribution}, {@link MultipleComparisons}, {@link Interval}),
 * {@link KeyMoments} and {@link SegmentComparison}, which compares any two selections.
 */
package com.journeyexplorer.analysis.attribution;
