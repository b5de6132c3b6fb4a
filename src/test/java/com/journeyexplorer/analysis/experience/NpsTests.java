package com.journeyexplorer.analysis.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NpsTests {

    private static final double Z95 = 1.959963984540054;

    @Test
    void oneAnswerShowsNoSpreadSoItsIntervalIsTheWholeRange() {
        Nps one = Nps.of(1, 0, 1, Z95);
        assertThat(one.score()).isEqualTo(-100);
        assertThat(one.interval().lower()).isEqualTo(-100);
        assertThat(one.interval().upper()).isEqualTo(100);
    }

    @Test
    void fromTwoAnswersOnTheIntervalIsTheNormalOne() {
        Nps nps = Nps.of(4, 2, 1, Z95);
        double p = 0.5;
        double d = 0.25;
        double half = Z95 * 100 * Math.sqrt((p + d - (p - d) * (p - d)) / 4);
        assertThat(nps.score()).isCloseTo(25, within(1e-12));
        assertThat(nps.interval().lower()).isCloseTo(25 - half, within(1e-9));
        assertThat(nps.interval().upper()).isCloseTo(Math.min(100, 25 + half), within(1e-9));
    }
}
