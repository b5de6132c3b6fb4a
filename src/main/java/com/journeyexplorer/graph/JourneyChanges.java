package com.journeyexplorer.graph;

import java.util.ArrayList;
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
     * O(events of the journeys given) in time; the events are pooled one owner (journey or customer) at a time, so
     * the memory is that of the largest owner's events, not of an undo of a million journeys.
     */
    public static long eventsAdded(Map<String, Journey> replaced, List<Journey> written) {
        Map<String, List<Journey>> writtenByOwner = new HashMap<>();
        for (Journey journey : written) {
            writtenByOwner.computeIfAbsent(owner(journey), unused -> new ArrayList<>()).add(journey);
        }
        Map<String, List<Journey>> replacedByOwner = new HashMap<>();
        for (Journey journey : replaced.values()) {
            String owner = owner(journey);
            // An owner nothing is written for only loses events: none of them is added.
            if (writtenByOwner.containsKey(owner)) {
                replacedByOwner.computeIfAbsent(owner, unused -> new ArrayList<>()).add(journey);
            }
        }
        long added = 0;
        for (Map.Entry<String, List<Journey>> owned : writtenByOwner.entrySet()) {
            List<Journey> before = replacedByOwner.getOrDefault(owned.getKey(), List.of());
            if (before.isEmpty()) {
                for (Journey journey : owned.getValue()) {
                    added += eventsOf(journey);
                }
                continue;
            }
            Map<EventKey, Long> surplus = new HashMap<>();
            owned.getValue().forEach(journey -> tally(journey, 1, surplus));
            before.forEach(journey -> tally(journey, -1, surplus));
            for (long count : surplus.values()) {
                added += Math.max(0, count);
            }
        }
        return added;
    }

    /**
     * Whose events a journey's are pooled with: a customer's sessions ({@code customerId@start}, timed) pool theirs,
     * which a re-split moves between them; any other journey keeps its own.
     */
    private static String owner(Journey journey) {
        boolean session = journey.isTimed() && !journey.customerId().isEmpty()
                && journey.id().startsWith(journey.customerId() + "@");
        return session ? "customer:" + journey.customerId() : "journey:" + journey.id();
    }

    private static void tally(Journey journey, int sign, Map<EventKey, Long> counts) {
        String owner = owner(journey);
        for (int i = 0; i < journey.length(); i++) {
            long at = journey.isTimed() ? journey.time(i) : i;
            counts.merge(new EventKey(owner, at, journey.steps()[i]), (long) sign * journey.weight(), Long::sum);
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
