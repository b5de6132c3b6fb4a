package com.journeyexplorer.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleTests {

    @Test
    void readsNamesInAnyCase() {
        assertThat(Scale.of(" NPS ")).isEqualTo(Scale.NPS);
        assertThat(Scale.of("sentiment")).isEqualTo(Scale.SENTIMENT);
    }

    @Test
    void anUnknownScaleListsEveryScaleAndShortensOnlyTheValue() {
        assertThatThrownBy(() -> Scale.of("x".repeat(300))).hasMessage("'" + "x".repeat(40) + "...' is not a scale "
                + "(expected nps, csat, ces, rating or sentiment)");
    }
}
