package com.journeyexplorer.ingest;

import java.util.function.BiConsumer;

/** One row of an upload, CSV record or NDJSON object, read by column name. */
interface InputRow {

    /** 1-based line where the row starts. */
    long line();

    /** The value of {@code column}, or null when the row has no such column; empty values are empty strings. */
    String get(String column);

    /** Every column with its value, in input order. */
    void forEach(BiConsumer<String, String> action);

    /**
     * What the value of {@code column} is when it is a JSON boolean, object or array ({@code "a boolean"},
     * {@code "an object"}, {@code "an array"}); null for text, a number, JSON null or a missing column. Always null for
     * CSV and XES, whose values are all text.
     */
    default String jsonKind(String column) {
        return null;
    }

    /** Whether some column's {@link #jsonKind} is not null: false for nearly every row, so most need no look-up. */
    default boolean hasJsonStructures() {
        return false;
    }
}
