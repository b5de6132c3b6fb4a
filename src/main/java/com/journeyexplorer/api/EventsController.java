package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.EventImporter;
import com.journeyexplorer.ingest.ImportParameters;
import com.journeyexplorer.ingest.ImportReport;
import com.journeyexplorer.ingest.Upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Imports touchpoint events from the request body: CSV, NDJSON or an XES event log, plain or gzip-compressed ({@code
 * Content-Encoding: gzip}, or {@code Content-Type: application/gzip} with {@code format} or a sniffed format). The body
 * is received whole into a kept file ({@link ImportJobs#keep}) before the import takes the write lock and the imports
 * lease, then streamed from it row by row; with {@code Prefer: respond-async} the kept body is imported by an
 * {@link ImportJobs} job instead.
 */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Imports")
class EventsController {

    private final EventImporter importer;
    private final JourneysProperties.Ingest settings;
    private final ImportJobs jobs;

    EventsController(EventImporter importer, JourneysProperties properties, ImportJobs jobs) {
        this.importer = importer;
        this.settings = properties.ingest();
        this.jobs = jobs;
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/x-ndjson", "application/jsonl",
            "application/json", "application/octet-stream", "application/xes+xml", "application/xml", "text/xml",
            "application/gzip", "application/x-gzip"})
    @Operation(summary = "Import touchpoint events", description = "Reads, validates and stores the events of the "
            + "body all or nothing, and answers the report (200). With the header `Prefer: respond-async` the body is "
            + "received in full and kept, and the answer is at once 202 with `Location: /api/imports/{id}`, where the "
            + "job's progress and, at the end, the same report (or the problem the synchronous import would answer) "
            + "can be polled. Parameters are checked before the body is read: a bad one is a 400 either way. The "
            + "report reconciles with the store's totals (`GET /api/stats`): events after = before + "
            + "`eventsImported` (events added) - `eventsRemoved` (events taken out; an event a re-split of sessions "
            + "moves is neither), journey records after = before + `journeysCreated` - `journeysRemoved`.")
    @ApiResponse(responseCode = "200", description = "Imported (synchronous)",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "202", description = "Queued as an import job (`Prefer: respond-async`)",
            content = @Content(schema = @Schema(implementation = ImportJobStatus.class)))
    @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = "`respond-async`: answer 202 at once and "
            + "import in the background", schema = @Schema(type = "string", example = "respond-async"))
    ResponseEntity<?> importEvents(HttpServletRequest request, @ParameterObject ImportParameters parameters,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding)
            throws IOException {
        KnownParameters.require(request, ImportParameters.class);
        ImportParameters given = parameters.withRules(request.getParameterValues("purchase"),
                request.getParameterValues("competitor"), request.getParameterValues("frustration"),
                request.getParameterValues("rewrite"))
                .withJourneyColumn(request.getParameterValues("journeyColumn"))
                .withOrderColumn(request.getParameterValues("orderColumn"))
                .withEventRules(request.getParameterValues("events"), request.getParameterValues("purchaseEvent"),
                        request.getParameterValues("frustrationEvent"), request.getParameterValues("abandonEvent"));
        var options = given.toOptions(settings.sessionGap());
        long limit = settings.maxUploadSize().toBytes();
        EventUploads uploads = EventUploads.of(request, given, contentType, contentEncoding, limit);
        if (ImportJobs.respondAsync(request)) {
            return ImportJobs.accepted(jobs.submit("/api/events", request.getInputStream(), limit,
                    (input, progress) -> importEvents(uploads.open(input),
                            upload -> importer.importEvents(upload.stream(), upload.format(), options, progress))));
        }
        // Received whole before the import takes the write lock and the imports lease: a client that sends slowly,
        // or stalls, holds up no other write.
        Path kept = jobs.keepSynchronous(request.getInputStream(), limit);
        try {
            return ResponseEntity.ok(importEvents(uploads.open(Files.newInputStream(kept)),
                    upload -> importer.importEvents(upload.stream(), upload.format(), options)));
        } finally {
            jobs.release(kept);
        }
    }

    private static ImportReport importEvents(Upload upload,
            java.util.function.Function<Upload, ImportReport> importing) throws IOException {
        // Closing the decompressing stream frees its inflater's native memory now rather than at a later GC.
        try (InputStream stream = upload.stream()) {
            return importing.apply(upload);
        }
    }
}
