package com.journeyexplorer.ingest;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * How the timestamps of an upload are written ({@code timestampFormat}): {@code auto} (the default: ISO-8601, or an
 * epoch number told apart by magnitude), {@code iso}, {@code epoch-seconds}, {@code epoch-millis},
 * {@code epoch-micros} (GA4's {@code event_timestamp}), {@code epoch-nanos}, or a {@link DateTimeFormatter} pattern
 * such as {@code dd/MM/yyyy HH:mm}.
 *
 * @param kind    which of the forms
 * @param pattern the formatter of a {@link Kind#PATTERN}, else null
 * @param text    the value as given, for messages
 */
public record TimestampFormat(Kind kind, DateTimeFormatter pattern, String text) {

    public static final TimestampFormat AUTO = new TimestampFormat(Kind.AUTO, null, "auto");

    /** The forms of {@code timestampFormat}. */
    public enum Kind {
        AUTO, ISO, EPOCH_SECONDS, EPOCH_MILLIS, EPOCH_MICROS, EPOCH_NANOS, PATTERN
    }

    /**
     * The format named by {@code value}; null or blank is {@link #AUTO}. Throws {@link IllegalArgumentException} with
     * a readable reason for a pattern that {@link DateTimeFormatter#ofPattern} refuses.
     */
    public static TimestampFormat of(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String name = value.strip();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "auto":
                return AUTO;
            case "iso":
                return new TimestampFormat(Kind.ISO, null, "iso");
            case "epoch-seconds":
                return new TimestampFormat(Kind.EPOCH_SECONDS, null, "epoch-seconds");
            case "epoch-millis":
                return new TimestampFormat(Kind.EPOCH_MILLIS, null, "epoch-millis");
            case "epoch-micros":
                return new TimestampFormat(Kind.EPOCH_MICROS, null, "epoch-micros");
            case "epoch-nanos":
                return new TimestampFormat(Kind.EPOCH_NANOS, null, "epoch-nanos");
            default:
                break;
        }
        try {
            DateTimeFormatter formatter = new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern(name)
                    // 'yyyy' is the year of the era: with the era defaulted, STRICT resolving accepts it and still
                    // refuses 2026-02-30 rather than quietly moving it to the 28th.
                    .parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
            return new TimestampFormat(Kind.PATTERN, formatter, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be auto, iso, epoch-seconds, epoch-millis, epoch-micros, "
                    + "epoch-nanos or a date-time pattern such as 'dd/MM/yyyy HH:mm:ss'; '"
                    + TimestampParser.abbreviate(name) + "' is none of them (" + e.getMessage() + ")");
        }
    }
}
