package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct touchpoint sequences of a snapshot's journey records, numbered {@code [0, count())} in order of first
 * sight, and for each record the number of its whole sequence and of its path ({@link Journey#pathLength()}: to the
 * first purchase). An analysis that groups the selected records by shaped path can then count sequence numbers and
 * shape each distinct sequence once, instead of shaping every record. Built once per snapshot on first use
 * ({@link #of}) in O(events); 8 bytes per record plus the distinct sequences, their steps in one int pool.
 */
final class StepSequences {

    private final int[] wholes;
    private final int[] paths;
    private int[] pool = new int[1024];
    private int[] offsets = new int[257];
    private int count;

    private StepSequences(List<Journey> journeys) {
        wholes = new int[journeys.size()];
        paths = new int[journeys.size()];
        Numbering numbering = new Numbering();
        for (int position = 0; position < wholes.length; position++) {
            Journey journey = journeys.get(position);
            wholes[position] = numbering.number(journey.steps(), journey.length());
            paths[position] = journey.pathLength() == journey.length() ? wholes[position]
                    : numbering.number(journey.steps(), journey.pathLength());
        }
        pool = Arrays.copyOf(pool, offsets[count]);
        offsets = Arrays.copyOf(offsets, count + 1);
    }

    /** The sequences of {@code snapshot}, built on first use and kept with it. */
    static StepSequences of(JourneySnapshot snapshot) {
        return snapshot.memo(StepSequences.class, StepSequences.class, () -> new StepSequences(snapshot.journeys()));
    }

    /** How many distinct sequences there are. */
    int count() {
        return count;
    }

    /**
     * For each record position, the number of its path's sequence ({@code toFirstPurchase}) or of its whole one. The
     * array is shared: callers must not modify it.
     */
    int[] numbers(boolean toFirstPurchase) {
        return toFirstPurchase ? paths : wholes;
    }

    /** The steps of all sequences, sequence {@code n} at {@link #offset offset(n)}; shared, not to be modified. */
    int[] pool() {
        return pool;
    }

    int offset(int sequence) {
        return offsets[sequence];
    }

    int length(int sequence) {
        return offsets[sequence + 1] - offsets[sequence];
    }

    /** Numbers sequences while the pool is built: an open-addressing table of sequence numbers (load at most 1/2). */
    private final class Numbering {
        private int[] slots = new int[1024];
        private int[] hashes = new int[256];

        int number(int[] steps, int length) {
            int hash = 1;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + steps[i];
            }
            int mask = slots.length - 1;
            int slot = mix(hash) & mask;
            int entry;
            while ((entry = slots[slot]) != 0) {
                int sequence = entry - 1;
                if (hashes[sequence] == hash && offsets[sequence + 1] - offsets[sequence] == length
                        && Arrays.equals(pool, offsets[sequence], offsets[sequence + 1], steps, 0, length)) {
                    return sequence;
                }
                slot = (slot + 1) & mask;
            }
            return add(slot, hash, steps, length);
        }

        private int add(int slot, int hash, int[] steps, int length) {
            int sequence = count++;
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2 + 1);
            }
            int offset = offsets[sequence];
            if (offset + length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, offset + length));
            }
            System.arraycopy(steps, 0, pool, offset, length);
            offsets[sequence + 1] = offset + length;
            hashes[sequence] = hash;
            slots[slot] = sequence + 1;
            if (count * 2 > slots.length) {
                rehash();
            }
            return sequence;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int sequence = 0; sequence < count; sequence++) {
                int slot = mix(hashes[sequence]) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = sequence + 1;
            }
        }

        private static int mix(int hash) {
            int mixed = hash * 0x9E3779B9;
            return mixed ^ mixed >>> 16;
        }
    }
}
