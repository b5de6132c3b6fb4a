package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationTextTests {

    @Test
    void readsUnitsIsoAndZero() {
        assertThat(DurationText.parse("7d", "7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse(" 30m ", "30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationText.parse("PT45M", "PT45M")).isEqualTo(Duration.ofMinutes(45));
        assertThat(DurationText.parse("0", "0")).isZero();
        assertThat(DurationText.parse("36500d", "7d")).isEqualTo(DurationText.LONGEST);
    }

    @Test
    void refusesABareNumberRatherThanReadingMilliseconds() {
        assertThatThrownBy(() -> DurationText.parse("7", "7d or 12h")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("needs a unit, such as 7d or 12h, was '7'");
    }

    @Test
    void refusesWhatWouldOverflowMillisecondsNegativesAndNonsense() {
        assertThatThrownBy(() -> DurationText.parse("200000000000d", "7d"))
                .hasMessageContaining("must be at most 36500d");
        assertThatThrownBy(() -> DurationText.parse("P99999999999D", "7d"))
                .hasMessageContaining("must be at most 36500d");
        assertThatThrownBy(() -> DurationText.parse("-1d", "7d")).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> DurationText.parse("soon", "7d"))
                .hasMessage("must be a duration such as 7d, was 'soon'");
    }
}
