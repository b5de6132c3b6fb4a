package com.journeyexplorer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads aggregated path counts (one CSV row per path with its conversions, conversion value and non-conversions) and
 * adds up the rows of the same path. Every bad row goes to the {@link ErrorCollector} with its line. Streams the
 * upload; memory is O(distinct paths), not O(rows).
 */
final class AggregatedPathReader {

    /** The largest count of a path: a journey record's weight is an int. */
    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final AggregatedPathOptions options;
    private final ErrorCollector errors;
    private final int maxJourneyLength;
    private final Pattern separator;
    /** The cleaning of the steps' names and its counts, or null without one. */
    private final CleanedNames cleanedNames;

    AggregatedPathReader(AggregatedPathOptions options, ErrorCollector errors, int maxJourneyLength) {
        this.options = options;
        this.errors = errors;
        this.maxJourneyLength = maxJourneyLength;
        this.separator = Pattern.compile("\\s*" + Pattern.quote(options.separator()) + "\\s*");
        this.cleanedNames = options.cleaning().isNone() ? null : new CleanedNames(options.cleaning());
    }

    /**
     * What was read: the counts by path (in the order paths first appear, by their cleaned steps), the rows read, the
     * rows of empty cells passed over, whether to the end, and what cleaning the steps' names did (null without it)
     * with its warnings.
     */
    record AggregatedPaths(Map<String, PathCounts> paths, long rows, long emptyRows, boolean complete,
            ImportReport.Cleaning cleaning, List<ImportWarning> warnings) {

        /** Whether any path has a count above 0. */
        boolean counted() {
            return paths.values().stream().anyMatch(PathCounts::counted);
        }
    }

    /** The counts of one path, added over its rows. */
    static final class PathCounts {
        final List<String> steps;
        long conversions;
        long nulls;
        double value;

        PathCounts(List<String> steps) {
            this.steps = steps;
        }

        /** The path as written in the journey's {@code path} attribute: steps joined by {@code " > "}. */
        String key() {
            return String.join(" > ", steps);
        }

        boolean counted() {
            return conversions > 0 || nulls > 0;
        }
    }

    AggregatedPaths read(InputStream input) {
        return read(input, rows -> {
        });
    }

    /** Reads the upload, telling {@code rowsRead} the data rows read so far after each row. */
    AggregatedPaths read(InputStream input, java.util.function.LongConsumer rowsRead) {
        BufferedInputStream buffered = new BufferedInputStream(input, 1 << 16);
        char delimiter = options.delimiter() != 0 ? options.delimiter() : detectDelimiter(buffered);
        Map<String, PathCounts> paths = new LinkedHashMap<>();
        long[] rows = new long[1];
        CsvRowReader reader = CsvRowReader.forAggregatedPaths(delimiter, options.pathColumn(),
                options.conversionsColumn());
        boolean complete;
        try {
            complete = reader.read(buffered, row -> {
                rows[0]++;
                rowsRead.accept(rows[0]);
                accept(row, paths);
            }, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        return new AggregatedPaths(paths, rows[0], reader.emptyRows(), complete,
                cleanedNames == null ? null : cleanedNames.summary(),
                cleanedNames == null ? List.of() : cleanedNames.warnings());
    }

    private void accept(InputRow row, Map<String, PathCounts> paths) {
        long line = row.line();
        String path = row.get(options.pathColumn()).strip();
        List<String> steps = new ArrayList<>();
        for (String step : separator.split(path, -1)) {
            steps.add(step.strip());
        }
        if (path.isEmpty() || steps.stream().anyMatch(String::isEmpty)) {
            errors.add(line, options.pathColumn(), emptyStep(path, steps));
            return;
        }
        List<String> written = steps;
        if (cleanedNames != null) {
            steps = new ArrayList<>(written.size());
            for (String step : written) {
                String cleaned = cleanedNames.clean(step).strip();
                if (cleaned.isEmpty()) {
                    errors.add(line, options.pathColumn(), "has a step '" + TimestampParser.abbreviate(step)
                            + "' that is empty once cleaned by the rewrite rules");
                    return;
                }
                steps.add(cleaned);
            }
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
                    + " characters" + (cleanedNames == null ? "" : " once cleaned"));
            return;
        }
        String forbidden = steps.stream().map(EventAccumulator::forbiddenCharacter).filter(c -> c != null)
                .findFirst().orElse(null);
        if (forbidden != null) {
            errors.add(line, options.pathColumn(), "has a step with " + forbidden);
            return;
        }
        long conversions = count(row, options.conversionsColumn(), line);
        String nullsColumn = options.nullsColumn() != null ? options.nullsColumn()
                : row.get("total_null") != null ? "total_null" : "total_non_conversions";
        long nulls = row.get(nullsColumn) == null ? 0 : count(row, nullsColumn, line);
        double value = 0;
        String rawValue = row.get(options.valueColumn());
        if (rawValue != null && !rawValue.isBlank()) {
            try {
                value = PlainNumbers.parse(rawValue.strip());
                if (value < 0) {
                    errors.add(line, options.valueColumn(), "must be a number of at least 0");
                    value = -1;
                }
            } catch (NumberFormatException e) {
                // As the event import says it (PlainNumbers.read): 1e400 is a number, one too large for a double.
                errors.add(line, options.valueColumn(), "'" + TimestampParser.abbreviate(rawValue) + "' is "
                        + (PlainNumbers.isPlain(rawValue.strip()) ? "too large a number" : "not a number"));
                value = -1;
            }
        }
        if (conversions < 0 || nulls < 0 || value < 0) {
            return;
        }
        if (conversions == 0 && value > 0) {
            // Only the conversions' record carries a value: without one, the value would be dropped unsaid.
            errors.add(line, options.valueColumn(), "is " + TimestampParser.abbreviate(rawValue.strip())
                    + " on a row without conversions (" + options.conversionsColumn() + " is 0): a conversion "
                    + "value is the value of the row's conversions");
            return;
        }
        String key = String.join(" > ", steps);
        PathCounts counted = paths.get(key);
        // Checked before adding, so that a row skipped with onError=skip leaves the path's counts as they were.
        if (tooLarge(line, options.conversionsColumn(), conversions, counted == null ? 0 : counted.conversions)
                || tooLarge(line, nullsColumn, nulls, counted == null ? 0 : counted.nulls)
                || valueTooLarge(line, value, counted == null ? 0 : counted.value)) {
            return;
        }
        if (cleanedNames != null) {
            for (int i = 0; i < steps.size(); i++) {
                cleanedNames.countStep(written.get(i), steps.get(i), conversions + nulls);
            }
        }
        // Paths that are the same once cleaned are one path: their counts add up.
        List<String> named = steps;
        PathCounts counts = paths.computeIfAbsent(key, k -> new PathCounts(named));
        counts.conversions += conversions;
        counts.nulls += nulls;
        counts.value += value;
    }

    /** Whether {@code count} makes the path's {@code sofar} larger than a journey's weight can be, after saying so. */
    private boolean tooLarge(long line, String column, long count, long sofar) {
        if (count <= Integer.MAX_VALUE - sofar) {
            return false;
        }
        errors.add(line, column, sofar == 0 ? "must be at most " + Integer.MAX_VALUE + ", was " + count
                : "makes the count of this path " + (sofar + count) + " with the rows before; the limit is "
                        + Integer.MAX_VALUE);
        return true;
    }

    /**
     * Whether {@code value} makes the path's conversion value {@code sofar} too large for a double (Infinity, which
     * no answer could write as a JSON number), after saying so.
     */
    private boolean valueTooLarge(long line, double value, double sofar) {
        if (Double.isFinite(sofar + value)) {
            return false;
        }
        errors.add(line, options.valueColumn(), "makes the conversion value of this path, with the rows before, "
                + "larger than the largest number stored (" + Double.MAX_VALUE + ")");
        return true;
    }

    /** Why a path that is empty or has an empty step is refused: where the empty step is. */
    private String emptyStep(String path, List<String> steps) {
        if (path.isEmpty()) {
            return "is empty";
        }
        boolean first = steps.get(0).isEmpty();
        boolean last = steps.get(steps.size() - 1).isEmpty();
        String separator = "the separator '" + options.separator() + "'";
        if (steps.size() == 2 && first && last) {
            return "has no step, only " + separator;
        }
        return first && last ? "starts and ends with " + separator : first ? "starts with " + separator
                : last ? "ends with " + separator : "has an empty step between separators";
    }

    /**
     * A count of 0 or more, or -1 after reporting why the cell is not one. A whole number may be written as a
     * decimal ({@code 3.0}, {@code 1e3}), as pandas writes the counts of a column that held an empty cell: only a
     * fraction ({@code 2.5}) is not a count.
     */
    private long count(InputRow row, String column, long line) {
        String raw = row.get(column);
        String digits = raw.strip();
        BigDecimal number = null;
        if (PlainNumbers.isPlain(digits)) {
            try {
                number = new BigDecimal(digits);
            } catch (NumberFormatException e) {
                // An exponent beyond an int's range (1e99999999999): too large a count, or too small to be whole.
            }
        }
        if (number == null || number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            errors.add(line, column, "'" + TimestampParser.abbreviate(raw) + "' is not a whole number");
            return -1;
        }
        if (number.signum() < 0) {
            errors.add(line, column, "must be 0 or more, was " + TimestampParser.abbreviate(digits));
            return -1;
        }
        if (number.compareTo(MAX_COUNT) > 0) {
            errors.add(line, column, "must be at most " + Integer.MAX_VALUE + ", was "
                    + TimestampParser.abbreviate(digits));
            return -1;
        }
        return number.longValueExact();
    }

    /** The most frequent of {@code ;}, {@code ,} and tab in the first line (read from the first 32 KiB). */
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
}
