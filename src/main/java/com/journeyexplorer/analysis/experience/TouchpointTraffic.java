package com.journeyexplorer.analysis.experience;

import java.util.Arrays;
import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.FrustrationEvents;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.SelectedSequences;
import com.journeyexplorer.analysis.StepSequences;
import com.journeyexplorer.analysis.WorkBudget;

/**
 * Per touchpoint id, over the selected journeys (weights included): visits (steps that are not frustration events),
 * frustration events, journeys that visit it, and of those the journeys lost (abandoned or diverted).
 *
 * <p>Cost: for a selection without criteria (all journeys, or all finished ones when the snapshot has open journeys
 * and the selection leaves them out) the counts are made once per snapshot, O(events), and kept with it
 * ({@link JourneySnapshot#memo}), so a request costs O(1); any other selection costs O(records) tests of the
 * selection (its criteria read from the record columns where they can be) plus a pass over the steps of the distinct
 * step sequences it selects and over the snapshot's frustration events ({@link #count}).
 * The arrays may be shared with other requests: callers must not modify them.
 */
record TouchpointTraffic(long[] visits, long[] frustrations, long[] journeys, long[] lost) {

    /** Keys of the counts kept with a snapshot: private to this class, so they cannot collide with other memos. */
    private enum Unfiltered {
        ALL, FINISHED
    }

    static TouchpointTraffic of(JourneySnapshot snapshot, JourneySelection selection) {
        // What count reads and keeps with the snapshot, built before the counts are: memos do not nest.
        SelectedSequences.prepare(snapshot);
        FrustrationEvents.of(snapshot);
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
     * Counts over the records at the positions {@code selected} accepts (every record for null): the selected
     * records are counted per whole step sequence from the record columns ({@link SelectedSequences}), each counted
     * sequence's steps are read once, and the frustration events listed with the snapshot ({@link
     * FrustrationEvents}) are tested one by one and moved from visits to frustration events. O(records + steps of the
     * distinct selected sequences + frustration events), without reading the records themselves.
     */
    static TouchpointTraffic count(JourneySnapshot snapshot, IntPredicate selected) {
        int n = snapshot.touchpoints().size();
        long[] visits = new long[n];
        long[] frustrations = new long[n];
        long[] journeys = new long[n];
        long[] lost = new long[n];
        int[] seenIn = new int[n];
        Arrays.fill(seenIn, -1);
        SelectedSequences selection = SelectedSequences.of(snapshot, selected);
        StepSequences sequences = selection.sequences();
        int[] pool = sequences.pool();
        int[] counted = selection.counted();
        for (int c = 0; c < counted.length; c++) {
            if ((c & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            int sequence = counted[c];
            long weight = selection.journeys(sequence);
            long lostWeight = selection.lost(sequence);
            int from = sequences.offset(sequence);
            int to = from + sequences.length(sequence);
            for (int i = from; i < to; i++) {
                int touchpoint = pool[i];
                visits[touchpoint] += weight;
                if (seenIn[touchpoint] != sequence) {
                    seenIn[touchpoint] = sequence;
                    journeys[touchpoint] += weight;
                    lost[touchpoint] += lostWeight;
                }
            }
        }
        FrustrationEvents events = FrustrationEvents.of(snapshot);
        for (int e = 0; e < events.size(); e++) {
            if (selected == null || selected.test(events.position(e))) {
                int touchpoint = events.touchpoint(e);
                frustrations[touchpoint] += events.weight(e);
                visits[touchpoint] -= events.weight(e);
            }
        }
        return new TouchpointTraffic(visits, frustrations, journeys, lost);
    }
}
