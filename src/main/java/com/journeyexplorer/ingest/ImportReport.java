package com.journeyexplorer.ingest;

import java.util.List;

/**
 * What an import did.
 *
 * @param rowsRead         data rows read (header excluded)
 * @param eventsImported   new events stored (duplicates of stored events excluded)
 * @param duplicateEvents  events already stored, or repeated in the upload, counted once
 * @param journeysImported journeys created or updated
 * @param rowsRejected     rows skipped because they were bad ({@code onError=skip})
 * @param errors           the first rejected rows
 * @param warnings         what was read but not applied, such as touchpoint metadata that differs from the stored
 * @param importId         the journal entry of the import ({@code DELETE /api/imports/{id}} undoes it), or null when
 *                         the upload changed nothing
 */
public record ImportReport(
        long rowsRead,
        long eventsImported,
        long duplicateEvents,
        long journeysImported,
        long journeysCreated,
        long journeysUpdated,
        long journeysRemoved,
        long rowsRejected,
        List<RowError> errors,
        long totalJourneys,
        long totalEvents,
        long millis,
        List<String> warnings,
        String importId) {

    public ImportReport {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
