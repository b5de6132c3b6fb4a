package com.journeyexplorer.ingest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of one journey (or, without journey ids, of one customer) as read from an upload, in file order, held
 * in growable primitive arrays so that a large upload costs a few bytes per event.
 */
final class JourneyDraft {

    final String key;
    final boolean byCustomer;
    String customerId = "";
    String segment = "";
    String device = "";
    Map<String, String> attributes = Map.of();
    int size;
    int[] steps = new int[4];
    long[] times = new long[4];
    byte[] types = new byte[4];
    double[] values = new double[4];
    String[] eventIds;

    JourneyDraft(String key, boolean byCustomer) {
        this.key = key;
        this.byCustomer = byCustomer;
    }

    void add(int step, long time, byte type, double value, String eventId) {
        if (size == steps.length) {
            int capacity = size * 2;
            steps = Arrays.copyOf(steps, capacity);
            times = Arrays.copyOf(times, capacity);
            types = Arrays.copyOf(types, capacity);
            values = Arrays.copyOf(values, capacity);
            if (eventIds != null) {
                eventIds = Arrays.copyOf(eventIds, capacity);
            }
        }
        if (eventId != null && eventIds == null) {
            eventIds = new String[steps.length];
        }
        steps[size] = step;
        times[size] = time;
        types[size] = type;
        values[size] = value;
        if (eventIds != null) {
            eventIds[size] = eventId;
        }
        size++;
    }

    /** Keeps the first non-empty value of each journey-level field. */
    void describe(String customer, String segmentValue, String deviceValue) {
        if (customerId.isEmpty() && customer != null) {
            customerId = customer;
        }
        if (segment.isEmpty() && segmentValue != null) {
            segment = segmentValue;
        }
        if (device.isEmpty() && deviceValue != null) {
            device = deviceValue;
        }
    }

    void attribute(String name, String value) {
        if (attributes.isEmpty()) {
            attributes = new LinkedHashMap<>();
        }
        attributes.putIfAbsent(name, value);
    }
}
