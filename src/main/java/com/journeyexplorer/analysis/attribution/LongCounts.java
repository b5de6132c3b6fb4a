package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.HashMixer;

import java.util.Arrays;

/**
 * Counts by non-negative long key, without boxing: open addressing with linear probing ({@link HashMixer}), at most
 * half full. O(1) expected per {@link #add}.
 */
public final class LongCounts {

    private static final long EMPTY = -1;

    private long[] keys = emptyKeys(64);
    private long[] values = new long[64];
    private int size;

    private static long[] emptyKeys(int capacity) {
        long[] keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        return keys;
    }

    /** Adds {@code amount} to the count of {@code key}, which must be {@code >= 0}. */
    public void add(long key, long amount) {
        int mask = keys.length - 1;
        int slot = HashMixer.mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            values[slot] = amount;
            if (++size * 2 > keys.length) {
                grow();
            }
            return;
        }
        values[slot] += amount;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = emptyKeys(oldKeys.length * 2);
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** Calls {@code action} with each key and its count, in no particular order. */
    public void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    /** A key and its count. */
    @FunctionalInterface
    public interface Entry {
        void accept(long key, long count);
    }
}
