package com.journeyexplorer.ingest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of one journey (or, without journey ids, of one customer) as read from an upload, in file order, held
 * in growable primitive arrays so that a large upload costs a few bytes per event. Extra columns are kept per event
 * (a reference per event and column, values shared): whether one is a journey or an event attribute is decided when
 * the journey is built, over all its events.
 */
final class JourneyDraft {

    final String key;
    final boolean byCustomer;
    String customerId = "";
    String segment = "";
    String device = "";
    /** Extra columns by name: the value of each event, null where its cell was blank. */
    Map<String, String[]> columns = Map.of();
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
            for (Map.Entry<String, String[]> column : columns.entrySet()) {
                column.setValue(Arrays.copyOf(column.getValue(), capacity));
            }
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

    /** Sets the value of an extra column on the event added last. */
    void attribute(String name, String value) {
        if (columns.isEmpty()) {
            columns = new LinkedHashMap<>();
        }
        columns.computeIfAbsent(name, column -> new String[steps.length])[size - 1] = value;
    }
}
