package com.journeyexplorer.analysis.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.stats.PseudoScores;

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
    void fromTwoAnswersOnTheIntervalIsThatOfTheAnswersScoredOneHalfAndZero() {
        Nps nps = Nps.of(4, 2, 1, Z95);

        double[] literal = PseudoScores.npsInterval(4, 2, 1, Z95);
        assertThat(nps.score()).isCloseTo(25, within(1e-12));
        assertThat(nps.interval().lower()).isCloseTo(literal[0], within(1e-9));
        assertThat(nps.interval().upper()).isCloseTo(literal[1], within(1e-9));
    }

    @Test
    void answersThatAgreeDoNotMakeACertainScore() {
        Nps twoPromoters = Nps.of(2, 2, 0, Z95);
        Nps hundredPromoters = Nps.of(100, 100, 0, Z95);

        assertThat(twoPromoters.score()).isEqualTo(100);
        assertThat(twoPromoters.interval().upper()).isEqualTo(100);
        assertThat(twoPromoters.interval().lower()).isLessThan(0);
        assertThat(hundredPromoters.interval().lower()).isGreaterThan(twoPromoters.interval().lower()).isLessThan(100);
    }
}
