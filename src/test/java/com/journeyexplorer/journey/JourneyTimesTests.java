package com.journeyexplorer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class JourneyTimesTests {

    private static final long DAY = 86_400_000L;

    private static Journey journey(long... times) {
        int[] steps = new int[Math.max(1, times.length)];
        return new Journey("j-1", "c-1", steps, times, new byte[steps.length], null, Outcome.ABANDONED, -1, 0, 1, "",
                "", Map.of());
    }

    @Test
    void givesBackTheTimesOfAJourneyHeldAsOffsets() {
        long start = 1_770_000_000_000L;
        Journey journey = journey(start, start + 61_000, start + 20 * DAY);
        assertThat(journey.times()).containsExactly(start, start + 61_000, start + 20 * DAY);
        assertThat(journey.time(1)).isEqualTo(start + 61_000);
        assertThat(journey.gap(2)).isEqualTo(20 * DAY - 61_000);
        assertThat(journey.startedAt()).isEqualTo(start);
        assertThat(journey.endedAt()).isEqualTo(start + 20 * DAY);
        assertThat(journey.isTimed()).isTrue();
    }

    @Test
    void keepsTheTimesOfAJourneyLongerThanAnIntOfMilliseconds() {
        long start = 1_770_000_000_000L;
        Journey journey = journey(start, start + 400 * DAY, start + 400 * DAY + 5);
        assertThat(journey.times()).containsExactly(start, start + 400 * DAY, start + 400 * DAY + 5);
        assertThat(journey.gap(1)).isEqualTo(400 * DAY);
        assertThat(journey.gap(2)).isEqualTo(5);
        assertThat(journey.endedAt()).isEqualTo(start + 400 * DAY + 5);
        assertThat(journey.sameTimes(journey(start, start + 400 * DAY, start + 400 * DAY + 5))).isTrue();
        assertThat(journey.sameTimes(journey(start, start + 400 * DAY, start + 400 * DAY + 6))).isFalse();
    }

    @Test
    void comparesTimesByValueAndTellsUntimedJourneys() {
        assertThat(journey(5, 9).sameTimes(journey(5, 9))).isTrue();
        assertThat(journey(5, 9).sameTimes(journey(6, 10))).as("same offsets, another start").isFalse();
        Journey untimed = journey();
        assertThat(untimed.isTimed()).isFalse();
        assertThat(untimed.times()).isEmpty();
        assertThat(untimed.startedAt()).isZero();
        assertThat(untimed.sameTimes(journey())).isTrue();
        assertThat(untimed.sameTimes(journey(0))).isFalse();
    }

    @Test
    void findsItsIdAndCustomerWithoutBuildingThem() {
        Journey journey = journey(1);
        assertThat(journey.hasId("j-1")).isTrue();
        assertThat(journey.hasId("j-01")).isFalse();
        assertThat(journey.idHash()).isEqualTo("j-1".hashCode());
        assertThat(journey.hasSameId(journey(2))).isTrue();
        assertThat(journey.hasSameId(new Journey("j-01", "c-1", new int[] {0}, new long[] {1}, new byte[] {0}, null,
                Outcome.ABANDONED, -1, 0, 1, "", "", Map.of()))).isFalse();
        assertThat(new Journey("anna", "c-1", new int[] {0}, new long[] {1}, new byte[] {0}, null, Outcome.ABANDONED,
                -1, 0, 1, "", "", Map.of()).hasSameId(new Journey(new String("anna"), "c-1", new int[] {0},
                        new long[] {1}, new byte[] {0}, null, Outcome.ABANDONED, -1, 0, 1, "", "", Map.of())))
                .isTrue();
        assertThat(journey.hasCustomer("c-1")).isTrue();
        assertThat(journey.hasCustomer("c-2")).isFalse();
        assertThat(journey.customerHash()).isEqualTo("c-1".hashCode());
    }
}
