package com.journeyexplorer.analysis.attribution;

/** What a path step is labelled with when a {@code Journey} becomes an {@link AttributionPath}. */
public enum LabelLevel {
    /** The touchpoint's name. */
    TOUCHPOINT,
    /** The touchpoint's channel; a touchpoint without a channel is labelled with its name. */
    CHANNEL
}
