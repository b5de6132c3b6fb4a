package com.journeyexplorer.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.journeyexplorer.analysis.EventAttributes;
import com.journeyexplorer.analysis.Journey;
import com.journeyexplorer.analysis.Outcome;
import com.journeyexplorer.graph.JourneyChanges;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.OutcomeRule;
import com.journeyexplorer.analysis.Touchpoint;

/**
 * Turns the drafts of an upload into journeys, merged with the journeys already stored: events are ordered by time
 * (ties keep file order, stored events first), an event seen before (same event id, or same time and touchpoint) is
 * counted once, and each journey's outcome is recomputed. A customer's events without journey ids are split into
 * sessions at the inactivity gap; such sessions are named {@code customerId@startInstant}. Extra columns are sorted
 * out over each built journey's events, stored and new: a column with one value on every event that has one is a
 * journey attribute, a column whose value varies is an event attribute kept per step, so a journey attribute that a
 * later upload makes vary becomes an event attribute (its stored events keep the journey's value).
 */
final class JourneyAssembler {

    static final String SESSION_SEPARATOR = "@";

    private final JourneySnapshot base;
    private final Duration sessionGap;
    private final long openHorizon;

    JourneyAssembler(JourneySnapshot base, Duration sessionGap) {
        this(base, sessionGap, -1);
    }

    /** @param openHorizon the open horizon of the journeys built, milliseconds; -1 keeps a stored journey's own */
    JourneyAssembler(JourneySnapshot base, Duration sessionGap, long openHorizon) {
        this.base = base;
        this.sessionGap = sessionGap;
        this.openHorizon = openHorizon;
    }

    JourneyChanges assemble(EventAccumulator accumulator) {
        List<Touchpoint> touchpoints = List.copyOf(accumulator.touchpoints());
        Map<String, List<Journey>> sessionsByCustomer = storedSessions(accumulator);
        List<Journey> upserts = new ArrayList<>(accumulator.draftCount());
        List<String> removals = new ArrayList<>();
        Map<String, Journey> previous = new HashMap<>();
        long newEvents = 0;
        long duplicates = 0;
        int created = 0;
        int updated = 0;
        for (JourneyDraft draft : accumulator.drafts()) {
            List<Journey> stored = draft.byCustomer
                    ? sessionsByCustomer.getOrDefault(draft.key, List.of())
                    : base.journey(draft.key).map(List::of).orElse(List.of());
            Merged merged = merge(stored, draft);
            newEvents += merged.added;
            duplicates += draft.size - merged.added;
            List<Journey> journeys = draft.byCustomer
                    ? splitSessions(draft, merged, stored, touchpoints)
                    : List.of(build(draft.key, draft, merged, 0, merged.size, stored, touchpoints));
            Set<String> keptIds = new HashSet<>();
            for (Journey journey : journeys) {
                keptIds.add(journey.id());
                Journey old = base.journey(journey.id()).orElse(null);
                if (old == null) {
                    created++;
                    upserts.add(journey);
                } else if (!sameEvents(old, journey)) {
                    updated++;
                    upserts.add(journey);
                    previous.put(old.id(), old);
                }
            }
            for (Journey old : stored) {
                if (!keptIds.contains(old.id())) {
                    removals.add(old.id());
                    previous.put(old.id(), old);
                }
            }
        }
        return new JourneyChanges(touchpoints, accumulator.changedTouchpoints(), upserts, removals, previous,
                newEvents, duplicates, created, updated);
    }

    /** Stored sessions of the customers whose events came without journey ids; one pass over the snapshot. */
    private Map<String, List<Journey>> storedSessions(EventAccumulator accumulator) {
        Set<String> customers = new HashSet<>();
        for (JourneyDraft draft : accumulator.drafts()) {
            if (draft.byCustomer) {
                customers.add(draft.key);
            }
        }
        if (customers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Journey>> sessions = new HashMap<>();
        for (Journey journey : base.journeys()) {
            int separator = journey.id().lastIndexOf(SESSION_SEPARATOR);
            if (separator > 0 && customers.contains(journey.customerId())
                    && journey.id().substring(0, separator).equals(journey.customerId())) {
                sessions.computeIfAbsent(journey.customerId(), key -> new ArrayList<>()).add(journey);
            }
        }
        return sessions;
    }

    /** Stored and new events in time order, duplicates dropped. */
    private static Merged merge(List<Journey> stored, JourneyDraft draft) {
        int storedSize = stored.stream().mapToInt(Journey::length).sum();
        int total = storedSize + draft.size;
        int[] steps = new int[total];
        long[] times = new long[total];
        byte[] types = new byte[total];
        double[] values = new double[total];
        String[] eventIds = null;
        boolean anyIds = draft.eventIds != null || stored.stream().anyMatch(j -> j.eventIds() != null);
        if (anyIds) {
            eventIds = new String[total];
        }
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (Journey journey : stored) {
            journey.attributes().keySet().forEach(name -> columns.putIfAbsent(name, new String[total]));
            journey.events().columns().forEach(name -> columns.putIfAbsent(name, new String[total]));
        }
        draft.columns.keySet().forEach(name -> columns.putIfAbsent(name, new String[total]));
        int at = 0;
        double storedValue = 0;
        for (Journey journey : stored) {
            for (int i = 0; i < journey.length(); i++, at++) {
                steps[at] = journey.steps()[i];
                times[at] = journey.isTimed() ? journey.times()[i] : 0;
                types[at] = journey.types()[i];
                if (eventIds != null) {
                    eventIds[at] = journey.eventId(i);
                }
                for (Map.Entry<String, String[]> column : columns.entrySet()) {
                    String value = journey.events().value(column.getKey(), i);
                    column.getValue()[at] = value != null ? value : journey.attributes().get(column.getKey());
                }
            }
            storedValue += journey.value();
        }
        for (Map.Entry<String, String[]> column : draft.columns.entrySet()) {
            System.arraycopy(column.getValue(), 0, columns.get(column.getKey()), at, draft.size);
        }
        System.arraycopy(draft.steps, 0, steps, at, draft.size);
        System.arraycopy(draft.times, 0, times, at, draft.size);
        System.arraycopy(draft.types, 0, types, at, draft.size);
        System.arraycopy(draft.values, 0, values, at, draft.size);
        if (eventIds != null && draft.eventIds != null) {
            System.arraycopy(draft.eventIds, 0, eventIds, at, draft.size);
        }
        int[] order = timeOrder(times);
        boolean[] keep = new boolean[total];
        Set<String> seenIds = eventIds == null ? null : new HashSet<>();
        int kept = 0;
        int added = 0;
        double addedValue = 0;
        for (int k = 0; k < total; k++) {
            int i = order[k];
            boolean duplicate;
            if (eventIds != null && eventIds[i] != null) {
                duplicate = !seenIds.add(eventIds[i]);
            } else {
                duplicate = false;
                // Same time and touchpoint: the same event. Equal times sit next to each other in time order.
                for (int back = k - 1; back >= 0 && times[order[back]] == times[i]; back--) {
                    int j = order[back];
                    if (keep[j] && steps[j] == steps[i] && (eventIds == null || eventIds[j] == null)) {
                        duplicate = true;
                        break;
                    }
                }
            }
            if (!duplicate) {
                keep[i] = true;
                kept++;
                if (i >= storedSize) {
                    added++;
                    addedValue += values[i];
                }
            }
        }
        Merged merged = new Merged(kept, added, storedValue + addedValue);
        merged.steps = new int[kept];
        merged.times = new long[kept];
        merged.types = new byte[kept];
        merged.values = new double[kept];
        merged.eventIds = eventIds == null ? null : new String[kept];
        merged.columns = new LinkedHashMap<>();
        for (String name : columns.keySet()) {
            merged.columns.put(name, new String[kept]);
        }
        int out = 0;
        for (int k = 0; k < total; k++) {
            int i = order[k];
            if (keep[i]) {
                merged.steps[out] = steps[i];
                merged.times[out] = times[i];
                merged.types[out] = types[i];
                merged.values[out] = values[i];
                if (eventIds != null) {
                    merged.eventIds[out] = eventIds[i];
                }
                for (Map.Entry<String, String[]> column : columns.entrySet()) {
                    merged.columns.get(column.getKey())[out] = column.getValue()[i];
                }
                out++;
            }
        }
        return merged;
    }

    /** Indices in stable time order; most uploads are already ordered, which costs one pass. */
    private static int[] timeOrder(long[] times) {
        int[] order = new int[times.length];
        boolean sorted = true;
        for (int i = 0; i < times.length; i++) {
            order[i] = i;
            if (i > 0 && times[i] < times[i - 1]) {
                sorted = false;
            }
        }
        if (sorted) {
            return order;
        }
        Integer[] boxed = new Integer[times.length];
        for (int i = 0; i < times.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingLong(i -> times[i]));
        for (int i = 0; i < times.length; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private List<Journey> splitSessions(JourneyDraft draft, Merged merged, List<Journey> stored,
            List<Touchpoint> touchpoints) {
        List<Journey> sessions = new ArrayList<>();
        long gap = sessionGap.toMillis();
        int start = 0;
        for (int i = 1; i <= merged.size; i++) {
            if (i == merged.size || merged.times[i] - merged.times[i - 1] > gap) {
                String id = draft.key + SESSION_SEPARATOR + Instant.ofEpochMilli(merged.times[start]);
                sessions.add(build(id, draft, merged, start, i, stored, touchpoints));
                start = i;
            }
        }
        return sessions;
    }

    private Journey build(String id, JourneyDraft draft, Merged merged, int from, int to, List<Journey> stored,
            List<Touchpoint> touchpoints) {
        int[] steps = Arrays.copyOfRange(merged.steps, from, to);
        byte[] types = Arrays.copyOfRange(merged.types, from, to);
        long[] times = Arrays.copyOfRange(merged.times, from, to);
        String[] eventIds = merged.eventIds == null ? null : Arrays.copyOfRange(merged.eventIds, from, to);
        Journey first = stored.isEmpty() ? null : stored.get(0);
        double value = 0;
        if (from == 0 && to == merged.size) {
            value = merged.totalValue;
        } else {
            for (int i = from; i < to; i++) {
                value += merged.values[i];
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String[]> varying = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> column : merged.columns.entrySet()) {
            String[] values = Arrays.copyOfRange(column.getValue(), from, to);
            String single = null;
            boolean varies = false;
            for (String cell : values) {
                if (cell != null) {
                    varies |= single != null && !single.equals(cell);
                    single = single == null ? cell : single;
                }
            }
            if (varies) {
                varying.put(column.getKey(), values);
            } else if (single != null) {
                attributes.put(column.getKey(), single);
            }
        }
        long horizon = openHorizon >= 0 || first == null ? openHorizon : first.openHorizon();
        int purchase = OutcomeRule.firstPurchase(types);
        return new Journey(id,
                first != null && !first.customerId().isEmpty() ? first.customerId() : draft.customerId,
                steps, times, types, eventIds,
                OutcomeRule.outcomeOf(steps, types, touchpoints),
                purchase, value, 1,
                first != null && !first.segment().isEmpty() ? first.segment() : draft.segment.intern(),
                first != null && !first.device().isEmpty() ? first.device() : draft.device.intern(),
                attributes.isEmpty() ? Map.of() : Map.copyOf(attributes), EventAttributes.of(varying, steps.length),
                horizon);
    }

    /** Whether a stored journey and its rebuilt version are the same; a stored journey may be open, a new one not. */
    private static boolean sameEvents(Journey a, Journey b) {
        return Arrays.equals(a.steps(), b.steps()) && Arrays.equals(a.times(), b.times())
                && Arrays.equals(a.types(), b.types())
                && (a.outcome() == b.outcome() || a.outcome() == Outcome.OPEN && b.purchaseIndex() < 0)
                && a.attributes().equals(b.attributes()) && a.events().equals(b.events())
                && a.openHorizon() == b.openHorizon();
    }

    private static final class Merged {
        final int size;
        final int added;
        final double totalValue;
        int[] steps;
        long[] times;
        byte[] types;
        double[] values;
        String[] eventIds;
        /** Extra columns by name: each kept event's value, null where it has none. */
        Map<String, String[]> columns;

        Merged(int size, int added, double totalValue) {
            this.size = size;
            this.added = added;
            this.totalValue = totalValue;
        }
    }
}
