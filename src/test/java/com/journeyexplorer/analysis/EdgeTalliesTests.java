package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EdgeTalliesTests {

    @Test
    void countsEveryStepAndEachJourneyOnce() {
        EdgeTallies tallies = new EdgeTallies(4, false);
        tallies.startJourney();
        int ab = tallies.add(0, 1, 2);
        tallies.add(1, 0, 2);
        tallies.add(0, 1, 2);
        tallies.startJourney();
        tallies.add(0, 1, 5);

        assertThat(tallies.size()).isEqualTo(2);
        assertThat(tallies.count(ab)).isEqualTo(9);
        assertThat(tallies.journeys(ab)).isEqualTo(7);
        assertThat(tallies.from(ab)).isZero();
        assertThat(tallies.to(ab)).isEqualTo(1);
    }

    @Test
    void findsOnlyEdgesAdded() {
        for (int nodes : new int[] {4, EdgeTallies.DENSE_NODES + 1}) {
            EdgeTallies tallies = new EdgeTallies(nodes, false);
            tallies.startJourney();
            int edge = tallies.add(3, 2, 1);

            assertThat(tallies.find(3, 2)).isEqualTo(edge);
            assertThat(tallies.find(2, 3)).isEqualTo(-1);
            assertThat(tallies.size()).isEqualTo(1);
        }
    }

    @Test
    void denseAndSparseTalliesAgreeWithAMap() {
        Random random = new Random(11);
        int nodes = 2 * EdgeTallies.DENSE_NODES;
        EdgeTallies sparse = new EdgeTallies(nodes, false);
        EdgeTallies dense = new EdgeTallies(EdgeTallies.DENSE_NODES, false);
        Map<Long, long[]> expected = new HashMap<>();
        for (int journey = 0; journey < 2_000; journey++) {
            sparse.startJourney();
            dense.startJourney();
            int weight = 1 + random.nextInt(3);
            Set<Long> made = new HashSet<>();
            for (int step = 0; step < 8; step++) {
                int from = random.nextInt(EdgeTallies.DENSE_NODES);
                int to = random.nextInt(EdgeTallies.DENSE_NODES);
                sparse.add(from, to, weight);
                dense.add(from, to, weight);
                long key = (long) from * nodes + to;
                long[] counts = expected.computeIfAbsent(key, k -> new long[2]);
                counts[0] += weight;
                if (made.add(key)) {
                    counts[1] += weight;
                }
            }
        }
        for (EdgeTallies tallies : new EdgeTallies[] {sparse, dense}) {
            assertThat(tallies.size()).isEqualTo(expected.size());
            for (int edge = 0; edge < tallies.size(); edge++) {
                long[] counts = expected.get((long) tallies.from(edge) * nodes + tallies.to(edge));
                assertThat(tallies.count(edge)).isEqualTo(counts[0]);
                assertThat(tallies.journeys(edge)).isEqualTo(counts[1]);
                assertThat(tallies.find(tallies.from(edge), tallies.to(edge))).isEqualTo(edge);
            }
        }
    }

    @Test
    void recordsDurationsOnlyWhereAdded() {
        EdgeTallies tallies = new EdgeTallies(3, true);
        tallies.startJourney();
        int timed = tallies.add(0, 1, 1);
        int untimed = tallies.add(1, 2, 1);
        tallies.addDuration(timed, 1_000, 1);

        assertThat(tallies.timing(timed).isEmpty()).isFalse();
        assertThat(tallies.timing(untimed)).isEqualTo(DurationStats.NONE);
    }
}
