package com.journeyexplorer.analysis;

import java.util.Arrays;

/**
 * Numbers distinct int sequences {@code [0, size())} in order of first sight, laid out for few cache misses per
 * lookup: an open-addressing hash table (linear probing, load at most 1/2, 3/4 once {@link #trim trimmed},
 * {@link HashMixer}) whose slots hold the sequence's hash and its offset in one int pool, where the number, the length
 * and the values lie together, so a probe reads one slot and, when the hashes agree, one stretch of the pool. A lookup
 * takes the values as they are (an array and a length), so numbering allocates nothing unless the table outgrows the
 * size it was made for. The one table of the analyses over int sequences: step sequences, shaped paths (label ids), Markov states (windows of labels).
 *
 * <p>Memory: 2 + length ints per sequence in the pool, one int per sequence for its offset, and at most 4 longs per
 * sequence of slots, which {@link #compact} releases once the table is only read.
 */
public final class IntSequenceTable {

    private static final int HEADER = 2;

    private long[] slots;
    private int[] pool;
    private int poolSize;
    private int[] offsets;
    private int size;

    /** An empty table that grows as needed. */
    public IntSequenceTable() {
        this(256, 1024);
    }

    /** A table that holds {@code sequences} sequences of {@code values} values in all without growing. */
    public IntSequenceTable(int sequences, int values) {
        int capacity = Math.max(512, Integer.highestOneBit(Math.max(1, sequences - 1)) << 2);
        slots = new long[capacity];
        offsets = new int[Math.max(16, sequences)];
        pool = new int[Math.max(1024, values + HEADER * sequences)];
    }

    /**
     * A copy of this table to number more sequences in, with room for {@code sequences} more of {@code values} values:
     * O(values) array copies when this table kept its lookup slots ({@link #trim}), else its first {@link #number}
     * rebuilds them (O(values) hashing).
     */
    public IntSequenceTable copy(int sequences, int values) {
        IntSequenceTable copy = new IntSequenceTable(0, 0);
        copy.slots = slots == null ? null : slots.clone();
        copy.pool = Arrays.copyOf(pool, poolSize + values + HEADER * sequences);
        copy.poolSize = poolSize;
        copy.offsets = Arrays.copyOf(offsets, size + Math.max(1, sequences));
        copy.size = size;
        return copy;
    }

    /** How many distinct sequences were numbered. */
    public int size() {
        return size;
    }

    /** The number of {@code values[0, length)}, numbering it if new. O(length) expected. */
    public int number(int[] values, int length) {
        int hash = HashMixer.hash(values, length);
        int slot = probe(hash, values, length);
        long entry = slots[slot];
        return entry != 0 ? pool[(int) entry - 1] : add(slot, hash, values, length);
    }

    /** The number of {@code values[0, length)}, or -1 if it was never numbered; adds nothing. O(length) expected. */
    public int find(int[] values, int length) {
        int slot = probe(HashMixer.hash(values, length), values, length);
        long entry = slots[slot];
        return entry != 0 ? pool[(int) entry - 1] : -1;
    }

    /**
     * Numbers {@code values[0, length)} as a new sequence without looking it up, for a caller that knows it was never
     * numbered (numbering it twice would give it two numbers). Releases the lookup slots, which a later
     * {@link #number} or {@link #find} rebuilds (O(values)). O(length), no hashing.
     */
    public int append(int[] values, int length) {
        slots = null;
        return store(values, length);
    }

    /** Stores {@code values[0, length)} as the next sequence in the pool, without a lookup slot; returns its number. */
    private int store(int[] values, int length) {
        int sequence = size++;
        if (sequence == offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(16, sequence * 2));
        }
        if (poolSize + HEADER + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + HEADER + length));
        }
        int offset = poolSize;
        pool[offset] = sequence;
        pool[offset + 1] = length;
        System.arraycopy(values, 0, pool, offset + HEADER, length);
        poolSize += HEADER + length;
        offsets[sequence] = offset;
        return sequence;
    }

    /** The slot that holds the sequence, or the empty slot where it would go. */
    private int probe(int hash, int[] values, int length) {
        if (slots == null) {
            rehash(Integer.highestOneBit(Math.max(1, size)) << 2);
        }
        int mask = slots.length - 1;
        int slot = HashMixer.mix(hash) & mask;
        long entry;
        while ((entry = slots[slot]) != 0) {
            if ((int) (entry >>> 32) == hash) {
                int offset = (int) entry - 1;
                if (pool[offset + 1] == length
                        && Arrays.equals(pool, offset + HEADER, offset + HEADER + length, values, 0, length)) {
                    return slot;
                }
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The values of every sequence; sequence {@code n} is {@code pool()[start(n), start(n) + length(n))}. Shared. */
    public int[] pool() {
        return pool;
    }

    /** Where the values of sequence {@code n} begin in {@link #pool()}. */
    public int start(int sequence) {
        return offsets[sequence] + HEADER;
    }

    public int length(int sequence) {
        return pool[offsets[sequence] + 1];
    }

    /** A copy of sequence {@code n}'s values. */
    public int[] values(int sequence) {
        int start = start(sequence);
        return Arrays.copyOfRange(pool, start, start + length(sequence));
    }

    /** Compares two sequences value by value, a prefix first, as {@link Arrays#compare(int[], int[])}. */
    public int compare(int a, int b) {
        int startA = start(a);
        int startB = start(b);
        return Arrays.compare(pool, startA, startA + length(a), pool, startB, startB + length(b));
    }

    /**
     * Trims the pool and the offsets to what is used and releases the lookup slots, for a table that is read from
     * now on; a later {@link #number} rebuilds the slots first (O(values)).
     */
    public void compact() {
        pool = Arrays.copyOf(pool, poolSize);
        offsets = Arrays.copyOf(offsets, size);
        slots = null;
    }

    /**
     * Trims the pool and the offsets to what is used, keeping the lookup slots: for a table that is read from now on
     * but may be {@link #copy copied} to number more sequences, which then need not rehash it. Slots at most 3/8 full
     * are halved (then at most 3/4 full, about three probes a lookup): a table that has just doubled holds four times
     * the slots it needs, 16 MB at a million clickstream journeys. A copy that numbers more doubles them back first.
     */
    public void trim() {
        pool = Arrays.copyOf(pool, poolSize);
        offsets = Arrays.copyOf(offsets, size);
        if (slots != null && slots.length > 512 && (long) size * 8 <= (long) slots.length * 3) {
            resize(slots.length / 2);
        }
    }

    private int add(int slot, int hash, int[] values, int length) {
        int sequence = store(values, length);
        int offset = offsets[sequence];
        slots[slot] = (long) hash << 32 | (offset + 1L);
        if (size * 2 > slots.length) {
            grow();
        }
        return sequence;
    }

    /** Doubles the slots, re-inserting each entry with the hash it holds. */
    private void grow() {
        resize(slots.length * 2);
    }

    /** Re-inserts each entry, with the hash it holds, into {@code capacity} slots (a power of two). */
    private void resize(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        int mask = slots.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = HashMixer.mix((int) (entry >>> 32)) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    /** Rebuilds released slots at {@code capacity} (a power of two) from the pool, recomputing each hash. */
    private void rehash(int capacity) {
        slots = new long[Math.max(512, capacity)];
        int mask = slots.length - 1;
        for (int sequence = 0; sequence < size; sequence++) {
            int offset = offsets[sequence];
            int hash = 1;
            for (int i = offset + HEADER, end = i + pool[offset + 1]; i < end; i++) {
                hash = 31 * hash + pool[i];
            }
            int slot = HashMixer.mix(hash) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (long) hash << 32 | (offset + 1L);
        }
    }
}
