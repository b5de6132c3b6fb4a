package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class CleanNumbersTests {

    private final JsonMapper json = JsonMapper.builder().addModule(CleanNumbers.module()).build();

    @Test
    void floatingPointNoiseAndNegativeZeroNeverReachTheJson() {
        record Answer(double a, double b, Double c, double d, double e, double f) {
        }
        String written = json.writeValueAsString(new Answer(1.0000000000000029, 0.1 + 0.2, -0.0, -1e-300 * 1e-300,
                1.97e-172, 302048.48));

        assertThat(written).isEqualTo("{\"a\":1.0,\"b\":0.3,\"c\":0.0,\"d\":0.0,\"e\":1.97E-172,\"f\":302048.48}");
    }

    @Test
    void probabilitiesAreClampedToTheUnitInterval() {
        assertThat(CleanNumbers.probability(1.0000000000000029)).isEqualTo(1.0);
        assertThat(CleanNumbers.probability(-2.7e-17)).isEqualTo(0.0);
        assertThat(CleanNumbers.probability(0.18255000000000002)).isEqualTo(0.18255);
        assertThat(CleanNumbers.probability((Double) null)).isNull();
        assertThat(Double.doubleToRawLongBits(CleanNumbers.clean(-0.0))).isZero();
    }

    @Test
    void theFastPathRoundsExactlyAsTheDecimalPath() {
        SplittableRandom random = new SplittableRandom(42);
        int fast = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double value = switch (i % 5) {
                // any magnitude
                case 0 -> (random.nextBoolean() ? -1 : 1) * random.nextDouble() * Math.pow(10, random.nextInt(-40, 40));
                // probabilities and shares
                case 1 -> random.nextDouble();
                // counts over counts, as shares are made
                case 2 -> (double) random.nextLong(0, 1_000_000) / random.nextLong(1, 10_000_000);
                // 13 significant digits ending in 5: ties of the decimal, a step from a tie in binary
                case 3 -> Double.parseDouble(random.nextLong(100_000_000_000L, 1_000_000_000_000L) + "5E"
                        + random.nextInt(-30, 10));
                // a few ulps from those ties
                default -> Math.nextAfter(Double.parseDouble(random.nextLong(100_000_000_000L, 1_000_000_000_000L)
                        + "5E" + random.nextInt(-30, 10)), random.nextBoolean() ? 1 : -1);
            };
            double expected = CleanNumbers.roundedByDecimal(value);
            double quick = CleanNumbers.roundedInDoubles(value);
            if (!Double.isNaN(quick)) {
                fast++;
                assertThat(Double.doubleToRawLongBits(quick)).as("%s", value)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
            assertThat(Double.doubleToRawLongBits(CleanNumbers.clean(value))).as("%s", value)
                    .isEqualTo(Double.doubleToRawLongBits(expected == 0.0 ? 0.0 : expected));
        }
        // the fast path must actually serve most numbers, or it is no fast path
        assertThat(fast).isGreaterThan(1_000_000);
    }
}
