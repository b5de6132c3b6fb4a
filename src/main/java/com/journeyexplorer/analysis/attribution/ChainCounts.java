package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.IntSequenceTable;
import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

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
 * count the transitions in that table: O(k) per step for order k. When repeats collapse, the windows are those of the
 * path with its runs of equal labels merged (A A B -> A B); at first order that only drops self-loops.
 *
 * <p>First order fed records of a snapshot by position ({@link #addRecord}) counts their transitions by the ids of
 * the snapshot's {@link StepEdges} instead, in an array (an increment per step, no hash probe; the busiest edges lie
 * together at the array's start), and turns the edges' counts into label transitions once, when the chain is built:
 * O(edges + touchpoints) then. The counts are the same integers, so the chain is the same to the last bit.
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
    /** Higher orders: the labels of the path being counted, merged when repeats collapse. */
    private int[] sequence = new int[16];
    /** First order: the transitions of the records added by position, by step edge, until the chain is built. */
    private EdgeCounts byEdge;

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
        int[] labels = sequence(steps, length, labelOf);
        int count = collapseRepeats ? collapse(labels, length) : length;
        int span = Math.min(order, count);
        for (int i = 0; i + span <= count; i++) {
            System.arraycopy(labels, i, probe, 0, span);
            int state = windows.number(probe, span);
            transitions.add(key(previous, state), weight);
            previous = state;
        }
        transitions.add(key(previous, converted ? TO_CONVERSION : TO_NULL), weight);
    }

    /** The labels of the path's steps, in a buffer reused from path to path. */
    private int[] sequence(int[] steps, int length, int[] labelOf) {
        if (sequence.length < length) {
            sequence = new int[Math.max(length, 2 * sequence.length)];
        }
        for (int i = 0; i < length; i++) {
            sequence[i] = labelOf[steps[i]];
        }
        return sequence;
    }

    /**
     * Merges runs of equal labels in {@code labels[0, length)} into one, in place (A A B -> A B), and returns the new
     * length. Windows are then formed from the merged sequence, so at order 2 A A B is (start) → A,B, not
     * (start) → A,A → A,B: no two consecutive windows are equal, and the states differ from those kept with repeats.
     */
    private static int collapse(int[] labels, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (count == 0 || labels[count - 1] != labels[i]) {
                labels[count++] = labels[i];
            }
        }
        return count;
    }

    /**
     * The path of {@code journey}, the record at {@code position} of the records whose step column is {@code edges},
     * as {@link #addJourney} takes it, for a record without frustration signals on its path; at first order its transitions are counted by edge id, else as
     * {@link #addJourney} counts them. Every record added by position reads the same {@code edges}.
     */
    void addRecord(Journey journey, StepEdges edges, int position, int[] labelOf) {
        if (order != 1) {
            addTouchesOnly(journey, labelOf);
            return;
        }
        boolean converted = journey.outcome() == Outcome.PURCHASE;
        int length = converted ? Math.max(1, journey.purchaseIndex()) : edges.stepCount(position);
        long weight = journey.weight();
        if (converted) {
            conversions += weight;
            value.add(Math.max(0, journey.value()));
        }
        edgeCounts(edges, labelOf).add(position, length, converted, weight);
    }

    /** The counts by edge of {@code edges}, made on first use. */
    private EdgeCounts edgeCounts(StepEdges edges, int[] labelOf) {
        if (byEdge == null) {
            byEdge = new EdgeCounts(edges, labelOf);
        } else if (byEdge.edges != edges || byEdge.labelOf != labelOf && !Arrays.equals(byEdge.labelOf, labelOf)) {
            throw new IllegalArgumentException("records of different step columns or labels do not count together");
        }
        return byEdge;
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
        if (later.byEdge != null) {
            edgeCounts(later.byEdge.edges, later.byEdge.labelOf).addAll(later.byEdge);
        }
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

    /** Adds {@code weight} to first-order transition {@code from → to} (state 0 start, 1 + label, or an outcome). */
    private void count(int from, int to, long weight) {
        if (dense != null) {
            dense[from * width + (to < 0 ? to + 2 : 1 + to)] += weight;
        } else {
            transitions.add(key(from, to), weight);
        }
    }

    /**
     * Turns the counts by edge into transitions between labels: start → first label, each edge's labels (none
     * between equal labels when repeats collapse, as {@link #add} skips them), last label → outcome.
     * O(edges + touchpoints).
     */
    private void foldEdges() {
        if (byEdge == null) {
            return;
        }
        EdgeCounts counted = byEdge;
        byEdge = null;
        int[] labelOf = counted.labelOf;
        for (int touchpoint = 0; touchpoint < counted.starts.length; touchpoint++) {
            int state = 1 + labelOf[touchpoint];
            if (counted.starts[touchpoint] != 0) {
                count(0, state, counted.starts[touchpoint]);
            }
            if (counted.ends[2 * touchpoint] != 0) {
                count(state, TO_NULL, counted.ends[2 * touchpoint]);
            }
            if (counted.ends[2 * touchpoint + 1] != 0) {
                count(state, TO_CONVERSION, counted.ends[2 * touchpoint + 1]);
            }
        }
        StepEdges edges = counted.edges;
        for (int edge = 0; edge < counted.steps.length; edge++) {
            long weight = counted.steps[edge];
            if (weight == 0) {
                continue;
            }
            int from = 1 + labelOf[edges.from(edge)];
            int to = 1 + labelOf[edges.to(edge)];
            if (!(collapseRepeats && from == to)) {
                count(from, to, weight);
            }
        }
    }

    /**
     * Per step edge, the weight of the paths' pairs on it; per touchpoint, the weight of the paths that start there
     * and of those that end there ({@code 2 · touchpoint}, {@code + 1} when converted).
     */
    private static final class EdgeCounts {
        final StepEdges edges;
        final int[] labelOf;
        final long[] steps;
        final long[] starts;
        final long[] ends;

        EdgeCounts(StepEdges edges, int[] labelOf) {
            this.edges = edges;
            this.labelOf = labelOf;
            this.steps = new long[edges.edgeCount()];
            this.starts = new long[labelOf.length];
            this.ends = new long[2 * labelOf.length];
        }

        /** The path of the record at {@code position}: its first {@code length} steps. */
        void add(int position, int length, boolean converted, long weight) {
            int first = edges.first(position);
            starts[first] += weight;
            int start = edges.start(position);
            int end = start + length - 1;
            long[] tally = steps;
            for (int k = start; k < end; k++) {
                tally[edges.edgeAt(k)] += weight;
            }
            int last = length > 1 ? edges.to(edges.edgeAt(end - 1)) : first;
            ends[2 * last + (converted ? 1 : 0)] += weight;
        }

        void addAll(EdgeCounts later) {
            for (int edge = 0; edge < steps.length; edge++) {
                steps[edge] += later.steps[edge];
            }
            for (int touchpoint = 0; touchpoint < starts.length; touchpoint++) {
                starts[touchpoint] += later.starts[touchpoint];
            }
            for (int end = 0; end < ends.length; end++) {
                ends[end] += later.ends[end];
            }
        }
    }

    /** The chain of the paths added; {@code labels} names the label ids. */
    MarkovChain chain(List<String> labels) {
        if (labels.size() != labelCount) {
            throw new IllegalArgumentException("expected " + labelCount + " labels, got " + labels.size());
        }
        foldEdges();
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
