package com.journeyexplorer.api;

import java.io.IOException;
import java.io.InputStream;

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
import com.journeyexplorer.ingest.UploadTooLargeException;

import jakarta.servlet.http.HttpServletRequest;

/** Imports aggregated path counts (ChannelAttribution, fractribution). */
@RestController
@RequestMapping("/api/journeys/aggregated")
class AggregatedPathsController {

    private final AggregatedPathImporter importer;
    private final JourneysProperties.Ingest settings;

    AggregatedPathsController(AggregatedPathImporter importer, JourneysProperties properties) {
        this.importer = importer;
        this.settings = properties.ingest();
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ImportReport importPaths(HttpServletRequest request,
            @RequestParam(required = false) String pathColumn,
            @RequestParam(required = false) String conversionsColumn,
            @RequestParam(required = false) String valueColumn,
            @RequestParam(required = false) String nullsColumn,
            @RequestParam(required = false) String delimiter,
            @RequestParam(required = false) String separator,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String competitor,
            @RequestParam(required = false) String onError,
            @RequestParam(required = false) String conversionTouchpoint) throws IOException {
        long limit = settings.maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw new UploadTooLargeException(limit);
        }
        char delimiterChar = delimiter == null || delimiter.isEmpty() ? 0 : ImportParameters.delimiter(delimiter);
        AggregatedPathOptions options = new AggregatedPathOptions(pathColumn, conversionsColumn, valueColumn,
                nullsColumn, delimiterChar, separator, source, ImportParameters.competitorPattern(competitor),
                ImportParameters.errorMode(onError), conversionTouchpoint);
        try (InputStream body = new SizeLimitedInputStream(request.getInputStream(), limit)) {
            return importer.importPaths(body, options);
        }
    }
}
