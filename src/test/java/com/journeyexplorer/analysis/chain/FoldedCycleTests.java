package com.journeyexplorer.analysis.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FoldedCycleTests {

    private static FoldedCycle folded(int states, int[] from, int[] to, double[] p, boolean[] passThrough) {
        double[] leave = new double[states];
        for (int e = 0; e < from.length; e++) {
            leave[from[e]] += p[e];
        }
        return new FoldedCycle(Csr.of(states, from, to, p, from.length), passThrough, leave);
    }

    /**
     * Six states: 0 and 5 kept, 1 → 2 → 0 and 3 → 4 → 1 runs of pass-through states (the second merging into the
     * first), so every run ends at 0. Four transitions lead to 0, none to 5: neither is a single-entry state.
     */
    private static FoldedCycle sixStates() {
        int[] from = {0, 0, 1, 2, 3, 4, 5, 5};
        int[] to = {1, 3, 2, 0, 4, 1, 0, 4};
        double[] p = {0.5, 0.3, 1, 1, 1, 1, 0.2, 0.7};
        return folded(6, from, to, p, new boolean[] {false, true, true, true, true, false});
    }

    @Test
    void transitionsIntoARunLeadToTheKeptStateItEndsAt() {
        FoldedCycle cycle = sixStates();
        assertThat(cycle.rowCount()).isEqualTo(2);
        assertThat(cycle.rowPosition(0)).isZero();
        assertThat(cycle.rowPosition(1)).isEqualTo(5);
        assertThat(cycle.passesThrough(3)).isTrue();
        assertThat(cycle.passesThrough(5)).isFalse();
        // state 0: to 1 and to 3, both runs back to itself; state 5: to 0 directly and to 4, a run to 0
        assertThat(cycle.rowStart()).containsExactly(0, 2, 4);
        assertThat(cycle.target()).containsExactly(0, 0, 0, 0);
        assertThat(cycle.probability()).containsExactly(0.5, 0.3, 0.2, 0.7);
        assertThat(cycle.through()).containsExactly(1, 3, -1, 4);
        assertThat(cycle.sweptTarget()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void aRunIsBlockedInTheColumnsThatHoldAnyOfItsStatesAtZero() {
        FoldedCycle cycle = sixStates();
        long[] pins = {0b1000, 0, 0b1, 0b10, 0b100, 0b10000};
        // the kept states' own pins are not a run's: the sweeps hold those states at 0 themselves
        assertThat(cycle.blockedThrough(pins)).containsExactly(0, 0b1, 0b1, 0b111, 0b101, 0);
        FoldedCycle.Rows rows = cycle.rows(cycle.blockedThrough(pins), pins);
        // state 5's direct transition first, then the one through the run 4 → 1 → 2
        assertThat(rows.blockedFrom()).containsExactly(0, 3);
        assertThat(rows.blocked()).containsExactly(0b1, 0b111, 0, 0b101);
    }

    @Test
    void passThroughStatesTakeTheirRunEndsValueOrZeroWhereBlocked() {
        FoldedCycle cycle = sixStates();
        long[] blocked = cycle.blockedThrough(new long[] {0, 0, 0b1, 0, 0b10, 0});
        int[] members = {10, 11, 12, 13, 14, 15};
        double[] x = new double[16 * 2];
        x[10 * 2] = 0.25;
        x[10 * 2 + 1] = 0.75;
        x[15 * 2] = 0.5;
        x[15 * 2 + 1] = 0.125;
        cycle.passThroughValues(x, blocked, 2, members);
        assertThat(x[11 * 2]).isZero();
        assertThat(x[11 * 2 + 1]).isEqualTo(0.75);
        assertThat(x[13 * 2]).isZero();
        assertThat(x[13 * 2 + 1]).isZero();
        assertThat(x[14 * 2]).isZero();
        assertThat(x[14 * 2 + 1]).isZero();
        assertThat(x[12 * 2 + 1]).isEqualTo(0.75);
        // kept states are left as they were
        assertThat(x[10 * 2]).isEqualTo(0.25);
        assertThat(x[15 * 2]).isEqualTo(0.5);
    }

    @Test
    void aRunThatLoopsBackOnItselfKeepsOneOfItsStates() {
        // 0 kept; 1 → 2 → 3 → 1 a loop of pass-through states entered from 4 → 2 (only in a singular matrix)
        int[] from = {0, 1, 2, 3, 4};
        int[] to = {4, 2, 3, 1, 2};
        double[] p = {0.5, 1, 1, 1, 1};
        FoldedCycle cycle = folded(5, from, to, p, new boolean[] {false, true, true, true, true});
        assertThat(cycle.rowCount()).isEqualTo(2);
        int loopKept = cycle.rowPosition(1);
        assertThat(loopKept).isBetween(1, 3);
        assertThat(cycle.passesThrough(loopKept)).isFalse();
        // every transition of the rows leads to a row
        assertThat(Arrays.stream(cycle.sweptTarget()).boxed()).allSatisfy(row -> assertThat(row).isBetween(0, 1));
    }

    /**
     * State 1 has one transition in, from 0: the sweeps read 0's transition to it as its own transitions, scaled by
     * 0.6 / d_1, and 1's value follows from theirs. State 2 has two transitions in and stays a row.
     */
    @Test
    void aStateWithOneTransitionInIsSubstitutedIntoItsSource() {
        int[] from = {0, 0, 1, 1, 2};
        int[] to = {1, 2, 2, 0, 0};
        double[] p = {0.6, 0.3, 0.5, 0.4, 0.9};
        FoldedCycle cycle = folded(3, from, to, p, new boolean[3]);
        assertThat(cycle.rowCount()).isEqualTo(2);
        assertThat(cycle.rowPosition(0)).isZero();
        assertThat(cycle.rowPosition(1)).isEqualTo(2);
        assertThat(cycle.sweptStart()).containsExactly(0, 3, 4);
        // 0's transitions in order of target: through 1 (1's own, in order: to 0, to 2), then to 2
        assertThat(cycle.sweptTarget()).containsExactly(0, 1, 1, 0);
        assertThat(cycle.sweptProbability()).containsExactly(
                new double[] {0.6 * 0.4 / 0.9, 0.6 * 0.5 / 0.9, 0.3, 0.9}, within(1e-15));
        int[] members = {0, 1, 2};
        long[] pins = {0, 0b10, 0};
        long[] blocked = cycle.blockedThrough(pins);
        // where 1 is held (column 1), the transitions through it count for nothing, and so does its right-hand side
        FoldedCycle.Rows rows = cycle.rows(blocked, pins);
        assertThat(rows.blocked()).containsExactly(0, 0b10, 0b10, 0);
        assertThat(rows.blockedFrom()).containsExactly(1, 4);
        assertThat(rows.target()).containsExactly(1, 0, 1, 0);
        double[] rhs = {0.1, 0.1, 0.2, 0.2, 0.1, 0.1}; // two columns per state
        double[] bl = {rhs[0], rhs[1], rhs[4], rhs[5]};
        cycle.addSubstitutedRightHandSides(bl, rhs, 2, members, blocked, pins);
        assertThat(bl).containsExactly(new double[] {0.1 + 0.6 * 0.2 / 0.9, 0.1, 0.1, 0.1}, within(1e-15));
        double[] x = new double[6];
        x[0] = 0.7;
        x[1] = 0.3;
        x[4] = 0.8;
        x[5] = 0.2;
        cycle.singleEntryValues(rhs, x, 2, members, blocked, pins);
        assertThat(x[2]).isCloseTo((0.2 + 0.5 * 0.8 + 0.4 * 0.7) / 0.9, within(1e-15));
        assertThat(x[3]).isZero();
        assertThat(Arrays.copyOf(x, 2)).containsExactly(0.7, 0.3);
    }
}
