package com.journeyexplorer.graph;

import java.util.List;
import java.util.Map;

import com.journeyexplorer.analysis.Journey;
import com.journeyexplorer.analysis.Touchpoint;

/**
 * What one import changes: the full touchpoint list after it, the touchpoints to write, the journeys to write (new or
 * replacing an old version), the journeys to remove, and the old versions needed to undo a failed write.
 */
public record JourneyChanges(
        List<Touchpoint> touchpoints,
        List<Touchpoint> changedTouchpoints,
        List<Journey> upserts,
        List<String> removals,
        Map<String, Journey> previousVersions,
        long newEvents,
        long duplicateEvents,
        int journeysCreated,
        int journeysUpdated) {

    public boolean isEmpty() {
        return changedTouchpoints.isEmpty() && upserts.isEmpty() && removals.isEmpty();
    }
}
