package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyChanges;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * Imports touchpoint events: streams the upload row by row (bounded memory: a few bytes per event), validates every
 * row, builds journeys merged with the stored ones, and writes them all or nothing. A row with a {@code score} is
 * also an answer about its event's journey and touchpoint: checked like a survey file's rows
 * ({@link FeedbackImporter}), joined to the journey its event ends up in, and stored as survey responses in the same
 * journal entry as the journeys, all or nothing with them (an answer already stored is not stored again).
 */
@Service
public class EventImporter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventImporter.class);

    /** Input formats of {@code POST /api/events}. */
    public enum Format {
        CSV, NDJSON, XES;

        public static Format ofMediaType(String mediaType) {
            String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
            if (type.contains("xes") || type.contains("xml")) {
                return XES;
            }
            if (type.contains("ndjson") || type.contains("jsonl") || type.contains("json")) {
                return NDJSON;
            }
            return CSV;
        }

        /** {@code csv}, {@code ndjson} (or {@code jsonl}), {@code xes}; null or blank: null (sniff it). */
        public static Format ofName(String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "ndjson", "jsonl" -> NDJSON;
                case "xes" -> XES;
                default -> throw new IllegalArgumentException("must be csv, ndjson or xes, was '"
                        + TimestampParser.abbreviate(name) + "'");
            };
        }
    }

    private final JourneyGraph graph;
    private final FeedbackGraph feedback;
    private final JourneysProperties.Ingest settings;

    EventImporter(JourneyGraph graph, FeedbackGraph feedback, JourneysProperties properties) {
        this.graph = graph;
        this.feedback = feedback;
        this.settings = properties.ingest();
    }

    public ImportReport importEvents(InputStream input, Format format, ImportOptions options) {
        return importEvents(input, format, options, JourneyGraph.WriteProgress.NONE);
    }

    public ImportReport importEvents(InputStream input, Format format, ImportOptions options,
            JourneyGraph.WriteProgress progress) {
        return importEvents(input, format, options, ImportProgress.writing(progress));
    }

    /** As {@link #importEvents(InputStream, Format, ImportOptions)}, telling {@code progress} the rows read too. */
    public ImportReport importEvents(InputStream input, Format format, ImportOptions options,
            ImportProgress progress) {
        long started = System.nanoTime();
        ErrorCollector errors = new ErrorCollector(settings.maxReportedErrors());
        ImportOptions effective = format == Format.XES ? options.withMapping(options.mapping().withXesDefaults())
                : options;
        RowReader reader = switch (format) {
            case CSV -> CsvRowReader.forEvents(effective);
            case NDJSON -> new NdjsonRowReader(effective.namedColumns());
            // The parameters as given: the XES defaults (concept:name, ...) are no parameter to name.
            case XES -> new XesRowReader(options.namedColumns());
        };
        long[] rows = new long[1];
        EventAccumulator[] accumulated = new EventAccumulator[1];
        // The answers given on events, each about the touchpoint its event ends up at once the journeys are built.
        AtomicReference<List<FeedbackImporter.Draft>> placedAnswers = new AtomicReference<>(List.of());
        return graph.update(snapshot -> {
            EventAccumulator accumulator = new EventAccumulator(snapshot, effective,
                    new TimestampParser(effective.zoneOr(settings.defaultZone()), effective.timestampFormat()), errors,
                    settings.maxJourneyLength());
            accumulated[0] = accumulator;
            boolean complete;
            try {
                complete = reader.read(input, row -> {
                    rows[0]++;
                    progress.rowsRead(rows[0]);
                    accumulator.accept(row);
                }, errors);
            } catch (IOException e) {
                throw new UncheckedIOException("the upload could not be read", e);
            }
            errors.rejectIfInvalid(complete, effective.onError());
            if (rows[0] == 0 && errors.isEmpty()) {
                throw reader.noRows();
            }
            JourneyAssembler assembler = new JourneyAssembler(snapshot, effective);
            JourneyChanges changes = assembler.assemble(accumulator);
            // Rows whose purchase values the journeys merged with the stored ones cannot add up are found here.
            errors.rejectIfInvalid(true, effective.onError());
            // An answer of 0 stored before under the id its row had when written -0 keeps that id.
            accumulator.answers().replaceAll(answer -> FeedbackImporter.withStoredNegativeZeroId(answer,
                    feedback::contains));
            placedAnswers.set(assembler.answersAtTheirPages(accumulator));
            accumulator.releaseDrafts();
            log.info("Read {} rows into {} journeys in {} ms", rows[0], changes.upserts().size(),
                    (System.nanoTime() - started) / 1_000_000);
            progress.planned(changes.upserts().size());
            return changes;
        }, after -> joinAnswers(placedAnswers.get(), after),
                (changes, after, importId, answers) -> ImportReport.of(changes, after, rows[0], reader.emptyRows(),
                        errors, accumulated[0].ruleMatches(), withUnusedDelimiter(accumulated[0].warnings(), format,
                                options.delimiter()), started, importId, answers)
                        .withZone(effective.zone()).withCleaning(accumulated[0].cleaning())
                        .withSkippedEvents(accumulated[0].eventNames()),
                progress);
    }

    /** {@code warnings}, and the warning that the delimiter was not used when {@code format} has none. */
    private static List<ImportWarning> withUnusedDelimiter(List<ImportWarning> warnings, Format format,
            char delimiter) {
        List<ImportWarning> unused = ImportWarning.unusedDelimiter(format, delimiter);
        if (unused.isEmpty()) {
            return warnings;
        }
        List<ImportWarning> all = new java.util.ArrayList<>(unused);
        all.addAll(warnings);
        return all;
    }

    /**
     * Joins the answers given on events to the journeys as they will be once written (the journey id when the rows had
     * one, else the customer's journey in force at the event's time, which is the event's own); the graph stores them
     * with the journeys. O(answers), plus one pass over the journeys when the events were split by customer.
     */
    private static List<SurveyResponse> joinAnswers(List<FeedbackImporter.Draft> answers, JourneySnapshot after) {
        if (answers.isEmpty()) {
            return List.of();
        }
        List<FeedbackImporter.Draft> staged = new ArrayList<>(answers.size());
        for (FeedbackImporter.Draft answer : answers) {
            // The row's stage is its touchpoint's, unless the touchpoint kept another one: the answer then keeps the
            // row's, else it follows its touchpoint's stage as it is now.
            String touchpointStage = after.touchpoint(answer.touchpoint())
                    .map(touchpoint -> touchpoint.stage().isEmpty() ? null : touchpoint.stage()).orElse(null);
            staged.add(answer.withStage(FeedbackImporter.ownStage(answer.stage(), touchpointStage)));
        }
        List<SurveyResponse> responses = new ArrayList<>(staged.size());
        FeedbackImporter.join(staged, after, 0, responses, new HashMap<>(), new HashMap<>());
        return responses;
    }
}
