package com.journeyexplorer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IsoTimestampsTests {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void alwaysWritesMillisecondsInUtc() {
        assertThat(IsoTimestamps.format(DemoStore.BASE_EPOCH_MILLIS)).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(IsoTimestamps.format(Instant.parse("2026-03-01T10:15:30.123Z").toEpochMilli()))
                .isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(IsoTimestamps.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(IsoTimestamps.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
    }

    @Test
    void agreesWithDateTimeFormatterFrom1900To2200() {
        SplittableRandom random = new SplittableRandom(1);
        long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(from, to);
            assertThat(IsoTimestamps.format(millis)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void fallsBackToInstantBeyondYear9999() {
        long far = Instant.parse("+12000-01-01T00:00:00Z").toEpochMilli();

        assertThat(IsoTimestamps.format(far)).isEqualTo(Instant.ofEpochMilli(far).toString());
    }
}
