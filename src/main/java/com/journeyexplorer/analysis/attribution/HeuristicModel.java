package com.journeyexplorer.analysis.attribution;

/**
 * A rule-based model: each converting path's conversions and value are split over its steps by fixed shares; a
 * label's credit is the sum of the shares of its steps. Paths that did not convert are ignored. Both kinds count
 * without keeping or sorting paths, in sums that do not depend on the order of the journeys:
 * {@link PositionalModel}s by integer weights per label, role and path length, {@link TimeDecay} in exact sums.
 */
public abstract sealed class HeuristicModel implements AttributionModel permits PositionalModel, TimeDecay {
}
