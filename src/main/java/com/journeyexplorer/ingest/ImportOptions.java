package com.journeyexplorer.ingest;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to read one upload of events.
 *
 * @param mapping        input columns of each field
 * @param purchases      touchpoint names whose events are purchases (besides rows whose type says so)
 * @param competitor     touchpoint names that are competitors' (besides rows whose owner says so), or null
 * @param onError        reject the whole upload on any bad row, or import the good rows
 * @param sessionGap     inactivity that splits a customer's events into journeys when there is no journey id
 * @param delimiter      CSV delimiter
 */
public record ImportOptions(
        ColumnMapping mapping,
        Set<String> purchases,
        Pattern competitor,
        ErrorMode onError,
        Duration sessionGap,
        char delimiter) {

    /** What to do with bad rows. */
    public enum ErrorMode {
        /** Any bad row rejects the upload; nothing is written. */
        REJECT,
        /** Good rows are imported; bad rows are reported. */
        SKIP
    }

    public ImportOptions {
        Objects.requireNonNull(mapping, "mapping");
        purchases = purchases == null ? Set.of() : Set.copyOf(purchases);
        onError = onError == null ? ErrorMode.REJECT : onError;
        Objects.requireNonNull(sessionGap, "sessionGap");
    }

    public static ImportOptions defaults(Duration sessionGap) {
        return new ImportOptions(ColumnMapping.CANONICAL, Set.of(), null, ErrorMode.REJECT, sessionGap, ',');
    }

    /** These options reading other columns. */
    public ImportOptions withMapping(ColumnMapping other) {
        return new ImportOptions(other, purchases, competitor, onError, sessionGap, delimiter);
    }

    boolean isCompetitor(String touchpoint) {
        return competitor != null && competitor.matcher(touchpoint).matches();
    }
}
