package com.journeyexplorer.ingest;

import java.util.List;

/** An upload that was refused as a whole: nothing was written. */
public class ImportRejectedException extends RuntimeException {

    private final List<RowError> errors;
    private final long errorCount;
    private final String parameter;

    public ImportRejectedException(String message, List<RowError> errors, long errorCount) {
        this(message, errors, errorCount, null);
    }

    /** @param parameter the query parameter the upload was refused for (a column it names), or null */
    public ImportRejectedException(String message, List<RowError> errors, long errorCount, String parameter) {
        super(message);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
        this.parameter = parameter;
    }

    public static ImportRejectedException of(String message) {
        return new ImportRejectedException(message, List.of(), 0);
    }

    /** The first rejected rows (bounded by configuration). */
    public List<RowError> errors() {
        return errors;
    }

    /** How many rows were rejected in all. */
    public long errorCount() {
        return errorCount;
    }

    /**
     * The query parameter the upload was refused for, or null: a column parameter ({@code journeyColumn=jid}) naming
     * no column of the header; several such parameters are listed with commas, as the error's field lists the columns.
     */
    public String parameter() {
        return parameter;
    }
}
