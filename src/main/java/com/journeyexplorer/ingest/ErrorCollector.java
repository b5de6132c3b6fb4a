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
    /** The files without a data row that {@link #addFileWithoutRows} added, and the first one's reason. */
    private final List<String> filesWithoutRows = new ArrayList<>();
    private String firstFileReason;

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
     * As {@link #add}, for a file of a bulk load without a data row beside files with rows: listed as an error at its
     * line 1 ({@code reason}), and named by the rejection, where it is counted as a file rather than as a bad row.
     */
    void addFileWithoutRows(String file, String reason) {
        count++;
        lastRejectedLine = -1;
        filesWithoutRows.add(file);
        firstFileReason = firstFileReason == null ? reason : firstFileReason;
        if (errors.size() < limit) {
            errors.add(new RowError(1, null, reason));
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
                : whatIsWrong() + "; nothing was imported (use onError=skip to " + whatSkipDoes
                        + (filesWithoutRows.isEmpty() ? "" : filesWithoutRows.size() == 1 ? " and pass over that file"
                                : " and pass over those files") + ")";
        throw new ImportRejectedException(message, errors(), count, complete ? null : unreadableBecauseOf);
    }

    /**
     * "2 rows are invalid", or for files without rows "the file b.csv has no data rows (line 1: is the header, and no
     * data row follows it)", "2 files have no data rows (b.csv, c.csv)", or both, joined with "and".
     */
    private String whatIsWrong() {
        if (filesWithoutRows.isEmpty()) {
            return rowsAreInvalid(rejectedRows);
        }
        String files = filesWithoutRows.size() == 1
                ? "the file " + filesWithoutRows.get(0) + " has no data rows (line 1: " + firstFileReason + ")"
                : String.format(Locale.ROOT, "%,d files have no data rows (", filesWithoutRows.size())
                        + String.join(", ", filesWithoutRows.subList(0, Math.min(5, filesWithoutRows.size())))
                        + (filesWithoutRows.size() > 5 ? ", ...)" : ")");
        return rejectedRows == 0 ? files : rowsAreInvalid(rejectedRows) + " and " + files;
    }

    /**
     * "1 row is invalid", "2 rows are invalid", "1,000 rows are invalid": the count in agreement with its noun and
     * verb, grouped in thousands as the preview counts its rows ({@link ImportPreview#rowsPreviewed}).
     */
    private static String rowsAreInvalid(long rows) {
        return rows == 1 ? "1 row is invalid" : String.format(Locale.ROOT, "%,d rows are invalid", rows);
    }
}
