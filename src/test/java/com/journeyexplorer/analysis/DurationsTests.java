package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Percentiles by selection against percentiles read off a full sort, on seeded random durations. */
class DurationsTests {

    @Test
    void selectionGivesTheSortedNearestRankPercentiles() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int size = 1 + random.nextInt(round < 400 ? 20 : 5000);
            // few distinct values in some rounds, so that ties are common
            int spread = random.nextBoolean() ? 1 + random.nextInt(5) : 1_000_000;
            boolean weighted = random.nextBoolean();
            long[] millis = new long[size];
            long[] weights = new long[size];
            Durations durations = new Durations();
            for (int i = 0; i < size; i++) {
                millis[i] = random.nextInt(spread);
                weights[i] = weighted ? 1 + random.nextInt(30) : 1;
                durations.add(millis[i], weights[i]);
            }
            assertThat(durations.stats()).as("round %d", round).isEqualTo(sorted(millis, weights));
        }
    }

    @Test
    void radixSelectionGivesTheValuesAtTwoRanksOfTheSortedRange() {
        Random random = new Random(7);
        long[] out = new long[2];
        for (int round = 0; round < 3000; round++) {
            int size = 1 + random.nextInt(round % 3 == 0 ? 40 : round % 3 == 1 ? 3000 : 60_000);
            long[] values = new long[size];
            int shape = round % 5;
            for (int i = 0; i < size; i++) {
                values[i] = switch (shape) {
                    case 0 -> random.nextInt(4);                                  // few distinct values
                    case 1 -> random.nextInt(1_000_000);                          // uniform
                    case 2 -> (long) Math.exp(random.nextDouble() * 30);          // a long tail
                    case 3 -> random.nextInt(100) == 0 ? Long.MAX_VALUE / 3 : random.nextInt(60_000);
                    default -> random.nextLong();                                 // a span beyond a long
                };
            }
            int from = random.nextInt(Math.max(1, size / 4));
            int to = size - random.nextInt(Math.max(1, (size - from) / 4));
            long[] sorted = Arrays.copyOfRange(values, from, to);
            Arrays.sort(sorted);
            long high = 1 + random.nextInt(to - from);
            long low = 1 + random.nextInt((int) high);

            Durations.twoRanks(values, from, to, low, high, out);

            assertThat(out).as("round %d: ranks %d and %d of %d", round, low, high, to - from)
                    .containsExactly(sorted[(int) low - 1], sorted[(int) high - 1]);
        }
    }

    @Test
    void unweightedStatsAreTheNearestRanksOfTheSortedDurations() {
        long[] millis = {9_000, 1_000, 5_000, 3_000, 7_000, 2_000, 4_000, 8_000, 6_000, 10_000};
        DurationStats stats = DurationStats.of(millis, millis.length);
        assertThat(stats).isEqualTo(new DurationStats(10, 5.5, 5.0, 9.0));
        assertThat(DurationStats.of(new long[0], 0)).isSameAs(DurationStats.NONE);
    }

    @Test
    void edgeTalliesGroupEachEdgesDurations() {
        EdgeTallies tallies = new EdgeTallies(3, true);
        tallies.startJourney();
        int ab = tallies.add(0, 1, 1);
        tallies.addDuration(ab, 4_000, 1);
        int bc = tallies.add(1, 2, 1);
        tallies.addDuration(bc, 1_000, 1);
        tallies.startJourney();
        tallies.add(0, 1, 3);
        tallies.addDuration(ab, 2_000, 3);
        int ca = tallies.add(2, 0, 1);
        assertThat(tallies.timing(ab)).isEqualTo(new DurationStats(4, 2.5, 2.0, 4.0));
        assertThat(tallies.timing(bc)).isEqualTo(new DurationStats(1, 1.0, 1.0, 1.0));
        assertThat(tallies.timing(ca)).isSameAs(DurationStats.NONE);
        assertThat(new EdgeTallies(3, false).timing(0)).isSameAs(DurationStats.NONE);
    }

    /** The previous computation: sort, then walk the cumulative weights. */
    private static DurationStats sorted(long[] millis, long[] weights) {
        Integer[] order = new Integer[millis.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> millis[i]));
        long total = 0;
        double sum = 0;
        for (int i = 0; i < millis.length; i++) {
            total += weights[i];
            sum += (double) millis[i] * weights[i];
        }
        return new DurationStats(total, sum / total / 1000.0, percentile(order, millis, weights, total, 0.5) / 1000.0,
                percentile(order, millis, weights, total, 0.9) / 1000.0);
    }

    private static double percentile(Integer[] order, long[] millis, long[] weights, long total, double p) {
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Integer index : order) {
            seen += weights[index];
            if (seen >= rank) {
                return millis[index];
            }
        }
        throw new AssertionError("rank beyond the total");
    }
}
