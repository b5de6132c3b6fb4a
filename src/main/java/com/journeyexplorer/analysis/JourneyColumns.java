package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A snapshot's journey attributes laid out by record position, so that a scan over many records reads a few
 * sequential arrays instead of following every {@link Journey} and its strings: a small code per segment and per
 * device, the outcome and whether the record is timed in one byte, and the weight (no array when every weight is 1).
 * Built once per snapshot on first use ({@link #of}), or, for a snapshot that only appended records to an earlier
 * one's and changed some outcomes, followed from that one's columns: copies plus O(changed records). About 3 bytes per
 * record for event data with few distinct segments and devices.
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

    /**
     * The columns of {@link JourneySnapshot.Lineage#base()}'s records followed to {@code journeys}: the same columns
     * as {@code new JourneyColumns(journeys)}. Null when a replaced record changes its segment or device (the codes
     * are numbered in order of first sight, which that could change) or a weight of the weight column.
     */
    private JourneyColumns(JourneyColumns base, List<Journey> journeys, JourneySnapshot.Lineage lineage,
            int[] weightColumn) {
        int baseSize = lineage.baseSize();
        int size = journeys.size();
        this.segments = new Codes(base.segments, journeys, baseSize, Journey::segment);
        this.devices = new Codes(base.devices, journeys, baseSize, Journey::device);
        this.flags = Arrays.copyOf(base.flags, size);
        for (int position : lineage.replaced()) {
            flags[position] = flags(journeys.get(position));
        }
        for (int position = baseSize; position < size; position++) {
            flags[position] = flags(journeys.get(position));
        }
        this.weights = weightColumn;
    }

    private static byte flags(Journey journey) {
        return (byte) (journey.outcome().ordinal() | (journey.isTimed() ? TIMED : 0));
    }

    /** The columns of {@code snapshot}, built on first use and kept with it. O(records) the first time. */
    static JourneyColumns of(JourneySnapshot snapshot) {
        return snapshot.memo(JourneyColumns.class, JourneyColumns.class,
                (base, lineage) -> base.following(lineage, snapshot.journeys()),
                () -> new JourneyColumns(snapshot.journeys()));
    }

    /** These columns followed to {@code journeys}, which keep the base's records but those the lineage names. */
    JourneyColumns following(JourneySnapshot.Lineage lineage, List<Journey> journeys) {
        List<Journey> before = lineage.base().journeys();
        int baseSize = lineage.baseSize();
        int size = journeys.size();
        for (int position : lineage.replaced()) {
            Journey old = before.get(position);
            Journey now = journeys.get(position);
            if (!Objects.equals(old.segment(), now.segment()) || !Objects.equals(old.device(), now.device())
                    || (weights != null && old.weight() != now.weight())) {
                return null;
            }
        }
        int[] weightColumn = weights == null ? null : Arrays.copyOf(weights, size);
        for (int position = baseSize; position < size; position++) {
            int weight = journeys.get(position).weight();
            if (weight != 1 && weightColumn == null) {
                weightColumn = new int[size];
                Arrays.fill(weightColumn, 0, position, 1);
            }
            if (weightColumn != null) {
                weightColumn[position] = weight;
            }
        }
        if (weights == null) {
            for (int position : lineage.replaced()) {
                if (journeys.get(position).weight() != 1) {
                    return null;
                }
            }
        }
        return new JourneyColumns(this, journeys, lineage, weightColumn);
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

        /** {@code base}'s codes, the records from {@code from} on coded after them, in order of first sight. */
        Codes(Codes base, List<Journey> journeys, int from, Function<Journey, String> attribute) {
            codes.putAll(base.codes);
            int size = journeys.size();
            int[] added = new int[size - from];
            for (int position = from; position < size; position++) {
                Integer next = codes.size();
                Integer code = codes.putIfAbsent(attribute.apply(journeys.get(position)), next);
                added[position - from] = code == null ? next : code;
            }
            if (codes.size() <= 256) {
                small = Arrays.copyOf(base.small, size);
                for (int position = from; position < size; position++) {
                    small[position] = (byte) added[position - from];
                }
                large = null;
            } else {
                small = null;
                if (base.large != null) {
                    large = Arrays.copyOf(base.large, size);
                } else {
                    large = new int[size];
                    for (int position = 0; position < from; position++) {
                        large[position] = base.small[position] & 0xFF;
                    }
                }
                System.arraycopy(added, 0, large, from, added.length);
            }
        }

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
