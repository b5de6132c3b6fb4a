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
                events += eventsOf(removed);
            }
        }
        return events;
    }

    /**
     * Every event an undo takes out of the store: those of the journeys it removes ({@link #removedEvents}), and of
     * each journey it puts an earlier version of back, those the stored version has beyond it (the events the undone
     * entry added). A journey put back longer than it is loses none. O(journeys written and removed).
     */
    public long eventsTakenOutByUndo() {
        long events = removedEvents();
        for (Journey restored : upserts) {
            Journey current = previousVersions.get(restored.id());
            if (current != null) {
                events += Math.max(0, eventsOf(current) - eventsOf(restored));
            }
        }
        return events;
    }

    private static long eventsOf(Journey journey) {
        return (long) journey.length() * journey.weight();
    }

    public boolean isEmpty() {
        return changedTouchpoints.isEmpty() && upserts.isEmpty() && removals.isEmpty();
    }
}
