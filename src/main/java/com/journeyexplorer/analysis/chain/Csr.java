package com.journeyexplorer.analysis.chain;

import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse rows: row i holds {@code column[rowStart[i]..rowStart[i+1])} with their
 * {@code value}s, columns ascending and distinct.
 */
record Csr(int[] rowStart, int[] column, double[] value) {

    static Csr of(int[] rowStart, int[] column, double[] value) {
        return new Csr(rowStart, column, value);
    }

    /** The matrix of the first {@code size} triples, repeated (row, column) pairs added up. O(n + m log d). */
    static Csr of(int rows, int[] from, int[] to, double[] p, int size) {
        int[] start = new int[rows + 1];
        for (int e = 0; e < size; e++) {
            start[from[e] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, rows);
        long[] keys = new long[size];
        double[] sorted = new double[size];
        int[] slot = new int[size];
        for (int e = 0; e < size; e++) {
            slot[e] = fill[from[e]]++;
            keys[slot[e]] = (long) to[e] << 32 | e;
        }
        for (int i = 0; i < rows; i++) {
            Arrays.sort(keys, start[i], start[i + 1]);
        }
        for (int k = 0; k < size; k++) {
            sorted[k] = p[(int) keys[k]];
        }
        // merge repeated columns within each row; the sort by (column, insertion) keeps the sum order fixed
        int[] rowStart = new int[rows + 1];
        int[] column = new int[size];
        double[] value = new double[size];
        int out = 0;
        for (int i = 0; i < rows; i++) {
            rowStart[i] = out;
            for (int k = start[i]; k < start[i + 1]; k++) {
                int c = (int) (keys[k] >>> 32);
                if (out > rowStart[i] && column[out - 1] == c) {
                    value[out - 1] += sorted[k];
                } else {
                    column[out] = c;
                    value[out] = sorted[k];
                    out++;
                }
            }
        }
        rowStart[rows] = out;
        return new Csr(rowStart, Arrays.copyOf(column, out), Arrays.copyOf(value, out));
    }

    int rows() {
        return rowStart.length - 1;
    }

    /**
     * Breadth-first search along the rows from the states in {@code queue[0..queued)}, already marked {@code seen}:
     * appends each state reached to the queue and marks it. Returns the number of states queued in all.
     */
    int breadthFirst(int[] queue, int queued, boolean[] seen) {
        int tail = queued;
        for (int head = 0; head < tail; head++) {
            int k = queue[head];
            for (int e = rowStart[k]; e < rowStart[k + 1]; e++) {
                int i = column[e];
                if (!seen[i]) {
                    seen[i] = true;
                    queue[tail++] = i;
                }
            }
        }
        return tail;
    }

    /** The transpose; rows of the result list their columns ascending. O(n + m). */
    Csr transposed() {
        int n = rows();
        int[] start = new int[n + 1];
        for (int c : column) {
            start[c + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] col = new int[column.length];
        double[] val = new double[column.length];
        for (int i = 0; i < n; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int slot = fill[column[e]]++;
                col[slot] = i;
                val[slot] = value[e];
            }
        }
        return new Csr(start, col, val);
    }
}
