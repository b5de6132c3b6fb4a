package com.journeyexplorer.analysis.chain;

import java.util.Arrays;

/**
 * An absorbing Markov chain in compressed sparse rows: {@code n} transient states numbered 0..n-1 and
 * {@code outcomes} absorbing states. Each transient row holds its self-loop, its transitions to other transient
 * states (sorted by target, no duplicates) and its absorption probabilities; a row may sum to less than 1, the rest
 * being lost (absorbed in no outcome; a shortfall below 1e-12 counts as rounding), so an empty row is a state that
 * reaches no outcome.
 *
 * <p>Each row's {@link #exit(int) exit} is its absorption plus its lost mass, and its {@link #leave(int) leave}
 * {@code 1 - P(i → i)} is computed as the sum of everything but the self-loop, never as {@code 1 - p}: a self-loop of
 * 0.9999 keeps every digit of the 0.0001 that leaves it. Memory: 12 bytes per transition plus 8 · (outcomes + 3)
 * per state.
 */
public final class SparseChain {

    /** Below this, the mass a row lacks to sum to 1 is rounding, not a loss. */
    static final double LOST_EPSILON = 1e-12;

    private final int outcomes;
    private final int[] rowStart;
    private final int[] column;
    private final double[] probability;
    private final double[] selfLoop;
    private final double[] absorption;
    private final double[] exit;
    private final double[] leave;

    private SparseChain(int outcomes, int[] rowStart, int[] column, double[] probability, double[] selfLoop,
            double[] absorption) {
        this.outcomes = outcomes;
        this.rowStart = rowStart;
        this.column = column;
        this.probability = probability;
        this.selfLoop = selfLoop;
        this.absorption = absorption;
        int n = selfLoop.length;
        this.exit = new double[n];
        this.leave = new double[n];
        for (int i = 0; i < n; i++) {
            double absorbed = 0;
            for (int o = 0; o < outcomes; o++) {
                absorbed += absorption[i * outcomes + o];
            }
            double moved = 0;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                moved += probability[e];
            }
            double total = absorbed + moved + selfLoop[i];
            if (total > 1 + 1e-9) {
                throw new IllegalArgumentException("row " + i + " sums to " + total + ", more than 1");
            }
            double lost = 1 - total;
            exit[i] = absorbed + (lost > LOST_EPSILON ? lost : 0);
            leave[i] = exit[i] + moved;
        }
    }

    /** A builder for a chain of {@code states} transient states and {@code outcomes} absorbing ones. */
    public static Builder builder(int states, int outcomes) {
        return new Builder(states, outcomes);
    }

    public int states() {
        return selfLoop.length;
    }

    public int outcomes() {
        return outcomes;
    }

    /** Transitions between distinct transient states. */
    public int transitions() {
        return column.length;
    }

    public double selfLoop(int state) {
        return selfLoop[state];
    }

    /** P(state → outcome). */
    public double absorption(int state, int outcome) {
        return absorption[state * outcomes + outcome];
    }

    /** Absorption in any outcome plus the lost mass of the row. */
    public double exit(int state) {
        return exit[state];
    }

    /** {@code 1 - selfLoop(state)}, summed from the row's other entries. */
    public double leave(int state) {
        return leave[state];
    }

    int[] rowStart() {
        return rowStart;
    }

    int[] column() {
        return column;
    }

    double[] probability() {
        return probability;
    }

    /** The transitions reversed, as CSR: row j lists the states i with P(i → j) > 0, ascending. O(n + m). */
    Csr transposed() {
        return Csr.of(rowStart, column, probability).transposed();
    }

    /** Accumulates transitions in any order; {@link #build()} sorts each row and adds up repeated transitions. */
    public static final class Builder {

        private final int states;
        private final int outcomes;
        private final double[] selfLoop;
        private final double[] absorption;
        private int[] from = new int[16];
        private int[] to = new int[16];
        private double[] p = new double[16];
        private int size;

        private Builder(int states, int outcomes) {
            if (states < 0 || outcomes < 0) {
                throw new IllegalArgumentException("states and outcomes must not be negative");
            }
            this.states = states;
            this.outcomes = outcomes;
            this.selfLoop = new double[states];
            this.absorption = new double[states * outcomes];
        }

        /** Adds P(from → to) between transient states; a self-loop when they are equal. */
        public Builder add(int from, int to, double probability) {
            check(from, probability);
            if (to < 0 || to >= states) {
                throw new IllegalArgumentException("no transient state " + to);
            }
            if (from == to) {
                selfLoop[from] += probability;
                return this;
            }
            if (size == this.from.length) {
                this.from = Arrays.copyOf(this.from, size * 2);
                this.to = Arrays.copyOf(this.to, size * 2);
                this.p = Arrays.copyOf(this.p, size * 2);
            }
            this.from[size] = from;
            this.to[size] = to;
            this.p[size] = probability;
            size++;
            return this;
        }

        /** Adds P(from → outcome). */
        public Builder absorb(int from, int outcome, double probability) {
            check(from, probability);
            if (outcome < 0 || outcome >= outcomes) {
                throw new IllegalArgumentException("no outcome " + outcome);
            }
            absorption[from * outcomes + outcome] += probability;
            return this;
        }

        private void check(int from, double probability) {
            if (from < 0 || from >= states) {
                throw new IllegalArgumentException("no transient state " + from);
            }
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
            }
        }

        /** O(n + m) by a counting sort on the source, then a sort of each row. */
        public SparseChain build() {
            Csr csr = Csr.of(states, from, to, p, size);
            return new SparseChain(outcomes, csr.rowStart(), csr.column(), csr.value(), selfLoop.clone(),
                    absorption.clone());
        }
    }
}
