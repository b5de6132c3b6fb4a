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
            "1396437466|2014-04-02T11:17:46Z",
            "1396437466.94|2014-04-02T11:17:46.940Z",
            "1396437466.9417|2014-04-02T11:17:46.941Z",
            "99999999999|5138-11-16T09:46:39Z",
            "100000000000|1973-03-03T09:46:40Z",
            "99999999999999|5138-11-16T09:46:39.999Z",
            "100000000000000|1973-03-03T09:46:40Z",
            "1772360130123456|2026-03-01T10:15:30.123Z",
            "99999999999999999|5138-11-16T09:46:39.999Z",
            "100000000000000000|1973-03-03T09:46:40Z",
            "1772360130123456789|2026-03-01T10:15:30.123Z",
            "9223372036854775807|2262-04-11T23:47:16.854Z",
            "-1000|1969-12-31T23:43:20Z",
            "2019-10-01 00:00:00 UTC|2019-10-01T00:00:00Z",
            "2019-10-01 00:00:00.25 UTC|2019-10-01T00:00:00.250Z",
            "2019-10-01T00:00:00UTC|2019-10-01T00:00:00Z",
            "2019-10-01 00:00 UTC|2019-10-01T00:00:00Z",
            "1960-01-01T00:00:00Z|1960-01-01T00:00:00Z",
            "2026-03-01T10:00:00+01:00[Europe/Paris]|2026-03-01T09:00:00Z",
            "2026-07-01T10:00+02:00[Europe/Paris]|2026-07-01T08:00:00Z",
            "2026-03-01T10:00:00.5Z[UTC]|2026-03-01T10:00:00.500Z",
            "2026-07-01T10:00:00[Europe/Paris]|2026-07-01T08:00:00Z",
            "1.39643746694E9|2014-04-02T11:17:46.940Z",
            "1.772360130123e+12|2026-03-01T10:15:30.123Z",
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
                case 2 -> DateTimeFormatter.ISO_INSTANT.format(instant).replace('T', ' ').replace("Z", " UTC");
                default -> DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
            };
            String iso = text.replace(" UTC", "Z").replace(' ', 'T');
            assertThat(utc.parse(text)).as(text).isEqualTo(Instant.parse(iso).toEpochMilli());
        }
    }

    @Test
    void readsWhatZonedDateTimeWritesWithItsZoneInBrackets() {
        java.time.ZonedDateTime paris = java.time.ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 250_000_000,
                ZoneId.of("Europe/Paris"));

        assertThat(paris.toString()).isEqualTo("2026-03-29T03:30:00.250+02:00[Europe/Paris]");
        assertThat(utc.parse(paris.toString())).isEqualTo(paris.toInstant().toEpochMilli());
        assertThat(new TimestampParser(ZoneId.of("UTC"), TimestampFormat.of("iso")).parse(paris.toString()))
                .isEqualTo(paris.toInstant().toEpochMilli());
        assertThatThrownBy(() -> utc.parse("2026-03-29T02:30[Europe/Paris]"))
                .hasMessageStartingWith("'2026-03-29T02:30[Europe/Paris]' does not exist in Europe/Paris");
        assertThatThrownBy(() -> utc.parse("2026-03-01T10:00+01:00[Europe/Nowhere]"))
                .hasMessageContaining("is not a timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:00+05:00[Europe/Paris]", "2026-07-01T10:00+01:00[Europe/Paris]",
            "2026-03-01T10:00:00Z[Europe/Paris]", "2026-03-29T02:30+03:00[Europe/Paris]"})
    void refusesAnOffsetThatDisagreesWithItsZoneInBrackets(String text) {
        assertThatThrownBy(() -> utc.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' has the offset ")
                .hasMessageContaining("and the zone Europe/Paris, which disagree: Europe/Paris is +0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-01T10:00+01:00[Europe/Paris]|2026-03-01T09:00:00Z",
            "2026-07-01T10:00+02:00[Europe/Paris]|2026-07-01T08:00:00Z",
            // The hour the clocks repeat, at either offset; the hour they skip, at the offset before or after.
            "2026-10-25T02:30+02:00[Europe/Paris]|2026-10-25T00:30:00Z",
            "2026-10-25T02:30+01:00[Europe/Paris]|2026-10-25T01:30:00Z",
            "2026-03-29T02:30+01:00[Europe/Paris]|2026-03-29T01:30:00Z",
            "2026-03-29T02:30+02:00[Europe/Paris]|2026-03-29T00:30:00Z",
            "2026-03-01T10:00Z[UTC]|2026-03-01T10:00:00Z",
    })
    void acceptsAnOffsetTheZoneInBracketsUsesAtThatTime(String text, String expected) {
        assertThat(Instant.ofEpochMilli(utc.parse(text))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void refusesAnOffsetThatDisagreesWithTheZoneOfAPattern() {
        TimestampParser pattern = new TimestampParser(ZoneId.of("UTC"),
                TimestampFormat.of("dd.MM.yyyy HH:mm XXX VV"));

        assertThatThrownBy(() -> pattern.parse("01.03.2026 10:00 +05:00 Europe/Paris"))
                .hasMessageStartingWith("'01.03.2026 10:00 +05:00 Europe/Paris' has the offset +05:00 and the zone "
                        + "Europe/Paris, which disagree: Europe/Paris is +01:00 at that time");
        assertThat(Instant.ofEpochMilli(pattern.parse("29.03.2026 02:30 +01:00 Europe/Paris")))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
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
    })
    void acceptsTheYears0001To9999(String text, String expected) {
        assertThat(Instant.ofEpochMilli(utc.parse(text))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "0001-01-01T00:00:00+01:00",
            "-62135596800001", "9223372036854775808", "-9223372036854775808", "99999999999999999999"})
    void rejectsInstantsOutsideTheYears0001To9999(String text) {
        assertThatThrownBy(() -> utc.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' is ")
                .hasMessageContaining("is outside the years 0001 to 9999");
    }

    @Test
    void readsAnEpochNumberWithAnExponentInTheUnitTimestampFormatNames() {
        assertThat(new TimestampParser(ZoneId.of("UTC"), TimestampFormat.of("epoch-millis")).parse("12e5"))
                .isEqualTo(1_200_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e40"})
    void readsAnEpochNumberWithAnExponentWithoutWritingItOutInFull(String text) {
        assertThatThrownBy(() -> utc.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside the years 0001 to 9999");
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

    @Test
    void refusesATimeTheZonesClocksSkipAndReadsARepeatedOneWithTheEarlierOffset() {
        TimestampParser paris = new TimestampParser(ZoneId.of("Europe/Paris"));

        assertThatThrownBy(() -> paris.parse("2026-03-29 02:30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'2026-03-29 02:30' does not exist in Europe/Paris: its clocks went from 02:00 to 03:00 "
                        + "that day (write the time with its offset, as 2026-03-29T02:30+01:00, or check the zone)");
        assertThat(Instant.ofEpochMilli(paris.parse("2026-03-29 03:30"))).isEqualTo(Instant.parse(
                "2026-03-29T01:30:00Z"));
        assertThat(Instant.ofEpochMilli(paris.parse("2026-10-25 02:30"))).isEqualTo(Instant.parse(
                "2026-10-25T00:30:00Z"));
        assertThat(Instant.ofEpochMilli(paris.parse("2026-03-29"))).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        TimestampParser pattern = new TimestampParser(ZoneId.of("UTC"), TimestampFormat.of("dd.MM.yyyy HH:mm VV"));
        assertThatThrownBy(() -> pattern.parse("29.03.2026 02:30 Europe/Paris"))
                .hasMessageStartingWith("'29.03.2026 02:30 Europe/Paris' does not exist in Europe/Paris");
    }

    @ParameterizedTest
    @CsvSource({"Europe/Paris,2026-03-01T09:00:00Z", "America/New_York,2026-03-01T15:00:00Z"})
    void readsTimestampsWithoutOffsetInTheConfiguredZone(String zone, String expected) {
        TimestampParser parser = new TimestampParser(ZoneId.of(zone));
        assertThat(Instant.ofEpochMilli(parser.parse("2026-03-01T10:00:00"))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "epoch-seconds|100000000000|5138-11-16T09:46:40Z",
            "epoch-seconds|1396437466.5|2014-04-02T11:17:46.500Z",
            "epoch-millis|1396437466|1970-01-17T03:53:57.466Z",
            "epoch-millis|1396437466940.7|2014-04-02T11:17:46.940Z",
            "epoch-millis|253402300799999|9999-12-31T23:59:59.999Z",
            "epoch-micros|1772360130123456|2026-03-01T10:15:30.123Z",
            "epoch-micros|1396437466|1970-01-01T00:23:16.437Z",
            "epoch-nanos|1772360130123456789|2026-03-01T10:15:30.123Z",
            "iso|2026-03-01T10:15:30Z|2026-03-01T10:15:30Z",
            "dd/MM/yyyy HH:mm:ss|01/03/2026 10:15:30|2026-03-01T10:15:30Z",
            "dd.MM.uuuu|01.03.2026|2026-03-01T00:00:00Z",
            "yyyy-MM-dd HH:mm:ss XXX|2026-03-01 10:15:30 +02:00|2026-03-01T08:15:30Z",
            "EEE MMM dd HH:mm:ss yyyy|Sun Mar 01 10:15:30 2026|2026-03-01T10:15:30Z",
    })
    void readsTheFormatThatTimestampFormatNames(String format, String text, String expected) {
        TimestampParser parser = new TimestampParser(ZoneId.of("UTC"), TimestampFormat.of(format));
        assertThat(Instant.ofEpochMilli(parser.parse(text))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "iso|1396437466|is a number, not an ISO-8601 timestamp",
            "epoch-seconds|2026-03-01T10:15:30Z|is not an epoch number",
            "epoch-millis|0x12|is not an epoch number",
            "epoch-millis|1772360130123456|is outside the years 0001 to 9999 as epoch milliseconds",
            "epoch-micros|2026-03-01|is not an epoch number",
            "dd/MM/yyyy|31/02/2026|does not match timestampFormat 'dd/MM/yyyy'",
            "dd/MM/yyyy|2026-03-01|does not match timestampFormat",
    })
    void rejectsTextOfAnotherFormatThanTimestampFormatNames(String format, String text, String reason) {
        TimestampParser parser = new TimestampParser(ZoneId.of("UTC"), TimestampFormat.of(format));
        assertThatThrownBy(() -> parser.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text).hasMessageContaining(reason);
    }

    @Test
    void refusesAPatternThatJavaTimeRefuses() {
        assertThatThrownBy(() -> TimestampFormat.of("yyyy-MM-dd {")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("date-time pattern");
        assertThat(TimestampFormat.of(null)).isEqualTo(TimestampFormat.AUTO);
        assertThat(TimestampFormat.of("EPOCH-Seconds").kind()).isEqualTo(TimestampFormat.Kind.EPOCH_SECONDS);
    }

    @Test
    void tellsEpochSecondsMillisecondsMicrosecondsAndNanosecondsByMagnitudeForEveryPlausibleDate() {
        Random random = new Random(7);
        long from = Instant.parse("1990-01-01T00:00:00Z").toEpochMilli();
        long until = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 10_000; i++) {
            long millis = random.nextLong(from, until);
            assertThat(utc.parse(Long.toString(millis))).isEqualTo(millis);
            assertThat(utc.parse(Long.toString(millis * 1000 + 999))).isEqualTo(millis);
            assertThat(utc.parse(Long.toString(millis * 1_000_000 + 999_999))).isEqualTo(millis);
            assertThat(utc.parse(Long.toString(millis / 1000))).isEqualTo(millis / 1000 * 1000);
            String fraction = (millis / 1000) + "." + String.format("%03d", millis % 1000);
            assertThat(utc.parse(fraction)).as(fraction).isEqualTo(millis);
        }
    }
}
