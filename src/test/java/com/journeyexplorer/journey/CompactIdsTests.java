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
        for (String oneOfAKind : List.of("550e8400-e29b-41d4-a716-446655440000", "c-144717@3", "order-20260201-17")) {
            assertThat(CompactIds.partOf(oneOfAKind)).as("digits before the final ones: a form per id")
                    .isEqualTo(oneOfAKind);
        }
    }

    @Test
    void keepsHoldingIdsExactlyPastAFullPool() {
        String first = "pool-0000001";
        Object before = CompactIds.partOf(first);
        for (int i = 0; i <= CompactIds.MAX_FORMS; i++) {
            CompactIds.partOf(prefixOf(i) + "-7");
        }
        Object after = CompactIds.partOf(first);
        assertThat(after).isInstanceOf(CompactIds.Numbered.class).isEqualTo(before);
        assertThat(CompactIds.matches(before, 1, first)).isTrue();
        assertThat(CompactIds.text(after, 1)).isEqualTo(first);
    }

    /** A distinct prefix of letters for each {@code i}. */
    private static String prefixOf(int i) {
        StringBuilder prefix = new StringBuilder("p");
        for (int rest = i; rest > 0; rest /= 26) {
            prefix.append((char) ('a' + rest % 26));
        }
        return prefix.toString();
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
        // "order-2026-" ids keep their strings: digits before the final ones
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
