package com.journeyexplorer.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a survey-response import did.
 *
 * @param importId        the journal entry of the responses stored ({@code DELETE /api/imports/{id}} undoes it), or
 *                        null when nothing new was stored
 * @param rowsRead        data rows read (header excluded)
 * @param emptyRows       rows passed over because every cell was empty or white space (a spreadsheet's cleared rows,
 *                        {@code ;;;;}), not counted in {@code rowsRead}; in the JSON only when not 0
 * @param imported        new responses stored, matched or not
 * @param duplicates      responses whose id was stored already or repeated in the upload, stored once
 * @param duplicatesStoredUnmatched of the duplicates, those an earlier import stored unmatched: an answer keeps the
 *                        join it was stored with, so they stay out of the analyses
 * @param duplicatesMatchingNow of those, the ones a journey matches now (imported since, or a wider {@code window}):
 *                        undoing the import that stored them and importing them again joins them
 * @param duplicatesWithOtherAnswer of the duplicates, those whose id an earlier import stored with another answer
 *                        (score, scale, comment, time, touchpoint or stage): the stored answer stays
 * @param matched         of the new responses, those joined to a journey
 * @param unmatched       of the new responses, those no journey matched: stored, listed here, left out of analyses
 * @param rowsRejected    rows skipped because they were bad ({@code onError=skip})
 * @param errors          the first rejected rows, with line and field
 * @param unmatchedRows   the first unmatched responses, with line and reason
 * @param warnings        rows that are valid but look unintended: {@code implausible-timestamp}, as for events, and
 *                        {@code journey-of-another-customer}, a stored journey named with another customer's id
 * @param totalResponses  responses stored after the import
 * @param millis          time taken
 * @param zone            the time zone the times without an offset were read in, when the {@code zone} parameter gave
 *                        it; null (left out) for the setting {@code journeys.ingest.default-zone}
 */
public record FeedbackReport(String importId, long rowsRead,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long emptyRows, long imported, long duplicates,
        long duplicatesStoredUnmatched, long duplicatesMatchingNow, long duplicatesWithOtherAnswer, long matched,
        long unmatched, long rowsRejected, List<RowError> errors, List<Unmatched> unmatchedRows,
        List<ImportWarning> warnings, long totalResponses, long millis, String zone) {

    public FeedbackReport {
        errors = List.copyOf(errors);
        unmatchedRows = List.copyOf(unmatchedRows);
        warnings = List.copyOf(warnings);
    }

    /** A response no journey matched: its line, its id and why. */
    public record Unmatched(long line, String responseId, String reason) {
    }
}
