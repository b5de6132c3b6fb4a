package com.journeyexplorer.analysis.attribution;

import java.util.List;

/**
 * Shares out the conversions of a set of paths among the labels (channels or touchpoints) on them. Implementations
 * are deterministic: the same paths in any order give bitwise-equal results.
 */
public interface AttributionModel {

    /** The model's name as the API spells it, e.g. {@code last_touch}. */
    String name();

    /** Attribution of {@code paths}; paths that did not convert count only where the model uses them (Markov). */
    Attribution attribute(List<AttributionPath> paths);
}
