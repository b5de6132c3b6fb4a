package com.journeyexplorer.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The values of a snapshot that the journey filters compare with ({@link JourneySelection}): the segments and devices
 * of the journeys, the channels of the touchpoints, and per column the values of the journey attributes and of the
 * event attributes (an event filter also matches a journey attribute). Each list is sorted, without the empty value.
 * Kept with the snapshot: the journey values take one pass over the journeys, the event values one over the events,
 * each the first time it is asked for.
 */
public final class FilterValues {

    private static final Object JOURNEY_VALUES = new Object();
    private static final Object EVENT_VALUES = new Object();

    private FilterValues() {
    }

    /** The journeys' segments, devices and attributes (by column). */
    private record JourneyValues(List<String> segments, List<String> devices, Map<String, List<String>> attributes) {
    }

    /** The event attributes' values and the journey attributes' values together, by column. */
    private record EventValues(Map<String, List<String>> values) {
    }

    public static List<String> segments(JourneySnapshot snapshot) {
        return journeyValues(snapshot).segments();
    }

    public static List<String> devices(JourneySnapshot snapshot) {
        return journeyValues(snapshot).devices();
    }

    /** The touchpoints' channels; O(touchpoints), not kept. */
    public static List<String> channels(JourneySnapshot snapshot) {
        Set<String> channels = new TreeSet<>();
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            if (!touchpoint.channel().isEmpty()) {
                channels.add(touchpoint.channel());
            }
        }
        return List.copyOf(channels);
    }

    /** The values of journey attribute {@code column} (an {@code attr.<column>} filter); empty for no such column. */
    public static List<String> attributes(JourneySnapshot snapshot, String column) {
        return journeyValues(snapshot).attributes().getOrDefault(column, List.of());
    }

    /**
     * The values an {@code event.<column>} filter matches: those of the events' attribute {@code column} and of the
     * journey attribute of that name.
     */
    public static List<String> eventAttributes(JourneySnapshot snapshot, String column) {
        return snapshot.memo(EVENT_VALUES, EventValues.class, () -> eventValues(snapshot)).values()
                .getOrDefault(column, List.of());
    }

    private static JourneyValues journeyValues(JourneySnapshot snapshot) {
        return snapshot.memo(JOURNEY_VALUES, JourneyValues.class, () -> {
            // Hash sets, sorted once at the end: the values are few and shared, so each add is a hash and an identity
            // comparison, where a sorted set would compare the characters of every journey's value.
            Set<String> segments = new HashSet<>();
            Set<String> devices = new HashSet<>();
            Map<String, Set<String>> attributes = new HashMap<>();
            int position = 0;
            for (Journey journey : snapshot.journeys()) {
                if ((position++ & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                add(segments, journey.segment());
                add(devices, journey.device());
                journey.attributes().forEach((column, value) -> add(attributes.computeIfAbsent(column,
                        name -> new HashSet<>()), value));
            }
            return new JourneyValues(sorted(segments), sorted(devices), sorted(attributes));
        });
    }

    private static EventValues eventValues(JourneySnapshot snapshot) {
        Map<String, Set<String>> values = new HashMap<>();
        journeyValues(snapshot).attributes().forEach((column, known) -> values.put(column, new HashSet<>(known)));
        int position = 0;
        for (Journey journey : snapshot.journeys()) {
            if ((position++ & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            for (String column : journey.events().columns()) {
                Set<String> known = values.computeIfAbsent(column, name -> new HashSet<>());
                for (String value : journey.events().values(column)) {
                    add(known, value);
                }
            }
        }
        return new EventValues(sorted(values));
    }

    private static void add(Set<String> values, String value) {
        if (value != null && !value.isEmpty()) {
            values.add(value);
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static Map<String, List<String>> sorted(Map<String, Set<String>> values) {
        Map<String, List<String>> lists = new TreeMap<>();
        values.forEach((column, known) -> lists.put(column, sorted(known)));
        return Map.copyOf(lists);
    }
}
