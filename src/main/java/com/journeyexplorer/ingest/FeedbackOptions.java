package com.journeyexplorer.ingest;

import java.time.Duration;

import com.journeyexplorer.journey.Scale;

/**
 * The checked options of a survey-response import: the column of each field, the scale of rows without one (null:
 * every row names its scale), the join window after a journey's end, error handling, the CSV delimiter, the
 * timestamp format, whether scores have a decimal comma, and the input format (null: from the content type, else
 * sniffed).
 */
public record FeedbackOptions(String responseIdColumn, String journeyColumn, String customerColumn,
        String timestampColumn, String touchpointColumn, String stageColumn, String scoreColumn, String scaleColumn,
        String commentColumn, Scale defaultScale, Duration window, ImportOptions.ErrorMode onError, char delimiter,
        TimestampFormat timestampFormat, boolean decimalComma, EventImporter.Format format) {

    public static FeedbackOptions defaults() {
        return FeedbackParameters.defaults().toOptions();
    }

    public FeedbackOptions withDefaultScale(Scale scale) {
        return new FeedbackOptions(responseIdColumn, journeyColumn, customerColumn, timestampColumn, touchpointColumn,
                stageColumn, scoreColumn, scaleColumn, commentColumn, scale, window, onError, delimiter,
                timestampFormat, decimalComma, format);
    }
}
