package com.journeyexplorer.analysis.predict;

import java.util.Arrays;

import com.journeyexplorer.analysis.HashMixer;

/**
 * An open-addressing map from a pair (node, symbol) to a non-negative int: the edges of the context tree and its
 * next-step tallies. Linear probing in a power-of-two table kept at most half full; O(1) expected per operation, 12
 * bytes per slot, no allocation but the doubling.
 */
final class NodeKeyTable {

    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] values;
    private int size;

    NodeKeyTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
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

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = HashMixer.mix(key) & mask;; slot = (slot + 1) & mask) {
            long held = keys[slot];
            if (held == key) {
                return values[slot];
            }
            if (held == EMPTY) {
                return -1;
            }
        }
    }

    /** The value of {@code key}; when absent, {@code ifAbsent} is stored and returned. */
    int getOrPut(long key, int ifAbsent) {
        int mask = keys.length - 1;
        int slot = HashMixer.mix(key) & mask;
        while (true) {
            long held = keys[slot];
            if (held == key) {
                return values[slot];
            }
            if (held == EMPTY) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = ifAbsent;
        if (++size * 2 > keys.length) {
            grow();
        }
        return ifAbsent;
    }

    /** Calls {@code visitor} with every key and value, in slot order. */
    void forEach(EntryVisitor visitor) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                visitor.visit(keys[slot], values[slot]);
            }
        }
    }

    @FunctionalInterface
    interface EntryVisitor {
        void visit(long key, int value);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = HashMixer.mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
