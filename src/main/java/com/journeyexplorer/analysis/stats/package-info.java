/**
 * The statistics the comparisons and key moments report: chi-square tests ({@link ChiSquare}), proportions and their
 * Wilson intervals ({@link Proportions}, {@link Interval}), the normal distribution ({@link NormalDistribution}) and
 * corrections for many tests at once ({@link MultipleComparisons}). Plain functions, no state.
 */
package com.journeyexplorer.analysis.stats;
