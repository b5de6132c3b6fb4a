package com.journeyexplorer.ingest;

/**
 * A preview of an upload whose header the import could not read, or that has no row: refused as the import refuses it
 * (the same message, errors and parameter), with what the preview read of the columns, so that a client can still
 * offer a mapping that reads them.
 */
public class PreviewRejectedException extends ImportRejectedException {

    private final transient ImportPreview columns;

    PreviewRejectedException(ImportRejectedException rejection, ImportPreview columns) {
        super(rejection.getMessage(), rejection.errors(), rejection.errorCount(), rejection.parameter());
        this.columns = columns;
    }

    /** The preview without rows: its format, columns, suggested mapping, the parameters for it and the attributes. */
    public ImportPreview columns() {
        return columns;
    }
}
