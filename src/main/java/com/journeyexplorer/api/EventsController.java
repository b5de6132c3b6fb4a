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
import com.journeyexplorer.ingest.UploadTooLargeException;

import jakarta.servlet.http.HttpServletRequest;

/** Imports touchpoint events, streamed from the request body (CSV, NDJSON or an XES event log). */
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
            "application/json", "application/octet-stream", "application/xes+xml", "application/xml", "text/xml"})
    ImportReport importEvents(HttpServletRequest request, ImportParameters parameters,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) throws IOException {
        long limit = settings.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new UploadTooLargeException(limit);
        }
        try (InputStream body = new SizeLimitedInputStream(request.getInputStream(), limit)) {
            return importer.importEvents(body, EventImporter.Format.ofMediaType(contentType),
                    parameters.toOptions(settings.sessionGap()));
        }
    }
}
