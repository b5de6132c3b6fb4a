package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

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
}
