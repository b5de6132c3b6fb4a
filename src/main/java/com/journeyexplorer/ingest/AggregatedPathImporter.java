package com.journeyexplorer.ingest;

import java.io.InputStream;
import java.util.List;

import org.springframework.stereotype.Service;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.journey.Journey;

/**
 * Imports aggregated path counts, the format of attribution tools: {@link AggregatedPathReader} reads and adds up the
 * rows, {@link AggregatedPathPlanner} turns each distinct path into at most two weighted journeys (its conversions,
 * ending with a purchase event at the conversion touchpoint, {@value #CONVERSION_TOUCHPOINT} by default, so that they
 * read like event data; and its non-conversions), and the report is the event import's ({@link ImportReport#of}).
 * The steps' names are cleaned as an event import cleans its touchpoint names ({@link TouchpointCleaning}), and paths
 * that become the same add their counts.
 * 10,000 rows cost at most 20,000 journey records however many journeys they stand for ({@link Journey#weight()});
 * re-importing a source replaces its counts instead of adding them again. All or nothing, like every import.
 */
@Service
public class AggregatedPathImporter {

    public static final String CONVERSION_TOUCHPOINT = "Conversion";

    private final JourneyGraph graph;
    private final JourneysProperties.Ingest settings;

    AggregatedPathImporter(JourneyGraph graph, JourneysProperties properties) {
        this.graph = graph;
        this.settings = properties.ingest();
    }

    /**
     * Reads, validates and stores an upload of path counts.
     *
     * @throws ImportRejectedException when the conversion touchpoint is a reserved name, the upload cannot be read,
     *                                 a row is bad and {@code onError} is {@code REJECT}, or no path has a count
     */
    public ImportReport importPaths(InputStream input, AggregatedPathOptions options) {
        return importPaths(input, options, ImportProgress.writing(JourneyGraph.WriteProgress.NONE));
    }

    /** As {@link #importPaths(InputStream, AggregatedPathOptions)}, telling {@code progress} how far it got. */
    public ImportReport importPaths(InputStream input, AggregatedPathOptions options, ImportProgress progress) {
        long started = System.nanoTime();
        checkOptions(options);
        ErrorCollector errors = new ErrorCollector(settings.maxReportedErrors());
        AggregatedPathReader.AggregatedPaths paths = new AggregatedPathReader(options, errors,
                settings.maxJourneyLength()).read(input, progress::rowsRead);
        errors.rejectIfInvalid(paths.complete(), options.onError());
        if (paths.rows() == 0) {
            throw CsvRowReader.noRows(paths.emptyRows());
        }
        if (!paths.counted() && errors.isEmpty()) {
            throw new ImportRejectedException("the upload has no paths with a count above 0",
                    List.of(new RowError(0, null, "no data rows with a count above 0")), 1);
        }
        AggregatedPathPlanner planner = new AggregatedPathPlanner(options);
        return graph.update(snapshot -> {
            var changes = planner.plan(snapshot, paths.paths().values());
            progress.planned(changes.upserts().size());
            return changes;
        }, (JourneyGraph.Applied<ImportReport>) (changes, after, importId) -> ImportReport.of(changes, after,
                paths.rows(), paths.emptyRows(), errors, List.of(), paths.warnings(), started, importId)
                .withCleaning(paths.cleaning()), progress);
    }

    /**
     * Checks what can be checked of the options before any row is read, so that an upload kept for later (an import
     * job) is refused at once: the conversion touchpoint must not be a reserved name.
     *
     * @throws ImportRejectedException when it is
     */
    public static void checkOptions(AggregatedPathOptions options) {
        if (EventAccumulator.isReserved(options.conversionTouchpoint().strip())) {
            throw new ImportRejectedException("conversionTouchpoint '" + options.conversionTouchpoint() + "' is "
                    + "reserved for the graph's start and outcome nodes", List.of(new RowError(0,
                    "conversionTouchpoint", "is a reserved name")), 1);
        }
    }
}
