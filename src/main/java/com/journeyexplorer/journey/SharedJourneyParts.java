package com.journeyexplorer.journey;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each of the immutable parts that many journeys repeat, for a load or an import to build its journeys
 * with: the journey-attribute maps (an import's journeys mostly carry the same few), the event-type arrays (a few
 * hundred patterns: visits, with a purchase or an abandonment at one position) and the customer ids (a returning
 * customer's journeys). Read from the store, each journey would otherwise hold its own map, entries and strings
 * (about 270 bytes per demo journey for one attribute) and its own type array and customer string. The projection
 * then holds each distinct part once; step and time arrays stay each journey's own, laid out in record order.
 *
 * <p>Journeys never modify their arrays or maps, so sharing them is safe. Not thread-safe: one per load or import,
 * dropped with it. O(1) expected per part, the distinct parts held until then.
 */
public final class SharedJourneyParts {

    private final Map<Map<String, String>, Map<String, String>> attributeMaps = new HashMap<>();
    /** Keyed by a buffer over the array itself: a buffer's equality and hash are those of its content. */
    private final Map<ByteBuffer, byte[]> typeArrays = new HashMap<>();
    private final Map<String, String> customers = new HashMap<>();

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

    /** The shared string equal to {@code customerId}. */
    public String customer(String customerId) {
        return customerId == null ? null : customers.computeIfAbsent(customerId, key -> customerId);
    }

    /** {@code journey} with its shared parts: itself when it already holds them. */
    public Journey share(Journey journey) {
        byte[] types = types(journey.types());
        Map<String, String> attributes = attributes(journey.attributes());
        String customer = customer(journey.customerId());
        if (types == journey.types() && attributes == journey.attributes() && customer == journey.customerId()) {
            return journey;
        }
        return new Journey(journey.id(), customer, journey.steps(), journey.times(), types, journey.eventIds(),
                journey.outcome(), journey.purchaseIndex(), journey.value(), journey.weight(), journey.segment(),
                journey.device(), attributes, journey.events(), journey.openHorizon());
    }
}
