package com.journeyexplorer.ingest;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The options of a survey-response import ({@code POST /api/feedback}) as text, bound from query parameters of the
 * same names: the column of each field (defaults {@code response_id}, {@code journey_id}, {@code customer_id},
 * {@code timestamp}, {@code touchpoint}, {@code stage}, {@code score}, {@code scale}, {@code comment}), the scale of
 * rows without one ({@code scale}), how far after a journey's end an answer still joins it ({@code window}, default
 * 7d), {@code onError}, {@code delimiter}, {@code timestampFormat}, {@code zone} (of the times without an offset),
 * {@code decimal} (point or comma, for the scores) and {@code format}. {@code journeyColumn} may name several
 * columns whose values name a journey together, as for events ({@link #withJourneyColumn}).
 */
public record FeedbackParameters(
        @Parameter(description = "The column of the answer's id", schema = @Schema(defaultValue = "response_id"))
        String responseIdColumn,
        @Parameter(description = "The column of the journey the answer is about; a comma list (CSV quoting) or the "
                + "parameter given several times names the columns whose values name a journey together",
                schema = @Schema(defaultValue = "journey_id"))
        String journeyColumn,
        @Parameter(description = "The column of the customer id", schema = @Schema(defaultValue = "customer_id"))
        String customerColumn,
        @Parameter(description = "The column of the answer's time", schema = @Schema(defaultValue = "timestamp"))
        String timestampColumn,
        @Parameter(description = "The column of the touchpoint the answer is about", schema = @Schema(defaultValue = "touchpoint"))
        String touchpointColumn,
        @Parameter(description = "The column of the stage the answer is about", schema = @Schema(defaultValue = "stage"))
        String stageColumn,
        @Parameter(description = "The column of the score", schema = @Schema(defaultValue = "score"))
        String scoreColumn,
        @Parameter(description = "The column of the score's scale", schema = @Schema(defaultValue = "scale"))
        String scaleColumn,
        @Parameter(description = "The column of the comment", schema = @Schema(defaultValue = "comment"))
        String commentColumn,
        @Parameter(description = "The scale of rows without one: nps, csat, ces, rating or sentiment")
        String scale,
        @Parameter(description = "How long after a journey's end an answer still joins it (7d, 12h, PT0S; 0: only the "
                + "journey in force at the answer's time)", schema = @Schema(defaultValue = "7d"))
        String window,
        @Parameter(description = "reject refuses the upload at any bad row, skip imports the good rows",
                schema = @Schema(allowableValues = {"reject", "skip"}, defaultValue = "reject"))
        String onError,
        @Parameter(description = "The CSV delimiter, one character or tab; detected from the header when absent")
        String delimiter,
        @Parameter(description = "auto, iso, epoch-seconds, epoch-millis, epoch-micros, epoch-nanos or a "
                + "DateTimeFormatter pattern such as dd/MM/yyyy HH:mm:ss", schema = @Schema(defaultValue = "auto"))
        String timestampFormat,
        @Parameter(description = "The time zone of the times without an offset: an IANA zone (Europe/Paris), an "
                + "offset (+02:00) or UTC; default the setting journeys.ingest.default-zone")
        String zone,
        @Parameter(description = "comma reads scores written 4,5",
                schema = @Schema(allowableValues = {"point", "comma"}, defaultValue = "point"))
        String decimal,
        @Parameter(description = "The input format when the content type does not say it",
                schema = @Schema(allowableValues = {"csv", "ndjson"}))
        String format) {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    public static FeedbackParameters defaults() {
        return new FeedbackParameters(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /**
     * These parameters with the journey's column as sent ({@code values}, null when absent): one value is a comma
     * list with CSV quoting of the key's columns, several are one column each, as for events ({@link JourneyKey}).
     */
    public FeedbackParameters withJourneyColumn(String[] values) {
        return new FeedbackParameters(responseIdColumn, JourneyKey.text(values), customerColumn, timestampColumn,
                touchpointColumn, stageColumn, scoreColumn, scaleColumn, commentColumn, scale, window, onError,
                delimiter, timestampFormat, zone, decimal, format);
    }

    /** Checks every option: a bad one is an {@link InvalidImportOptionException} naming it. */
    public FeedbackOptions toOptions() {
        JourneyKey.columns(journeyColumn); // a quote not closed is a 400 naming journeyColumn
        com.journeyexplorer.journey.Scale defaultScale = null;
        if (scale != null && !scale.isBlank()) {
            try {
                defaultScale = com.journeyexplorer.journey.Scale.of(scale);
            } catch (IllegalArgumentException e) {
                throw new InvalidImportOptionException("scale", e.getMessage());
            }
        }
        return new FeedbackOptions(column(responseIdColumn, "response_id"), column(journeyColumn, "journey_id"),
                column(customerColumn, "customer_id"), column(timestampColumn, "timestamp"),
                column(touchpointColumn, "touchpoint"), column(stageColumn, "stage"), column(scoreColumn, "score"),
                column(scaleColumn, "scale"), column(commentColumn, "comment"), defaultScale, window(window),
                ImportParameters.errorMode(onError), ImportParameters.delimiter(delimiter),
                ImportParameters.timestampFormat(timestampFormat), ImportParameters.decimalComma(decimal),
                format(format), ImportParameters.zone(zone));
    }

    /** The format named by {@code format}: CSV or NDJSON, or null to take it from the content type. */
    static EventImporter.Format format(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> EventImporter.Format.CSV;
            case "ndjson", "jsonl" -> EventImporter.Format.NDJSON;
            default -> throw new InvalidImportOptionException("format", "must be csv or ndjson, was '"
                    + TimestampParser.abbreviate(name) + "'");
        };
    }

    private static String column(String value, String canonical) {
        return value == null || value.isBlank() ? canonical : value;
    }

    static Duration window(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_WINDOW;
        }
        try {
            return DurationText.parse(value, "7d, 12h or PT0S (0: only the journey in force at the answer's time)");
        } catch (IllegalArgumentException e) {
            throw new InvalidImportOptionException("window", e.getMessage());
        }
    }
}
