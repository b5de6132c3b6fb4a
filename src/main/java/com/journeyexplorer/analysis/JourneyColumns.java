package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A snapshot's journey attributes laid out by record position, so that a scan over many records reads a few
 * sequential arrays instead of following every {@link Journey} and its strings: a small code per segment and per
 * device, the outcome and whether the record is timed in one byte, and the weight (no array when every weight is 1).
 * Built once per snapshot on first use ({@link #of}); about 3 bytes per record for event data with few distinct
 * segments and devices.
 */
final class JourneyColumns {

    /** The code of a value that no record has: matches no position. */
    static final int ABSENT = -1;

    private static final int TIMED = 0x80;
    private static final int OUTCOME = 0x7F;

    private final Codes segments;
    private final Codes devices;
    private final byte[] flags;
    private final int[] weights;

    private JourneyColumns(List<Journey> journeys) {
        int size = journeys.size();
        this.segments = new Codes(journeys, Journey::segment);
        this.devices = new Codes(journeys, Journey::device);
        this.flags = new byte[size];
        int[] weightColumn = null;
        for (int position = 0; position < size; position++) {
            Journey journey = journeys.get(position);
            flags[position] = (byte) (journey.outcome().ordinal() | (journey.isTimed() ? TIMED : 0));
            if (journey.weight() != 1 && weightColumn == null) {
                weightColumn = new int[size];
                for (int before = 0; before < position; before++) {
                    weightColumn[before] = 1;
                }
            }
            if (weightColumn != null) {
                weightColumn[position] = journey.weight();
            }
        }
        this.weights = weightColumn;
    }

    /** The columns of {@code snapshot}, built on first use and kept with it. O(records) the first time. */
    static JourneyColumns of(JourneySnapshot snapshot) {
        return snapshot.memo(JourneyColumns.class, JourneyColumns.class,
                () -> new JourneyColumns(snapshot.journeys()));
    }

    /** The code of the segment of the record at {@code position}. */
    int segment(int position) {
        return segments.at(position);
    }

    /** The code of {@code segment}, or {@link #ABSENT} when no record has it. */
    int segmentCode(String segment) {
        return segments.codeOf(segment);
    }

    /** How many distinct segments the records have: codes run from 0 to this, exclusive. */
    int segmentCount() {
        return segments.codes.size();
    }

    /** The segment of each code, indexed by code. */
    String[] segmentNames() {
        String[] names = new String[segments.codes.size()];
        segments.codes.forEach((name, code) -> names[code] = name);
        return names;
    }

    /** The code of the device of the record at {@code position}. */
    int device(int position) {
        return devices.at(position);
    }

    /** The code of {@code device}, or {@link #ABSENT} when no record has it. */
    int deviceCode(String device) {
        return devices.codeOf(device);
    }

    /** The {@link Outcome#ordinal()} of the record at {@code position}. */
    int outcome(int position) {
        return flags[position] & OUTCOME;
    }

    boolean isTimed(int position) {
        return (flags[position] & TIMED) != 0;
    }

    /** Whether some record weighs other than 1. */
    boolean isWeighted() {
        return weights != null;
    }

    int weight(int position) {
        return weights == null ? 1 : weights[position];
    }

    /** One string attribute as codes {@code [0, distinct values)} by position: a byte each while 256 codes suffice. */
    private static final class Codes {
        private final Map<String, Integer> codes = new HashMap<>();
        private final byte[] small;
        private final int[] large;

        Codes(List<Journey> journeys, Function<Journey, String> attribute) {
            int[] all = new int[journeys.size()];
            for (int position = 0; position < all.length; position++) {
                Integer next = codes.size();
                Integer code = codes.putIfAbsent(attribute.apply(journeys.get(position)), next);
                all[position] = code == null ? next : code;
            }
            if (codes.size() <= 256) {
                small = new byte[all.length];
                for (int position = 0; position < all.length; position++) {
                    small[position] = (byte) all[position];
                }
                large = null;
            } else {
                small = null;
                large = all;
            }
        }

        int at(int position) {
            return small != null ? small[position] & 0xFF : large[position];
        }

        int codeOf(String value) {
            return codes.getOrDefault(value, ABSENT);
        }
    }
}
