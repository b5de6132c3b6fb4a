package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.EventImporter;
import com.journeyexplorer.ingest.ImportParameters;
import com.journeyexplorer.ingest.ImportReport;
import com.journeyexplorer.ingest.SizeLimitedInputStream;
import com.journeyexplorer.ingest.Upload;
import com.journeyexplorer.ingest.UploadTooLargeException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Imports touchpoint events, streamed from the request body: CSV, NDJSON or an XES event log, plain or gzip-compressed ({@code
 * Content-Encoding: gzip}, or {@code Content-Type: application/gzip} with {@code format} or a sniffed format).
 */
@RestController
@RequestMapping("/api/events")
class EventsController {

    private final EventImporter importer;
    private final JourneysProperties.Ingest settings;

    EventsController(EventImporter importer, JourneysProperties properties) {
        this.importer = importer;
        this.settings = properties.ingest();
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/x-ndjson", "application/jsonl",
            "application/json", "application/octet-stream", "application/xes+xml", "application/xml", "text/xml",
            "application/gzip", "application/x-gzip"})
    ImportReport importEvents(HttpServletRequest request, ImportParameters parameters,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding)
            throws IOException {
        ImportParameters given = parameters.withRules(request.getParameterValues("purchase"),
                request.getParameterValues("competitor"));
        var options = given.toOptions(settings.sessionGap());
        boolean gzipType = isGzip(contentType);
        boolean gzip = gzipType || isGzip(contentEncoding);
        if (contentEncoding != null && !contentEncoding.isBlank() && !gzip
                && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            throw new InvalidParameterException("Content-Encoding", "must be gzip or identity, was '"
                    + contentEncoding + "'");
        }
        EventImporter.Format format = given.inputFormat();
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (format == null && !gzipType && !type.startsWith("application/octet-stream")) {
            format = EventImporter.Format.ofMediaType(contentType);
        }
        long limit = settings.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new UploadTooLargeException(limit);
        }
        try (InputStream body = new SizeLimitedInputStream(request.getInputStream(), limit)) {
            Upload upload = Upload.open(body, gzip, format, limit);
            // Closing the decompressing stream frees its inflater's native memory now rather than at a later GC.
            try (InputStream stream = upload.stream()) {
                return importer.importEvents(stream, upload.format(), options);
            }
        }
    }

    private static boolean isGzip(String value) {
        if (value == null) {
            return false;
        }
        String type = value.strip().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("gzip") || type.startsWith("x-gzip") || type.startsWith("application/gzip")
                || type.startsWith("application/x-gzip");
    }
}
