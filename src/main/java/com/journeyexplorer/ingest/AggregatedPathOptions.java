package com.journeyexplorer.ingest;

import com.journeyexplorer.journey.NamePattern;

/**
 * How to read aggregated path counts, the format of attribution tools: one row per path with a conversion count, an
 * optional conversion value and a non-conversion count. Defaults are ChannelAttribution's column names; when the
 * non-conversion column is not named, {@code total_null} and then fractribution's {@code total_non_conversions} are
 * tried.
 *
 * @param delimiter  CSV delimiter, or 0 to detect it from the header ({@code ;}, {@code ,} or tab)
 * @param separator  what separates the steps of a path (surrounding spaces are ignored)
 * @param source     a name for this data set; re-importing the same source replaces its counts
 * @param conversionTouchpoint the touchpoint of the purchase event that ends each converting path
 * @param cleaning   how the steps' names are cleaned before they name touchpoints ({@code urls}, {@code rewrite}), as
 *                   an event import cleans its touchpoint names; paths that become the same add their counts
 */
public record AggregatedPathOptions(
        String pathColumn,
        String conversionsColumn,
        String valueColumn,
        String nullsColumn,
        char delimiter,
        String separator,
        String source,
        NamePattern competitor,
        ImportOptions.ErrorMode onError,
        String conversionTouchpoint,
        TouchpointCleaning cleaning) {

    /** The path column's name in ChannelAttribution's and fractribution's exports, the default. */
    static final String DEFAULT_PATH_COLUMN = "path";
    /** The conversions column's name in those exports, the default. */
    static final String DEFAULT_CONVERSIONS_COLUMN = "total_conversions";

    public AggregatedPathOptions {
        pathColumn = orDefault(pathColumn, DEFAULT_PATH_COLUMN);
        conversionsColumn = orDefault(conversionsColumn, DEFAULT_CONVERSIONS_COLUMN);
        valueColumn = orDefault(valueColumn, "total_conversion_value");
        separator = separator == null || separator.isBlank() ? ">" : separator.strip();
        source = orDefault(source, "aggregated");
        onError = onError == null ? ImportOptions.ErrorMode.REJECT : onError;
        conversionTouchpoint = orDefault(conversionTouchpoint, AggregatedPathImporter.CONVERSION_TOUCHPOINT);
        cleaning = cleaning == null ? TouchpointCleaning.NONE : cleaning;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
