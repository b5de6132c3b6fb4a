package com.journeyexplorer.analysis;

import java.util.Locale;

/**
 * A count and its noun in agreement, for the sentences the answers write: "1 journey", "2,500 journeys". One place,
 * so that no answer says "1 journeys". For nouns whose plural adds an s, which are all the answers count.
 */
public final class Counted {

    private Counted() {
    }

    /** {@code count} with thousands separators, then {@code noun} (singular), with an s unless the count is 1. */
    public static String of(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
