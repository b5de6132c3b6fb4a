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
    /** Revenue of each event: its value if it is a purchase, else 0. */
    double[] values = new double[4];
    /** For events without an id: a 64-bit hash of the value and every column but journey, time and touchpoint. */
    long[] fingerprints = new long[4];
    String[] eventIds;

    JourneyDraft(String key, boolean byCustomer) {
        this.key = key;
        this.byCustomer = byCustomer;
    }

    void add(int step, long time, byte type, double value, String eventId, long fingerprintSeed) {
        if (size == steps.length) {
            int capacity = size * 2;
            steps = Arrays.copyOf(steps, capacity);
            times = Arrays.copyOf(times, capacity);
            types = Arrays.copyOf(types, capacity);
            values = Arrays.copyOf(values, capacity);
            fingerprints = Arrays.copyOf(fingerprints, capacity);
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
        fingerprints[size] = mix(fingerprintSeed);
        if (eventIds != null) {
            eventIds[size] = eventId;
        }
        size++;
    }

    /**
     * Adds a cell of the last event to its fingerprint: a hash of the column and the cell without surrounding
     * spaces, summed, so that column order does not matter (NDJSON objects may list keys in any order). Blank cells
     * count as absent. No allocation.
     */
    void fingerprintCell(int columnHash, String cell) {
        int from = 0;
        int to = cell.length();
        while (from < to && Character.isWhitespace(cell.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(cell.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return;
        }
        long hash = 0xcbf29ce484222325L ^ columnHash;
        for (int i = from; i < to; i++) {
            hash = (hash ^ cell.charAt(i)) * 0x100000001b3L;
        }
        fingerprints[size - 1] += mix(hash);
    }

    /** MurmurHash3's 64-bit finalizer. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53b87f7L;
        h ^= h >>> 33;
        return h;
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
