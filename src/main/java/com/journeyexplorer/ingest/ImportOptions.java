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
 * @param openHorizon    the open horizon of the journeys this upload writes (see {@code OpenJourneys}), or null for
 *                       the setting {@code journeys.open-horizon}; kept with each journey
 */
public record ImportOptions(
        ColumnMapping mapping,
        Set<String> purchases,
        Pattern competitor,
        ErrorMode onError,
        Duration sessionGap,
        char delimiter,
        Duration openHorizon) {

    /** Options under the setting's open horizon. */
    public ImportOptions(ColumnMapping mapping, Set<String> purchases, Pattern competitor, ErrorMode onError,
            Duration sessionGap, char delimiter) {
        this(mapping, purchases, competitor, onError, sessionGap, delimiter, null);
    }

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
        if (openHorizon != null && openHorizon.isNegative()) {
            throw new IllegalArgumentException("openHorizon must not be negative");
        }
    }

    /** These options with the journeys' own open horizon. */
    public ImportOptions withOpenHorizon(Duration horizon) {
        return new ImportOptions(mapping, purchases, competitor, onError, sessionGap, delimiter, horizon);
    }

    /** The open horizon in milliseconds for the journeys written, -1 for the setting's. */
    long openHorizonMillis() {
        return openHorizon == null ? -1 : openHorizon.toMillis();
    }

    public static ImportOptions defaults(Duration sessionGap) {
        return new ImportOptions(ColumnMapping.CANONICAL, Set.of(), null, ErrorMode.REJECT, sessionGap, ',');
    }

    /** These options reading other columns. */
    public ImportOptions withMapping(ColumnMapping other) {
        return new ImportOptions(other, purchases, competitor, onError, sessionGap, delimiter, openHorizon);
    }

    boolean isCompetitor(String touchpoint) {
        return competitor != null && competitor.matcher(touchpoint).matches();
    }
}
