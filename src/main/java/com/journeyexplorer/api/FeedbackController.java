package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.EventImporter;
import com.journeyexplorer.ingest.FeedbackImporter;
import com.journeyexplorer.ingest.FeedbackOptions;
import com.journeyexplorer.ingest.FeedbackParameters;
import com.journeyexplorer.ingest.FeedbackReport;
import com.journeyexplorer.ingest.SizeLimitedInputStream;
import com.journeyexplorer.ingest.Upload;
import com.journeyexplorer.ingest.UploadTooLargeException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Imports survey responses (CSV or NDJSON, plain or gzip-compressed), joined to the journeys they are about; see
 * {@link FeedbackImporter} for the join and the README for the columns and scales.
 */
@RestController
@RequestMapping("/api/feedback")
class FeedbackController {

    private final FeedbackImporter importer;
    private final JourneysProperties.Ingest settings;

    FeedbackController(FeedbackImporter importer, JourneysProperties properties) {
        this.importer = importer;
        this.settings = properties.ingest();
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/x-ndjson", "application/jsonl",
            "application/json", "application/octet-stream", "application/gzip", "application/x-gzip"})
    FeedbackReport importFeedback(HttpServletRequest request, @ParameterObject FeedbackParameters parameters,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding)
            throws IOException {
        KnownParameters.require(request, FeedbackParameters.class);
        FeedbackOptions options = parameters.withJourneyColumn(request.getParameterValues("journeyColumn"))
                .toOptions();
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        boolean gzipType = type.contains("gzip");
        boolean gzip = gzipType || contentEncoding != null && contentEncoding.toLowerCase(java.util.Locale.ROOT)
                .contains("gzip");
        EventImporter.Format format = options.format();
        if (format == null && !gzipType && !type.startsWith("application/octet-stream")) {
            format = EventImporter.Format.ofMediaType(contentType);
        }
        long limit = settings.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new UploadTooLargeException(limit);
        }
        try (InputStream body = new SizeLimitedInputStream(request.getInputStream(), limit)) {
            Upload upload = Upload.open(body, gzip, format, limit);
            try (InputStream stream = upload.stream()) {
                return importer.importFeedback(stream, upload.format(), options);
            }
        }
    }
}
