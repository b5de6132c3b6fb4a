package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IntSequenceTableTests {

    @Test
    void numbersDistinctSequencesInOrderOfFirstSight() {
        IntSequenceTable table = new IntSequenceTable();

        assertThat(table.number(new int[] {3, 1}, 2)).isZero();
        assertThat(table.number(new int[] {3}, 1)).isEqualTo(1);
        assertThat(table.number(new int[] {3, 1, 9}, 2)).isZero();
        assertThat(table.number(new int[0], 0)).isEqualTo(2);
        assertThat(table.number(new int[] {7}, 0)).isEqualTo(2);
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.values(0)).containsExactly(3, 1);
        assertThat(table.values(2)).isEmpty();
    }

    @Test
    void appendsNewSequencesWithoutLookingThemUpAndFindsThemAfterwards() {
        IntSequenceTable table = new IntSequenceTable();
        table.number(new int[] {4, 2}, 2);
        Random random = new Random(3);
        List<int[]> appended = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) { // distinct: each starts with its own number
            int[] values = {1_000 + i, random.nextInt(9), random.nextInt(9)};
            appended.add(values);
            assertThat(table.append(values, 1 + i % 3)).isEqualTo(1 + i);
        }
        assertThat(table.size()).isEqualTo(3_001);
        assertThat(table.find(new int[] {4, 2}, 2)).isZero();
        for (int i = 0; i < appended.size(); i++) {
            assertThat(table.values(1 + i)).containsExactly(Arrays.copyOf(appended.get(i), 1 + i % 3));
            assertThat(table.number(appended.get(i), 1 + i % 3)).isEqualTo(1 + i);
        }
        assertThat(table.number(new int[] {5}, 1)).isEqualTo(3_001);
    }

    @Test
    void findsWithoutNumbering() {
        IntSequenceTable table = new IntSequenceTable();
        table.number(new int[] {4, 2}, 2);

        assertThat(table.find(new int[] {4, 2, 7}, 2)).isZero();
        assertThat(table.find(new int[] {4}, 1)).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(1);
        table.compact();
        assertThat(table.find(new int[] {4, 2}, 2)).isZero();
    }

    @Test
    void keepsTheValuesInOnePool() {
        IntSequenceTable table = new IntSequenceTable(2, 3);
        table.number(new int[] {5, 6}, 2);
        int second = table.number(new int[] {8}, 1);

        assertThat(table.length(second)).isEqualTo(1);
        assertThat(table.pool()[table.start(second)]).isEqualTo(8);
        assertThat(Arrays.copyOfRange(table.pool(), table.start(0), table.start(0) + table.length(0)))
                .containsExactly(5, 6);
    }

    @Test
    void comparesValueByValueWithAPrefixFirst() {
        IntSequenceTable table = new IntSequenceTable();
        int ab = table.number(new int[] {1, 2}, 2);
        int a = table.number(new int[] {1}, 1);
        int b = table.number(new int[] {2}, 1);

        assertThat(table.compare(a, ab)).isNegative();
        assertThat(table.compare(ab, b)).isNegative();
        assertThat(table.compare(b, a)).isPositive();
        assertThat(table.compare(ab, ab)).isZero();
    }

    @Test
    void sequencesWithTheSameHashStayApart() {
        IntSequenceTable table = new IntSequenceTable();
        // 31 · 0 + 31 = 31 · 1 + 0: the same hash, different sequences
        int first = table.number(new int[] {0, 31}, 2);
        int second = table.number(new int[] {1, 0}, 2);

        assertThat(HashMixer.hash(new int[] {0, 31}, 2)).isEqualTo(HashMixer.hash(new int[] {1, 0}, 2));
        assertThat(second).isNotEqualTo(first);
        assertThat(table.number(new int[] {1, 0}, 2)).isEqualTo(second);
    }

    @Test
    void agreesWithAHashMapThroughGrowthAndCompaction() {
        Random random = new Random(7);
        IntSequenceTable table = new IntSequenceTable();
        Map<List<Integer>, Integer> expected = new HashMap<>();
        for (int round = 0; round < 20_000; round++) {
            int[] values = new int[1 + random.nextInt(6)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(5);
            }
            int length = random.nextInt(values.length + 1);
            List<Integer> key = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                key.add(values[i]);
            }
            int number = table.number(values, length);
            assertThat(number).isEqualTo(expected.computeIfAbsent(key, k -> expected.size()));
            if (round == 10_000) {
                table.compact();
            }
        }
        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((key, number) -> assertThat(table.values(number))
                .containsExactly(key.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Test
    void findsAndNumbersEverySequenceAfterTrimmingAtEveryLoad() {
        // From just past a doubling (a quarter full, halved by trim) to just before the next (half full, kept).
        for (int count : new int[] {257, 300, 384, 385, 511, 512, 3_000, 6_145}) {
            IntSequenceTable table = new IntSequenceTable();
            for (int i = 0; i < count; i++) {
                assertThat(table.number(new int[] {i, i % 7}, 2)).isEqualTo(i);
            }
            table.trim();
            for (int i = 0; i < count; i++) {
                assertThat(table.find(new int[] {i, i % 7}, 2)).as("%d of %d", i, count).isEqualTo(i);
            }
            assertThat(table.find(new int[] {count, 0}, 2)).isEqualTo(-1);
            IntSequenceTable copy = table.copy(count, 2 * count);
            for (int i = 0; i < 2 * count; i++) {
                assertThat(copy.number(new int[] {i, i % 7}, 2)).as("%d after %d", i, count).isEqualTo(i);
            }
            assertThat(copy.size()).isEqualTo(2 * count);
            assertThat(table.size()).as("the trimmed table is untouched").isEqualTo(count);
        }
    }

    @Test
    void hashEqualsArraysHashCodeOfTheRange() {
        int[] values = {4, -2, 9, 100};

        assertThat(HashMixer.hash(values, 3)).isEqualTo(Arrays.hashCode(new int[] {4, -2, 9}));
        assertThat(HashMixer.hash(values, 0)).isEqualTo(Arrays.hashCode(new int[0]));
    }

    @Test
    void mixerSpreadsKeysThatDifferOnlyInHighBits() {
        int slots = 1024;
        boolean[] usedByInts = new boolean[slots];
        boolean[] usedByLongs = new boolean[slots];
        int distinctInts = 0;
        int distinctLongs = 0;
        for (int key = 0; key < slots / 2; key++) {
            int intSlot = HashMixer.mix(key << 10) & (slots - 1);
            int longSlot = HashMixer.mix((long) key << 32) & (slots - 1);
            distinctInts += usedByInts[intSlot] ? 0 : 1;
            distinctLongs += usedByLongs[longSlot] ? 0 : 1;
            usedByInts[intSlot] = true;
            usedByLongs[longSlot] = true;
        }
        // masked as they are, these keys would all fall into slot 0
        assertThat(distinctInts).isGreaterThan(slots / 4);
        assertThat(distinctLongs).isGreaterThan(slots / 4);
    }
}
