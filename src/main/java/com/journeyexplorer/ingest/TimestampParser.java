package com.journeyexplorer.ingest;

import java.time.DateTimeException;
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
 * an offset ({@code Z}, {@code +01:00}, {@code +0100}, a {@code UTC} suffix) or without one (then in the configured
 * default zone), either followed by a zone in brackets as {@link java.time.ZonedDateTime#toString} writes it
 * ({@code 2026-03-01T10:00+01:00[Europe/Paris]}: an offset must be one the zone uses at that time; without one, the
 * time is in that zone), a date alone (its midnight), or an epoch number. An epoch number is read by magnitude:
 * below {@value #SECONDS_BELOW} it is seconds, below 10^14 milliseconds, below 10^17 microseconds (GA4's
 * {@code event_timestamp}), from there on nanoseconds; each unit so covers every date from March 1973 to the year 5138
 * (nanoseconds to 2262, the end of a {@code long}). A fraction ({@code 1396437466.94}) counts to the millisecond; an
 * exponent ({@code 1.39643746694e9}) is allowed.
 * A {@link TimestampFormat} other than {@code auto} fixes the form instead.
 * Only the years 0001 to 9999 are accepted, the range of ISO-8601's four-digit years, so that durations between any
 * two events fit a {@code long} of milliseconds.
 */
final class TimestampParser {

    /** Epoch numbers below this (in absolute value) are seconds; each unit after it takes the next factor 1000. */
    static final long SECONDS_BELOW = 100_000_000_000L;

    /** The epoch units: how many of each make a millisecond, or (seconds) a millisecond makes. */
    private enum EpochUnit {
        SECONDS("seconds"), MILLIS("milliseconds"), MICROS("microseconds"), NANOS("nanoseconds");

        final String words;

        EpochUnit(String words) {
            this.words = words;
        }

        /** The unit {@code auto} reads a number of this whole part (in absolute value) in. */
        static EpochUnit byMagnitude(long whole) {
            return whole < SECONDS_BELOW ? SECONDS : whole < SECONDS_BELOW * 1000 ? MILLIS
                    : whole < SECONDS_BELOW * 1_000_000 ? MICROS : NANOS;
        }
    }

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
            // A zone in brackets, as ZonedDateTime.toString writes it: 2026-03-01T10:00+01:00[Europe/Paris].
            .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter()
            // STRICT, or 2026-02-30 would quietly become 2026-02-28.
            .withResolverStyle(ResolverStyle.STRICT);

    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z in epoch milliseconds: the accepted range. */
    static final long MIN_MILLIS = -62_135_596_800_000L;
    static final long MAX_MILLIS = 253_402_300_799_999L;

    private final ZoneId defaultZone;
    private final TimestampFormat format;

    TimestampParser(ZoneId defaultZone) {
        this(defaultZone, TimestampFormat.AUTO);
    }

    TimestampParser(ZoneId defaultZone, TimestampFormat format) {
        this.defaultZone = defaultZone;
        this.format = format == null ? TimestampFormat.AUTO : format;
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

    private long parseStripped(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        String value = withoutExponent(text);
        return switch (format.kind()) {
            case AUTO -> isNumber(value) ? epoch(value, EpochUnit.byMagnitude(integerPart(value))) : iso(value);
            case ISO -> {
                if (isNumber(value)) {
                    throw new IllegalArgumentException("'" + abbreviate(value) + "' is a number, not an ISO-8601 "
                            + "timestamp (timestampFormat=iso; use epoch-seconds, epoch-millis, epoch-micros or "
                            + "epoch-nanos for numbers)");
                }
                yield iso(value);
            }
            case EPOCH_SECONDS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS -> {
                if (!isNumber(value)) {
                    throw new IllegalArgumentException("'" + abbreviate(value) + "' is not an epoch number "
                            + "(timestampFormat=" + format.text() + ")");
                }
                yield epoch(value, switch (format.kind()) {
                    case EPOCH_SECONDS -> EpochUnit.SECONDS;
                    case EPOCH_MILLIS -> EpochUnit.MILLIS;
                    case EPOCH_MICROS -> EpochUnit.MICROS;
                    default -> EpochUnit.NANOS;
                });
            }
            case PATTERN -> pattern(value);
        };
    }

    private long iso(String value) {
        long utc = parseUtcOrMinValue(value);
        if (utc != Long.MIN_VALUE) {
            return utc;
        }
        String text = value;
        int length = value.length();
        if (length > 3 && value.regionMatches(true, length - 3, "UTC", 0, 3)) {
            text = value.substring(0, length - 3).stripTrailing() + "Z";
        }
        try {
            TemporalAccessor parsed = FORMAT.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneId zone = parsed.query(java.time.temporal.TemporalQueries.zoneId());
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                // An offset fixes the instant; a zone in brackets after it must use that offset at that time.
                java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds(
                        parsed.get(ChronoField.OFFSET_SECONDS));
                agreeing(local, offset, zone, value);
                return local.toInstant(offset).toEpochMilli();
            }
            return existing(local, zone == null ? defaultZone : zone, value).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + abbreviate(value) + "' is not a timestamp (expected ISO-8601 "
                    + "like 2026-03-01T10:15:30Z, epoch seconds or epoch milliseconds"
                    + (format.kind() == TimestampFormat.Kind.AUTO ? "; timestampFormat takes a pattern" : "") + ")");
        }
    }

    private long pattern(String value) {
        try {
            TemporalAccessor parsed = format.pattern().parse(value);
            ZoneId zone = parsed.query(java.time.temporal.TemporalQueries.zone());
            zone = zone == null ? defaultZone : zone;
            java.time.ZonedDateTime zoned = null;
            if (parsed.isSupported(ChronoField.HOUR_OF_DAY) && parsed.isSupported(ChronoField.EPOCH_DAY)) {
                LocalDateTime local = LocalDateTime.from(parsed);
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                    // The offset fixes the instant; a zone beside it must use that offset at that time.
                    agreeing(local, java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)),
                            parsed.query(java.time.temporal.TemporalQueries.zoneId()), value);
                } else {
                    // Checked before the instant: java.time resolves a zone's skipped hour by moving it on silently.
                    zoned = existing(local, zone, value);
                }
            }
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                return java.time.Instant.from(parsed).toEpochMilli();
            }
            if (zoned != null) {
                return zoned.toInstant().toEpochMilli();
            }
            if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                return LocalDateTime.from(parsed).atZone(zone).toInstant().toEpochMilli();
            }
            return java.time.LocalDate.from(parsed).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + abbreviate(value) + "' does not match timestampFormat '"
                    + abbreviate(format.text()) + "'");
        }
    }

    /**
     * Refuses {@code local} written with {@code offset} and the zone {@code zone} (null: none) when the zone does not
     * use that offset at that local time ({@code 2026-03-01T10:00+05:00[Europe/Paris]}): which of the two the writer
     * meant cannot be told, and either would place the event hours away from the other. A time the clocks repeat
     * takes either of the zone's offsets; a time they skip, the offset before or after the change.
     */
    private static void agreeing(LocalDateTime local, java.time.ZoneOffset offset, ZoneId zone, String value) {
        if (zone == null || zone.equals(offset)) {
            return;
        }
        java.time.zone.ZoneRules rules = zone.getRules();
        if (rules.isValidOffset(local, offset)) {
            return;
        }
        java.time.zone.ZoneOffsetTransition gap = rules.getTransition(local);
        if (gap != null && (gap.getOffsetBefore().equals(offset) || gap.getOffsetAfter().equals(offset))) {
            return;
        }
        throw new IllegalArgumentException("'" + abbreviate(value) + "' has the offset " + offset.getId()
                + " and the zone " + zone + ", which disagree: " + zone + " is " + rules.getOffset(local).getId()
                + " at that time (write the offset the zone uses, or one of the two alone)");
    }

    /**
     * {@code local} in {@code zone}, refused when the zone's clocks skip it (the hour a change to summer time jumps
     * over): java.time would move it on by the gap, after events that happened later. A time the clocks repeat (the
     * hour back to winter time) takes the earlier offset, as in java.time: the file cannot tell the two apart.
     */
    private static java.time.ZonedDateTime existing(LocalDateTime local, ZoneId zone, String value) {
        java.time.ZonedDateTime zoned = local.atZone(zone);
        if (!zoned.toLocalDateTime().equals(local)) {
            java.time.zone.ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            throw new IllegalArgumentException("'" + abbreviate(value) + "' does not exist in " + zone + ": its clocks"
                    + " went from " + gap.getDateTimeBefore().toLocalTime() + " to "
                    + gap.getDateTimeAfter().toLocalTime() + " that day (write the time with its offset, as "
                    + local.atOffset(gap.getOffsetBefore()) + ", or check the zone)");
        }
        return zoned;
    }

    /**
     * Epoch milliseconds of a decimal number of {@code unit}s; digits beyond the millisecond are dropped (towards
     * zero, as for a negative number's fraction of seconds).
     */
    private static long epoch(String value, EpochUnit unit) {
        boolean negative = value.charAt(0) == '-';
        int point = value.indexOf('.');
        int end = point < 0 ? value.length() : point;
        long whole = 0;
        try {
            for (int i = negative ? 1 : 0; i < end; i++) {
                whole = Math.addExact(Math.multiplyExact(whole, 10), value.charAt(i) - '0');
            }
            long millis = switch (unit) {
                case SECONDS -> Math.multiplyExact(whole, 1000L);
                case MILLIS -> whole;
                case MICROS -> whole / 1000;
                case NANOS -> whole / 1_000_000;
            };
            if (unit == EpochUnit.SECONDS && point >= 0) {
                int fraction = 0;
                for (int i = point + 1; i < point + 4; i++) {
                    fraction = fraction * 10 + (i < value.length() ? value.charAt(i) - '0' : 0);
                }
                millis += fraction;
            }
            if (millis > MAX_MILLIS) {
                throw new ArithmeticException();
            }
            return negative ? -millis : millis;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + abbreviate(value) + "' is outside the years 0001 to 9999 as "
                    + "epoch " + unit.words);
        }
    }

    /**
     * An epoch number written with an exponent ({@code 1.7723601301e12}, as a JSON writer may write a large number)
     * in plain digits, to the nanosecond; any other text as it is. A number too large for any epoch unit is cut to
     * its first 40 digits' worth, still outside the years accepted, rather than written out in full.
     */
    private static String withoutExponent(String value) {
        if (value.indexOf('e') < 0 && value.indexOf('E') < 0 || !PlainNumbers.isPlain(value)) {
            return value;
        }
        java.math.BigDecimal number;
        try {
            number = new java.math.BigDecimal(value);
        } catch (NumberFormatException | ArithmeticException e) {
            return value;
        }
        if (number.precision() - number.scale() > 40) {
            return (number.signum() < 0 ? "-" : "") + "9".repeat(40);
        }
        return number.setScale(Math.max(0, Math.min(number.scale(), 9)), java.math.RoundingMode.DOWN)
                .toPlainString();
    }

    /** The whole part of a number that {@link #isNumber} accepted, saturated at a value beyond every epoch rule. */
    private static long integerPart(String value) {
        long whole = 0;
        for (int i = value.charAt(0) == '-' ? 1 : 0; i < value.length() && value.charAt(i) != '.'; i++) {
            int digit = value.charAt(i) - '0';
            whole = whole > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : whole * 10 + digit;
        }
        return whole;
    }

    /**
     * The common form of exported event logs, {@code 2026-03-01T10:15:30.123Z} (a {@code T} or a space, an optional
     * fraction of 1 to 9 digits, {@code Z} or a {@code UTC} suffix as in {@code 2019-10-01 00:00:00 UTC}), read
     * without the general formatter, which costs several times as much per row; {@link Long#MIN_VALUE} for any other
     * text, or an invalid date, which then takes the general (and strict) path.
     */
    private static long parseUtcOrMinValue(String value) {
        int length = value.length();
        if (length < 20) {
            return Long.MIN_VALUE;
        }
        // end: where the zone designator starts, so the date-time is value[0, end).
        int end;
        char last = value.charAt(length - 1);
        if (last == 'Z' || last == 'z') {
            end = length - 1;
        } else if ((last == 'C' || last == 'c') && value.regionMatches(true, length - 3, "UTC", 0, 3)) {
            end = value.charAt(length - 4) == ' ' ? length - 4 : length - 3;
        } else {
            return Long.MIN_VALUE;
        }
        if (end < 19 || end > 29 || end == 20 || value.charAt(4) != '-' || value.charAt(7) != '-'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || (value.charAt(10) != 'T'
                        && value.charAt(10) != 't' && value.charAt(10) != ' ')) {
            return Long.MIN_VALUE;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int millis = 0;
        if (end > 19) {
            if (value.charAt(19) != '.') {
                return Long.MIN_VALUE;
            }
            int fraction = digits(value, 20, end);
            if (fraction < 0) {
                return Long.MIN_VALUE;
            }
            for (int i = 20; i < Math.min(23, end); i++) {
                millis = millis * 10 + value.charAt(i) - '0';
            }
            for (int i = end; i < 23; i++) {
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

    /** An optional minus, digits, and optionally a point and more digits: {@code 1396437466.94}. */
    private static boolean isNumber(String value) {
        int start = value.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point && digits > 0 && i < value.length() - 1) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /**
     * A parser's message short enough for a problem's row error: up to 200 characters, cut after a whole word, so
     * that the reason stays readable ({@link #abbreviate} is for quoting a value).
     */
    static String shortened(String message) {
        if (message.length() <= 200) {
            return message;
        }
        int end = message.lastIndexOf(' ', 197);
        return message.substring(0, end > 100 ? end : 197) + " ...";
    }
}
