package com.journeyexplorer.ingest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.convert.DurationStyle;

/**
 * The options of an event import as text, as the query parameters of {@code POST /api/events} and the options of the
 * command-line import name them (bound by Spring MVC from parameters of the same names): column names, outcome rules
 * and error handling. {@link #toOptions} checks them; a bad value is an {@link InvalidImportOptionException} naming
 * the option. The static parsers serve the aggregated-path import too.
 */
public record ImportParameters(
        String journeyColumn,
        String timestampColumn,
        String touchpointColumn,
        String channelColumn,
        String stageColumn,
        String customerColumn,
        String ownerColumn,
        String typeColumn,
        String valueColumn,
        String segmentColumn,
        String deviceColumn,
        String eventIdColumn,
        String purchase,
        String competitor,
        String onError,
        String delimiter,
        String sessionGap) {

    /** Regular-expression characters that do not occur in ordinary touchpoint names. */
    private static final Pattern REGEX_HINT = Pattern.compile("[*+?\\[\\]^$|\\\\]");

    public ImportOptions toOptions(Duration defaultGap) {
        ColumnMapping mapping = new ColumnMapping(journeyColumn, timestampColumn, touchpointColumn, channelColumn,
                stageColumn, customerColumn, ownerColumn, typeColumn, valueColumn, segmentColumn, deviceColumn,
                eventIdColumn);
        return new ImportOptions(mapping, commaList(purchase), competitorPattern(competitor), errorMode(onError),
                gap(sessionGap, defaultGap), delimiter(delimiter));
    }

    static Set<String> commaList(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }

    /** A comma list of names, or a regular expression when the value has regex operators ({@code * + ? [ ] ^ $ |}). */
    public static Pattern competitorPattern(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (REGEX_HINT.matcher(value).find()) {
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new InvalidImportOptionException("competitor", "is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        return Pattern.compile(String.join("|", commaList(value).stream().map(Pattern::quote).toList()));
    }

    /** Whether a rule value is a regular expression rather than a comma list of names. */
    public static boolean isRegex(String value) {
        return value != null && REGEX_HINT.matcher(value).find();
    }

    public static ImportOptions.ErrorMode errorMode(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("reject")) {
            return ImportOptions.ErrorMode.REJECT;
        }
        if (value.equalsIgnoreCase("skip")) {
            return ImportOptions.ErrorMode.SKIP;
        }
        throw new InvalidImportOptionException("onError", "must be reject or skip, was '" + value + "'");
    }

    public static char delimiter(String value) {
        if (value == null || value.isEmpty()) {
            return ',';
        }
        if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new InvalidImportOptionException("delimiter", "must be one character other than a quote or a line "
                    + "break (or 'tab'), was '" + value + "'");
        }
        return value.charAt(0);
    }

    static Duration gap(String value, Duration defaultGap) {
        if (value == null || value.isBlank()) {
            return defaultGap;
        }
        try {
            Duration gap = DurationStyle.detectAndParse(value);
            if (gap.isNegative() || gap.isZero()) {
                throw new InvalidImportOptionException("sessionGap", "must be positive, was '" + value + "'");
            }
            return gap;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            if (e instanceof InvalidImportOptionException invalid) {
                throw invalid;
            }
            throw new InvalidImportOptionException("sessionGap", "must be a duration such as 30m, 2h or PT45M, was '"
                    + value + "'");
        }
    }
}
