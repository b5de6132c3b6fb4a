package com.journeyexplorer.ingest;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamp forms found in event logs: ISO-8601 with {@code T} or a space, with or without fractions, with
 * an offset ({@code Z}, {@code +01:00}, {@code +0100}) or without one (then in the configured default zone), or epoch
 * milliseconds (ASCII digits). A date alone means its midnight. Only the years 0001 to 9999 are accepted, the range
 * of ISO-8601's four-digit years, so that durations between any two events fit a {@code long} of milliseconds.
 */
final class TimestampParser {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter()
            // STRICT, or 2026-02-30 would quietly become 2026-02-28.
            .withResolverStyle(ResolverStyle.STRICT);

    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z in epoch milliseconds: the accepted range. */
    static final long MIN_MILLIS = -62_135_596_800_000L;
    static final long MAX_MILLIS = 253_402_300_799_999L;

    private final ZoneId defaultZone;

    TimestampParser(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    /**
     * Epoch milliseconds of {@code text} (surrounding whitespace ignored); throws {@link IllegalArgumentException}
     * with a readable reason.
     */
    long parse(String text) {
        String value = text.strip();
        long millis = parseStripped(value);
        if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("'" + abbreviate(value) + "' is outside the years 0001 to 9999");
        }
        return millis;
    }

    private long parseStripped(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (isInteger(value)) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + abbreviate(value) + "' is out of range for epoch milliseconds");
            }
        }
        long utc = parseUtcOrMinValue(value);
        if (utc != Long.MIN_VALUE) {
            return utc;
        }
        try {
            TemporalAccessor parsed = FORMAT.parse(value);
            LocalDateTime local = LocalDateTime.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return local.toInstant(java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                        .toEpochMilli();
            }
            return local.atZone(defaultZone).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + abbreviate(value)
                    + "' is not a timestamp (expected ISO-8601 like 2026-03-01T10:15:30Z or epoch milliseconds)");
        }
    }

    /**
     * The common form of exported event logs, {@code 2026-03-01T10:15:30.123Z} (a {@code T} or a space, an optional
     * fraction of 1 to 9 digits), read without the general formatter, which costs several times as much per row;
     * {@link Long#MIN_VALUE} for any other text, or an invalid date, which then takes the general (and strict) path.
     */
    private static long parseUtcOrMinValue(String value) {
        int length = value.length();
        if (length < 20 || length > 30 || length == 21 || Character.toUpperCase(value.charAt(length - 1)) != 'Z'
                || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(13) != ':'
                || value.charAt(16) != ':' || (value.charAt(10) != 'T' && value.charAt(10) != 't'
                        && value.charAt(10) != ' ')) {
            return Long.MIN_VALUE;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int millis = 0;
        if (length > 20) {
            if (value.charAt(19) != '.') {
                return Long.MIN_VALUE;
            }
            int fraction = digits(value, 20, length - 1);
            if (fraction < 0) {
                return Long.MIN_VALUE;
            }
            for (int i = 20; i < Math.min(23, length - 1); i++) {
                millis = millis * 10 + value.charAt(i) - '0';
            }
            for (int i = length - 1; i < 23; i++) {
                millis *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    /** The number written by the digits from {@code from} to {@code to} (at most 9), or -1 if any is not a digit. */
    private static int digits(String value, int from, int to) {
        if (to - from > 9) {
            return -1;
        }
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + c - '0';
        }
        return number;
    }

    private static boolean isInteger(String value) {
        int start = value.charAt(0) == '-' ? 1 : 0;
        if (start == value.length()) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
