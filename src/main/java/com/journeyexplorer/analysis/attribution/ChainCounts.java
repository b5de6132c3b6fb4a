package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.IntSequenceTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts the transitions of the chain of {@link MarkovChain} from paths fed one at a time as int arrays, without a
 * per-path object; {@link #chain} then numbers the states in sorted order. Counts are integers, so the chain does not
 * depend on the order of the paths.
 *
 * <p>First order over at most {@value #DENSE_LABELS} labels counts in one dense matrix indexed by label ids: O(1) per
 * step. First order over more labels counts each transition between label ids in an open-addressing table of longs:
 * one hash update per step. Higher orders number each window of labels as a state by an {@link IntSequenceTable} and
 * count the transitions in that table: O(k) per step for order k.
 */
final class ChainCounts implements PathCounter {

    static final int DENSE_LABELS = 1000;
    private static final int TO_NULL = -2;
    private static final int TO_CONVERSION = -1;

    private final int order;
    private final boolean collapseRepeats;
    private final int labelCount;
    private long conversions;
    private final ExactSum value = new ExactSum();

    /** First order: row 0 (start) or 1 + label; column 0 (null), 1 (conversion) or 2 + label. */
    private final long[] dense;
    private final int width;

    /** Higher orders: state ids by window (0 is start, the empty window), counts by from << 32 | (to + 2). */
    private final IntSequenceTable windows = new IntSequenceTable();
    private final LongCounts transitions = new LongCounts();
    private final int[] probe;

    ChainCounts(int order, boolean collapseRepeats, int labelCount) {
        if (order < 1 || order > MarkovChain.MAX_ORDER) {
            throw new IllegalArgumentException("order must be in 1.." + MarkovChain.MAX_ORDER + ", was " + order);
        }
        this.order = order;
        this.collapseRepeats = collapseRepeats;
        this.labelCount = labelCount;
        this.width = labelCount + 2;
        this.dense = order == 1 && labelCount <= DENSE_LABELS ? new long[(labelCount + 1) * width] : null;
        this.probe = new int[order];
        windows.number(probe, 0);
    }

    @Override
    public void add(int[] steps, int length, int[] labelOf, boolean converted, long weight, double conversionValue) {
        if (converted) {
            conversions += weight;
            value.add(conversionValue);
        }
        if (dense != null) {
            int previous = 0;
            for (int i = 0; i < length; i++) {
                int state = 1 + labelOf[steps[i]];
                if (collapseRepeats && state == previous) {
                    continue;
                }
                dense[previous * width + 1 + state] += weight;
                previous = state;
            }
            dense[previous * width + (converted ? 1 : 0)] += weight;
            return;
        }
        int previous = 0;
        if (order == 1) {
            // the state of a label is its id + 1, as in the dense matrix: no window to number
            for (int i = 0; i < length; i++) {
                int state = 1 + labelOf[steps[i]];
                if (collapseRepeats && state == previous) {
                    continue;
                }
                transitions.add(key(previous, state), weight);
                previous = state;
            }
            transitions.add(key(previous, converted ? TO_CONVERSION : TO_NULL), weight);
            return;
        }
        int span = Math.min(order, length);
        for (int i = 0; i + span <= length; i++) {
            for (int j = 0; j < span; j++) {
                probe[j] = labelOf[steps[i + j]];
            }
            int state = windows.number(probe, span);
            if (collapseRepeats && state == previous) {
                continue;
            }
            transitions.add(key(previous, state), weight);
            previous = state;
        }
        transitions.add(key(previous, converted ? TO_CONVERSION : TO_NULL), weight);
    }

    /**
     * Adds the counts of {@code later}, made with the same order, repeats rule and labels from other paths: integer
     * counts add exactly and the value sums are exact ({@link ExactSum#addAll}), so the chain is the one a single
     * count of both sets of paths gives. At higher orders {@code later}'s states are renumbered by their windows.
     * O(later's transitions + states · order).
     */
    void addAll(ChainCounts later) {
        if (later.order != order || later.collapseRepeats != collapseRepeats || later.labelCount != labelCount) {
            throw new IllegalArgumentException("counts of different chains do not merge");
        }
        conversions += later.conversions;
        value.addAll(later.value);
        if (dense != null) {
            for (int i = 0; i < dense.length; i++) {
                dense[i] += later.dense[i];
            }
            return;
        }
        int[] state = new int[later.windows.size()];
        if (order > 1) {
            for (int s = 1; s < state.length; s++) {
                int[] window = later.windows.values(s);
                state[s] = windows.number(window, window.length);
            }
        }
        later.transitions.forEach((key, count) -> {
            int from = (int) (key >>> 32);
            int to = (int) key - 2;
            transitions.add(order == 1 ? key : key(state[from], to < 0 ? to : state[to]), count);
        });
    }

    private static long key(int from, int to) {
        return (long) from << 32 | (to + 2);
    }

    /** The chain of the paths added; {@code labels} names the label ids. */
    MarkovChain chain(List<String> labels) {
        if (labels.size() != labelCount) {
            throw new IllegalArgumentException("expected " + labelCount + " labels, got " + labels.size());
        }
        List<int[]> stateWindows = new ArrayList<>();
        List<long[]> edges = new ArrayList<>(); // from, to, count over the state ids of stateWindows
        if (dense != null) {
            for (int label = 0; label < labelCount; label++) {
                stateWindows.add(new int[] {label});
            }
            for (int row = 0; row <= labelCount; row++) {
                for (int column = 0; column < width; column++) {
                    long count = dense[row * width + column];
                    if (count != 0) {
                        edges.add(new long[] {row, column < 2 ? column - 2 : column - 1, count});
                    }
                }
            }
        } else {
            if (order == 1) {
                for (int label = 0; label < labelCount; label++) {
                    stateWindows.add(new int[] {label});
                }
            } else {
                for (int state = 1; state < windows.size(); state++) {
                    stateWindows.add(windows.values(state));
                }
            }
            transitions.forEach((key, count) -> edges.add(new long[] {key >>> 32, (int) key - 2, count}));
        }
        return build(labels, stateWindows, edges);
    }

    /**
     * Keeps the labels and states that occur, numbers the states in sorted order of their windows (start first) and
     * sorts each row by target, absorbing states first.
     */
    private MarkovChain build(List<String> labels, List<int[]> stateWindows, List<long[]> edges) {
        boolean[] reached = new boolean[stateWindows.size() + 1];
        for (long[] edge : edges) {
            if (edge[1] >= 0) {
                reached[(int) edge[1]] = true;
            }
        }
        boolean[] present = new boolean[labelCount];
        for (int s = 1; s < reached.length; s++) {
            if (reached[s]) {
                for (int label : stateWindows.get(s - 1)) {
                    present[label] = true;
                }
            }
        }
        int[] compact = new int[labelCount];
        List<String> kept = new ArrayList<>();
        for (int label = 0; label < labelCount; label++) {
            compact[label] = present[label] ? kept.size() : -1;
            if (present[label]) {
                kept.add(labels.get(label));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 1; s < reached.length; s++) {
            if (reached[s]) {
                int[] window = stateWindows.get(s - 1).clone();
                for (int i = 0; i < window.length; i++) {
                    window[i] = compact[window[i]];
                }
                stateWindows.set(s - 1, window);
                order.add(s);
            }
        }
        order.sort((x, y) -> Arrays.compare(stateWindows.get(x - 1), stateWindows.get(y - 1)));
        int[] renumbered = new int[reached.length];
        int[][] states = new int[order.size() + 1][];
        states[0] = new int[0];
        for (int i = 0; i < order.size(); i++) {
            renumbered[order.get(i)] = i + 1;
            states[i + 1] = stateWindows.get(order.get(i) - 1);
        }
        List<List<long[]>> rows = new ArrayList<>(states.length);
        for (int s = 0; s < states.length; s++) {
            rows.add(new ArrayList<>());
        }
        for (long[] edge : edges) {
            int to = (int) edge[1];
            rows.get(renumbered[(int) edge[0]]).add(new long[] {to < 0 ? to : renumbered[to], edge[2]});
        }
        int[][] targets = new int[states.length][];
        long[][] counts = new long[states.length][];
        for (int s = 0; s < states.length; s++) {
            List<long[]> row = rows.get(s);
            row.sort((x, y) -> Long.compare(x[0], y[0]));
            targets[s] = row.stream().mapToInt(e -> (int) e[0]).toArray();
            counts[s] = row.stream().mapToLong(e -> e[1]).toArray();
        }
        return new MarkovChain(this.order, List.copyOf(kept), states, targets, counts, conversions, value.value());
    }
}
