package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.List;

/** Keeps the first {@code limit} row errors of an upload and counts all of them. */
final class ErrorCollector {

    private final int limit;
    private final List<RowError> errors = new ArrayList<>();
    private long count;
    private long rejectedRows;
    private long lastRejectedLine = -1;

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
}
