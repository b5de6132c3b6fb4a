package com.journeyexplorer.analysis;

import java.util.List;

import com.journeyexplorer.journey.Journey;

/**
 * Per touchpoint of a snapshot: the journeys visiting it (each counted once however often it comes back) and its
 * events, weights counted. One pass over every event, O(events + touchpoints); a per-touchpoint mark holds the number
 * of the journey that last counted it, so nothing is cleared per journey.
 */
public final class TouchpointCounts {

    private final long[] journeys;
    private final long[] events;

    private TouchpointCounts(long[] journeys, long[] events) {
        this.journeys = journeys;
        this.events = events;
    }

    public static TouchpointCounts of(JourneySnapshot snapshot) {
        int n = snapshot.touchpoints().size();
        long[] journeys = new long[n];
        long[] events = new long[n];
        int[] lastSeen = new int[n];
        java.util.Arrays.fill(lastSeen, -1);
        List<Journey> all = snapshot.journeys();
        for (int j = 0; j < all.size(); j++) {
            Journey journey = all.get(j);
            for (int step : journey.steps()) {
                events[step] += journey.weight();
                if (lastSeen[step] != j) {
                    lastSeen[step] = j;
                    journeys[step] += journey.weight();
                }
            }
        }
        return new TouchpointCounts(journeys, events);
    }

    /** Journeys visiting touchpoint {@code id} at least once. */
    public long journeys(int id) {
        return journeys[id];
    }

    /** Events at touchpoint {@code id}. */
    public long events(int id) {
        return events[id];
    }
}
