package com.journeyexplorer.analysis;

import java.util.Arrays;

/**
 * A weight per collected row beside growable columns, kept as an array only once a weight other than 1 arrives:
 * most data is one journey per row, and a column of ones would only cost memory.
 */
final class UnitWeights {
    private long[] weights;

    /** Records the weight of row {@code index}; {@code capacity} is the current length of the columns beside it. */
    void set(int index, int weight, int capacity) {
        if (weights == null) {
            if (weight == 1) {
                return;
            }
            weights = new long[capacity];
            Arrays.fill(weights, 0, index, 1);
        } else if (weights.length < capacity) {
            weights = Arrays.copyOf(weights, capacity);
        }
        weights[index] = weight;
    }

    /** The weights by row, or null while every weight is 1. */
    long[] orNull() {
        return weights;
    }
}
