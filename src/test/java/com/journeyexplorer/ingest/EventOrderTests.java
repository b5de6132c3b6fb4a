package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The order of the {@code orderColumn}'s values: numbers as numbers, then text, then no value; one total order. */
class EventOrderTests {

    @Test
    void numbersComeInNumericOrderThenTextThenNoValue() {
        List<String> values = new ArrayList<>(Arrays.asList("b", null, "10", "1a", "2", " ", "-1.5", "9", "1e3", "a",
                "+3", "0.5", ""));

        values.sort(EventOrder::compare);

        assertThat(values.subList(0, 9)).containsExactly("-1.5", "0.5", "2", "+3", "9", "10", "1e3", "1a", "a");
        assertThat(values.get(9)).isEqualTo("b");
        assertThat(values.subList(10, 13)).allMatch(value -> value == null || value.isBlank());
    }

    @Test
    void largeWholeNumbersCompareExactly() {
        assertThat(EventOrder.compare("9007199254740993", "9007199254740992")).isPositive();
        assertThat(EventOrder.compare("007", "7")).isZero();
        assertThat(EventOrder.number("1e99999999999")).as("an exponent BigDecimal cannot take is text").isNull();
        assertThat(EventOrder.number("1.2.3")).isNull();
        assertThat(EventOrder.number(".")).isNull();
    }

    @Test
    void isATotalOrderOnMixedValues() {
        Random random = new Random(42);
        String[] pool = {"2", "10", "1a", "a", "9", "-3", "1.5", "x1", "", null, "1e1", "10.0"};
        for (int round = 0; round < 200; round++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                values.add(pool[random.nextInt(pool.length)]);
            }
            for (String a : values) {
                for (String b : values) {
                    assertThat(Integer.signum(EventOrder.compare(a, b)))
                            .isEqualTo(-Integer.signum(EventOrder.compare(b, a)));
                    for (String c : values) {
                        if (EventOrder.compare(a, b) <= 0 && EventOrder.compare(b, c) <= 0) {
                            assertThat(EventOrder.compare(a, c)).as("%s <= %s <= %s", a, b, c).isNotPositive();
                        }
                    }
                }
            }
            Collections.shuffle(values, random);
            values.sort(EventOrder::compare);
        }
    }

    /** Several columns: the first column's values decide, the next column's only between equal values. */
    @Test
    void severalColumnsCompareByTheFirstThenTheNext() {
        String[][] columns = {{"2", "1", "1", "01", null}, {"0", "3", "10", "9", "0"}};
        List<Integer> events = new ArrayList<>(List.of(0, 1, 2, 3, 4));

        events.sort((a, b) -> EventOrder.compare(columns, a, b));

        assertThat(events).as("batch 1 (index 3, 9, 10), batch 2, then no batch").containsExactly(1, 3, 2, 0, 4);
    }
}
