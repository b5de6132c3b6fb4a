package com.journeyexplorer.analysis.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedCycleTests {

    /**
     * Six states: 0 and 5 kept, 1 → 2 → 0 and 3 → 4 → 1 runs of pass-through states (the second merging into the
     * first), so every run ends at 0.
     */
    private static FoldedCycle sixStates() {
        int[] from = {0, 0, 1, 2, 3, 4, 5, 5};
        int[] to = {1, 3, 2, 0, 4, 1, 0, 4};
        double[] p = {0.5, 0.3, 1, 1, 1, 1, 0.2, 0.7};
        boolean[] passThrough = {false, true, true, true, true, false};
        return new FoldedCycle(Csr.of(6, from, to, p, from.length), passThrough);
    }

    @Test
    void transitionsIntoARunLeadToTheKeptStateItEndsAt() {
        FoldedCycle cycle = sixStates();
        assertThat(cycle.keptCount()).isEqualTo(2);
        assertThat(cycle.keptPosition(0)).isZero();
        assertThat(cycle.keptPosition(1)).isEqualTo(5);
        assertThat(cycle.isKept(3)).isFalse();
        // state 0: to 1 and to 3, both runs back to itself; state 5: to 0 directly and to 4, a run to 0
        assertThat(cycle.rowStart()).containsExactly(0, 2, 4);
        assertThat(cycle.target()).containsExactly(0, 0, 0, 0);
        assertThat(cycle.probability()).containsExactly(0.5, 0.3, 0.2, 0.7);
        assertThat(cycle.through()).containsExactly(1, 3, -1, 4);
    }

    @Test
    void aRunIsBlockedInTheColumnsThatHoldAnyOfItsStatesAtZero() {
        FoldedCycle cycle = sixStates();
        long[] pins = {0b1000, 0, 0b1, 0b10, 0b100, 0b10000};
        // the kept states' own pins are not a run's: the sweeps hold those states at 0 themselves
        assertThat(cycle.blockedThrough(pins)).containsExactly(0, 0b1, 0b1, 0b111, 0b101, 0);
    }

    @Test
    void passThroughStatesTakeTheirRunEndsValueOrZeroWhereBlocked() {
        FoldedCycle cycle = sixStates();
        long[] blocked = cycle.blockedThrough(new long[] {0, 0, 0b1, 0, 0b10, 0});
        double[] kept = {0.25, 0.75, 0.5, 0.125}; // states 0 and 5, two columns each
        int[] members = {10, 11, 12, 13, 14, 15};
        double[] x = new double[16 * 2];
        cycle.passThroughValues(kept, blocked, 2, members, x);
        assertThat(x[11 * 2]).isZero();
        assertThat(x[11 * 2 + 1]).isEqualTo(0.75);
        assertThat(x[13 * 2]).isZero();
        assertThat(x[13 * 2 + 1]).isZero();
        assertThat(x[14 * 2]).isZero();
        assertThat(x[14 * 2 + 1]).isZero();
        assertThat(x[12 * 2 + 1]).isEqualTo(0.75);
        // kept states are left to the caller
        assertThat(x[10 * 2]).isZero();
        assertThat(x[15 * 2]).isZero();
    }

    @Test
    void aRunThatLoopsBackOnItselfKeepsOneOfItsStates() {
        // 0 kept; 1 → 2 → 3 → 1 a loop of pass-through states entered from 4 → 2 (only in a singular matrix)
        int[] from = {0, 1, 2, 3, 4};
        int[] to = {4, 2, 3, 1, 2};
        double[] p = {0.5, 1, 1, 1, 1};
        FoldedCycle cycle = new FoldedCycle(Csr.of(5, from, to, p, from.length),
                new boolean[] {false, true, true, true, true});
        assertThat(cycle.keptCount()).isEqualTo(2);
        int loopKept = cycle.keptPosition(1);
        assertThat(loopKept).isBetween(1, 3);
        // every transition of the kept states leads to a kept state
        for (int t : cycle.target()) {
            assertThat(cycle.keptPosition(t)).isIn(0, loopKept);
        }
    }
}
