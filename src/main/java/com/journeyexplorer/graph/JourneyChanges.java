package com.journeyexplorer.graph;

import java.util.List;
import java.util.Map;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Touchpoint;

/**
 * What one import changes: the full touchpoint list after it, the touchpoints to write, the journeys to write (new or
 * replacing an old version), the journeys to remove, and the old versions needed to undo a failed write.
 * {@code writtenBy} names, for journeys put back by an undo, the journal entry that wrote the version put back (so the
 * journeys keep their provenance); every other journey is recorded as written by the entry being applied.
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
        int journeysUpdated,
        Map<String, String> writtenBy) {

    public JourneyChanges {
        writtenBy = writtenBy == null ? Map.of() : writtenBy;
    }

    public JourneyChanges(List<Touchpoint> touchpoints, List<Touchpoint> changedTouchpoints, List<Journey> upserts,
            List<String> removals, Map<String, Journey> previousVersions, long newEvents, long duplicateEvents,
            int journeysCreated, int journeysUpdated) {
        this(touchpoints, changedTouchpoints, upserts, removals, previousVersions, newEvents, duplicateEvents,
                journeysCreated, journeysUpdated, Map.of());
    }

    /** Events of the journeys removed, as stored before: an aggregated path counts once per journey it stands for. */
    public long removedEvents() {
        long events = 0;
        for (String id : removals) {
            Journey removed = previousVersions.get(id);
            if (removed != null) {
                events += (long) removed.length() * removed.weight();
            }
        }
        return events;
    }

    public boolean isEmpty() {
        return changedTouchpoints.isEmpty() && upserts.isEmpty() && removals.isEmpty();
    }
}
