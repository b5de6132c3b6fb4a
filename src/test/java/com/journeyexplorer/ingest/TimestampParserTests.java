package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTests {

    private final TimestampParser utc = new TimestampParser(ZoneId.of("UTC"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-01T10:15:30Z|2026-03-01T10:15:30Z",
            "2026-03-01 10:15:30Z|2026-03-01T10:15:30Z",
            "2026-03-01T10:15:30.123Z|2026-03-01T10:15:30.123Z",
            "2026-03-01T10:15:30.123456789Z|2026-03-01T10:15:30.123Z",
            "2010-12-30 14:32:00+01:00|2010-12-30T13:32:00Z",
            "2011-10-11 13:45:40.276000+02:00|2011-10-11T11:45:40.276Z",
            "2026-03-01T10:15:30+0530|2026-03-01T04:45:30Z",
            "2026-03-01T10:15:30-08|2026-03-01T18:15:30Z",
            "2026-03-01T10:15:30|2026-03-01T10:15:30Z",
            "2026-03-01 10:15|2026-03-01T10:15:00Z",
            "2026-03-01|2026-03-01T00:00:00Z",
            "1772360130123|2026-03-01T10:15:30.123Z",
            "-1000|1969-12-31T23:59:59Z",
            "1960-01-01T00:00:00Z|1960-01-01T00:00:00Z",
    })
    void readsEveryDocumentedForm(String text, String expected) {
        assertThat(Instant.ofEpochMilli(utc.parse(text))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "2026-03-01T25:00:00Z", "01/03/2026",
            "99999999999999999999", "2026-03-01T10:15:30Zjunk"})
    void rejectsTextThatIsNotATimestampWithAReadableReason(String text) {
        assertThatThrownBy(() -> utc.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.substring(0, Math.min(text.length(), 10)));
    }

    @Test
    void readsUtcTimestampsLikeJavaTime() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(-5_000_000_000_000L, 10_000_000_000_000L);
            Instant instant = Instant.ofEpochMilli(millis).plusNanos(random.nextInt(1_000_000));
            String text = switch (i % 4) {
                case 0 -> DateTimeFormatter.ISO_INSTANT.format(instant);
                case 1 -> DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
                case 2 -> DateTimeFormatter.ISO_INSTANT.format(instant).replace('T', ' ');
                default -> DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
            };
            assertThat(utc.parse(text)).as(text).isEqualTo(Instant.parse(text.replace(' ', 'T')).toEpochMilli());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-02-29T10:15:30.5Z", "2026-04-31 00:00:00Z",
            "2026-03-01T10:15:60Z", "2026-03-01T10:60:30Z", "2026-03-01T10:15:30.Z", "2026-03-01T10:15:30.1234567890Z",
            "2026-03-01X10:15:30Z", "2026-03-01T10:15:3aZ"})
    void rejectsInvalidUtcTimestamps(String text) {
        assertThatThrownBy(() -> utc.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.substring(0, 10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0001-01-01T00:00:00Z|0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z|9999-12-31T23:59:59.999Z",
            "-62135596800000|0001-01-01T00:00:00Z",
            "253402300799999|9999-12-31T23:59:59.999Z",
    })
    void acceptsTheYears0001To9999(String text, String expected) {
        assertThat(Instant.ofEpochMilli(utc.parse(text))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "0001-01-01T00:00:00+01:00",
            "-62135596800001", "253402300800000", "9223372036854775807", "-9223372036854775808"})
    void rejectsInstantsOutsideTheYears0001To9999(String text) {
        assertThatThrownBy(() -> utc.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is outside the years 0001 to 9999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0662\u0660\u0662\u0666", "2026-03-01T10:00:00Z\u0000", "\u00001772360130123"})
    void rejectsNonAsciiDigitsAndControlCharacters(String text) {
        assertThatThrownBy(() -> utc.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a timestamp");
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(utc.parse(" \t2026-03-01T10:15:30Z\u2003")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z").toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsEmptyText(String text) {
        assertThatThrownBy(() -> utc.parse(text)).hasMessage("is empty");
    }

    @ParameterizedTest
    @CsvSource({"Europe/Paris,2026-03-01T09:00:00Z", "America/New_York,2026-03-01T15:00:00Z"})
    void readsTimestampsWithoutOffsetInTheConfiguredZone(String zone, String expected) {
        TimestampParser parser = new TimestampParser(ZoneId.of(zone));
        assertThat(Instant.ofEpochMilli(parser.parse("2026-03-01T10:00:00"))).isEqualTo(Instant.parse(expected));
    }
}
