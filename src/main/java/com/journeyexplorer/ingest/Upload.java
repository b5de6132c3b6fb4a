package com.journeyexplorer.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An upload's bytes ready to read: decompressed when gzip-compressed (declared, or recognised by gzip's magic bytes,
 * which no UTF-8 text starts with), and in a known format (given, or sniffed from the first character: {@code
 * {} is NDJSON, anything else CSV). Still a stream: nothing is held in memory but a buffer. The decompressed bytes
 * are bounded too, by the same limit as an uncompressed upload, so that a small compressed body that inflates
 * without end (a zip bomb) stops at the limit.
 *
 * @param stream the bytes to parse
 * @param format the format they are in
 */
public record Upload(InputStream stream, EventImporter.Format format) {

    private static final int SNIFF_BYTES = 256;

    /**
     * @param raw             the bytes as received (already bounded by the caller)
     * @param gzip            the sender declared the bytes gzip-compressed
     * @param format          the format, or null to sniff it
     * @param maxInflatedSize limit of the decompressed bytes
     * @throws ImportRejectedException when the bytes are declared gzip but are not
     */
    public static Upload open(InputStream raw, boolean gzip, EventImporter.Format format, long maxInflatedSize)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        InputStream stream = buffered;
        if (gzip || startsWithGzipMagic(buffered)) {
            try {
                stream = new BufferedInputStream(new SizeLimitedInputStream(new GZIPInputStream(buffered, 1 << 16),
                        maxInflatedSize, "the decompressed upload is larger than the limit of " + maxInflatedSize
                                + " bytes (journeys.ingest.max-upload-size bounds compressed uploads after "
                                + "decompression too); nothing was imported"), 1 << 16);
            } catch (ZipException | EOFException e) {
                throw new ImportRejectedException("the upload is declared gzip-compressed but is not gzip data; "
                        + "nothing was imported", List.of(new RowError(1, null, "is not gzip data ("
                                + e.getMessage() + ")")), 1);
            }
        }
        return new Upload(stream, format != null ? format : sniff(stream));
    }

    private static boolean startsWithGzipMagic(BufferedInputStream input) throws IOException {
        input.mark(2);
        int first = input.read();
        int second = input.read();
        input.reset();
        return first == 0x1f && second == 0x8b;
    }

    /**
     * NDJSON when the first character that is not a byte-order mark or white space is <code>{</code>, XES when it is
     * {@code <}, else CSV.
     */
    private static EventImporter.Format sniff(InputStream input) throws IOException {
        input.mark(SNIFF_BYTES);
        try {
            for (int i = 0; i < SNIFF_BYTES; i++) {
                int b = input.read();
                if (b == '{') {
                    return EventImporter.Format.NDJSON;
                }
                if (b == '<') {
                    return EventImporter.Format.XES;
                }
                // White space, or the bytes of a UTF-8 byte-order mark (EF BB BF).
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return EventImporter.Format.CSV;
                }
            }
            return EventImporter.Format.CSV;
        } catch (ZipException | EOFException e) {
            // Corrupt compressed data: the reader reports it at line 1.
            return EventImporter.Format.CSV;
        } finally {
            input.reset();
        }
    }

    /** Whether {@code e} says compressed data is corrupt or cut short, and the words to say so. */
    static String compressionProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ZipException || cause instanceof EOFException) {
                return "the compressed data is corrupt or cut short (" + cause.getMessage() + ")";
            }
        }
        return null;
    }
}
