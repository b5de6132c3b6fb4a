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
     * count as absent. The cell's own {@link String#hashCode} (one tight loop) with its length and end characters
     * make the cell's 64 bits: this runs for every cell of every row without an event id, so it must stay cheap.
     */
    void fingerprintCell(int columnHash, String cell) {
        int length = cell.length();
        if (length == 0) {
            return;
        }
        String text = cell;
        if (Character.isWhitespace(cell.charAt(0)) || Character.isWhitespace(cell.charAt(length - 1))) {
            text = cell.strip();
            length = text.length();
            if (length == 0) {
                return;
            }
        }
        int shape = ((columnHash * 31 + length) * 31 + text.charAt(0)) * 31 + text.charAt(length - 1);
        fingerprints[size - 1] += mix(((long) text.hashCode() << 32) ^ (shape & 0xffffffffL));
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
