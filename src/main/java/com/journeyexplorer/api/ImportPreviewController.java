package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.EventPreviewer;
import com.journeyexplorer.ingest.ImportOptions;
import com.journeyexplorer.ingest.ImportParameters;
import com.journeyexplorer.ingest.ImportPreview;
import com.journeyexplorer.ingest.Upload;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Previews an event upload: the same parameters and body as {@code POST /api/events}, of which only the first rows
 * are read (at most {@code rows}, default 20, and {@link EventPreviewer#MAX_BYTES} bytes). Answers the format, the
 * columns, the suggested column mapping and the first rows as the import would read or reject them; writes nothing.
 * An upload the import could not read at all (its header), or refuses for having no row, gets the import's problem,
 * with the columns read.
 */
@RestController
class ImportPreviewController {

    private final EventPreviewer previewer;
    private final JourneysProperties.Ingest settings;

    ImportPreviewController(EventPreviewer previewer, JourneysProperties properties) {
        this.previewer = previewer;
        this.settings = properties.ingest();
    }

    @PostMapping(path = "/api/events/preview", consumes = {"text/csv", "text/plain", "application/x-ndjson",
            "application/jsonl", "application/json", "application/octet-stream", "application/xes+xml",
            "application/xml", "text/xml", "application/gzip", "application/x-gzip"})
    ImportPreview preview(HttpServletRequest request, @ParameterObject ImportParameters parameters,
            @Parameter(description = "How many rows to preview (and at most 1 MiB of the decompressed body)",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "" + EventPreviewer.MAX_ROWS,
                            defaultValue = "" + EventPreviewer.DEFAULT_ROWS))
            @RequestParam(name = "rows", required = false) String rows,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding)
            throws IOException {
        KnownParameters.require(request, ImportParameters.class, "rows");
        ImportParameters given = parameters.withRules(request.getParameterValues("purchase"),
                request.getParameterValues("competitor"), request.getParameterValues("frustration"),
                request.getParameterValues("rewrite"))
                .withJourneyColumn(request.getParameterValues("journeyColumn"))
                .withOrderColumn(request.getParameterValues("orderColumn"))
                .withEventRules(request.getParameterValues("events"), request.getParameterValues("purchaseEvent"),
                        request.getParameterValues("frustrationEvent"), request.getParameterValues("abandonEvent"));
        // Checked before the body is opened, so that a bad parameter is answered as the import answers it; the
        // preview reads with these options, so that the request's regular expressions share one budget.
        ImportOptions options = given.toOptions(settings.sessionGap());
        Upload upload = EventUploads.open(request, given, contentType, contentEncoding,
                settings.maxUploadSize().toBytes());
        try (InputStream stream = upload.stream()) {
            return previewer.preview(stream, upload.format(), given, options, rows);
        }
    }
}
