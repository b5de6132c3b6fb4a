package com.journeyexplorer.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyChanges;
import com.journeyexplorer.journey.EventAttributes;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.SharedJourneyParts;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Turns the drafts of an upload into journeys, merged with the journeys already stored: events are ordered by time
 * (ties by the {@code orderColumn}'s values, column by column, {@link EventOrder}, where it is given; else, and among
 * equal values, file order, stored events first), an event seen before is counted once, and each journey's outcome is
 * recomputed. An event with an id is the event of that id (with {@code eventColumn}, of that id and name). Without
 * an id, two events of the upload are the same event when all their columns are equal (time, touchpoint and a
 * fingerprint of every other column, see
 * {@link JourneyDraft#fingerprintCell}); stored events keep only time and touchpoint, so each stored event stands for
 * one upload event of the same time and touchpoint (re-importing a file adds nothing, and a file with two views of
 * different products in the same second keeps both). A journey's value is the sum of its purchase events' values. A
 * customer's events without journey ids are split into sessions at the inactivity gap; such sessions are named
 * {@code customerId@startInstant}. Extra columns are sorted out over each built journey's events, stored and new: a
 * column with one value on every event that has one is a journey attribute, a column whose value varies is an event
 * attribute kept per step, so a journey attribute that a later upload makes vary becomes an event attribute (its
 * stored events keep the journey's value). A purchase that would make the value of its journey, or of its customer's
 * purchases, larger than the largest double, with the value stored and the rows before, is refused
 * ({@link EventAccumulator#refuseValue}): the caller rejects the upload or imports it without that row.
 */
final class JourneyAssembler {

    static final String SESSION_SEPARATOR = "@";
    private static final byte FRUSTRATION = EventType.FRUSTRATION.code();

    private final JourneySnapshot base;
    private final Duration sessionGap;
    private final long openHorizon;
    /** The columns whose values order the events of the same time, first column first; empty for none. */
    private final List<String> orderColumns;
    /** The type arrays, customer ids and details (with their attribute maps) of the journeys built, one copy each. */
    private final SharedJourneyParts shared = new SharedJourneyParts();
    /** The page each upload event the {@code frustration} rule moved was moved to, by where the event was. */
    private final Map<SignalAt, Integer> movedSignals = new HashMap<>();

    JourneyAssembler(JourneySnapshot base, Duration sessionGap) {
        this(base, sessionGap, -1);
    }

    /** @param openHorizon the open horizon of the journeys built, milliseconds; -1 keeps a stored journey's own */
    JourneyAssembler(JourneySnapshot base, Duration sessionGap, long openHorizon) {
        this(base, sessionGap, openHorizon, List.of());
    }

    /** The assembler of an import read with {@code options}: its session gap, open horizon and order column. */
    JourneyAssembler(JourneySnapshot base, ImportOptions options) {
        this(base, options.sessionGap(), options.openHorizonMillis(), options.orderColumns());
    }

    private JourneyAssembler(JourneySnapshot base, Duration sessionGap, long openHorizon, List<String> orderColumns) {
        this.base = base;
        this.sessionGap = sessionGap;
        this.openHorizon = openHorizon;
        this.orderColumns = orderColumns;
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
        // Moves are recorded only for the answers given on events to follow them (most uploads carry none).
        Map<SignalAt, Integer> moves = accumulator.answers().isEmpty() ? null : movedSignals;
        for (JourneyDraft draft : accumulator.drafts()) {
            List<Journey> stored = draft.byCustomer
                    ? sessionsByCustomer.getOrDefault(draft.key, List.of())
                    : base.journey(draft.key).map(List::of).orElse(List.of());
            Merged merged = merge(stored, draft, accumulator.frustrationSignals(),
                    draft.byCustomer ? sessionGap.toMillis() : Long.MAX_VALUE, moves, accumulator, orderColumns);
            newEvents += merged.added;
            duplicates += draft.size - merged.added - merged.refused;
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
        BitSet unvisitedMaybe = accumulator.frustrationSignals();
        if (!accumulator.valueRefusedTouchpoints().isEmpty()) {
            unvisitedMaybe = (BitSet) unvisitedMaybe.clone();
            unvisitedMaybe.or(accumulator.valueRefusedTouchpoints());
        }
        Renumbering renumbering = Renumbering.of(touchpoints, base.touchpoints().size(), unvisitedMaybe, upserts);
        return new JourneyChanges(renumbering.touchpoints(touchpoints),
                renumbering.touchpoints(accumulator.changedTouchpoints()), renumbering.journeys(upserts, shared),
                removals, previous, newEvents, duplicates, created, updated);
    }

    /**
     * The new touchpoints of an upload that no journey built visits are not created: a name of the {@code frustration}
     * rule whose events all moved to the page before them, or the touchpoint of rows refused for their value only.
     * Touchpoint ids are list positions, so the new touchpoints after the first one left out move up, and the journeys
     * that visit them get the new ids. Only such touchpoints can be left unvisited (every other accepted event is a
     * step at its own touchpoint), so without one this costs one pass over them; with one, a pass over the built
     * journeys' steps and a copy of those visiting a renumbered touchpoint.
     *
     * @param newIds old id to new id from {@code from} on, -1 for a touchpoint left out; null when none is
     */
    private record Renumbering(int from, int[] newIds) {

        static Renumbering of(List<Touchpoint> touchpoints, int stored, BitSet unvisitedMaybe,
                List<Journey> journeys) {
            BitSet unvisited = new BitSet();
            for (int id = unvisitedMaybe.nextSetBit(stored); id >= 0; id = unvisitedMaybe.nextSetBit(id + 1)) {
                unvisited.set(id);
            }
            for (int j = 0; j < journeys.size() && !unvisited.isEmpty(); j++) {
                for (int step : journeys.get(j).steps()) {
                    unvisited.clear(step);
                }
            }
            if (unvisited.isEmpty()) {
                return new Renumbering(touchpoints.size(), null);
            }
            int from = unvisited.nextSetBit(0);
            int[] newIds = new int[touchpoints.size()];
            int next = from;
            for (int id = from; id < newIds.length; id++) {
                newIds[id] = unvisited.get(id) ? -1 : next++;
            }
            return new Renumbering(from, newIds);
        }

        /** {@code touchpoints} without those left out, under their new ids. */
        List<Touchpoint> touchpoints(List<Touchpoint> touchpoints) {
            if (newIds == null) {
                return touchpoints;
            }
            List<Touchpoint> kept = new ArrayList<>(touchpoints.size());
            for (Touchpoint touchpoint : touchpoints) {
                int id = touchpoint.id() < from ? touchpoint.id() : newIds[touchpoint.id()];
                if (id >= 0) {
                    kept.add(id == touchpoint.id() ? touchpoint : new Touchpoint(id, touchpoint.name(),
                            touchpoint.channel(), touchpoint.stage(), touchpoint.owner()));
                }
            }
            return List.copyOf(kept);
        }

        /** The journeys with the new ids, their step arrays shared through {@code shared}. */
        List<Journey> journeys(List<Journey> journeys, SharedJourneyParts shared) {
            if (newIds == null) {
                return journeys;
            }
            List<Journey> renumbered = new ArrayList<>(journeys.size());
            for (Journey journey : journeys) {
                renumbered.add(renumbered(journey, shared));
            }
            return renumbered;
        }

        private Journey renumbered(Journey journey, SharedJourneyParts shared) {
            int[] steps = null;
            for (int i = 0; i < journey.length(); i++) {
                int step = journey.steps()[i];
                if (step >= from) {
                    steps = steps == null ? journey.steps().clone() : steps;
                    steps[i] = newIds[step];
                }
            }
            // The same touchpoints under other ids: the outcome, path to purchase and everything else stay.
            return steps == null ? journey : new Journey(journey.id(), journey.customerId(), shared.steps(steps),
                    journey.times(),
                    journey.types(), journey.outcome(), journey.purchaseIndex(), journey.value(), journey.weight(),
                    journey.segment(), journey.device(), journey.details());
        }
    }

    /**
     * What a preview needs of {@link #assemble}: it refuses the rows that {@code assemble} refuses for their value
     * ({@link EventAccumulator#refuseValue}), and answers the sessions each customer whose events came without
     * journey ids would have, in time order, stored ones left unchanged included, so that the preview names its rows'
     * journeys by the sessions the import splits.
     */
    Map<String, List<Journey>> previewSessions(EventAccumulator accumulator) {
        List<Touchpoint> touchpoints = List.copyOf(accumulator.touchpoints());
        Map<String, List<Journey>> storedByCustomer = storedSessions(accumulator);
        Map<String, List<Journey>> sessions = new HashMap<>();
        for (JourneyDraft draft : accumulator.drafts()) {
            if (draft.byCustomer) {
                List<Journey> stored = storedByCustomer.getOrDefault(draft.key, List.of());
                Merged merged = merge(stored, draft, accumulator.frustrationSignals(), sessionGap.toMillis(), null,
                        accumulator, orderColumns);
                sessions.put(draft.key, splitSessions(draft, merged, stored, touchpoints));
            } else {
                merge(base.journey(draft.key).map(List::of).orElse(List.of()), draft, accumulator.frustrationSignals(),
                        Long.MAX_VALUE, null, accumulator, orderColumns);
            }
        }
        return sessions;
    }

    /** Stored sessions of the customers whose events came without journey ids; one pass over the snapshot. */
    private Map<String, List<Journey>> storedSessions(EventAccumulator accumulator) {
        Set<String> customers = accumulator.customerDraftKeys();
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

    /**
     * Stored and new events in time order, duplicates dropped. A new frustration event at a touchpoint of
     * {@code frustrationSignals} is moved to the touchpoint of the event just before it (the page it fired on) when
     * that event is at most {@code maxGap} ms earlier, before duplicates are looked for, so that the same file
     * imported again matches the moved events. Each move is recorded in {@code moves}, when not null. A purchase
     * whose value the sum cannot take is refused into {@code refusing} ({@link #refuseValuesTooLarge}). Events of the
     * same time are in the order of the values of {@code orderColumns} (empty: none), first column first, where
     * they are given, which changes no event's being a duplicate.
     */
    private static Merged merge(List<Journey> stored, JourneyDraft draft, BitSet frustrationSignals, long maxGap,
            Map<SignalAt, Integer> moves, EventAccumulator refusing, List<String> orderColumns) {
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
        // A customer's sessions take the segment and device of their own events: those of the stored sessions' events
        // are their journeys'.
        String[] segments = draft.byCustomer ? new String[total] : null;
        String[] devices = draft.byCustomer ? new String[total] : null;
        int at = 0;
        for (Journey journey : stored) {
            if (segments != null) {
                Arrays.fill(segments, at, at + journey.length(), journey.segment());
                Arrays.fill(devices, at, at + journey.length(), journey.device());
            }
            // A stored journey's value sits on its purchase event (on its first event in stores written before
            // value meant revenue), so that a journey split into sessions keeps it.
            values[at + Math.max(journey.purchaseIndex(), 0)] = journey.value();
            for (int i = 0; i < journey.length(); i++, at++) {
                steps[at] = journey.steps()[i];
                times[at] = journey.isTimed() ? journey.time(i) : 0;
                types[at] = journey.types()[i];
                if (eventIds != null) {
                    eventIds[at] = journey.eventId(i);
                }
                for (Map.Entry<String, String[]> column : columns.entrySet()) {
                    String value = journey.events().value(column.getKey(), i);
                    column.getValue()[at] = value != null ? value : journey.attributes().get(column.getKey());
                }
            }
        }
        for (Map.Entry<String, String[]> column : draft.columns.entrySet()) {
            System.arraycopy(column.getValue(), 0, columns.get(column.getKey()), at, draft.size);
        }
        System.arraycopy(draft.steps, 0, steps, at, draft.size);
        System.arraycopy(draft.times, 0, times, at, draft.size);
        System.arraycopy(draft.types, 0, types, at, draft.size);
        System.arraycopy(draft.values, 0, values, at, draft.size);
        if (segments != null && draft.segments != null) {
            System.arraycopy(draft.segments, 0, segments, at, draft.size);
            System.arraycopy(draft.devices, 0, devices, at, draft.size);
        }
        if (eventIds != null && draft.eventIds != null) {
            System.arraycopy(draft.eventIds, 0, eventIds, at, draft.size);
        }
        String[][] ranks = ranks(orderColumns, columns);
        int[] order = timeOrder(times, ranks);
        if (!frustrationSignals.isEmpty()) {
            moveSignalsToTheirPages(order, steps, times, types, storedSize, frustrationSignals, maxGap,
                    moves == null ? null : (time, signal, page) -> moves.put(SignalAt.of(draft, time, signal), page));
        }
        boolean[] keep = new boolean[total];
        boolean[] absorbed = new boolean[storedSize];
        Set<Object> seenIds = eventIds == null ? null : new HashSet<>();
        // With eventColumn, an id is the event's of that name: a refund with its purchase's transaction id is no
        // duplicate of it, while a purchase sent again with its id is.
        EventNameTally eventNames = refusing.eventNames();
        String[] names = eventIds == null || eventNames == null ? null : columns.get(eventNames.column());
        int kept = 0;
        int added = 0;
        for (int k = 0; k < total; k++) {
            int i = order[k];
            boolean duplicate;
            if (eventIds != null && eventIds[i] != null) {
                duplicate = !seenIds.add(names == null ? eventIds[i]
                        : Map.entry(eventIds[i], names[i] == null ? "" : names[i].strip()));
            } else if (i < storedSize) {
                duplicate = false;
            } else {
                duplicate = isRepeat(k, order, times, steps, eventIds, draft.fingerprints, storedSize)
                        || absorbsStored(k, order, times, steps, eventIds, storedSize, absorbed, ranks != null);
            }
            if (!duplicate) {
                keep[i] = true;
                kept++;
                if (i >= storedSize) {
                    added++;
                }
            }
        }
        int refused = refuseValuesTooLarge(values, keep, storedSize, draft, steps, refusing);
        kept -= refused;
        Merged merged = new Merged(kept, added - refused, refused);
        merged.steps = new int[kept];
        merged.times = new long[kept];
        merged.types = new byte[kept];
        merged.values = new double[kept];
        merged.eventIds = eventIds == null ? null : new String[kept];
        merged.segments = segments == null ? null : new String[kept];
        merged.devices = devices == null ? null : new String[kept];
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
                if (segments != null) {
                    merged.segments[out] = segments[i];
                    merged.devices[out] = devices[i];
                }
                for (Map.Entry<String, String[]> column : columns.entrySet()) {
                    merged.columns.get(column.getKey())[out] = column.getValue()[i];
                }
                out++;
            }
        }
        return merged;
    }

    /**
     * Refuses the upload's purchases that would make the sum of the merged events' values (one journey's, or the
     * purchases of one customer, whose sessions are split later) larger than the largest double: the values of the
     * stored events come first, then those of the upload's events in file order, and an event whose value would make
     * the sum infinite is not kept and its row is refused. Duplicates are no longer kept, so an event counts once.
     * O(events), one pass where the absolute values add up to a finite number (all but a few journeys).
     *
     * @return how many events were refused
     */
    private static int refuseValuesTooLarge(double[] values, boolean[] keep, int storedSize, JourneyDraft draft,
            int[] steps, EventAccumulator refusing) {
        double bound = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                bound += Math.abs(values[i]);
            }
        }
        if (Double.isFinite(bound)) {
            return 0;
        }
        double sum = 0;
        boolean withStored = false;
        for (int i = 0; i < storedSize; i++) {
            if (keep[i] && values[i] != 0) {
                sum += values[i];
                withStored = true;
            }
        }
        int refused = 0;
        for (int d = 0; d < draft.size; d++) {
            int i = storedSize + d;
            if (!keep[i] || values[i] == 0) {
                continue;
            }
            if (Double.isFinite(sum + values[i])) {
                sum += values[i];
            } else {
                keep[i] = false;
                refused++;
                refusing.refuseValue(draft, d, steps[i], withStored);
            }
        }
        return refused;
    }

    /** See {@link #merge}; in time order, so a signal after a moved signal moves to the same page. */
    private static void moveSignalsToTheirPages(int[] order, int[] steps, long[] times, byte[] types, int storedSize,
            BitSet frustrationSignals, long maxGap, Move moved) {
        for (int k = 1; k < order.length; k++) {
            int i = order[k];
            int before = order[k - 1];
            if (i >= storedSize && types[i] == FRUSTRATION && frustrationSignals.get(steps[i])
                    && times[i] - times[before] <= maxGap) {
                if (moved != null) {
                    moved.at(times[i], steps[i], steps[before]);
                }
                steps[i] = steps[before];
            }
        }
    }

    /** Told of each signal moved: its time, the rule's touchpoint it was at and the page it moved to. */
    @FunctionalInterface
    private interface Move {
        void at(long time, int signal, int page);
    }

    /**
     * Where an upload event of the {@code frustration} rule was before it moved: its draft ({@code j} or {@code c}
     * and the journey or customer id), time and the rule's touchpoint id. Events of one draft at the same time and
     * touchpoint move to the same page, so this names the page of each.
     */
    private record SignalAt(String draft, long time, int signal) {

        static SignalAt of(JourneyDraft draft, long time, int signal) {
            return new SignalAt((draft.byCustomer ? "c" : "j") + draft.key, time, signal);
        }
    }

    /**
     * The answers given on the upload's events (after {@link #assemble}), each about the touchpoint its event ends
     * up at: an event the {@code frustration} rule moved is a step at the page before it, so its answer is about that
     * page (and that page's stage), not about the rule's name, which names no touchpoint once all its events moved.
     * The answer keeps its id, derived from its row. O(answers).
     */
    List<FeedbackImporter.Draft> answersAtTheirPages(EventAccumulator accumulator) {
        List<FeedbackImporter.Draft> answers = accumulator.answers();
        if (movedSignals.isEmpty()) {
            return answers;
        }
        List<Touchpoint> touchpoints = accumulator.touchpoints();
        Map<String, Integer> signals = new HashMap<>();
        BitSet rule = accumulator.frustrationSignals();
        for (int id = rule.nextSetBit(0); id >= 0; id = rule.nextSetBit(id + 1)) {
            signals.put(touchpoints.get(id).name(), id);
        }
        List<FeedbackImporter.Draft> placed = new ArrayList<>(answers.size());
        for (FeedbackImporter.Draft answer : answers) {
            Integer signal = signals.get(answer.touchpoint());
            Integer page = signal == null ? null : movedSignals.get(new SignalAt(answer.journeyId() != null
                    ? "j" + answer.journeyId() : "c" + answer.customerId(), answer.at(), signal));
            placed.add(page == null ? answer : answer.atTouchpoint(touchpoints.get(page).name()));
        }
        return placed;
    }

    /**
     * Whether the upload event at {@code order[k]} (no event id) repeats an earlier upload event: same time,
     * touchpoint and fingerprint. Equal times sit next to each other in time order, so this looks back over them only.
     */
    private static boolean isRepeat(int k, int[] order, long[] times, int[] steps, String[] eventIds,
            long[] fingerprints, int storedSize) {
        int i = order[k];
        for (int back = k - 1; back >= 0 && times[order[back]] == times[i]; back--) {
            int j = order[back];
            if (j >= storedSize && steps[j] == steps[i] && (eventIds == null || eventIds[j] == null)
                    && fingerprints[j - storedSize] == fingerprints[i - storedSize]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a stored event (no event id) of the same time and touchpoint, not yet standing for another upload event,
     * stands for the upload event at {@code order[k]}; marks it taken. Without an order column ({@code ranked} false)
     * the stored events of a time come before the upload's, so only those before are looked at; with one, a stored
     * event whose order value differs may come after, and those are looked at too, so that the column changes no
     * event's being a duplicate.
     */
    private static boolean absorbsStored(int k, int[] order, long[] times, int[] steps, String[] eventIds,
            int storedSize, boolean[] absorbed, boolean ranked) {
        int i = order[k];
        for (int back = k - 1; back >= 0 && times[order[back]] == times[i]; back--) {
            if (absorbs(order[back], i, steps, eventIds, storedSize, absorbed)) {
                return true;
            }
        }
        for (int ahead = k + 1; ranked && ahead < order.length && times[order[ahead]] == times[i]; ahead++) {
            if (absorbs(order[ahead], i, steps, eventIds, storedSize, absorbed)) {
                return true;
            }
        }
        return false;
    }

    /** Whether stored event {@code j}, not yet taken, stands for upload event {@code i}; marks it taken. */
    private static boolean absorbs(int j, int i, int[] steps, String[] eventIds, int storedSize, boolean[] absorbed) {
        if (j < storedSize && !absorbed[j] && steps[j] == steps[i] && (eventIds == null || eventIds[j] == null)) {
            absorbed[j] = true;
            return true;
        }
        return false;
    }

    /**
     * The values of the order columns among the merged events' {@code columns}, first column first, for
     * {@link EventOrder#compare(String[][], int, int)}; null when none is among them (none given, or none these events
     * have): file order. A column they do not have is left out, as its values would all be equal (none).
     */
    private static String[][] ranks(List<String> orderColumns, Map<String, String[]> columns) {
        String[][] ranks = orderColumns.stream().map(columns::get).filter(Objects::nonNull).toArray(String[][]::new);
        return ranks.length == 0 ? null : ranks;
    }

    /**
     * Indices in stable time order, events of the same time by their {@code ranks} (the order columns' values,
     * {@link EventOrder}; null: none), compared on ties only. Most uploads are already ordered, which costs one pass;
     * else O(n log n) comparisons of times.
     */
    private static int[] timeOrder(long[] times, String[][] ranks) {
        int[] order = new int[times.length];
        boolean sorted = true;
        for (int i = 0; i < times.length; i++) {
            order[i] = i;
            if (i > 0 && sorted && (times[i] < times[i - 1] || ranks != null && times[i] == times[i - 1]
                    && EventOrder.compare(ranks, i, i - 1) < 0)) {
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
        Comparator<Integer> byTime = Comparator.comparingLong(i -> times[i]);
        Arrays.sort(boxed, ranks == null ? byTime
                : byTime.thenComparing((a, b) -> EventOrder.compare(ranks, a, b)));
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
        for (int i = from; i < to; i++) {
            value += merged.values[i];
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
        String segment = firstOf(merged.segments, from, to);
        String device = firstOf(merged.devices, from, to);
        if (segment == null) {
            segment = first != null && !first.segment().isEmpty() ? first.segment() : draft.segment.intern();
        }
        if (device == null) {
            device = first != null && !first.device().isEmpty() ? first.device() : draft.device.intern();
        }
        return new Journey(id,
                first != null && !first.customerId().isEmpty() ? first.customerId() : shared.customer(draft.customerId),
                shared.steps(steps), times, shared.types(types),
                OutcomeRule.outcomeOf(steps, types, touchpoints),
                purchase, value, 1, segment, device,
                shared.details(Journey.Details.of(eventIds, shared.attributes(attributes),
                        EventAttributes.of(varying, steps.length), horizon).withLabels(segment, device, 1)));
    }

    /** The first non-empty value of {@code values} from {@code from} to {@code to}, interned; null when none is. */
    private static String firstOf(String[] values, int from, int to) {
        if (values != null) {
            for (int i = from; i < to; i++) {
                if (values[i] != null && !values[i].isEmpty()) {
                    return values[i].intern();
                }
            }
        }
        return null;
    }

    /** Whether a stored journey and its rebuilt version are the same; a stored journey may be open, a new one not. */
    private static boolean sameEvents(Journey a, Journey b) {
        return Arrays.equals(a.steps(), b.steps()) && a.sameTimes(b)
                && Arrays.equals(a.types(), b.types())
                && (a.outcome() == b.outcome() || a.outcome() == Outcome.OPEN && b.purchaseIndex() < 0)
                && a.attributes().equals(b.attributes()) && a.events().equals(b.events())
                && a.openHorizon() == b.openHorizon();
    }

    private static final class Merged {
        final int size;
        final int added;
        /** Upload events refused for their value ({@link #refuseValuesTooLarge}). */
        final int refused;
        int[] steps;
        long[] times;
        byte[] types;
        double[] values;
        String[] eventIds;
        /** A customer's: the segment and device of each kept event, "" where it has none; else null. */
        String[] segments;
        String[] devices;
        /** Extra columns by name: each kept event's value, null where it has none. */
        Map<String, String[]> columns;

        Merged(int size, int added, int refused) {
            this.size = size;
            this.added = added;
            this.refused = refused;
        }
    }
}
