package com.journeyexplorer.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an upload would import, judged from its first rows without writing anything ({@link EventPreviewer}).
 *
 * @param format       the format the upload is read in: {@code csv}, {@code ndjson} or {@code xes}
 * @param columns      the upload's columns: a CSV header; the keys of the previewed objects or events, in the order
 *                     first seen
 * @param mapping      role ({@code journey}, {@code timestamp}, ...) to the column read for it, roles without a column
 *                     left out ({@link ColumnSuggestion}); {@code journey} a comma list for a key of several columns,
 *                     and {@code order} the order column ({@code orderColumn}, a comma list for several) where one
 *                     is given or suggested
 * @param suggestedBy  role to why that column: {@code parameter}, {@code default}, {@code alias} or {@code ga4}
 * @param parameters   the query parameters that make {@code POST /api/events} read these columns
 * @param attributes   the columns no role reads, kept as journey or event attributes
 * @param rows         the first rows in line order: each with its parsed journey, touchpoint and time, or its errors
 * @param rowsRead     data rows previewed (rows the reader could not read as a row included)
 * @param emptyRows    rows of empty cells only passed over, as the import passes them over and counts them: those
 *                     before the last row previewed, or all of the upload's when it was read to its end; in the JSON
 *                     only when not 0
 * @param validRows    previewed rows without error
 * @param journeys     distinct journeys among the valid rows, a customer's events split into sessions at the gap as
 *                     the import splits them
 * @param truncated    whether the upload goes on beyond the rows previewed
 * @param outcomeRules per outcome rule given, the previewed events it matched, as in the import's report
 * @param warnings     what the previewed rows would import but looks unintended, as in the import's report
 * @param cleaning     what cleaning the touchpoint names ({@code urls}, {@code rewrite}) did to the rows
 *                     previewed, as in the import's report; null (left out) without either parameter
 * @param refusal      when a previewed row is invalid and {@code onError} is {@code reject} (the default): that the
 *                     import would refuse the whole upload, and from which line; null when it would not refuse them
 * @param eventNames   the event names of the rows previewed in the event name's column (given or suggested), each
 *                     with its rows, the most frequent first, for choosing {@code events}; null (left out) without
 *                     such a column
 */
public record ImportPreview(
        String format,
        List<String> columns,
        Map<String, String> mapping,
        Map<String, String> suggestedBy,
        Map<String, String> parameters,
        List<String> attributes,
        List<Row> rows,
        long rowsRead,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long emptyRows,
        long validRows,
        long journeys,
        boolean truncated,
        List<RuleMatches> outcomeRules,
        List<ImportWarning> warnings,
        ImportReport.Cleaning cleaning,
        Refusal refusal,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ImportReport.EventCount> eventNames) {

    public ImportPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        attributes = List.copyOf(attributes);
        outcomeRules = List.copyOf(outcomeRules);
        warnings = List.copyOf(warnings);
        eventNames = eventNames == null ? null : List.copyOf(eventNames);
    }

    /**
     * That the import would refuse the upload for the previewed rows' errors, as the preview's rows show them one by
     * one: said once, so that a client need not look through the rows to learn that nothing would be imported.
     *
     * @param line        the first invalid row's line
     * @param invalidRows how many of the previewed rows are invalid
     * @param message     what the import would do, in words
     */
    public record Refusal(long line, long invalidRows, String message) {

        /** The refusal for {@code rows} under {@code onError}, or null when the import would accept them. */
        static Refusal of(List<Row> rows, ImportOptions.ErrorMode onError) {
            if (onError != ImportOptions.ErrorMode.REJECT) {
                return null;
            }
            List<Row> invalid = rows.stream().filter(row -> !row.errors().isEmpty()).toList();
            if (invalid.isEmpty()) {
                return null;
            }
            return new Refusal(invalid.get(0).line(), invalid.size(), invalid.size() + " of the "
                    + rowsPreviewed(rows.size()) + " " + (invalid.size() == 1 ? "is" : "are")
                    + " invalid, the first at line " + invalid.get(0).line() + ": the import "
                    + "would refuse the whole upload and import nothing (onError=reject, the default); fix the "
                    + "rows, or use onError=skip to import the valid rows");
        }
    }

    /**
     * One previewed row: what the import reads from it, or why it would be rejected (then the values are absent).
     *
     * @param line       1-based line where the row starts (1 for a problem with a CSV header)
     * @param journey    the journey id, or for an event of {@code customer} split into sessions, its session's id:
     *                   {@code customerId@start}
     * @param customer   the customer id, when the row has one
     * @param touchpoint the touchpoint
     * @param timestamp  the time as read, an ISO-8601 instant in UTC
     * @param type       {@code touchpoint}, {@code purchase} (by the type column or a purchase rule), {@code abandon}
     *                   or {@code frustration}; {@code skipped} for a row that {@code events} passes over (its
     *                   other values then absent)
     * @param owner      {@code competitor} by the owner column or the competitor rule, else {@code own}
     * @param errors     the row's errors, exactly as the import would reject them; empty for a valid row
     */
    public record Row(long line, String journey, String customer, String touchpoint, String timestamp, String type,
            String owner, List<RowError> errors) {

        public Row {
            errors = List.copyOf(errors);
        }

        /** This row, in {@code journey}. */
        Row inJourney(String journey) {
            return new Row(line, journey, customer, touchpoint, timestamp, type, owner, errors);
        }

        static Row rejected(long line, List<RowError> errors) {
            return new Row(line, null, null, null, null, null, null, errors);
        }

        /** A row passed over for its event name ({@code events}): no error, no event. */
        static Row skipped(long line) {
            return new Row(line, null, null, null, null, SKIPPED, null, List.of());
        }

        /** Whether the import would read an event from this row: no error, not passed over. */
        boolean isEvent() {
            return errors.isEmpty() && !SKIPPED.equals(type);
        }

        private static final String SKIPPED = "skipped";
    }

    /** "1 row previewed", "20 rows previewed": the count in agreement with its noun, in the preview's sentences. */
    static String rowsPreviewed(int rows) {
        return String.format(Locale.ROOT, "%,d %s previewed", rows, rows == 1 ? "row" : "rows");
    }
}
