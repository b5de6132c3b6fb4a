package com.journeyexplorer.analysis.experience;

import java.util.List;
import java.util.function.Predicate;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * Per touchpoint id, over the selected journeys (weights included): visits (steps that are not frustration events),
 * frustration events, journeys that visit it, and of those the journeys lost (abandoned or diverted). One pass over
 * the selected journeys' steps: O(events).
 */
record TouchpointTraffic(long[] visits, long[] frustrations, long[] journeys, long[] lost) {

    static TouchpointTraffic of(JourneySnapshot snapshot, JourneySelection selection) {
        int n = snapshot.touchpoints().size();
        long[] visits = new long[n];
        long[] frustrations = new long[n];
        long[] journeys = new long[n];
        long[] lost = new long[n];
        int[] seenIn = new int[n];
        java.util.Arrays.fill(seenIn, -1);
        Predicate<Journey> selected = selection.predicate(snapshot);
        byte frustration = EventType.FRUSTRATION.code();
        List<Journey> all = snapshot.journeys();
        for (int position = 0; position < all.size(); position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            Journey journey = all.get(position);
            if (!selected.test(journey)) {
                continue;
            }
            int weight = journey.weight();
            boolean isLost = journey.outcome() == Outcome.ABANDONED || journey.outcome() == Outcome.DIVERTED;
            int[] steps = journey.steps();
            byte[] types = journey.types();
            for (int i = 0; i < steps.length; i++) {
                int touchpoint = steps[i];
                if (types[i] == frustration) {
                    frustrations[touchpoint] += weight;
                } else {
                    visits[touchpoint] += weight;
                }
                if (seenIn[touchpoint] != position) {
                    seenIn[touchpoint] = position;
                    journeys[touchpoint] += weight;
                    if (isLost) {
                        lost[touchpoint] += weight;
                    }
                }
            }
        }
        return new TouchpointTraffic(visits, frustrations, journeys, lost);
    }
}
