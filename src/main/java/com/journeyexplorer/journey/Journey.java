package com.journeyexplorer.journey;

import java.util.Map;
import java.util.Objects;

/**
 * One customer journey, held compactly: parallel arrays of touchpoint ids, epoch-millisecond times and event types,
 * ordered by time. {@code weight} is how many identical journeys this one stands for (1 for event data; the row count
 * for aggregated path data, which also has no times: {@code times.length == 0}). {@code value} is the sum of the
 * event values of the record: for an aggregated record, of all the journeys it stands for. The rarely varying rest is
 * in {@code details} ({@link Details}): the event ids given at import, the journey attributes (extra columns with one
 * value in the whole journey), the event attributes (extra columns whose value varies from event to event) and the
 * open horizon, the inactivity in milliseconds after which the journey counts as finished ({@link OpenJourneys}), or
 * -1 for the setting's default. Journeys with the same details share one ({@link SharedJourneyParts}): a journey is
 * then 64 bytes instead of 80, which at millions of journeys is part of the projection's heap.
 *
 * <p>Arrays are shared, never copied: callers must not modify them.
 */
public record Journey(
        String id,
        String customerId,
        int[] steps,
        long[] times,
        byte[] types,
        Outcome outcome,
        int purchaseIndex,
        double value,
        int weight,
        String segment,
        String device,
        Details details) {

    /**
     * What journeys mostly share: no event ids, the same attributes, no event attributes, the default horizon.
     * {@code eventIds} is null where none was given.
     */
    public record Details(String[] eventIds, Map<String, String> attributes, EventAttributes events,
            long openHorizon) {

        /** No event ids, attributes or event attributes, the default open horizon. */
        public static final Details NONE = new Details(null, Map.of(), EventAttributes.NONE, -1);

        public Details {
            attributes = attributes == null ? Map.of() : attributes;
            events = events == null ? EventAttributes.NONE : events;
            openHorizon = openHorizon < 0 ? -1 : openHorizon;
        }

        /** These details, or {@link #NONE} when they are its. */
        public static Details of(String[] eventIds, Map<String, String> attributes, EventAttributes events,
                long openHorizon) {
            boolean none = eventIds == null && (attributes == null || attributes.isEmpty())
                    && (events == null || events == EventAttributes.NONE) && openHorizon < 0;
            return none ? NONE : new Details(eventIds, attributes, events, openHorizon);
        }
    }

    /** A journey from all its parts. */
    public Journey(String id, String customerId, int[] steps, long[] times, byte[] types, String[] eventIds,
            Outcome outcome, int purchaseIndex, double value, int weight, String segment, String device,
            Map<String, String> attributes, EventAttributes events, long openHorizon) {
        this(id, customerId, steps, times, types, outcome, purchaseIndex, value, weight, segment, device,
                Details.of(eventIds, attributes, events, openHorizon));
    }

    /** A journey without event attributes, under the default open horizon. */
    public Journey(String id, String customerId, int[] steps, long[] times, byte[] types, String[] eventIds,
            Outcome outcome, int purchaseIndex, double value, int weight, String segment, String device,
            Map<String, String> attributes) {
        this(id, customerId, steps, times, types, eventIds, outcome, purchaseIndex, value, weight, segment, device,
                attributes, EventAttributes.NONE, -1);
    }

    public Journey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(outcome, "outcome");
        if (steps.length == 0) {
            throw new IllegalArgumentException("a journey has at least one step");
        }
        if (times.length != 0 && times.length != steps.length) {
            throw new IllegalArgumentException("times must be empty or as long as steps");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1");
        }
        customerId = customerId == null ? "" : customerId;
        segment = segment == null ? "" : segment;
        device = device == null ? "" : device;
        details = details == null ? Details.NONE : details;
    }

    /** The event ids given at import, by step, or null where none were given. */
    public String[] eventIds() {
        return details.eventIds();
    }

    /** The journey attributes: extra columns with one value in the whole journey. */
    public Map<String, String> attributes() {
        return details.attributes();
    }

    /** The event attributes: extra columns whose value varies from event to event. */
    public EventAttributes events() {
        return details.events();
    }

    /** The inactivity, in milliseconds, after which the journey counts as finished, or -1 for the default. */
    public long openHorizon() {
        return details.openHorizon();
    }

    /** This journey with another outcome (the open status is derived per snapshot); arrays are shared. */
    public Journey withOutcome(Outcome newOutcome) {
        return newOutcome == outcome ? this : new Journey(id, customerId, steps, times, types, newOutcome,
                purchaseIndex, value, weight, segment, device, details);
    }

    /** Whether an explicit abandon event ends the journey: it is finished whatever its time. */
    public boolean hasAbandonEvent() {
        for (byte type : types) {
            if (type == EventType.ABANDON.code()) {
                return true;
            }
        }
        return false;
    }

    /**
     * This journey with other event types (purchases), its outcome and path to purchase recomputed; a journey still
     * open stays open while it has no purchase (the next snapshot derives its status anew).
     */
    public Journey withTypes(byte[] newTypes, java.util.List<Touchpoint> touchpoints) {
        int newPurchase = OutcomeRule.firstPurchase(newTypes);
        Outcome newOutcome = outcome == Outcome.OPEN && newPurchase < 0 ? Outcome.OPEN
                : OutcomeRule.outcomeOf(steps, newTypes, touchpoints);
        return new Journey(id, customerId, steps, times, newTypes, newOutcome, newPurchase, value, weight, segment,
                device, details);
    }

    public int length() {
        return steps.length;
    }

    public boolean isTimed() {
        return times.length > 0;
    }

    public long startedAt() {
        return isTimed() ? times[0] : 0L;
    }

    public long endedAt() {
        return isTimed() ? times[times.length - 1] : 0L;
    }

    /** Number of steps on the path to purchase (up to and including the first purchase), or all steps otherwise. */
    public int pathLength() {
        return purchaseIndex >= 0 ? purchaseIndex + 1 : steps.length;
    }

    public EventType type(int step) {
        return EventType.ofCode(types[step]);
    }

    /** The event id given at import for a step, or null where none was given. */
    public String eventId(int step) {
        String[] eventIds = details.eventIds();
        return eventIds == null ? null : eventIds[step];
    }
}
