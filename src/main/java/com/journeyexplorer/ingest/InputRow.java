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
}
