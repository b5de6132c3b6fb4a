package com.journeyexplorer.ingest;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import com.journeyexplorer.journey.Scale;

/**
 * The checked options of a survey-response import: the column of each field, the scale of rows without one (null:
 * every row names its scale), the join window after a journey's end, error handling, the CSV delimiter, the
 * timestamp format, whether scores have a decimal comma, the input format (null: from the content type, else
 * sniffed), and the time zone of the times without an offset (null: the setting {@code journeys.ingest.default-zone}).
 * The journey's column may be several ({@code user_pseudo_id,ga_session_id}), whose values name the journey as the
 * events' import names it ({@link JourneyKey}).
 */
public record FeedbackOptions(String responseIdColumn, String journeyColumn, String customerColumn,
        String timestampColumn, String touchpointColumn, String stageColumn, String scoreColumn, String scaleColumn,
        String commentColumn, Scale defaultScale, Duration window, ImportOptions.ErrorMode onError, char delimiter,
        TimestampFormat timestampFormat, boolean decimalComma, EventImporter.Format format, ZoneId zone) {

    public static FeedbackOptions defaults() {
        return FeedbackParameters.defaults().toOptions();
    }

    /**
     * The columns named by a parameter rather than by default, each with the parameter's name ({@code Scale} by
     * {@code scaleColumn}; each column of a journey key of several by {@code journeyColumn}): a CSV header must have
     * each, or a misspelt name would quietly read every row without it.
     */
    public Map<String, String> renamedColumns() {
        Map<String, String> renamed = new LinkedHashMap<>();
        putIfRenamed(renamed, "responseIdColumn", responseIdColumn, "response_id");
        if (!journeyColumn.equals("journey_id")) {
            JourneyKey.columns(journeyColumn).forEach(column -> renamed.putIfAbsent(column, "journeyColumn"));
        }
        putIfRenamed(renamed, "customerColumn", customerColumn, "customer_id");
        putIfRenamed(renamed, "timestampColumn", timestampColumn, "timestamp");
        putIfRenamed(renamed, "touchpointColumn", touchpointColumn, "touchpoint");
        putIfRenamed(renamed, "stageColumn", stageColumn, "stage");
        putIfRenamed(renamed, "scoreColumn", scoreColumn, "score");
        putIfRenamed(renamed, "scaleColumn", scaleColumn, "scale");
        putIfRenamed(renamed, "commentColumn", commentColumn, "comment");
        return renamed;
    }

    private static void putIfRenamed(Map<String, String> renamed, String parameter, String column, String canonical) {
        if (!column.equals(canonical)) {
            renamed.putIfAbsent(column, parameter);
        }
    }

    public FeedbackOptions withDefaultScale(Scale scale) {
        return new FeedbackOptions(responseIdColumn, journeyColumn, customerColumn, timestampColumn, touchpointColumn,
                stageColumn, scoreColumn, scaleColumn, commentColumn, scale, window, onError, delimiter,
                timestampFormat, decimalComma, format, zone);
    }
}
