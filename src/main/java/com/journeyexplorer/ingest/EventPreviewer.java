package com.journeyexplorer.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.journey.Journey;

/**
 * Previews an event upload before it is imported: its format, its columns, the column mapping suggested for them
 * ({@link ColumnSuggestion}), and its first rows as the import would read them, each with its journey, touchpoint and
 * time or with the errors that would reject it, and whether those errors would make the import refuse the whole
 * upload ({@link ImportPreview.Refusal}). A dry run of the import's own reading, validation and sessionizing
 * (the same row readers, {@link EventAccumulator}, {@link ErrorCollector} and {@link JourneyAssembler} against the
 * current snapshot), which writes nothing and takes no write lock. Bounded: at most {@code rows} rows and
 * {@link #MAX_BYTES} bytes of the (decompressed) upload are read, whatever its size; the rest of the body is left
 * unread. Cost: O(bytes read + rows × columns), plus a copy of the stored touchpoints' list and, for rows split into
 * sessions by customer, a pass over the stored journeys and their customers' stored sessions.
 */
@Service
public class EventPreviewer {

    /** Rows previewed unless {@code rows} says otherwise. */
    public static final int DEFAULT_ROWS = 20;
    /** Most rows a preview reads. */
    public static final int MAX_ROWS = 1000;
    /** Most bytes of the upload (after decompression) a preview reads. */
    public static final int MAX_BYTES = 1 << 20;

    private final JourneyProjection projection;
    private final JourneysProperties.Ingest settings;

    EventPreviewer(JourneyProjection projection, JourneysProperties properties) {
        this.projection = projection;
        this.settings = properties.ingest();
    }

    /**
     * The preview of the upload {@code input} in {@code format}, read with {@code parameters} (the query parameters of
     * {@code POST /api/events}, checked exactly as the import checks them).
     *
     * @param given the options of {@code parameters} ({@link ImportParameters#toOptions}) as the request checked them,
     *              whose regular expressions draw on the request's one budget
     * @param rows the {@code rows} parameter: how many rows to preview, 1 to {@link #MAX_ROWS}; null for
     *             {@link #DEFAULT_ROWS}
     * @throws InvalidImportOptionException for a bad {@code rows}
     */
    public ImportPreview preview(InputStream input, EventImporter.Format format, ImportParameters parameters,
            ImportOptions given, String rows) throws IOException {
        int maxRows = rows(rows);
        ByteBound bounded = new ByteBound(input, MAX_BYTES);
        BufferedInputStream buffered = new BufferedInputStream(bounded, 1 << 16);
        List<String> header = format == EventImporter.Format.CSV ? csvHeader(buffered, given.delimiter())
                : List.of();
        ColumnSuggestion suggestion = format == EventImporter.Format.CSV
                ? ColumnSuggestion.of(header, parameters, format) : null;

        ErrorCollector readErrors = new ErrorCollector(maxRows + 1);
        List<InputRow> read = new ArrayList<>();
        // The rows of empty cells the reader passed over before each row read.
        long[] emptyBefore = new long[maxRows];
        boolean more = false;
        boolean complete = true;
        RowReader reader = switch (format) {
            case CSV -> CsvRowReader.forEvents(given.withMapping(suggestion.mapping()));
            case NDJSON -> new NdjsonRowReader();
            case XES -> new XesRowReader();
        };
        try {
            complete = reader.read(buffered, row -> {
                if (read.size() == maxRows) {
                    throw new EnoughRows();
                }
                emptyBefore[read.size()] = reader.emptyRows();
                read.add(row);
            }, readErrors);
        } catch (EnoughRows enough) {
            more = true;
        }
        List<RowError> unreadable = new ArrayList<>(readErrors.errors());
        if (!more && bounded.reachedLimit()) {
            // The bytes were cut at the limit: the last row read may be only the start of a row.
            long last = Math.max(read.isEmpty() ? 0 : read.get(read.size() - 1).line(),
                    unreadable.isEmpty() ? 0 : unreadable.get(unreadable.size() - 1).line());
            read.removeIf(row -> row.line() == last);
            unreadable.removeIf(error -> error.line() == last);
            more = true;
        }
        if (format != EventImporter.Format.CSV) {
            Set<String> keys = new LinkedHashSet<>();
            read.forEach(row -> row.forEach((column, value) -> keys.add(column)));
            header = List.copyOf(keys);
            suggestion = ColumnSuggestion.of(header, parameters, format);
        }

        if (!complete && read.isEmpty() && !bounded.reachedLimit()) {
            // The header (or the start of the upload) cannot be read: the import refuses it whole, and so does this.
            refuseAsTheImport(readErrors, given, format, header, suggestion);
        }
        if (complete && !more && read.isEmpty() && unreadable.isEmpty()) {
            // Read to its end without a row (a CSV header alone): the import refuses it at line 1, and so does this.
            throw refused(reader.noRows(), format, header, suggestion);
        }
        if (format != EventImporter.Format.CSV && !more && !read.isEmpty()) {
            refuseUnseenKeys(read, header, given, format, suggestion);
        }

        // The order column suggested too (a GA4 export's batch_event_index), as its suggested parameters import it.
        // And the event name's column suggested (GA4's event_name with its purchase event, PostHog's event).
        ImportOptions options = given.withMapping(suggestion.mapping()).withOrderColumn(suggestion.orderColumn())
                .withEventNames(suggestion.eventNames(given.eventNames()));
        TimestampParser timestamps = new TimestampParser(options.zoneOr(settings.defaultZone()),
                options.timestampFormat());
        ErrorCollector errors = new ErrorCollector(Integer.MAX_VALUE);
        JourneySnapshot snapshot = projection.current();
        EventAccumulator accumulator = new EventAccumulator(snapshot, options, timestamps, errors,
                settings.maxJourneyLength());
        List<ImportPreview.Row> previewed = new ArrayList<>();
        int nextRow = 0;
        int nextError = 0;
        while (previewed.size() < maxRows && (nextRow < read.size() || nextError < unreadable.size())) {
            boolean rowFirst = nextError == unreadable.size()
                    || nextRow < read.size() && read.get(nextRow).line() <= unreadable.get(nextError).line();
            if (!rowFirst) {
                RowError error = unreadable.get(nextError++);
                previewed.add(ImportPreview.Row.rejected(error.line(), List.of(error)));
                continue;
            }
            InputRow row = read.get(nextRow++);
            int before = (int) errors.count();
            accumulator.accept(row);
            if (accumulator.lastSkipped()) {
                previewed.add(ImportPreview.Row.skipped(row.line()));
            } else if (errors.count() > before) {
                previewed.add(ImportPreview.Row.rejected(row.line(), errors.errors().subList(before,
                        (int) errors.count())));
            } else {
                previewed.add(valid(row, options, timestamps, accumulator.lastAccepted()));
            }
        }
        more |= nextRow < read.size() || nextError < unreadable.size();
        long emptyRows = !more ? reader.emptyRows() : nextRow == 0 ? 0 : emptyBefore[nextRow - 1];
        int readErrorCount = (int) errors.count();
        Map<String, List<Journey>> sessions = new JourneyAssembler(snapshot, options).previewSessions(accumulator);
        previewed = inSessions(refusedOnMerging(previewed, errors.errors().subList(readErrorCount,
                (int) errors.count())), sessions);
        Set<String> journeys = new HashSet<>();
        previewed.stream().filter(ImportPreview.Row::isEvent).forEach(row -> journeys.add(row.journey()));
        long validRows = previewed.stream().filter(ImportPreview.Row::isEvent).count();
        return new ImportPreview(format.name().toLowerCase(Locale.ROOT), header, suggestion.columns(),
                suggestion.suggestedBy(), suggestion.parameters(), suggestion.attributes(header), previewed,
                previewed.size(), emptyRows, validRows, journeys.size(), more, accumulator.ruleMatches(),
                accumulator.warnings(more ? "the " + ImportPreview.rowsPreviewed(previewed.size()) : "this upload"),
                accumulator.cleaning(), ImportPreview.Refusal.of(previewed, options.onError()),
                eventNames(read.subList(0, nextRow), options.eventNames()));
    }

    /**
     * The event names of {@code rows} in the column of {@code names}, each with its rows, the most frequent first
     * (ties by name); null without the column. O(rows).
     */
    private static List<ImportReport.EventCount> eventNames(List<InputRow> rows, EventNames names) {
        if (names.isNone()) {
            return null;
        }
        Map<String, long[]> counts = new HashMap<>();
        for (InputRow row : rows) {
            String name = row.get(names.column());
            counts.computeIfAbsent(name == null ? "" : name.strip(), key -> new long[1])[0]++;
        }
        return counts.entrySet().stream()
                .sorted(java.util.Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .map(entry -> new ImportReport.EventCount(entry.getKey(), entry.getValue()[0])).toList();
    }

    /**
     * Refuses the preview with the import's problem for an upload it cannot read, keeping what was read of the
     * columns.
     */
    private static void refuseAsTheImport(ErrorCollector errors, ImportOptions options, EventImporter.Format format,
            List<String> header, ColumnSuggestion suggestion) {
        try {
            errors.rejectIfInvalid(false, options.onError());
        } catch (ImportRejectedException rejection) {
            throw refused(rejection, format, header, suggestion);
        }
    }

    /** The import's {@code rejection}, with what was read of the columns. */
    private static PreviewRejectedException refused(ImportRejectedException rejection, EventImporter.Format format,
            List<String> header, ColumnSuggestion suggestion) {
        return new PreviewRejectedException(rejection, new ImportPreview(format.name().toLowerCase(Locale.ROOT),
                header, suggestion.columns(), suggestion.suggestedBy(), suggestion.parameters(),
                suggestion.attributes(header), List.of(), 0, 0, 0, 0, false, List.of(), List.of(), null, null,
                null));
    }

    /**
     * Refuses, as the import does, an NDJSON upload or XES log read to its end of which no object or event has a key
     * that a parameter names ({@link NdjsonRowReader}, {@link XesRowReader}); of an upload read in part, the rows
     * after the preview's may have it.
     */
    private static void refuseUnseenKeys(List<InputRow> read, List<String> keys, ImportOptions options,
            EventImporter.Format format, ColumnSuggestion suggestion) {
        Map<String, String> unseen = new LinkedHashMap<>(options.namedColumns());
        unseen.keySet().removeIf(keys::contains);
        if (!unseen.isEmpty()) {
            InputRow first = read.get(0);
            List<String> firstKeys = new ArrayList<>();
            first.forEach((key, value) -> firstKeys.add(key));
            ErrorCollector errors = new ErrorCollector(1);
            if (format == EventImporter.Format.XES) {
                XesRowReader.refuseUnseenAttributes(unseen, first.line(), String.join(", ", firstKeys), errors);
            } else {
                NdjsonRowReader.refuseUnseenKeys(unseen, first.line(), String.join(", ", firstKeys), errors);
            }
            refuseAsTheImport(errors, options, format, keys, suggestion);
        }
    }

    /** What the import reads from a row that the accumulator accepted. */
    private static ImportPreview.Row valid(InputRow row, ImportOptions options, TimestampParser timestamps,
            EventAccumulator.Accepted event) {
        ColumnMapping columns = options.mapping();
        String journey = options.sessionizeByCustomer() ? null : JourneyKey.of(columns.journey()).id(row);
        String customer = trimmed(row.get(columns.customer()));
        String time = Instant.ofEpochMilli(timestamps.parse(row.get(columns.timestamp()))).toString();
        return new ImportPreview.Row(row.line(), journey, customer, event.touchpoint(), time,
                event.type().name().toLowerCase(Locale.ROOT), event.owner().name().toLowerCase(Locale.ROOT),
                List.of());
    }

    /**
     * The rows with the errors found once their events were merged with the stored ones (a purchase value too large
     * for its journey's sum, {@link JourneyAssembler}), each row with one of them rejected.
     */
    private static List<ImportPreview.Row> refusedOnMerging(List<ImportPreview.Row> rows, List<RowError> errors) {
        if (errors.isEmpty()) {
            return rows;
        }
        Map<Long, List<RowError>> byLine = new HashMap<>();
        errors.forEach(error -> byLine.computeIfAbsent(error.line(), line -> new ArrayList<>()).add(error));
        return rows.stream().map(row -> byLine.containsKey(row.line()) && row.errors().isEmpty()
                ? ImportPreview.Row.rejected(row.line(), byLine.get(row.line())) : row).toList();
    }

    /**
     * The rows with the session each valid row without a journey id would be imported into: its customer's session
     * that starts last at or before its time (a session holds every event from its start until the next one starts).
     */
    private static List<ImportPreview.Row> inSessions(List<ImportPreview.Row> rows,
            Map<String, List<Journey>> sessionsByCustomer) {
        List<ImportPreview.Row> named = new ArrayList<>(rows.size());
        for (ImportPreview.Row row : rows) {
            if (row.journey() != null || !row.isEvent()) {
                named.add(row);
                continue;
            }
            long time = Instant.parse(row.timestamp()).toEpochMilli();
            String session = null;
            for (Journey journey : sessionsByCustomer.getOrDefault(row.customer(), List.of())) {
                if (journey.time(0) <= time) {
                    session = journey.id();
                }
            }
            named.add(row.inJourney(session));
        }
        return named;
    }

    /** The {@code rows} parameter: 1 to {@link #MAX_ROWS}, {@link #DEFAULT_ROWS} when absent. */
    static int rows(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_ROWS;
        }
        try {
            int rows = Integer.parseInt(value.strip());
            if (rows >= 1 && rows <= MAX_ROWS) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new InvalidImportOptionException("rows", "must be between 1 and " + MAX_ROWS + ", was '"
                + TimestampParser.abbreviate(value) + "'");
    }

    /**
     * The CSV header as the import reads it (the same format as {@link CsvRowReader}), or an empty list when it
     * cannot be read (the reader then reports why); the stream is reset to its start.
     */
    private static List<String> csvHeader(BufferedInputStream input, char delimiter) throws IOException {
        input.mark(MAX_BYTES + 1);
        try {
            // Not closed: closing would close the upload, which the reader reads next from its start.
            CSVParser parser = CsvRowReader.parser(input, delimiter);
            return List.copyOf(parser.getHeaderNames());
        } catch (IOException | RuntimeException e) {
            return List.of();
        } finally {
            input.reset();
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Thrown by the row consumer to stop reading once the preview has its rows. */
    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }

    /** The first {@code limit} bytes of a stream, then its end; remembers whether the limit cut it. */
    private static final class ByteBound extends FilterInputStream {
        private long left;
        private boolean reachedLimit;

        ByteBound(InputStream input, long limit) {
            super(input);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                reachedLimit = reachedLimit || in.read() != -1;
                return -1;
            }
            int b = in.read();
            if (b != -1) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (left == 0) {
                reachedLimit = reachedLimit || in.read() != -1;
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= Math.max(0, skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        boolean reachedLimit() {
            return reachedLimit;
        }
    }
}
