package com.journeyexplorer.journey;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One customer journey, held compactly: parallel arrays of touchpoint ids, event times and event types, ordered by
 * time. {@code weight} is how many identical journeys this one stands for (1 for event data; the row count for
 * aggregated path data, which also has no times). {@code value} is the sum of the event values of the record: for an
 * aggregated record, of all the journeys it stands for. The rarely varying rest is in {@code details}
 * ({@link Details}): the event ids given at import, the journey attributes (extra columns with one value in the whole
 * journey), the event attributes (extra columns whose value varies from event to event) and the open horizon, the
 * inactivity in milliseconds after which the journey counts as finished ({@link OpenJourneys}), or -1 for the
 * setting's default. Journeys with the same details share one ({@link SharedJourneyParts}).
 *
 * <p>At millions of journeys this object is most of the projection's heap, so it holds its parts smaller than they are
 * given: the times as int offsets from the first (a {@code long[]} only where a journey spans more than 24 days), the
 * id and the customer id as {@link CompactIds} (a shared form and a number where they end in digits, as real ids
 * mostly do), the outcome beside the purchase index in one int, and the weight in the shared details: 72 bytes. Loads
 * and imports give journeys that took the same path one step array ({@link SharedJourneyParts}). A demo journey of
 * 5.6 events then takes about 130 bytes with its arrays, instead of 250. {@link #id()}, {@link #customerId()} and
 * {@link #times()} build what they return; the analyses read {@link #time(int)}, {@link #gap(int)} and
 * {@link #hasId(String)} instead, which allocate nothing.
 *
 * <p>Arrays are shared, never copied: callers must not modify them. Equality is identity.
 */
public final class Journey {

    private static final int[] UNTIMED = new int[0];
    private static final int OUTCOME_BITS = 3;
    private static final int OUTCOME_MASK = (1 << OUTCOME_BITS) - 1;
    private static final Outcome[] OUTCOMES = Outcome.values();
    /** The most steps a journey may have, so that its purchase index fits beside the outcome. */
    public static final int MAX_STEPS = (Integer.MAX_VALUE >> OUTCOME_BITS) - 1;

    private final Object idPart;
    private final long idNumber;
    private final Object customerPart;
    private final long customerNumber;
    private final int[] steps;
    /** The first event's epoch milliseconds, 0 where untimed. */
    private final long start;
    /** Per step: ms since {@link #start} ({@code int[]}, empty where untimed), or epoch ms ({@code long[]}). */
    private final Object times;
    private final byte[] types;
    /**
     * The step of the first purchase plus one, shifted past the outcome's ordinal in the low {@link #OUTCOME_BITS}:
     * one field instead of two keeps the object at 72 bytes.
     */
    private final int purchaseAndOutcome;
    private final double value;
    /** With the segment, the device and the weight: few journeys have details of their own, so most share one. */
    private final Details details;

    /**
     * What journeys mostly share: no event ids, the same attributes, no event attributes, the default horizon, one of
     * a few segments and devices, a weight of 1 (only aggregated path data has others). {@code eventIds} is null
     * where none was given.
     */
    public record Details(String[] eventIds, Map<String, String> attributes, EventAttributes events,
            long openHorizon, String segment, String device, int weight) {

        /** No event ids, attributes or event attributes, the default open horizon, no segment or device, weight 1. */
        public static final Details NONE = new Details(null, Map.of(), EventAttributes.NONE, -1);

        public Details {
            attributes = attributes == null ? Map.of() : attributes;
            events = events == null ? EventAttributes.NONE : events;
            openHorizon = openHorizon < 0 ? -1 : openHorizon;
            segment = segment == null ? "" : segment;
            device = device == null ? "" : device;
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1");
            }
        }

        /** Details without a segment or a device, of weight 1. */
        public Details(String[] eventIds, Map<String, String> attributes, EventAttributes events, long openHorizon) {
            this(eventIds, attributes, events, openHorizon, "", "", 1);
        }

        /**
         * These details with {@code newSegment} and {@code newDevice} (null for none) and {@code newWeight};
         * themselves where they match.
         */
        public Details withLabels(String newSegment, String newDevice, int newWeight) {
            String segmentOrNone = newSegment == null ? "" : newSegment;
            String deviceOrNone = newDevice == null ? "" : newDevice;
            return segmentOrNone.equals(segment) && deviceOrNone.equals(device) && newWeight == weight ? this
                    : new Details(eventIds, attributes, events, openHorizon, segmentOrNone, deviceOrNone, newWeight);
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

    /**
     * A journey from its parts. {@code times} are epoch milliseconds per step, or empty for an untimed journey; the
     * array is not kept.
     */
    public Journey(String id, String customerId, int[] steps, long[] times, byte[] types, Outcome outcome,
            int purchaseIndex, double value, int weight, String segment, String device, Details details) {
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
        if (steps.length > MAX_STEPS) {
            throw new IllegalArgumentException("a journey has at most " + MAX_STEPS + " steps");
        }
        this.idPart = CompactIds.partOf(id);
        this.idNumber = CompactIds.numberOf(id, idPart);
        String customer = customerId == null ? "" : customerId;
        this.customerPart = CompactIds.partOf(customer);
        this.customerNumber = CompactIds.numberOf(customer, customerPart);
        this.steps = steps;
        this.start = times.length == 0 ? 0L : times[0];
        this.times = compactTimes(times, start);
        this.types = types;
        this.purchaseAndOutcome = purchaseAndOutcome(purchaseIndex, outcome);
        this.value = value;
        this.details = (details == null ? Details.NONE : details).withLabels(segment, device, weight);
    }

    /** {@code journey}'s id, customer and times with other parts: nothing is re-encoded. */
    private Journey(Journey journey, byte[] types, Outcome outcome, int purchaseIndex, Details details) {
        this(journey, journey.steps, journey.times, journey.customerPart, types, outcome, purchaseIndex, details);
    }

    private Journey(Journey journey, int[] steps, Object times, Object customerPart, byte[] types, Outcome outcome,
            int purchaseIndex, Details details) {
        this.idPart = journey.idPart;
        this.idNumber = journey.idNumber;
        this.customerPart = customerPart;
        this.customerNumber = journey.customerNumber;
        this.steps = steps;
        this.start = journey.start;
        this.times = times;
        this.types = types;
        this.purchaseAndOutcome = purchaseAndOutcome(purchaseIndex, outcome);
        this.value = journey.value;
        this.details = details;
    }

    private static int purchaseAndOutcome(int purchaseIndex, Outcome outcome) {
        return (Math.max(purchaseIndex, -1) + 1) << OUTCOME_BITS | outcome.ordinal();
    }

    /** Offsets from {@code start} where every time is within an int of it (24 days), else a copy of the times. */
    private static Object compactTimes(long[] times, long start) {
        if (times.length == 0) {
            return UNTIMED;
        }
        int[] offsets = new int[times.length];
        for (int step = 0; step < times.length; step++) {
            long offset = times[step] - start;
            if (offset != (int) offset) {
                return times.clone();
            }
            offsets[step] = (int) offset;
        }
        return offsets;
    }

    /** The journey's id, as given at import; a new string where it is held as a number. */
    public String id() {
        return CompactIds.text(idPart, idNumber);
    }

    /** Whether this journey's id is {@code candidate}; allocates nothing. */
    public boolean hasId(String candidate) {
        return CompactIds.matches(idPart, idNumber, candidate);
    }

    /** Whether {@code other} has this journey's id; allocates nothing (an id is held one way only). */
    public boolean hasSameId(Journey other) {
        return idNumber == other.idNumber && idPart.equals(other.idPart);
    }

    /** {@code id().hashCode()}, without building the id. */
    public int idHash() {
        return CompactIds.hash(idPart, idNumber);
    }

    /** The customer's id, "" where none was given; a new string where it is held as a number. */
    public String customerId() {
        return CompactIds.text(customerPart, customerNumber);
    }

    /** {@code customerId().hashCode()}, without building the id. */
    public int customerHash() {
        return CompactIds.hash(customerPart, customerNumber);
    }

    /** Whether this journey's customer is {@code candidate}; allocates nothing. */
    public boolean hasCustomer(String candidate) {
        return CompactIds.matches(customerPart, customerNumber, candidate);
    }

    /**
     * How the customer id is held ({@link CompactIds}): a form shared by every id of that shape, or the id's string.
     * Loads share it ({@link SharedJourneyParts}); tests check that they do.
     */
    public Object customerPart() {
        return customerPart;
    }

    /** This journey with other copies of its step and type arrays, customer part and details, equal to its own. */
    Journey withSharedParts(int[] sharedSteps, byte[] sharedTypes, Object sharedCustomerPart, Details sharedDetails) {
        if (sharedSteps == steps && sharedTypes == types && sharedCustomerPart == customerPart
                && sharedDetails == details) {
            return this;
        }
        return new Journey(this, sharedSteps, times, sharedCustomerPart, sharedTypes, outcome(), purchaseIndex(),
                sharedDetails);
    }

    /**
     * A copy of this journey with a time array of its own, allocated now, and the given copies of its step and type
     * arrays, customer part and details.
     */
    Journey copyWithSharedParts(int[] sharedSteps, byte[] sharedTypes, Object sharedCustomerPart,
            Details sharedDetails) {
        Object ownTimes = times == UNTIMED ? UNTIMED
                : times instanceof int[] offsets ? offsets.clone() : ((long[]) times).clone();
        return new Journey(this, sharedSteps, ownTimes, sharedCustomerPart, sharedTypes, outcome(), purchaseIndex(),
                sharedDetails);
    }

    /** The touchpoint id of each step. */
    public int[] steps() {
        return steps;
    }

    /** The epoch milliseconds of each step, empty where untimed: a new array; {@link #time(int)} allocates nothing. */
    public long[] times() {
        if (times instanceof long[] epochMillis) {
            return epochMillis.clone();
        }
        int[] offsets = (int[]) times;
        long[] epochMillis = new long[offsets.length];
        for (int step = 0; step < offsets.length; step++) {
            epochMillis[step] = start + offsets[step];
        }
        return epochMillis;
    }

    /** The epoch milliseconds of {@code step} on a timed journey. */
    public long time(int step) {
        return times instanceof int[] offsets ? start + offsets[step] : ((long[]) times)[step];
    }

    /** The milliseconds between step {@code step - 1} and {@code step} on a timed journey. */
    public long gap(int step) {
        if (times instanceof int[] offsets) {
            return (long) offsets[step] - offsets[step - 1];
        }
        long[] epochMillis = (long[]) times;
        return epochMillis[step] - epochMillis[step - 1];
    }

    /** Whether {@code other} has the same times as this journey (both untimed, or equal at every step). */
    public boolean sameTimes(Journey other) {
        if (times instanceof int[] offsets && other.times instanceof int[] otherOffsets) {
            return (offsets.length == 0 || start == other.start) && Arrays.equals(offsets, otherOffsets);
        }
        return Arrays.equals(times(), other.times());
    }

    /** The event type code of each step ({@link EventType#code()}). */
    public byte[] types() {
        return types;
    }

    public Outcome outcome() {
        return OUTCOMES[purchaseAndOutcome & OUTCOME_MASK];
    }

    /** The step of the first purchase, or -1. */
    public int purchaseIndex() {
        return (purchaseAndOutcome >> OUTCOME_BITS) - 1;
    }

    public double value() {
        return value;
    }

    public int weight() {
        return details.weight();
    }

    public String segment() {
        return details.segment();
    }

    public String device() {
        return details.device();
    }

    public Details details() {
        return details;
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
        return newOutcome == outcome() ? this : new Journey(this, types, newOutcome, purchaseIndex(), details);
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
        Outcome newOutcome = outcome() == Outcome.OPEN && newPurchase < 0 ? Outcome.OPEN
                : OutcomeRule.outcomeOf(steps, newTypes, touchpoints);
        return new Journey(this, newTypes, newOutcome, newPurchase, details);
    }

    public int length() {
        return steps.length;
    }

    public boolean isTimed() {
        return times != UNTIMED;
    }

    public long startedAt() {
        return start;
    }

    public long endedAt() {
        return isTimed() ? time(steps.length - 1) : 0L;
    }

    /** Number of steps on the path to purchase (up to and including the first purchase), or all steps otherwise. */
    public int pathLength() {
        int purchaseIndex = purchaseIndex();
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

    @Override
    public String toString() {
        return "Journey[" + id() + ", customer " + customerId() + ", steps " + Arrays.toString(steps) + ", "
                + outcome() + ", weight " + weight() + "]";
    }
}
