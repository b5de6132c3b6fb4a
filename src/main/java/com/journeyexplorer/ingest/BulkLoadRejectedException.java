package com.journeyexplorer.ingest;

import java.util.List;

/** A bulk load refused for its rows, as {@link ImportRejectedException}, each listed error with the file it is in. */
public class BulkLoadRejectedException extends ImportRejectedException {

    private final List<String> files;

    BulkLoadRejectedException(ImportRejectedException rejection, List<String> files) {
        super(rejection.getMessage(), rejection.errors(), rejection.errorCount(), rejection.parameter());
        this.files = List.copyOf(files.subList(0, Math.min(files.size(), rejection.errors().size())));
    }

    /** The file name of each of {@link #errors()}, in the same order. */
    public List<String> files() {
        return files;
    }
}
