package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BusiestTests {

    @Test
    void choosesWhatSortingEveryItemWouldPutFirst() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            int items = 1 + random.nextInt(round < 1000 ? 30 : 3000);
            // few distinct journeys and counts in most rounds, so that the ties decide
            int spread = round % 4 == 0 ? 1_000_000 : 1 + random.nextInt(4);
            long[] journeys = new long[items];
            long[] counts = new long[items];
            long[] order = new long[items];
            for (int i = 0; i < items; i++) {
                journeys[i] = random.nextInt(spread);
                counts[i] = journeys[i] + random.nextInt(spread);
                order[i] = random.nextLong();
            }
            int[] candidates = IntStream.range(0, items).filter(i -> random.nextInt(5) > 0).toArray();
            int limit = 1 + random.nextInt(items);

            int[] chosen = Busiest.of(candidates, i -> journeys[i], i -> counts[i], i -> order[i], limit);

            int[] expected = Arrays.stream(candidates).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> -journeys[i]).thenComparingLong(i -> -counts[i])
                            .thenComparingLong(i -> order[i]))
                    .limit(limit).mapToInt(Integer::intValue).sorted().toArray();
            Arrays.sort(chosen);
            assertThat(chosen).as("round %d, limit %d of %d", round, limit, candidates.length)
                    .containsExactly(expected);
        }
    }
}
