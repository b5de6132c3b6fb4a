package com.journeyexplorer.analysis.predict;

import com.journeyexplorer.analysis.HashMixer;

/**
 * An open-addressing map from a pair (node, symbol) to a non-negative long: the edges of the context tree and the
 * next-step tallies. Linear probing in a power-of-two table kept at most half full, each key stored next to its value
 * in one array, so that a look-up in a table larger than the cache costs one cache miss, not one for the key and one
 * for the value. O(1) expected per operation, 16 bytes per slot, no allocation but the doubling.
 */
final class NodeKeyTable {

    private static final long EMPTY = -1L;

    /** Key of slot {@code s} at {@code 2s}, its value at {@code 2s + 1}. */
    private long[] slots;
    private int mask;
    private int size;

    NodeKeyTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    static long key(int node, int symbol) {
        return ((long) node << 32) | (symbol & 0xFFFFFFFFL);
    }

    static int node(long key) {
        return (int) (key >>> 32);
    }

    static int symbol(long key) {
        return (int) key;
    }

    int size() {
        return size;
    }

    /** The value of {@code key} as an int, or -1. */
    int get(long key) {
        for (int slot = HashMixer.mix(key) & mask;; slot = (slot + 1) & mask) {
            long held = slots[2 * slot];
            if (held == key) {
                return (int) slots[2 * slot + 1];
            }
            if (held == EMPTY) {
                return -1;
            }
        }
    }

    /** The value of {@code key} as an int; when absent, {@code ifAbsent} is stored and returned. */
    int getOrPut(long key, int ifAbsent) {
        int slot = slotOf(key);
        if (slots[2 * slot] == key) {
            return (int) slots[2 * slot + 1];
        }
        insert(slot, key, ifAbsent);
        return ifAbsent;
    }

    /** Adds {@code amount} to the value of {@code key}, which starts at 0 when absent. */
    void add(long key, long amount) {
        int slot = slotOf(key);
        if (slots[2 * slot] == key) {
            slots[2 * slot + 1] += amount;
        } else {
            insert(slot, key, amount);
        }
    }

    /** Calls {@code visitor} with every key and value, in slot order. */
    void forEach(EntryVisitor visitor) {
        for (int slot = 0; slot <= mask; slot++) {
            if (slots[2 * slot] != EMPTY) {
                visitor.visit(slots[2 * slot], slots[2 * slot + 1]);
            }
        }
    }

    @FunctionalInterface
    interface EntryVisitor {
        void visit(long key, long value);
    }

    /** The slot holding {@code key}, or the empty slot where it belongs. */
    private int slotOf(long key) {
        int slot = HashMixer.mix(key) & mask;
        while (true) {
            long held = slots[2 * slot];
            if (held == key || held == EMPTY) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void insert(int slot, long key, long value) {
        slots[2 * slot] = key;
        slots[2 * slot + 1] = value;
        if (++size * 2 > mask + 1) {
            grow();
        }
    }

    private void allocate(int capacity) {
        slots = new long[2 * capacity];
        mask = capacity - 1;
        for (int slot = 0; slot < capacity; slot++) {
            slots[2 * slot] = EMPTY;
        }
    }

    private void grow() {
        long[] old = slots;
        allocate((mask + 1) * 2);
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int slot = HashMixer.mix(old[i]) & mask;
                while (slots[2 * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
    }
}
