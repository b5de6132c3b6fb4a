package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.List;

/**
 * Positions of journeys in a list by id: an open-addressing hash table (linear probing) holding only
 * {@code position + 1} per slot, 0 for an empty slot, at most {@link #MAX_LOAD} full. An id is compared with the
 * journey at its position ({@link Journey#hasId}, which builds no string), so the table stores no keys and costs 6
 * to 12 bytes per journey (a {@code HashMap<String, Integer>} costs about 50).
 * The list must not change its ids after the table is built. Where ids repeat, the last position wins.
 */
final class JourneyIndex {

    private static final int FIBONACCI = 0x9E3779B9;
    /**
     * How full the table may be: three quarters, about three probes to find an id with linear probing. At half, ten
     * million journeys took a table of 2²⁵ slots (134 MB, 2.4 bytes per demo event); now 2²⁴.
     */
    private static final double MAX_LOAD = 0.75;

    private final List<Journey> journeys;
    private final int[] slots;
    private final int shift;

    JourneyIndex(List<Journey> journeys) {
        this.journeys = journeys;
        // Room for an eighth more (at least 1,024) before a copy would be refused: else a size just below a
        // threshold would rebuild the index, and the snapshot's indexes without a lineage, at every small import.
        long least = (long) Math.ceil((journeys.size() + Math.max(1024, journeys.size() / 8)) / MAX_LOAD);
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(least - 1));
        if (bits > 30) {
            throw new IllegalArgumentException("too many journeys for the index: " + journeys.size());
        }
        this.slots = new int[1 << bits];
        this.shift = 32 - bits;
        for (int position = 0; position < journeys.size(); position++) {
            slots[slotOf(journeys.get(position))] = position + 1;
        }
    }

    private JourneyIndex(List<Journey> journeys, int[] slots, int shift) {
        this.journeys = journeys;
        this.slots = slots;
        this.shift = shift;
    }

    /**
     * A copy of this index over {@code journeys}, a list with the same ids at the same positions (and possibly more
     * after them, to be {@link #put}), with room for {@code more} further ids; null when they would fill it over
     * {@link #MAX_LOAD} (then build a new index). O(slots) for the copy.
     */
    JourneyIndex copyFor(List<Journey> journeys, int more) {
        if (this.journeys.size() + (double) more > slots.length * MAX_LOAD) {
            return null;
        }
        return new JourneyIndex(journeys, slots.clone(), shift);
    }

    /** This index over {@code journeys}, a list with the same ids at the same positions; shares the table. O(1). */
    JourneyIndex over(List<Journey> journeys) {
        return new JourneyIndex(journeys, slots, shift);
    }

    /** Indexes the journey at {@code position} of the list (a copy's only, before the index is shared). */
    void put(int position) {
        slots[slotOf(journeys.get(position))] = position + 1;
    }

    /** The position of the journey with this id, or -1; O(1) expected. */
    int positionOf(String id) {
        return slots[slotOf(id)] - 1;
    }

    /** The slot holding {@code id}, or the empty slot where it would go. */
    private int slotOf(String id) {
        int mask = slots.length - 1;
        int slot = (id.hashCode() * FIBONACCI) >>> shift;
        while (slots[slot] != 0 && !journeys.get(slots[slot] - 1).hasId(id)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The slot holding {@code journey}'s id, or the empty slot where it would go; builds no string. */
    private int slotOf(Journey journey) {
        int mask = slots.length - 1;
        int slot = (journey.idHash() * FIBONACCI) >>> shift;
        while (slots[slot] != 0 && !journeys.get(slots[slot] - 1).hasSameId(journey)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
