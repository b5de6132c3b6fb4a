package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.AggregatedPathImporter;
import com.journeyexplorer.ingest.AggregatedPathOptions;
import com.journeyexplorer.ingest.ImportParameters;
import com.journeyexplorer.ingest.ImportReport;
import com.journeyexplorer.ingest.SizeLimitedInputStream;
import com.journeyexplorer.ingest.TouchpointCleaning;
import com.journeyexplorer.ingest.UploadTooLargeException;
import com.journeyexplorer.journey.PatternBudget;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Imports aggregated path counts (ChannelAttribution, fractribution); with {@code Prefer: respond-async}, as an
 * {@link ImportJobs} job.
 */
@RestController
@RequestMapping("/api/journeys/aggregated")
@Tag(name = "Imports")
class AggregatedPathsController {

    private final AggregatedPathImporter importer;
    private final JourneysProperties.Ingest settings;
    private final ImportJobs jobs;

    AggregatedPathsController(AggregatedPathImporter importer, JourneysProperties properties, ImportJobs jobs) {
        this.importer = importer;
        this.settings = properties.ingest();
        this.jobs = jobs;
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import aggregated path counts", description = "Reads, validates and stores the path counts "
            + "of the body all or nothing, and answers the report (200). With the header `Prefer: respond-async` the "
            + "body is received in full and kept, and the answer is at once 202 with `Location: /api/imports/{id}`, "
            + "where the job's progress and, at the end, the same report (or the problem the synchronous import "
            + "would answer) can be polled. Parameters are checked before the body is read: a bad one is a 400 "
            + "either way. The report reconciles as the event import's: `eventsImported` counts the events by which "
            + "path counts rose, `eventsRemoved` those by which they fell or that went with a path (each once per "
            + "journey a path stands for), and `journeysCreated`, `journeysUpdated`, `journeysRemoved` path "
            + "records.")
    @ApiResponse(responseCode = "200", description = "Imported (synchronous)",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "202", description = "Queued as an import job (`Prefer: respond-async`)",
            content = @Content(schema = @Schema(implementation = ImportJobStatus.class)))
    @Parameter(in = ParameterIn.HEADER, name = "Prefer", description = "`respond-async`: answer 202 at once and "
            + "import in the background", schema = @Schema(type = "string", example = "respond-async"))
    @Parameter(in = ParameterIn.QUERY, name = "rewrite", description = "`REGEX -> TEXT`, repeatable: rewrite rules "
            + "applied to each step's name in order, after `urls`", schema = @Schema(type = "string",
                    example = "/product/\\d+ -> /product/:id"))
    @Parameter(in = ParameterIn.QUERY, name = "competitor", description = "Competitor steps, repeatable: one value "
            + "is a comma list of names or a regular expression, several are one name or expression each, as in an "
            + "event import", schema = @Schema(type = "string", example = "^Rival.*"))
    ResponseEntity<?> importPaths(HttpServletRequest request,
            @RequestParam(required = false) @Parameter(description = "The column of the paths",
                    schema = @Schema(defaultValue = "path")) String pathColumn,
            @RequestParam(required = false) @Parameter(description = "The column of the conversion counts",
                    schema = @Schema(defaultValue = "total_conversions")) String conversionsColumn,
            @RequestParam(required = false) @Parameter(description = "The column of the conversion values (optional "
                    + "in the file)", schema = @Schema(defaultValue = "total_conversion_value")) String valueColumn,
            @RequestParam(required = false) @Parameter(description = "The column of the non-conversion counts; "
                    + "unnamed, `total_null`, else fractribution's `total_non_conversions`") String nullsColumn,
            @RequestParam(required = false) @Parameter(description = "The CSV delimiter, one character or `tab`; "
                    + "detected from the header (`;`, `,` or tab) when absent") String delimiter,
            @RequestParam(required = false) @Parameter(description = "What separates the steps of a path (spaces "
                    + "around it are ignored)", schema = @Schema(defaultValue = ">")) String separator,
            @RequestParam(required = false) @Parameter(description = "Names the data set: importing the same source "
                    + "again replaces all its counts", schema = @Schema(defaultValue = "aggregated")) String source,
            @RequestParam(required = false) @Parameter(description = "`reject` refuses the upload at any bad row, "
                    + "`skip` imports the good rows", schema = @Schema(allowableValues = {"reject", "skip"},
                            defaultValue = "reject")) String onError,
            @RequestParam(required = false) @Parameter(description = "The touchpoint of the purchase event that ends "
                    + "each converting path", schema = @Schema(defaultValue = "Conversion"))
            String conversionTouchpoint,
            @RequestParam(required = false) @Parameter(description = "`path` or `host-path`: a step that is a page "
                    + "address names its page, as in an event import") String urls) throws IOException {
        KnownParameters.require(request, java.util.Set.of("pathColumn", "conversionsColumn", "valueColumn",
                "nullsColumn", "delimiter", "separator", "source", "competitor", "onError", "conversionTouchpoint",
                "urls", "rewrite"), null);
        long limit = settings.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new UploadTooLargeException(limit);
        }
        char delimiterChar = delimiter == null || delimiter.isEmpty() ? 0 : ImportParameters.delimiter(delimiter);
        String[] rules = request.getParameterValues("rewrite");
        // The raw values: a rule with a comma is one rule, and each competitor value one name or expression (Spring
        // would join them with commas), as in an event import. One budget for every expression.
        PatternBudget budget = new PatternBudget();
        TouchpointCleaning cleaning = TouchpointCleaning.of(urls, rules == null ? null : List.of(rules), budget);
        String[] competitors = request.getParameterValues("competitor");
        AggregatedPathOptions options = new AggregatedPathOptions(pathColumn, conversionsColumn, valueColumn,
                nullsColumn, delimiterChar, separator, source, ImportParameters.competitorRule(competitors == null
                        ? null : List.of(competitors), cleaning, budget), ImportParameters.errorMode(onError),
                conversionTouchpoint, cleaning);
        AggregatedPathImporter.checkOptions(options);
        if (ImportJobs.respondAsync(request)) {
            return ImportJobs.accepted(jobs.submit("/api/journeys/aggregated", request.getInputStream(), limit,
                    (input, progress) -> importer.importPaths(input, options, progress)));
        }
        try (InputStream body = new SizeLimitedInputStream(request.getInputStream(), limit)) {
            return ResponseEntity.ok(importer.importPaths(body, options));
        }
    }
}
