package com.journeyexplorer.journey;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One copy of each of the immutable parts that many journeys repeat, for a load or an import to build its journeys
 * with: the journey-attribute maps (an import's journeys mostly carry the same few), the event-type arrays (a few
 * hundred patterns: visits, with a purchase or an abandonment at one position), the step arrays (journeys that
 * took the same path: a million demo journeys take 223,000 distinct paths, holding 37 % of their steps), the customer
 * ids (a returning customer's journeys) and the {@link Journey.Details} that hold no event ids or event attributes
 * (with the segment and the device). Read from the store, each journey would otherwise hold its own map, entries and
 * strings (about 270 bytes per demo journey for one attribute), its own step and type arrays, customer string and
 * details. The projection then holds each distinct part once; time arrays stay each journey's own, laid out in record
 * order.
 *
 * <p>Journeys never modify their arrays or maps, so sharing them is safe. Not thread-safe: one per load or import,
 * dropped with it. O(1) expected per part, the distinct parts held until then.
 */
public final class SharedJourneyParts {

    private final Map<Map<String, String>, Map<String, String>> attributeMaps = new HashMap<>();
    /** Keyed by a buffer over the array itself: a buffer's equality and hash are those of its content. */
    private final Map<ByteBuffer, byte[]> typeArrays = new HashMap<>();
    /**
     * The distinct step arrays in order of first sight, found through {@link #stepSlots}. Not a hash map of the
     * arrays: a collection during the load or import would then move each array in the map's order, away from its
     * record, and a pass over the records would wait on memory for the arrays that only one journey holds (most of
     * them: measured three times slower first-touch attribution on a million demo journeys). Held in a list in order
     * of first sight, they stay in record order.
     */
    private final List<int[]> stepArrays = new ArrayList<>();
    /** Open addressing: 1 + an index into {@link #stepArrays}, 0 where free; at most half full. */
    private int[] stepSlots = new int[1024];
    /** Customer ids as strings, one copy each: those given to {@link #customer}, and those records keep as strings. */
    private final Map<Object, Object> customers = new HashMap<>();
    private final Map<Journey.Details, Journey.Details> details = new HashMap<>();

    /** The shared copy of {@code attributes} (an immutable map of the same entries). */
    public Map<String, String> attributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> shared = attributeMaps.get(attributes);
        if (shared == null) {
            shared = Map.copyOf(attributes);
            attributeMaps.put(shared, shared);
        }
        return shared;
    }

    /** The shared array with the same event types as {@code types}. */
    public byte[] types(byte[] types) {
        return typeArrays.computeIfAbsent(ByteBuffer.wrap(types), key -> types);
    }

    /** The shared array with the same touchpoint ids as {@code steps}: {@code steps} itself where it is the first. */
    public int[] steps(int[] steps) {
        int[] shared = sharedSteps(steps);
        return shared != null ? shared : addSteps(steps);
    }

    /** The shared array with the same touchpoint ids as {@code steps}: a copy allocated now where it is the first. */
    private int[] stepsInOrder(int[] steps) {
        int[] shared = sharedSteps(steps);
        return shared != null ? shared : addSteps(steps.clone());
    }

    /** The distinct array equal to {@code steps}, or null. */
    private int[] sharedSteps(int[] steps) {
        int mask = stepSlots.length - 1;
        for (int slot = slotOf(steps, mask); stepSlots[slot] != 0; slot = (slot + 1) & mask) {
            int[] candidate = stepArrays.get(stepSlots[slot] - 1);
            if (Arrays.equals(candidate, steps)) {
                return candidate;
            }
        }
        return null;
    }

    private int[] addSteps(int[] steps) {
        stepArrays.add(steps);
        if (2 * stepArrays.size() > stepSlots.length) {
            stepSlots = new int[2 * stepSlots.length];
            for (int index = 0; index < stepArrays.size(); index++) {
                place(stepArrays.get(index), index);
            }
        } else {
            place(steps, stepArrays.size() - 1);
        }
        return steps;
    }

    private void place(int[] steps, int index) {
        int mask = stepSlots.length - 1;
        int slot = slotOf(steps, mask);
        while (stepSlots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        stepSlots[slot] = index + 1;
    }

    private static int slotOf(int[] steps, int mask) {
        int hash = Arrays.hashCode(steps) * 0x9E3779B9;
        return (hash ^ hash >>> 16) & mask;
    }

    /** The shared string equal to {@code customerId}. */
    public String customer(String customerId) {
        return customerId == null ? null : (String) customers.computeIfAbsent(customerId, key -> customerId);
    }

    /**
     * Details equal to {@code journeyDetails} with their attributes shared; shared themselves when they hold no event
     * ids or event attributes (those are each journey's own).
     */
    public Journey.Details details(Journey.Details journeyDetails) {
        Map<String, String> attributes = attributes(journeyDetails.attributes());
        Journey.Details withShared = attributes == journeyDetails.attributes() ? journeyDetails
                : new Journey.Details(journeyDetails.eventIds(), attributes, journeyDetails.events(),
                        journeyDetails.openHorizon(), journeyDetails.segment(), journeyDetails.device(),
                        journeyDetails.weight());
        if (withShared.eventIds() != null || withShared.events() != EventAttributes.NONE) {
            return withShared;
        }
        return details.computeIfAbsent(withShared, key -> withShared);
    }

    /** {@code journey} with its shared parts: itself when it already holds them. */
    public Journey share(Journey journey) {
        return journey.withSharedParts(steps(journey.steps()), types(journey.types()), customerPart(journey),
                details(journey.details()));
    }

    /**
     * A copy of {@code journey} with a time array of its own, allocated now (so that a load lays records out in their
     * order), and its shared parts.
     */
    public Journey copyInOrder(Journey journey) {
        return journey.copyWithSharedParts(stepsInOrder(journey.steps()), types(journey.types()),
                customerPart(journey), details(journey.details()));
    }

    private Object customerPart(Journey journey) {
        Object part = journey.customerPart();
        return part instanceof String ? customers.computeIfAbsent(part, key -> key) : part;
    }
}
