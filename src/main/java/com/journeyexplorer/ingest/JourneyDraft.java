package com.journeyexplorer.ingest;

import java.util.Map;

/**
 * The events of one journey (or, without journey ids, of one customer) as read from an upload, in file order, in
 * primitive arrays of exactly its size: what {@link JourneyAssembler} builds a journey from, made on demand by
 * {@link DraftStore}, which holds every draft of an upload compactly. Extra columns are kept per event (values
 * shared): whether one is a journey or an event attribute is decided when the journey is built, over all its events.
 */
final class JourneyDraft {

    final String key;
    final boolean byCustomer;
    String customerId = "";
    String segment = "";
    String device = "";
    /**
     * A customer's draft: the segment and device of each event ("" where it has none), so that each session takes
     * those of its own events; null when no event has either, and for a journey's draft.
     */
    String[] segments;
    String[] devices;
    /** Extra columns by name: the value of each event, null where its cell was blank. */
    Map<String, String[]> columns = Map.of();
    int size;
    int[] steps;
    long[] times;
    byte[] types;
    /** Revenue of each event: its value if it is a purchase, else 0. */
    double[] values;
    /** For events without an id: a 64-bit hash of the value and every column but journey, time and touchpoint. */
    long[] fingerprints;
    String[] eventIds;
    /**
     * The line of each event with revenue, 0 for the others: names the row of a refused value. Null when no event of
     * the draft has revenue.
     */
    long[] lines;
    /**
     * The file of each event with revenue in a bulk load of several files; null when all are of the first, or when
     * no event has revenue.
     */
    int[] files;

    /** The line of event {@code i} if it has revenue, else 0. */
    long line(int i) {
        return lines == null ? 0 : lines[i];
    }

    /** The file of event {@code i} in a bulk load of several if it has revenue, else 0. */
    int file(int i) {
        return files == null ? 0 : files[i];
    }

    JourneyDraft(String key, boolean byCustomer) {
        this.key = key;
        this.byCustomer = byCustomer;
    }

    /**
     * What a cell adds to its event's fingerprint: a hash of the column and the cell without surrounding spaces,
     * summed over the cells, so that column order does not matter (NDJSON objects may list keys in any order). Blank
     * cells count as absent (0). The cell's own {@link String#hashCode} (one tight loop, cached on a string that
     * repeats) with its length and end characters make the cell's 64 bits: this runs for every cell of every row
     * without an event id, so it must stay cheap. The fingerprint starts as {@code mix(seed)}.
     */
    static long cellHash(int columnHash, String cell) {
        int length = cell.length();
        if (length == 0) {
            return 0;
        }
        String text = cell;
        if (Character.isWhitespace(cell.charAt(0)) || Character.isWhitespace(cell.charAt(length - 1))) {
            text = cell.strip();
            length = text.length();
            if (length == 0) {
                return 0;
            }
        }
        int shape = ((columnHash * 31 + length) * 31 + text.charAt(0)) * 31 + text.charAt(length - 1);
        return mix(((long) text.hashCode() << 32) ^ (shape & 0xffffffffL));
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53b87f7L;
        h ^= h >>> 33;
        return h;
    }
}
