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
    void findsEdgesBetweenNodesWhoseKeysOutgrowAnInt() {
        int nodes = EdgeTallies.PACKED_NODES + 1;
        EdgeTallies tallies = new EdgeTallies(nodes, false);
        tallies.startJourney();
        int last = tallies.add(nodes - 1, nodes - 1, 2);
        int first = tallies.add(0, 0, 1);
        for (int i = 0; i < 1_000; i++) {
            tallies.add(nodes - 1 - i, i, 1);
        }

        assertThat(tallies.find(nodes - 1, nodes - 1)).isEqualTo(last).isZero();
        assertThat(tallies.find(0, 0)).isEqualTo(first).isEqualTo(1);
        assertThat(tallies.find(nodes - 1, 0)).isEqualTo(2);
        assertThat(tallies.find(0, nodes - 1)).isEqualTo(-1);
        assertThat(tallies.count(last)).isEqualTo(2);
        assertThat(tallies.journeys(last)).isEqualTo(2);
        assertThat(tallies.size()).isEqualTo(1_002);
    }

    @Test
    void aTallyOfTwoPartsMergedEqualsOneTallyOfTheWhole() {
        for (int nodes : new int[] {12, EdgeTallies.DENSE_NODES + 1, EdgeTallies.PACKED_NODES + 1}) {
            for (long seed = 1; seed <= 3; seed++) {
                long[][] events = randomJourneys(new Random(seed), nodes, 600);
                EdgeTallies whole = tally(events, 0, events.length, nodes);
                int middle = events.length / 3;
                EdgeTallies merged = tally(events, 0, middle, nodes);
                EdgeTallies later = tally(events, middle, events.length, nodes);
                int[] ids = merged.addAll(later);

                assertThat(merged.size()).isEqualTo(whole.size());
                for (int edge = 0; edge < whole.size(); edge++) {
                    assertThat(merged.from(edge)).isEqualTo(whole.from(edge));
                    assertThat(merged.to(edge)).isEqualTo(whole.to(edge));
                    assertThat(merged.count(edge)).isEqualTo(whole.count(edge));
                    assertThat(merged.journeys(edge)).isEqualTo(whole.journeys(edge));
                    assertThat(merged.timing(edge)).isEqualTo(whole.timing(edge));
                    assertThat(merged.find(whole.from(edge), whole.to(edge))).isEqualTo(edge);
                }
                for (int edge = 0; edge < later.size(); edge++) {
                    assertThat(merged.find(later.from(edge), later.to(edge))).isEqualTo(ids[edge]);
                }
            }
        }
    }

    @Test
    void talliesOfThreePartsMergedInTurnTimeTheirEdgesAsOneTally() {
        for (long seed = 1; seed <= 3; seed++) {
            // enough durations for the timings to be computed in two parts on two cores
            long[][] events = randomJourneys(new Random(seed), 40, 40_000);
            EdgeTallies whole = tally(events, 0, events.length, 40);
            int first = events.length / 4;
            int second = events.length / 2;
            EdgeTallies merged = tally(events, 0, first, 40);
            EdgeTallies middle = tally(events, first, second, 40);
            EdgeTallies last = tally(events, second, events.length - 10, 40);
            middle.addAll(last);
            merged.addAll(middle);
            // durations added after the merges follow the merged parts' in their edges' order
            EdgeTallies rest = tally(events, events.length - 10, events.length, 40);
            int[] restIds = merged.addAll(rest);
            for (int j = 0; j < 3; j++) {
                merged.addDuration(restIds[0], 7 + j, 1);
                whole.addDuration(whole.find(rest.from(0), rest.to(0)), 7 + j, 1);
            }
            int[] edges = new int[whole.size()];
            for (int edge = 0; edge < edges.length; edge++) {
                edges[edge] = edges.length - 1 - edge;
            }

            DurationStats[] timings = merged.timings(edges);
            for (int i = 0; i < edges.length; i++) {
                int edge = edges[i];
                assertThat(merged.count(edge)).isEqualTo(whole.count(edge));
                assertThat(timings[i]).isEqualTo(whole.timing(edge));
                assertThat(merged.timing(edge)).isEqualTo(whole.timing(edge));
            }
        }
    }

    /** Journeys as {weight, from, to, millis, from, to, millis, ...}, over few nodes so that edges repeat. */
    private static long[][] randomJourneys(Random random, int nodes, int count) {
        int[] used = new int[7];
        for (int i = 0; i < used.length; i++) {
            used[i] = random.nextInt(nodes);
        }
        long[][] journeys = new long[count][];
        for (int j = 0; j < count; j++) {
            int steps = 1 + random.nextInt(6);
            long[] journey = new long[1 + 3 * steps];
            journey[0] = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 1;
            for (int i = 0; i < steps; i++) {
                journey[1 + 3 * i] = used[random.nextInt(used.length)];
                journey[2 + 3 * i] = used[random.nextInt(used.length)];
                journey[3 + 3 * i] = random.nextInt(100_000);
            }
            journeys[j] = journey;
        }
        return journeys;
    }

    private static EdgeTallies tally(long[][] journeys, int from, int to, int nodes) {
        EdgeTallies tallies = new EdgeTallies(nodes, true);
        for (int j = from; j < to; j++) {
            long[] journey = journeys[j];
            tallies.startJourney();
            for (int i = 1; i < journey.length; i += 3) {
                int edge = tallies.add((int) journey[i], (int) journey[i + 1], journey[0]);
                tallies.addDuration(edge, journey[i + 2], journey[0]);
            }
        }
        return tallies;
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
