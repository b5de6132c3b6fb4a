package com.journeyexplorer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.JourneyChanges;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Imports aggregated path counts. Rows with the same path are added together; each distinct path becomes at most two
 * journey records, one for its conversions (the path followed by a purchase event at the conversion touchpoint,
 * {@value #CONVERSION_TOUCHPOINT} by default, so that they read like event data) and one for its non-conversions, each with a {@link Journey#weight()} equal to its count: 10,000 rows cost at most 20,000 records,
 * however many journeys they stand for. Records are named by source, outcome and path, so re-importing a source
 * replaces its counts instead of adding them again.
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

    public ImportReport importPaths(InputStream input, AggregatedPathOptions options) {
        long started = System.nanoTime();
        ErrorCollector errors = new ErrorCollector(settings.maxReportedErrors());
        BufferedInputStream buffered = new BufferedInputStream(input, 1 << 16);
        if (EventAccumulator.isReserved(options.conversionTouchpoint().strip())) {
            throw new ImportRejectedException("conversionTouchpoint '" + options.conversionTouchpoint() + "' is "
                    + "reserved for the graph's start and outcome nodes", List.of(new RowError(0,
                    "conversionTouchpoint", "is a reserved name")), 1);
        }
        char delimiter = options.delimiter() != 0 ? options.delimiter() : detectDelimiter(buffered);
        Map<String, PathCounts> paths = new LinkedHashMap<>();
        long[] rows = new long[1];
        Pattern separator = Pattern.compile("\\s*" + Pattern.quote(options.separator()) + "\\s*");
        CsvRowReader reader = new CsvRowReader(delimiter, List.of(options.pathColumn(), options.conversionsColumn()));
        boolean complete;
        try {
            complete = reader.read(buffered, row -> {
                rows[0]++;
                accept(row, options, separator, paths, errors, settings.maxJourneyLength());
            }, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        if (!complete || (!errors.isEmpty() && options.onError() == ImportOptions.ErrorMode.REJECT)) {
            throw new ImportRejectedException(EventImporter.rejection(errors, complete), errors.errors(),
                    errors.count());
        }
        if (paths.values().stream().noneMatch(PathCounts::counted) && errors.isEmpty()) {
            throw new ImportRejectedException("the upload has no paths with a count above 0",
                    List.of(new RowError(0, null, "no data rows with a count above 0")), 1);
        }
        return graph.update(snapshot -> plan(snapshot, paths, options),
                (JourneyGraph.Applied<ImportReport>) (changes, after, importId) -> new ImportReport(rows[0],
                        changes.newEvents(), 0, changes.journeysCreated() + changes.journeysUpdated(),
                        changes.journeysCreated(), changes.journeysUpdated(), 0, errors.rejectedRows(),
                        errors.errors(), after.journeyCount(), after.eventCount(),
                        (System.nanoTime() - started) / 1_000_000, List.of(), List.of(), importId),
                JourneyGraph.WriteProgress.NONE);
    }

    private void accept(InputRow row, AggregatedPathOptions options, Pattern separator,
            Map<String, PathCounts> paths, ErrorCollector errors, int maxJourneyLength) {
        long line = row.line();
        String path = row.get(options.pathColumn()).strip();
        List<String> steps = new ArrayList<>();
        for (String step : separator.split(path, -1)) {
            steps.add(step.strip());
        }
        if (path.isEmpty() || steps.stream().anyMatch(String::isEmpty)) {
            errors.add(line, options.pathColumn(), path.isEmpty() ? "is empty" : "has an empty step between separators");
            return;
        }
        if (steps.size() >= maxJourneyLength) {
            errors.add(line, options.pathColumn(), "has " + steps.size() + " steps; with the conversion step the "
                    + "limit is " + maxJourneyLength);
            return;
        }
        if (steps.stream().anyMatch(EventAccumulator::isReserved)) {
            errors.add(line, options.pathColumn(), "has a step named like the graph's start or outcome nodes");
            return;
        }
        if (steps.stream().anyMatch(step -> step.length() > EventAccumulator.MAX_NAME_LENGTH)) {
            errors.add(line, options.pathColumn(), "has a step longer than " + EventAccumulator.MAX_NAME_LENGTH
                    + " characters");
            return;
        }
        String forbidden = steps.stream().map(EventAccumulator::forbiddenCharacter).filter(c -> c != null)
                .findFirst().orElse(null);
        if (forbidden != null) {
            errors.add(line, options.pathColumn(), "has a step with the control character " + forbidden
                    + " (only tab, line feed and carriage return are allowed)");
            return;
        }
        long conversions = count(row, options.conversionsColumn(), line, errors);
        String nullsColumn = options.nullsColumn() != null ? options.nullsColumn()
                : row.get("total_null") != null ? "total_null" : "total_non_conversions";
        long nulls = row.get(nullsColumn) == null ? 0 : count(row, nullsColumn, line, errors);
        double value = 0;
        String rawValue = row.get(options.valueColumn());
        if (rawValue != null && !rawValue.isBlank()) {
            try {
                value = Double.parseDouble(rawValue.strip());
                if (!Double.isFinite(value) || value < 0) {
                    errors.add(line, options.valueColumn(), "must be a finite number of at least 0");
                }
            } catch (NumberFormatException e) {
                errors.add(line, options.valueColumn(), "'" + TimestampParser.abbreviate(rawValue)
                        + "' is not a number");
            }
        }
        if (conversions < 0 || nulls < 0) {
            return;
        }
        PathCounts counts = paths.computeIfAbsent(String.join(" > ", steps), key -> new PathCounts(steps));
        counts.conversions += conversions;
        counts.nulls += nulls;
        counts.value += value;
        if (counts.conversions > Integer.MAX_VALUE || counts.nulls > Integer.MAX_VALUE) {
            errors.add(line, options.conversionsColumn(), "makes the count of this path larger than "
                    + Integer.MAX_VALUE);
        }
    }

    private static long count(InputRow row, String column, long line, ErrorCollector errors) {
        String raw = row.get(column);
        try {
            long count = Long.parseLong(raw.strip());
            if (count < 0) {
                errors.add(line, column, "must be 0 or more, was " + count);
                return -1;
            }
            return count;
        } catch (NumberFormatException e) {
            errors.add(line, column, "'" + TimestampParser.abbreviate(raw) + "' is not a whole number");
            return -1;
        }
    }

    private JourneyChanges plan(JourneySnapshot snapshot, Map<String, PathCounts> paths,
            AggregatedPathOptions options) {
        List<Touchpoint> touchpoints = new ArrayList<>(snapshot.touchpoints());
        Map<String, Integer> ids = new HashMap<>();
        touchpoints.forEach(t -> ids.put(t.name(), t.id()));
        Set<Touchpoint> changed = new LinkedHashSet<>();
        List<Journey> upserts = new ArrayList<>();
        Map<String, Journey> previous = new HashMap<>();
        long events = 0;
        int created = 0;
        int updated = 0;
        for (PathCounts counts : paths.values()) {
            int[] path = new int[counts.steps.size() + 1];
            for (int i = 0; i < path.length; i++) {
                String name = i < counts.steps.size() ? counts.steps.get(i) : options.conversionTouchpoint();
                Integer id = ids.get(name);
                if (id == null) {
                    id = touchpoints.size();
                    boolean competitor = options.competitor() != null && options.competitor().matcher(name).matches();
                    boolean conversion = i == counts.steps.size();
                    Touchpoint touchpoint = new Touchpoint(id, name, "", conversion ? "purchase" : "",
                            competitor ? Owner.COMPETITOR : Owner.OWN);
                    touchpoints.add(touchpoint);
                    ids.put(name, id);
                    changed.add(touchpoint);
                }
                path[i] = id;
            }
            for (boolean converted : new boolean[] {true, false}) {
                int[] steps = converted ? path : Arrays.copyOf(path, path.length - 1);
                long weight = converted ? counts.conversions : counts.nulls;
                if (weight == 0) {
                    continue;
                }
                byte[] types = new byte[steps.length];
                if (converted) {
                    types[steps.length - 1] = EventType.PURCHASE.code();
                }
                Outcome outcome = converted ? Outcome.PURCHASE
                        : touchpoints.get(steps[steps.length - 1]).isCompetitor() ? Outcome.DIVERTED
                        : Outcome.ABANDONED;
                String id = "agg:" + options.source() + ":" + (converted ? "conversions" : "non-conversions") + ":"
                        + digest(counts.key());
                Journey journey = new Journey(id, "", steps, new long[0], types, null, outcome,
                        converted ? steps.length - 1 : -1, converted ? counts.value : 0, (int) weight,
                        "", "", Map.of("path", counts.key(), "source", options.source()));
                Journey old = snapshot.journey(id).orElse(null);
                if (old == null) {
                    created++;
                } else {
                    updated++;
                    previous.put(id, old);
                }
                upserts.add(journey);
                events += weight * steps.length;
            }
        }
        return new JourneyChanges(touchpoints, List.copyOf(changed), upserts, List.of(), previous, events, 0,
                created, updated);
    }

    private static String digest(String path) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The most frequent of {@code ;}, {@code ,} and tab in the first line. */
    static char detectDelimiter(BufferedInputStream input) {
        try {
            input.mark(1 << 16);
            byte[] head = input.readNBytes(1 << 15);
            input.reset();
            int end = 0;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            String firstLine = new String(head, 0, end, StandardCharsets.UTF_8);
            char best = ',';
            long bestCount = firstLine.chars().filter(c -> c == ',').count();
            for (char candidate : new char[] {';', '\t'}) {
                long count = firstLine.chars().filter(c -> c == candidate).count();
                if (count > bestCount) {
                    best = candidate;
                    bestCount = count;
                }
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }

    private static final class PathCounts {
        final List<String> steps;
        long conversions;
        long nulls;
        double value;

        PathCounts(List<String> steps) {
            this.steps = steps;
        }

        String key() {
            return String.join(" > ", steps);
        }

        boolean counted() {
            return conversions > 0 || nulls > 0;
        }
    }
}
