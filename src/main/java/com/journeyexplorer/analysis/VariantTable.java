package com.journeyexplorer.analysis;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Weighted counts of distinct shaped paths, keyed by their label ids, laid out for few cache misses per lookup: an
 * open-addressing hash table (linear probing, load at most 1/2) whose slots hold the key's hash and its offset in one
 * int pool, where the variant id, length and label ids lie together; the two counts of a variant sit side by side.
 * A lookup takes a {@link LabelPath} as it is, so counting a path allocates nothing unless the table outgrows the size
 * it was made for.
 * Variants get ids {@code [0, size())} in order of first sight.
 */
final class VariantTable {

    private long[] slots;
    private int[] pool;
    private int poolSize;
    private int[] offsets;
    private long[] counts;
    private int size;

    /** A table that holds {@code variants} variants of {@code labels} labels in all without growing. */
    VariantTable(int variants, int labels) {
        int capacity = Math.max(512, Integer.highestOneBit(Math.max(1, variants - 1)) << 1);
        slots = new long[capacity * 2];
        offsets = new int[capacity];
        counts = new long[capacity * 2];
        pool = new int[Math.max(4096, labels + 2 * variants)];
    }

    int size() {
        return size;
    }

    /** Adds counts to the path's variant, new or not; returns its id. O(path length) expected. */
    int merge(LabelPath path, long journeys, long purchased) {
        int variant = variant(path);
        counts[2 * variant] += journeys;
        counts[2 * variant + 1] += purchased;
        return variant;
    }

    /** Weighted journeys on the variant. */
    long journeys(int variant) {
        return counts[2 * variant];
    }

    /** Weighted purchasing journeys on the variant. */
    long purchased(int variant) {
        return counts[2 * variant + 1];
    }

    /** The variant's label ids. */
    int[] key(int variant) {
        int offset = offsets[variant];
        return Arrays.copyOfRange(pool, offset + 2, offset + 2 + pool[offset + 1]);
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

    private int variant(LabelPath path) {
        int hash = path.labelHash();
        int mask = slots.length - 1;
        int slot = mix(hash) & mask;
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash) {
                int offset = (int) entry - 1;
                if (pool[offset + 1] == path.length
                        && Arrays.equals(pool, offset + 2, offset + 2 + path.length, path.labels, 0, path.length)) {
                    return pool[offset];
                }
            }
            slot = (slot + 1) & mask;
        }
        return add(slot, hash, path);
    }

    /** Negative when variant {@code a} ranks before {@code b}. */
    private int compare(int a, int b) {
        if (journeys(a) != journeys(b)) {
            return journeys(a) > journeys(b) ? -1 : 1;
        }
        int offsetA = offsets[a];
        int offsetB = offsets[b];
        return Arrays.compare(pool, offsetA + 2, offsetA + 2 + pool[offsetA + 1], pool, offsetB + 2,
                offsetB + 2 + pool[offsetB + 1]);
    }

    private int add(int slot, int hash, LabelPath path) {
        int variant = size++;
        if (variant == offsets.length) {
            offsets = Arrays.copyOf(offsets, variant * 2);
            counts = Arrays.copyOf(counts, variant * 4);
        }
        if (poolSize + 2 + path.length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + 2 + path.length));
        }
        int offset = poolSize;
        pool[offset] = variant;
        pool[offset + 1] = path.length;
        System.arraycopy(path.labels, 0, pool, offset + 2, path.length);
        poolSize += 2 + path.length;
        offsets[variant] = offset;
        slots[slot] = entry(hash, offset);
        if (size * 2 > slots.length) {
            rehash();
        }
        return variant;
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = mix((int) (entry >>> 32)) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    private static long entry(int hash, int offset) {
        return (long) hash << 32 | (offset + 1L);
    }

    private static int mix(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ mixed >>> 16;
    }
}
