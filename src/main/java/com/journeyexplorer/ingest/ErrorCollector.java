package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Keeps the first {@code limit} row errors of an upload and counts all of them. */
final class ErrorCollector {

    private final int limit;
    private final List<RowError> errors = new ArrayList<>();
    private long count;
    private long rejectedRows;
    private long lastRejectedLine = -1;
    /** The query parameters that made the upload unreadable (column parameters naming no column), or null. */
    private String unreadableBecauseOf;
    /** Whether {@link #replaceWithParameterError} dropped errors collected before it. */
    private boolean earlierErrorsDropped;

    ErrorCollector(int limit) {
        this.limit = limit;
    }

    void add(long line, String field, String reason) {
        count++;
        if (line != lastRejectedLine) {
            rejectedRows++;
            lastRejectedLine = line;
        }
        if (errors.size() < limit) {
            errors.add(new RowError(line, field, reason));
        }
    }

    /**
     * As {@link #add}, for an error that makes the whole upload unreadable because of query {@code parameters} (comma
     * separated): the rejection names them.
     */
    void addForParameters(long line, String field, String reason, String parameters) {
        add(line, field, reason);
        unreadableBecauseOf = parameters;
    }

    /**
     * As {@link #addForParameters}, dropping the errors collected before: for a parameter found wrong only after the
     * rows were read (a key no NDJSON object has), whose errors on every row it caused would bury it.
     */
    void replaceWithParameterError(long line, String field, String reason, String parameters) {
        earlierErrorsDropped = count > 0;
        errors.clear();
        count = 0;
        rejectedRows = 0;
        lastRejectedLine = -1;
        addForParameters(line, field, reason, parameters);
    }

    /** Whether errors collected earlier were dropped for a parameter's ({@link #replaceWithParameterError}). */
    boolean earlierErrorsDropped() {
        return earlierErrorsDropped;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long count() {
        return count;
    }

    long rejectedRows() {
        return rejectedRows;
    }

    List<RowError> errors() {
        return List.copyOf(errors);
    }

    /**
     * Refuses the whole upload when it could not be read to the end ({@code complete} false), or when a row was bad
     * and {@code onError} is {@code REJECT}: nothing is imported.
     *
     * @throws ImportRejectedException listing the first bad rows
     */
    void rejectIfInvalid(boolean complete, ImportOptions.ErrorMode onError) {
        rejectIfInvalid(complete, onError, "import the valid rows");
    }

    /**
     * As {@link #rejectIfInvalid(boolean, ImportOptions.ErrorMode)}, with the words for what {@code onError=skip}
     * would do instead (feedback stores its valid rows rather than importing them).
     */
    void rejectIfInvalid(boolean complete, ImportOptions.ErrorMode onError, String whatSkipDoes) {
        if (complete && (isEmpty() || onError != ImportOptions.ErrorMode.REJECT)) {
            return;
        }
        String message = !complete
                ? "the upload cannot be read: " + errors.get(errors.size() - 1).reason() + "; nothing was imported"
                : rowsAreInvalid(rejectedRows) + "; nothing was imported (use onError=skip to " + whatSkipDoes + ")";
        throw new ImportRejectedException(message, errors(), count, complete ? null : unreadableBecauseOf);
    }

    /**
     * "1 row is invalid", "2 rows are invalid", "1,000 rows are invalid": the count in agreement with its noun and
     * verb, grouped in thousands as the preview counts its rows ({@link ImportPreview#rowsPreviewed}).
     */
    private static String rowsAreInvalid(long rows) {
        return rows == 1 ? "1 row is invalid" : String.format(Locale.ROOT, "%,d rows are invalid", rows);
    }
}
