package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What an upload's number may look like: plain decimals, not everything {@link Double#parseDouble} reads. */
class PlainNumbersTests {

    @Test
    void plainDecimalsAreNumbers() {
        for (String plain : new String[] {"0", "4", "-3", "+2", "12.5", "12.", ".5", "-0.25", "1e3", "1E+3",
            "2.5e-2"}) {
            assertThat(PlainNumbers.isPlain(plain)).as(plain).isTrue();
            assertThat(PlainNumbers.parse(plain)).as(plain).isEqualTo(Double.parseDouble(plain));
        }
    }

    @Test
    void whatJavaAlsoReadsIsNot() {
        for (String odd : new String[] {"NaN", "Infinity", "-Infinity", "3d", "3f", "0x1p1", "", ".", "+", "1e", "e3",
            "1e+", "1.2.3", " 1", "1 ", "1,5", "--1"}) {
            assertThat(PlainNumbers.isPlain(odd)).as(odd).isFalse();
            assertThatThrownBy(() -> PlainNumbers.parse(odd)).as(odd).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void aPlainNumberTooLargeForADoubleIsRefusedToo() {
        assertThat(PlainNumbers.isPlain("1e999")).isTrue();
        assertThatThrownBy(() -> PlainNumbers.parse("1e999")).isInstanceOf(NumberFormatException.class);
    }
}
