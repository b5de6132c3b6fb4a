package com.journeyexplorer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CompactIdsTests {

    private static final List<String> IDS = List.of("demo-0000001", "c-144717", "007", "0", "8412", "", "anna",
            "order-20260201-17", "x-", "é9", "id 42", "999999999999999999", "1234567890123456789",
            "a99999999999999999999", "J000000000000000000", "9223372036854775807", "-5");

    @Test
    void givesBackEveryIdExactlyWithItsStringsHash() {
        for (String id : IDS) {
            Object part = CompactIds.partOf(id);
            long number = CompactIds.numberOf(id, part);
            assertThat(CompactIds.text(part, number)).as(id).isEqualTo(id);
            assertThat(CompactIds.hash(part, number)).as(id).isEqualTo(id.hashCode());
            assertThat(CompactIds.matches(part, number, id)).as(id).isTrue();
        }
    }

    @Test
    void holdsIdsEndingInDigitsAsASharedFormAndANumber() {
        Object first = CompactIds.partOf("demo-0000001");
        assertThat(first).isInstanceOf(CompactIds.Numbered.class).isSameAs(CompactIds.partOf("demo-0999999"));
        assertThat(CompactIds.numberOf("demo-0999999", first)).isEqualTo(999_999);
        assertThat(CompactIds.partOf("demo-00000001")).as("another width").isNotSameAs(first);
        assertThat(CompactIds.partOf("anna")).isEqualTo("anna");
        assertThat(CompactIds.partOf("1234567890123456789")).as("19 digits stay a string")
                .isEqualTo("1234567890123456789");
    }

    @Test
    void matchesNoOtherId() {
        Object part = CompactIds.partOf("demo-0000042");
        long number = CompactIds.numberOf("demo-0000042", part);
        for (String other : List.of("demo-000042", "demo-00000042", "Demo-0000042", "demo-0000043", "demo-0000142",
                "demo-000004x", "demo+0000042", "")) {
            assertThat(CompactIds.matches(part, number, other)).as(other).isFalse();
        }
    }

    @Test
    void seededRandomIdsRoundTripAndKeepTheirHashes() {
        // A few prefixes, as real ids have: the forms are pooled for the whole process, and other tests run in it.
        Random random = new Random(42);
        List<String> prefixes = List.of("", "j-", "c_", "order-2026-", "a");
        for (int i = 0; i < 5_000; i++) {
            StringBuilder id = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
            int digits = random.nextInt(22);
            for (int c = 0; c < digits; c++) {
                id.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(10) == 0) {
                id.append('x');
            }
            String text = id.toString();
            Object part = CompactIds.partOf(text);
            long number = CompactIds.numberOf(text, part);
            assertThat(CompactIds.text(part, number)).isEqualTo(text);
            assertThat(CompactIds.hash(part, number)).isEqualTo(text.hashCode());
        }
    }
}
