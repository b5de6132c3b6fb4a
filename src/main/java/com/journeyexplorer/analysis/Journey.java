package com.journeyexplorer.analysis;

import java.util.Map;
import java.util.Objects;

/**
 * One customer journey, held compactly: parallel arrays of touchpoint ids, epoch-millisecond times and event types,
 * ordered by time. {@code weight} is how many identical journeys this one stands for (1 for event data; the row count
 * for aggregated path data, which also has no times: {@code times.length == 0}). {@code value} is the sum of the
 * event values of the record: for an aggregated record, of all the journeys it stands for.
 *
 * <p>Arrays are shared, never copied: callers must not modify them.
 */
public record Journey(
        String id,
        String customerId,
        int[] steps,
        long[] times,
        byte[] types,
        String[] eventIds,
        Outcome outcome,
        int purchaseIndex,
        double value,
        int weight,
        String segment,
        String device,
        Map<String, String> attributes) {

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
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** This journey with other event types (purchases), its outcome and path to purchase recomputed. */
    public Journey withTypes(byte[] newTypes, java.util.List<Touchpoint> touchpoints) {
        return new Journey(id, customerId, steps, times, newTypes, eventIds,
                OutcomeRule.outcomeOf(steps, newTypes, touchpoints), OutcomeRule.firstPurchase(newTypes), value,
                weight, segment, device, attributes);
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
        return eventIds == null ? null : eventIds[step];
    }
}
