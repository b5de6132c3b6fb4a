package com.journeyexplorer.analysis.experience;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * Per touchpoint id, over the selected journeys (weights included): visits (steps that are not frustration events),
 * frustration events, journeys that visit it, and of those the journeys lost (abandoned or diverted).
 *
 * <p>Cost: for a selection without criteria (all journeys, or all finished ones when the snapshot has open journeys
 * and the selection leaves them out) the counts are made once per snapshot, O(events), and kept with it
 * ({@link JourneySnapshot#memo}), so a request costs O(1); any other selection costs one pass over the selected
 * records' step arrays, O(records + selected events), its criteria read from the record columns where they can be.
 * The arrays may be shared with other requests: callers must not modify them.
 */
record TouchpointTraffic(long[] visits, long[] frustrations, long[] journeys, long[] lost) {

    /** Keys of the counts kept with a snapshot: private to this class, so they cannot collide with other memos. */
    private enum Unfiltered {
        ALL, FINISHED
    }

    static TouchpointTraffic of(JourneySnapshot snapshot, JourneySelection selection) {
        if (selection.selectsAll(snapshot)) {
            return snapshot.memo(Unfiltered.ALL, TouchpointTraffic.class, () -> count(snapshot, null));
        }
        if (selection.withOpen(true).selectsAll(snapshot)) {
            return snapshot.memo(Unfiltered.FINISHED, TouchpointTraffic.class,
                    () -> count(snapshot, selection.positions(snapshot)));
        }
        return count(snapshot, selection.positions(snapshot));
    }

    /**
     * Counts over the records at the positions {@code selected} accepts (every record for null): one pass over their
     * step and type arrays, O(records + selected events).
     */
    static TouchpointTraffic count(JourneySnapshot snapshot, IntPredicate selected) {
        int n = snapshot.touchpoints().size();
        long[] visits = new long[n];
        long[] frustrations = new long[n];
        long[] journeys = new long[n];
        long[] lost = new long[n];
        int[] seenIn = new int[n];
        Arrays.fill(seenIn, -1);
        byte frustration = EventType.FRUSTRATION.code();
        List<Journey> all = snapshot.journeys();
        for (int position = 0; position < all.size(); position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            if (selected != null && !selected.test(position)) {
                continue;
            }
            Journey journey = all.get(position);
            int weight = journey.weight();
            Outcome outcome = journey.outcome();
            boolean isLost = outcome == Outcome.ABANDONED || outcome == Outcome.DIVERTED;
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
