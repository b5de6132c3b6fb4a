package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /**
     * The refusal of an upload this reader read to its end without error and without a row: at line 1, where a CSV
     * header stands and an editor can show it, with what the upload lacks in the format's own words.
     */
    default ImportRejectedException noRows() {
        return new ImportRejectedException("the upload has no data rows", List.of(new RowError(1, null,
                noRowsReason())), 1);
    }

    /** What an upload without a row lacks, as the reason of its error at line 1 ({@link #noRows()}). */
    String noRowsReason();

    /**
     * Rows passed over as empty, not handed to the consumer: a CSV record whose every cell is empty or white space
     * ({@code ,,,} where a spreadsheet's rows were cleared), an NDJSON line of white space only. Empty lines are
     * passed over too, uncounted. Read once {@link #read} has returned, or, from the consumer, as those before the row
     * it is handed.
     */
    default long emptyRows() {
        return 0;
    }

    /**
     * A strict reader of the upload's text (malformed bytes are errors, not replacement characters) without its
     * byte order mark: UTF-8, or UTF-16 when the text starts with a UTF-16 byte order mark (a spreadsheet's "Unicode
     * text"), which no UTF-8 text can start with.
     */
    static Reader text(InputStream input) throws IOException {
        PushbackInputStream bytes = new PushbackInputStream(input, 2);
        int first = bytes.read();
        int second = first < 0 ? -1 : bytes.read();
        if (first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF) {
            Charset utf16 = first == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return new InputStreamReader(bytes, utf16.newDecoder());
        }
        if (second >= 0) {
            bytes.unread(second);
        }
        if (first >= 0) {
            bytes.unread(first);
        }
        return utf8(bytes);
    }

    /** A strict UTF-8 reader (malformed bytes are errors, not replacement characters) that drops a leading BOM. */
    private static Reader utf8(InputStream input) throws IOException {
        PushbackReader reader = new PushbackReader(new Utf8Reader(input), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
