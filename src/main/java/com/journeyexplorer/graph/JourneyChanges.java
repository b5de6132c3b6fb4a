package com.journeyexplorer.graph;

import java.util.HashMap;
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

    /**
     * Events the change takes out of the store, so that events after = events before + {@link #newEvents} - this:
     * the events of the versions it replaces or removes, less those the versions it writes hold beyond the events it
     * adds. An event moved from one journey to another (sessions re-split) is neither added nor taken out; an
     * aggregated path counts once per journey it stands for. O(journeys written and removed).
     */
    public long eventsRemoved() {
        long events = newEvents;
        for (Journey replaced : previousVersions.values()) {
            events += eventsOf(replaced);
        }
        for (Journey written : upserts) {
            events -= eventsOf(written);
        }
        return events;
    }

    /**
     * The events that the versions {@code written} hold and the versions {@code replaced} (by journey id) did not, as
     * an undo counts the events it puts back: the events of the replaced and written journeys are pooled, a timed
     * event by its journey (a session by its customer), time and touchpoint, an untimed one (an aggregated path's) by
     * its journey and position, each as many times as its journey's weight. So an event that an undo moves back to
     * the session it was in before counts as neither put back nor taken out, as the import that moved it did.
     * O(events of the journeys given).
     */
    public static long eventsAdded(Map<String, Journey> replaced, List<Journey> written) {
        Map<EventKey, Long> surplus = new HashMap<>();
        for (Journey journey : written) {
            tally(journey, 1, surplus);
        }
        for (Journey journey : replaced.values()) {
            tally(journey, -1, surplus);
        }
        long added = 0;
        for (long count : surplus.values()) {
            added += Math.max(0, count);
        }
        return added;
    }

    private static void tally(Journey journey, int sign, Map<EventKey, Long> counts) {
        // A customer's sessions (customerId@start) pool their events, which a re-split moves between them.
        boolean session = !journey.customerId().isEmpty() && journey.id().startsWith(journey.customerId() + "@");
        String owner = session ? "customer:" + journey.customerId() : "journey:" + journey.id();
        for (int i = 0; i < journey.length(); i++) {
            EventKey key = journey.isTimed() ? new EventKey(owner, journey.time(i), journey.steps()[i])
                    : new EventKey("journey:" + journey.id(), i, journey.steps()[i]);
            counts.merge(key, (long) sign * journey.weight(), Long::sum);
        }
    }

    /** One event as {@link #eventsAdded} pools them: time, or position for an untimed journey. */
    private record EventKey(String owner, long at, int touchpoint) {
    }

    private static long eventsOf(Journey journey) {
        return (long) journey.length() * journey.weight();
    }

    public boolean isEmpty() {
        return changedTouchpoints.isEmpty() && upserts.isEmpty() && removals.isEmpty();
    }
}
