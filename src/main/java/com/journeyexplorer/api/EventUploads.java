package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.journeyexplorer.ingest.EventImporter;
import com.journeyexplorer.ingest.ImportParameters;
import com.journeyexplorer.ingest.SizeLimitedInputStream;
import com.journeyexplorer.ingest.Upload;
import com.journeyexplorer.ingest.UploadTooLargeException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How an event upload's body is opened: decompressed when it is gzip ({@code Content-Encoding: gzip},
 * {@code Content-Type: application/gzip}, or gzip's first bytes), in the format {@code format} names, else the one
 * the content type names, else the one sniffed; bounded by {@code journeys.ingest.max-upload-size}. The same rules
 * for {@code POST /api/events} ({@link EventsController}), synchronous or as a job, and for its preview.
 */
record EventUploads(boolean gzip, EventImporter.Format format, long limit) {

    /**
     * How the body of {@code request} is to be read, checked before a byte of it is: its compression and format.
     *
     * @throws UnsupportedContentEncodingException for a {@code Content-Encoding} other than gzip or identity
     * @throws UploadTooLargeException   when the declared length is over {@code limit} (reading beyond it fails too)
     */
    static EventUploads of(HttpServletRequest request, ImportParameters parameters, String contentType,
            String contentEncoding, long limit) {
        boolean gzipType = isGzip(contentType);
        boolean gzip = gzipType || isGzip(contentEncoding);
        if (contentEncoding != null && !contentEncoding.isBlank() && !gzip
                && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            throw new UnsupportedContentEncodingException(contentEncoding);
        }
        EventImporter.Format format = parameters.inputFormat();
        String type = contentType.toLowerCase(Locale.ROOT);
        if (format == null && !gzipType && !type.startsWith("application/octet-stream")) {
            format = EventImporter.Format.ofMediaType(contentType);
        }
        if (request.getContentLengthLong() > limit) {
            throw new UploadTooLargeException(limit);
        }
        return new EventUploads(gzip, format, limit);
    }

    /** The body of {@code request} ready to read, as {@link #of} says; closing its stream closes the request's. */
    static Upload open(HttpServletRequest request, ImportParameters parameters, String contentType,
            String contentEncoding, long limit) throws IOException {
        return of(request, parameters, contentType, contentEncoding, limit).open(request.getInputStream());
    }

    /** {@code body} (the request's, or a kept copy of it) ready to read, bounded by the limit. */
    Upload open(InputStream body) throws IOException {
        InputStream bounded = new SizeLimitedInputStream(body, limit);
        try {
            return Upload.open(bounded, gzip, format, limit);
        } catch (IOException | RuntimeException e) {
            bounded.close();
            throw e;
        }
    }

    private static boolean isGzip(String value) {
        if (value == null) {
            return false;
        }
        String type = value.strip().toLowerCase(Locale.ROOT);
        return type.startsWith("gzip") || type.startsWith("x-gzip") || type.startsWith("application/gzip")
                || type.startsWith("application/x-gzip");
    }
}
