/**
 * Analyses that set journeys side by side: {@link SegmentComparison} compares any two selections (outcomes, paths,
 * transitions, attribution) with tests corrected for their number, and {@link KeyMoments} finds the touchpoints and
 * whose presence on a path moves the purchase rate most, with their place in the transition graph. A comparison's
 * parts: {@link OutcomeComparison}, {@link PathVariants}, {@link TransitionShares}, {@link ShareDifferences}.
 */
package com.journeyexplorer.analysis.compare;
