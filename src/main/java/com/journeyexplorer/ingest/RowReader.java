package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Streams the rows of an upload to a consumer without holding the upload in memory. Structural problems that stop
 * the reading (a malformed CSV quote, a missing header, bytes that are not UTF-8) go to the error collector with the
 * line where they were found.
 */
interface RowReader {

    /**
     * Reads every row; returns false when the input could not be read to its end (the error is collected).
     */
    boolean read(InputStream input, Consumer<InputRow> consumer, ErrorCollector errors) throws IOException;

    /** A strict UTF-8 reader (malformed bytes are errors, not replacement characters) that drops a leading BOM. */
    static Reader utf8(InputStream input) throws IOException {
        PushbackReader reader = new PushbackReader(new Utf8Reader(input), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
