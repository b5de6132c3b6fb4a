package com.journeyexplorer.journey;

import java.util.Locale;
import java.util.Optional;

/** How a journey ends. Every journey has exactly one outcome. */
public enum Outcome {
    /** The journey contains a purchase event; the path to purchase ends at the first one. */
    PURCHASE,
    /** No purchase, and the last touchpoint is not a competitor's. */
    ABANDONED,
    /** No purchase, and the journey ends on a competitor touchpoint. */
    DIVERTED,
    /**
     * Still in progress: no purchase and no abandon event, and the last event lies within the open horizon of the
     * data's latest event ({@link OpenJourneys}). Derived per snapshot, never stored: as later data arrives, an open
     * journey becomes ABANDONED or DIVERTED. Analyses leave open journeys out unless asked
     * ({@link com.journeyexplorer.analysis.JourneySelection#includeOpen()}); then they end at their own absorbing node, never as abandoned.
     */
    OPEN;

    /** Whether a journey with this outcome is finished (every outcome but {@link #OPEN}). */
    public boolean isFinished() {
        return this != OPEN;
    }

    /** Name of the absorbing node that stands for this outcome in transition graphs. */
    public String nodeName() {
        return "(" + name().toLowerCase(Locale.ROOT) + ")";
    }

    /** Parses {@code purchase}, {@code abandoned}, {@code diverted}, {@code open} in any case. */
    public static Optional<Outcome> parse(String text) {
        for (Outcome outcome : values()) {
            if (outcome.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
