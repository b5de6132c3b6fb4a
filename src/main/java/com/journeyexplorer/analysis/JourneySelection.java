package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Which journeys an analysis looks at. Every criterion is optional (null or empty means "any") and all given criteria
 * must hold.
 *
 * <ul>
 * <li>{@code from}/{@code to}: the journey started at or after {@code from} and before {@code to} (epoch millis,
 * {@code to} exclusive); untimed (aggregated) journeys never match a time bound.</li>
 * <li>{@code segment}, {@code device}: equality with the journey's value; {@code channel}: the journey touches at
 * least one touchpoint of that channel.</li>
 * <li>{@code outcome}: the journey's outcome. Without one, only finished journeys are selected unless
 * {@code includeOpen}: journeys still in progress ({@link Outcome#OPEN}) would bias every rate towards abandonment.
 * {@code outcome = OPEN} selects the open ones alone.</li>
 * <li>{@code attributes}: every entry equals the journey's attribute (a column with one value in the whole journey);
 * {@code eventAttributes}: for every entry, at least one event of the journey has that value (as an event attribute,
 * or as a journey attribute, which all its events share).</li>
 * </ul>
 * Touchpoint criteria use raw touchpoint names and look at the journey's <em>path</em>: its steps up to
 * {@link Journey#pathLength()}, so a purchasing journey's path ends at its first purchase.
 * <ul>
 * <li>{@code startsWith}: the first step is one of these names; {@code endsWith}: the last step of the path is one of
 * these names.</li>
 * <li>{@code contains}: every one of these names occurs in the scope given by {@code filterScope}: anywhere on the path
 * ({@link FilterScope#JOURNEY}), at the first step ({@link FilterScope#START}) or at the last step of the path
 * ({@link FilterScope#END}); with START or END, more than one distinct name can therefore match nothing.</li>
 * <li>{@code excludes}: none of these names occurs anywhere on the path.</li>
 * </ul>
 * Names unknown to the snapshot are listed by {@link #unknownTouchpoints}; in a predicate they match no step.
 */
public record JourneySelection(
        Long from,
        Long to,
        String segment,
        String channel,
        String device,
        Outcome outcome,
        Map<String, String> attributes,
        List<String> startsWith,
        List<String> endsWith,
        List<String> contains,
        List<String> excludes,
        FilterScope filterScope,
        Map<String, String> eventAttributes,
        boolean includeOpen) {

    /** Where {@code contains} looks: the whole path, its first step, or its last step. */
    public enum FilterScope {
        JOURNEY, START, END
    }

    private static final JourneySelection ALL = new JourneySelection(null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** A selection without event-attribute criteria, of finished journeys only unless {@code outcome} says open. */
    public JourneySelection(Long from, Long to, String segment, String channel, String device, Outcome outcome,
            Map<String, String> attributes, List<String> startsWith, List<String> endsWith, List<String> contains,
            List<String> excludes, FilterScope filterScope) {
        this(from, to, segment, channel, device, outcome, attributes, startsWith, endsWith, contains, excludes,
                filterScope, null, false);
    }

    public JourneySelection {
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("from must not be after to");
        }
        segment = blankToNull(segment);
        channel = blankToNull(channel);
        device = blankToNull(device);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        eventAttributes = eventAttributes == null ? Map.of() : Map.copyOf(eventAttributes);
        startsWith = names(startsWith);
        endsWith = names(endsWith);
        contains = names(contains);
        excludes = names(excludes);
        filterScope = filterScope == null ? FilterScope.JOURNEY : filterScope;
    }

    /** Every finished journey: the default selection. */
    public static JourneySelection all() {
        return ALL;
    }

    /** This selection with journeys starting in {@code [newFrom, newTo)} (epoch milliseconds; null: open-ended). */
    public JourneySelection withPeriod(Long newFrom, Long newTo) {
        return new JourneySelection(newFrom, newTo, segment, channel, device, outcome, attributes, startsWith, endsWith,
                contains, excludes, filterScope, eventAttributes, includeOpen);
    }

    /** This selection restricted to one segment. */
    public JourneySelection withSegment(String newSegment) {
        return new JourneySelection(from, to, newSegment, channel, device, outcome, attributes, startsWith, endsWith,
                contains, excludes, filterScope, eventAttributes, includeOpen);
    }

    /** This selection restricted to journeys that touch a channel. */
    public JourneySelection withChannel(String newChannel) {
        return new JourneySelection(from, to, segment, newChannel, device, outcome, attributes, startsWith, endsWith,
                contains, excludes, filterScope, eventAttributes, includeOpen);
    }

    /** This selection restricted to one device. */
    public JourneySelection withDevice(String newDevice) {
        return new JourneySelection(from, to, segment, channel, newDevice, outcome, attributes, startsWith, endsWith,
                contains, excludes, filterScope, eventAttributes, includeOpen);
    }

    /** This selection restricted to journeys with these journey attributes. */
    public JourneySelection withAttributes(Map<String, String> newAttributes) {
        return new JourneySelection(from, to, segment, channel, device, outcome, newAttributes, startsWith, endsWith,
                contains, excludes, filterScope, eventAttributes, includeOpen);
    }

    /** This selection with the path criteria: starts with, ends with, contains, excludes (null or empty: none). */
    public JourneySelection withPath(List<String> newStartsWith, List<String> newEndsWith, List<String> newContains,
            List<String> newExcludes) {
        return new JourneySelection(from, to, segment, channel, device, outcome, attributes, newStartsWith,
                newEndsWith, newContains, newExcludes, filterScope, eventAttributes, includeOpen);
    }

    /** This selection with {@code contains} looking at the whole path, its first step or its last step. */
    public JourneySelection withFilterScope(FilterScope newScope) {
        return new JourneySelection(from, to, segment, channel, device, outcome, attributes, startsWith, endsWith,
                contains, excludes, newScope, eventAttributes, includeOpen);
    }

    /** This selection restricted to one outcome (or any, for null). */
    public JourneySelection withOutcome(Outcome newOutcome) {
        return new JourneySelection(from, to, segment, channel, device, newOutcome, attributes, startsWith, endsWith,
                contains, excludes, filterScope, eventAttributes, includeOpen);
    }

    /** This selection with open journeys included (when it names no outcome) or not. */
    public JourneySelection withOpen(boolean open) {
        return new JourneySelection(from, to, segment, channel, device, outcome, attributes, startsWith, endsWith,
                contains, excludes, filterScope, eventAttributes, open);
    }

    /** Touchpoint names used by this selection that the snapshot does not know, in order of first mention. */
    public List<String> unknownTouchpoints(JourneySnapshot snapshot) {
        Set<String> unknown = new LinkedHashSet<>();
        for (List<String> list : List.of(startsWith, endsWith, contains, excludes)) {
            for (String name : list) {
                if (snapshot.touchpoint(name).isEmpty()) {
                    unknown.add(name);
                }
            }
        }
        return List.copyOf(unknown);
    }

    /**
     * The selection as a predicate bound to {@code snapshot}. Building costs O(touchpoints); each test costs
     * O(path length + attributes), nothing for a selection without criteria.
     */
    public Predicate<Journey> predicate(JourneySnapshot snapshot) {
        WorkBudget.check();
        if (selectsAll(snapshot)) {
            return journey -> true;
        }
        int n = snapshot.touchpoints().size();
        boolean[] inChannel = channel == null ? null : new boolean[n];
        if (inChannel != null) {
            for (Touchpoint touchpoint : snapshot.touchpoints()) {
                inChannel[touchpoint.id()] = touchpoint.channel().equals(channel);
            }
        }
        boolean[] starts = startsWith.isEmpty() ? null : marks(snapshot, startsWith);
        boolean[] ends = endsWith.isEmpty() ? null : marks(snapshot, endsWith);
        boolean[] excluded = excludes.isEmpty() ? null : marks(snapshot, excludes);
        int[] required = contains.stream().mapToInt(name -> snapshot.touchpoint(name).map(Touchpoint::id).orElse(-1))
                .distinct().toArray();
        return journey -> matches(journey, inChannel, starts, ends, excluded, required);
    }

    /**
     * The selection as a test of record positions in {@code snapshot}: segment, device and outcome are read from its
     * {@link JourneyColumns}, and only a record that passes them is read itself, for the other criteria if any. The
     * same records as {@link #predicate}, without touching the others.
     */
    public IntPredicate positions(JourneySnapshot snapshot) {
        WorkBudget.check();
        if (selectsAll(snapshot)) {
            return position -> true;
        }
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int segmentCode = segment == null ? JourneyColumns.ABSENT : columns.segmentCode(segment);
        int deviceCode = device == null ? JourneyColumns.ABSENT : columns.deviceCode(device);
        if (segment != null && segmentCode == JourneyColumns.ABSENT
                || device != null && deviceCode == JourneyColumns.ABSENT) {
            return position -> false;
        }
        int outcomeCode = outcome == null ? JourneyColumns.ABSENT : outcome.ordinal();
        boolean finishedOnly = excludesOpen(snapshot);
        int open = Outcome.OPEN.ordinal();
        IntPredicate byColumns = position -> (segment == null || columns.segment(position) == segmentCode)
                && (device == null || columns.device(position) == deviceCode)
                && (outcome == null || columns.outcome(position) == outcomeCode)
                && (!finishedOnly || columns.outcome(position) != open);
        JourneySelection rest = withoutColumnCriteria();
        if (rest.selectsAll(snapshot)) {
            return byColumns;
        }
        List<Journey> journeys = snapshot.journeys();
        Predicate<Journey> restPredicate = rest.predicate(snapshot);
        return position -> byColumns.test(position) && restPredicate.test(journeys.get(position));
    }

    /** The selected journey records, in snapshot order; O(journeys · path length). */
    public List<Journey> select(JourneySnapshot snapshot) {
        Predicate<Journey> predicate = predicate(snapshot);
        List<Journey> selected = new ArrayList<>();
        List<Journey> journeys = snapshot.journeys();
        for (int position = 0; position < journeys.size(); position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            Journey journey = journeys.get(position);
            if (predicate.test(journey)) {
                selected.add(journey);
            }
        }
        return selected;
    }

    /** This selection without the criteria that {@link JourneyColumns} answer: segment, device and outcome. */
    private JourneySelection withoutColumnCriteria() {
        return new JourneySelection(from, to, null, channel, null, null, attributes, startsWith, endsWith, contains,
                excludes, filterScope, eventAttributes, true);
    }

    /** Whether every record of {@code snapshot} is selected: no criteria, and open journeys included or absent. */
    public boolean selectsAll(JourneySnapshot snapshot) {
        return from == null && to == null && segment == null && channel == null && device == null && outcome == null
                && attributes.isEmpty() && eventAttributes.isEmpty() && startsWith.isEmpty() && endsWith.isEmpty()
                && contains.isEmpty() && excludes.isEmpty() && !excludesOpen(snapshot);
    }

    /** Whether this selection leaves out open journeys that {@code snapshot} has. */
    private boolean excludesOpen(JourneySnapshot snapshot) {
        return outcome == null && !includeOpen && snapshot.hasOpenJourneys();
    }

    private boolean matches(Journey journey, boolean[] inChannel, boolean[] starts, boolean[] ends,
            boolean[] excluded, int[] required) {
        if (outcome != null ? journey.outcome() != outcome : !includeOpen && journey.outcome() == Outcome.OPEN) {
            return false;
        }
        if ((from != null || to != null) && !journey.isTimed()) {
            return false;
        }
        if (from != null && journey.startedAt() < from || to != null && journey.startedAt() >= to) {
            return false;
        }
        if (segment != null && !segment.equals(journey.segment())
                || device != null && !device.equals(journey.device())) {
            return false;
        }
        if (!attributes.isEmpty()) {
            for (Map.Entry<String, String> entry : attributes.entrySet()) {
                if (!entry.getValue().equals(journey.attributes().get(entry.getKey()))) {
                    return false;
                }
            }
        }
        for (Map.Entry<String, String> entry : eventAttributes.entrySet()) {
            if (!entry.getValue().equals(journey.attributes().get(entry.getKey()))
                    && !journey.events().anyEquals(entry.getKey(), entry.getValue())) {
                return false;
            }
        }
        if (starts == null && ends == null && inChannel == null && excluded == null && required.length == 0) {
            // Nothing asks for the steps: the record's step array, shared with journeys of the same path and away
            // from the record in memory, is not read.
            return true;
        }
        int[] steps = journey.steps();
        int length = journey.pathLength();
        if (starts != null && !starts[steps[0]] || ends != null && !ends[steps[length - 1]]) {
            return false;
        }
        if (inChannel != null && !anyMarked(steps, journey.length(), inChannel)) {
            return false;
        }
        if (excluded != null && anyMarked(steps, length, excluded)) {
            return false;
        }
        for (int id : required) {
            if (!containsInScope(steps, length, id)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsInScope(int[] steps, int length, int id) {
        switch (filterScope) {
            case START:
                return steps[0] == id;
            case END:
                return steps[length - 1] == id;
            default:
                for (int i = 0; i < length; i++) {
                    if (steps[i] == id) {
                        return true;
                    }
                }
                return false;
        }
    }

    private static boolean anyMarked(int[] steps, int length, boolean[] marks) {
        for (int i = 0; i < length; i++) {
            if (marks[steps[i]]) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] marks(JourneySnapshot snapshot, List<String> names) {
        boolean[] marks = new boolean[snapshot.touchpoints().size()];
        for (String name : names) {
            snapshot.touchpoint(name).ifPresent(touchpoint -> marks[touchpoint.id()] = true);
        }
        return marks;
    }

    private static List<String> names(List<String> names) {
        if (names == null) {
            return List.of();
        }
        names.forEach(name -> Objects.requireNonNull(name, "touchpoint name"));
        return List.copyOf(names);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
