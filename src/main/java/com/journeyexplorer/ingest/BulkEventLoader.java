package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.OpenJourneys;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.BulkStoreWriter;
import com.journeyexplorer.graph.JourneyChanges;

/**
 * The first import of a store, in bulk: reads one or several event files (CSV, NDJSON or XES, each plain or gzip)
 * with the online import's column mapping, validation, outcome rules and report ({@link EventAccumulator},
 * {@link JourneyAssembler}, {@link ErrorCollector}, {@link ImportReport}), builds every journey in memory, and hands
 * the whole graph to {@link BulkStoreWriter}, which writes store files with Neo4j's batch importer instead of
 * transactions. The files are one upload: a journey may span them, and a bad row anywhere rejects them all (unless
 * {@code onError=skip}), nothing written. Memory: the journeys of all the files, as an online import of them holds.
 */
public final class BulkEventLoader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkEventLoader.class);

    /** Opens a file's bytes (with a progress bar, say). */
    @FunctionalInterface
    public interface Opener {
        InputStream open(Path file) throws IOException;
    }

    /**
     * One input file.
     *
     * @param file   the file; a name ending in {@code .gz} is decompressed (so is any gzip data)
     * @param format its format, or null to sniff it from the first character
     */
    public record Source(Path file, EventImporter.Format format) {
    }

    /**
     * What a bulk load did.
     *
     * @param report     the report, as the online import's
     * @param errorFiles the file name of each of the report's {@link ImportReport#errors() errors}, in the same order:
     *                   the line numbers count in each file
     */
    public record Loaded(ImportReport report, List<String> errorFiles) {

        public Loaded {
            errorFiles = List.copyOf(errorFiles);
        }
    }

    private final JourneysProperties.Ingest settings;
    private final long openHorizon;
    private final BulkStoreWriter store;

    /**
     * @param properties the app's settings: the store in {@code journeys.data-dir}, the ingest settings
     * @param progress   where the batch importer prints its stages
     */
    public BulkEventLoader(JourneysProperties properties, PrintStream progress) {
        this.settings = properties.ingest();
        this.openHorizon = properties.openHorizon().toMillis();
        this.store = new BulkStoreWriter(properties.dataDir(), progress);
    }

    /**
     * Refuses a store that is in use or holds data; see {@link BulkStoreWriter#requireEmptyStore}.
     *
     * @throws com.journeyexplorer.graph.BulkLoadRefusedException saying why
     */
    public void requireEmptyStore() {
        store.requireEmptyStore();
    }

    /** The refusal of files none of which has a row: each file's error at its line 1, in its format's words. */
    private BulkLoadRejectedException noRows(List<String> files, List<RowReader> readers) {
        if (files.size() == 1) {
            return new BulkLoadRejectedException(readers.get(0).noRows(), files);
        }
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < Math.min(files.size(), settings.maxReportedErrors()); i++) {
            errors.add(new RowError(1, null, readers.get(i).noRowsReason()));
        }
        return new BulkLoadRejectedException(new ImportRejectedException("the upload has no data rows: none of its "
                + files.size() + " files has one", errors, files.size()), files);
    }

    /**
     * Reads {@code sources} as one upload and bulk-loads the journeys into the store, which must be empty (see
     * {@link #requireEmptyStore}).
     *
     * @return the report, with the file of each bad row skipped ({@code onError=skip})
     * @throws BulkLoadRejectedException when rows are bad (as {@link ImportRejectedException}, each error with its
     *                                   file); nothing is written
     * @throws InvalidImportOptionException when the files mix XES with other formats, or rows give answers
     *                                   ({@code scoreColumn}), which only the online import stores
     */
    public Loaded load(List<Source> sources, ImportOptions options, Opener opener) throws IOException {
        long started = System.nanoTime();
        ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
        ErrorCollector errors = new ErrorCollector(settings.maxReportedErrors());
        List<String> errorFiles = new ArrayList<>();
        EventAccumulator accumulator = null;
        ImportOptions effective = null;
        EventImporter.Format first = null;
        long rows = 0;
        long emptyRows = 0;
        long[] counted = new long[1];
        boolean complete = true;
        // Each file read without error and without rows, and its reader: refused at its line 1, as it is alone.
        List<String> emptyFiles = new ArrayList<>();
        List<RowReader> emptyReaders = new ArrayList<>();
        // The warning of a delimiter given for a file without one (NDJSON, XES), for the first such file.
        List<ImportWarning> unusedDelimiter = List.of();
        for (Source source : sources) {
            String name = source.file().getFileName().toString();
            // As the command line gave it: two months' events.csv in folders of their own are told apart.
            String file = source.file().toString();
            try (InputStream raw = opener.open(source.file())) {
                Upload upload = Upload.open(raw, name.toLowerCase(Locale.ROOT).endsWith(".gz"), source.format(),
                        Long.MAX_VALUE);
                if (first == null) {
                    first = upload.format();
                    effective = first == EventImporter.Format.XES
                            ? options.withMapping(options.mapping().withXesDefaults()) : options;
                    accumulator = new EventAccumulator(JourneySnapshot.empty(), effective,
                            new TimestampParser(effective.zoneOr(settings.defaultZone()),
                                    effective.timestampFormat()), errors,
                            settings.maxJourneyLength());
                } else if ((first == EventImporter.Format.XES) != (upload.format() == EventImporter.Format.XES)) {
                    throw new InvalidImportOptionException("format", "cannot mix XES event logs with CSV or NDJSON "
                            + "files in one bulk load (" + file + " is " + upload.format() + ", the first file "
                            + first + ")");
                } else {
                    accumulator.nextFile();
                }
                if (unusedDelimiter.isEmpty()) {
                    unusedDelimiter = ImportWarning.unusedDelimiter(upload.format(), options.delimiter());
                }
                RowReader reader = switch (upload.format()) {
                    case CSV -> CsvRowReader.forEvents(effective);
                    case NDJSON -> new NdjsonRowReader(effective.namedColumns());
                    // The parameters as given: the XES defaults (concept:name, ...) are no parameter to name.
                    case XES -> new XesRowReader(options.namedColumns());
                };
                EventAccumulator target = accumulator;
                counted[0] = 0;
                long errorsBefore = errors.count();
                try (InputStream stream = upload.stream()) {
                    complete = reader.read(stream, row -> {
                        counted[0]++;
                        target.accept(row);
                    }, errors);
                }
                rows += counted[0];
                emptyRows += reader.emptyRows();
                if (counted[0] == 0 && errors.count() == errorsBefore) {
                    emptyFiles.add(file);
                    emptyReaders.add(reader);
                }
            }
            if (errors.earlierErrorsDropped()) {
                // The files of the dropped errors: the one error left is this file's.
                errorFiles.clear();
            }
            while (errorFiles.size() < errors.errors().size()) {
                errorFiles.add(file);
            }
            if (!complete) {
                break;
            }
        }
        if (rows == 0 && errors.isEmpty()) {
            throw noRows(emptyFiles, emptyReaders);
        }
        List<ImportWarning> skippedFiles = new ArrayList<>();
        if (complete && rows > 0 && !emptyFiles.isEmpty() && effective.onError() == ImportOptions.ErrorMode.SKIP) {
            // Skipped as files, not as rejected rows: they have none.
            skippedFiles.add(ImportWarning.filesWithoutRows(emptyFiles,
                    emptyReaders.stream().map(RowReader::noRowsReason).toList()));
        } else if (complete && rows > 0) {
            // A file without a row beside files with rows: a bad file of the upload at its line 1, as it is alone.
            for (int i = 0; i < emptyFiles.size(); i++) {
                errors.addFileWithoutRows(emptyFiles.get(i), emptyReaders.get(i).noRowsReason());
                if (errorFiles.size() < errors.errors().size()) {
                    errorFiles.add(emptyFiles.get(i));
                }
            }
        }
        try {
            errors.rejectIfInvalid(complete, effective.onError());
        } catch (ImportRejectedException e) {
            throw new BulkLoadRejectedException(e, errorFiles);
        }
        if (!accumulator.answers().isEmpty()) {
            throw new InvalidImportOptionException("scoreColumn", "gives answers on events, which a bulk load does "
                    + "not store; import the file without --bulk");
        }
        JourneyChanges changes = new JourneyAssembler(JourneySnapshot.empty(), effective).assemble(accumulator);
        // Rows refused for their purchase values once the journeys are merged, each of the file it was read from.
        List<Integer> refusedFiles = accumulator.valueRefusedFiles();
        for (int refused = 0; errorFiles.size() < errors.errors().size(); refused++) {
            errorFiles.add(sources.get(refusedFiles.get(refused)).file().toString());
        }
        try {
            errors.rejectIfInvalid(true, effective.onError());
        } catch (ImportRejectedException e) {
            throw new BulkLoadRejectedException(e, errorFiles);
        }
        accumulator.releaseDrafts();
        List<ImportWarning> warnings = new ArrayList<>(skippedFiles);
        warnings.addAll(unusedDelimiter);
        warnings.addAll(accumulator.warnings());
        if (changes.isEmpty()) {
            return new Loaded(ImportReport.of(changes, JourneySnapshot.empty(), rows, emptyRows, errors,
                    accumulator.ruleMatches(), warnings, started, null).withZone(options.zone())
                    .withCleaning(accumulator.cleaning()).withSkippedEvents(accumulator.eventNames()), errorFiles);
        }
        JourneySnapshot after = OpenJourneys.apply(JourneySnapshot.empty().withChanges(changes.touchpoints(),
                changes.upserts(), changes.removals()), openHorizon);
        long read = System.nanoTime();
        String importId = store.write(changes, after, startedAt);
        log.info("Bulk load {}: read {} rows into {} journeys in {} ms, wrote the store in {} ms", importId, rows,
                changes.upserts().size(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return new Loaded(ImportReport.of(changes, after, rows, emptyRows, errors, accumulator.ruleMatches(),
                warnings, started, importId).withZone(options.zone())
                .withCleaning(accumulator.cleaning()).withSkippedEvents(accumulator.eventNames()), errorFiles);
    }
}
