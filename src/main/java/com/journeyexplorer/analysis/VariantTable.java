package com.journeyexplorer.analysis;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Weighted counts of distinct shaped paths, keyed by their label ids: an open-addressing hash table (linear probing,
 * load at most 1/2) whose lookup takes a {@link LabelPath} as it is, so that counting a journey allocates nothing
 * unless its path is new. Variants get ids {@code [0, size())} in order of first sight.
 */
final class VariantTable {

    private int[] slots = new int[1024];
    private int size;
    int[][] keys = new int[512][];
    private int[] hashes = new int[512];
    long[] journeys = new long[512];
    long[] purchased = new long[512];

    int size() {
        return size;
    }

    /** The id of the path's variant, added with zero counts if new; O(path length) expected. */
    int variant(LabelPath path) {
        int hash = path.labelHash();
        int mask = slots.length - 1;
        int slot = mix(hash) & mask;
        while (slots[slot] != 0) {
            int variant = slots[slot] - 1;
            if (hashes[variant] == hash && Arrays.equals(keys[variant], 0, keys[variant].length, path.labels, 0,
                    path.length)) {
                return variant;
            }
            slot = (slot + 1) & mask;
        }
        return add(slot, hash, Arrays.copyOf(path.labels, path.length));
    }

    /**
     * The ids of the {@code limit} variants with the most journeys, ties by label ids in lexicographic order (a
     * prefix first), in that order; O(variants · log limit).
     */
    int[] top(int limit) {
        PriorityQueue<Integer> worstFirst = new PriorityQueue<>(Math.max(1, limit), (a, b) -> compare(b, a));
        for (int variant = 0; variant < size && limit > 0; variant++) {
            if (worstFirst.size() < limit) {
                worstFirst.add(variant);
            } else if (compare(variant, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(variant);
            }
        }
        int[] top = new int[worstFirst.size()];
        for (int i = top.length - 1; i >= 0; i--) {
            top[i] = worstFirst.poll();
        }
        return top;
    }

    /** Negative when variant {@code a} ranks before {@code b}. */
    private int compare(int a, int b) {
        if (journeys[a] != journeys[b]) {
            return journeys[a] > journeys[b] ? -1 : 1;
        }
        return Arrays.compare(keys[a], keys[b]);
    }

    private int add(int slot, int hash, int[] key) {
        if (size == keys.length) {
            int grown = size * 2;
            keys = Arrays.copyOf(keys, grown);
            hashes = Arrays.copyOf(hashes, grown);
            journeys = Arrays.copyOf(journeys, grown);
            purchased = Arrays.copyOf(purchased, grown);
        }
        int variant = size++;
        keys[variant] = key;
        hashes[variant] = hash;
        slots[slot] = variant + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return variant;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int variant = 0; variant < size; variant++) {
            int slot = mix(hashes[variant]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = variant + 1;
        }
    }

    private static int mix(int hash) {
        return (hash * 0x9E3779B9) ^ (hash * 0x9E3779B9) >>> 16;
    }
}
