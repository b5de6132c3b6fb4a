package com.journeyexplorer.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the valid timestamps of an upload that are implausible for a customer journey, before 1990 or after the end
 * of next year: most often a unit or format mix-up ({@code timestampFormat=epoch-millis} on epoch seconds reads
 * 1970), which leaves every row valid and the data quietly wrong. One per upload.
 */
final class ImplausibleTimestamps {

    /** Timestamps before this are implausible for a customer journey. */
    static final long PLAUSIBLE_FROM = LocalDate.of(1990, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    /** Examples a warning lists. */
    static final int EXAMPLES = 5;

    private final long plausibleUntil = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).plusYears(2)
            .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    private final List<ImportWarning.Example> examples = new ArrayList<>();
    private long count;

    /** Counts {@code time}, read from {@code raw} at {@code line} in {@code field}, if it is implausible. */
    void check(long line, String field, String raw, long time) {
        if (time >= PLAUSIBLE_FROM && time < plausibleUntil) {
            return;
        }
        count++;
        if (examples.size() < EXAMPLES) {
            examples.add(new ImportWarning.Example(line, field, TimestampParser.abbreviate(raw.strip()) + " (read as "
                    + Instant.ofEpochMilli(time) + ")"));
        }
    }

    /** The warning, or none: {@code row} names what was counted, in the singular ("event", "answer"). */
    List<ImportWarning> warning(String row) {
        if (count == 0) {
            return List.of();
        }
        String counted = count == 1 ? "1 " + row + " has" : ImportWarning.number(count) + " " + row + "s have";
        return List.of(new ImportWarning("implausible-timestamp", counted + " a timestamp before "
                + "1990 or after next year; check the timestamp column and timestampFormat (auto reads numbers below "
                + "10^11 as epoch seconds, below 10^14 as milliseconds, below 10^17 as microseconds, larger ones as "
                + "nanoseconds)", count, examples));
    }
}
