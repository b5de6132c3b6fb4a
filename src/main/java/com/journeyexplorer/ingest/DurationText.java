package com.journeyexplorer.ingest;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.springframework.boot.convert.DurationStyle;

/**
 * A duration parameter as users write it ({@code sessionGap}, {@code openHorizon}, the feedback and funnel
 * {@code window}): a number with a unit ({@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 500ms}, Spring
 * Boot's simple style) or ISO-8601 ({@code PT45M}, {@code P7D}), or {@code 0}. A bare number other than 0 is refused
 * rather than read as milliseconds, Spring's default unit: {@code window=7} means seven days to whoever writes it.
 * At most {@link #LONGEST}, so that no duration overflows the milliseconds it is compared in.
 */
public final class DurationText {

    /** A hundred years: longer than any journey, gap or survey delay, far below {@code Long.MAX_VALUE} ms. */
    public static final Duration LONGEST = Duration.ofDays(36_500);

    private DurationText() {
    }

    /**
     * The duration {@code value} says, not negative and at most {@link #LONGEST}.
     *
     * @param examples how the reason shows a valid value, e.g. {@code "7d, 12h or PT0S"}
     * @throws IllegalArgumentException with a reason that quotes the value and fits after the parameter's name
     */
    public static Duration parse(String value, String examples) {
        String text = value.strip();
        if (!text.equals("0") && text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            throw new IllegalArgumentException("needs a unit, such as " + examples + ", was '"
                    + TimestampParser.abbreviate(value) + "'");
        }
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a duration such as " + examples + ", was '"
                    + TimestampParser.abbreviate(value) + "'");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("must not be negative, was '" + TimestampParser.abbreviate(value) + "'");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("must be at most 36500d (a hundred years), was '"
                    + TimestampParser.abbreviate(value) + "'");
        }
        return duration;
    }
}
