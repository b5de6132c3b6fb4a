package com.journeyexplorer.ingest;

import java.util.List;

/** An upload that was refused as a whole: nothing was written. */
public class ImportRejectedException extends RuntimeException {

    private final List<RowError> errors;
    private final long errorCount;

    public ImportRejectedException(String message, List<RowError> errors, long errorCount) {
        super(message);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
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
}
