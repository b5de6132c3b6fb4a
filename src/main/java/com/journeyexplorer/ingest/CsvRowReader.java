package com.journeyexplorer.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * CSV with a header row (RFC 4180 quoting, any line endings), read as Commons CSV reads it: the records by
 * {@link CsvLexer}, which splits them as Commons CSV does but several times faster, the header by Commons CSV itself.
 * A record whose every cell is empty or white space (a spreadsheet's cleared row) is passed over like an empty line
 * and counted ({@link #emptyRows}); the records after it keep their own line numbers.
 */
final class CsvRowReader implements RowReader {

    private final char delimiter;
    private final List<String> requiredColumns;
    private final Map<String, String> namedColumns;
    private final Map<String, String> anyOfColumns;
    /** The parameter that names each required column, for the rejection of a header without it; may be empty. */
    private Map<String, String> requiredBy = Map.of();
    /**
     * Rows passed over because every cell was empty or white space, counted on the consumer's thread as it reaches
     * them in line order: a reader stopped after a row (a preview's last) has counted those before it only, not those
     * the parsing thread had read ahead.
     */
    private long emptyRows;

    /**
     * @param requiredColumns columns the header must have; a header without them rejects the upload at line 1
     */
    CsvRowReader(char delimiter, List<String> requiredColumns) {
        this(delimiter, requiredColumns, Map.of());
    }

    /**
     * @param requiredColumns columns the header must have; a header without them rejects the upload at line 1
     * @param namedColumns    columns the upload's parameters name, each with its parameter ({@code stars} by
     *                        {@code scoreColumn}): the header must have them too, and the rejection names the parameter
     */
    CsvRowReader(char delimiter, List<String> requiredColumns, Map<String, String> namedColumns) {
        this(delimiter, requiredColumns, namedColumns, Map.of());
    }

    /**
     * @param anyOfColumns columns of which the header must have at least one, each with the parameter that names it
     *                     ({@code journey_id} by {@code journeyColumn}); empty for no such rule
     */
    private CsvRowReader(char delimiter, List<String> requiredColumns, Map<String, String> namedColumns,
            Map<String, String> anyOfColumns) {
        this.delimiter = delimiter;
        this.requiredColumns = requiredColumns;
        this.namedColumns = namedColumns;
        this.anyOfColumns = anyOfColumns;
    }

    /**
     * The reader of aggregated path counts: the header must have the path and conversions columns, and a header
     * without one names the parameter that names it ({@code pathColumn}, {@code conversionsColumn}).
     */
    static CsvRowReader forAggregatedPaths(char delimiter, String pathColumn, String conversionsColumn) {
        CsvRowReader reader = new CsvRowReader(delimiter, List.of(pathColumn, conversionsColumn));
        reader.requiredBy = pathColumn.equals(conversionsColumn) ? Map.of(pathColumn, "pathColumn")
                : Map.of(pathColumn, "pathColumn", conversionsColumn, "conversionsColumn");
        return reader;
    }

    /**
     * The reader of an event upload: the header must have the touchpoint and timestamp columns and the journey or
     * the customer column (the customer column with {@code sessionize=customer}), checked at line 1 rather than as
     * the same error on every row.
     */
    static CsvRowReader forEvents(ImportOptions options) {
        ColumnMapping mapping = options.mapping();
        List<String> required = new ArrayList<>(List.of(mapping.touchpoint(), mapping.timestamp()));
        Map<String, String> anyOf = new LinkedHashMap<>();
        if (options.sessionizeByCustomer()) {
            required.add(mapping.customer());
        } else {
            anyOf.put(mapping.journeyColumns().get(0), "journeyColumn");
            anyOf.put(mapping.customer(), "customerColumn");
        }
        return new CsvRowReader(options.delimiter(), required, options.namedColumns(), anyOf);
    }

    /**
     * A parser of {@code input} as the import reads CSV: RFC 4180 with the header row first (names may be blank, not
     * repeated), empty lines skipped, UTF-8. Reads the header row at once; the rows follow from the parser.
     */
    static CSVParser parser(InputStream input, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
                .setIgnoreEmptyLines(true)
                .get();
        return CSVParser.builder().setReader(new BufferedReader(RowReader.text(input), 1 << 16)).setFormat(format)
                .get();
    }

    @Override
    public boolean read(InputStream input, Consumer<InputRow> consumer, ErrorCollector errors) throws IOException {
        CsvLexer lexer;
        CSVParser parser;
        try {
            lexer = new CsvLexer(RowReader.text(input), delimiter);
            parser = headerParser(lexer, delimiter);
        } catch (CharacterCodingException e) {
            errors.add(1, null, "the header is not valid UTF-8 text");
            return false;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            errors.add(1, null, "the header row cannot be read: " + rootMessage(e));
            return false;
        } catch (IOException e) {
            String compression = Upload.compressionProblem(e);
            if (compression != null) {
                errors.add(1, null, compression);
                return false;
            }
            // Commons CSV reports a malformed header (a stray quote, as in JSON sent as CSV) as a CSVException, said
            // in the words a data row's gets rather than in the library's.
            errors.add(1, null, "the header row " + describe(e));
            return false;
        }
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            errors.add(1, null, "the upload is empty: a header row is expected");
            return false;
        }
        if (header.stream().anyMatch(name -> name.indexOf('\u0000') >= 0)) {
            errors.add(1, null, "the header holds NUL characters, as UTF-16 text without a byte order mark does: "
                    + "save the file as UTF-8 (or as UTF-16 with its byte order mark)");
            return false;
        }
        List<Map.Entry<String, String>> misnamed = namedColumns.entrySet().stream()
                .filter(named -> !header.contains(named.getKey())).toList();
        if (!misnamed.isEmpty()) {
            errors.addForParameters(1, String.join(",", misnamed.stream().map(Map.Entry::getKey).toList()),
                    "the header has no column named by " + String.join(", ", misnamed.stream()
                            .map(named -> named.getValue() + "=" + named.getKey()).toList()) + " (columns found: "
                    + TimestampParser.abbreviate(String.join(", ", header)) + "); names match exactly, case included",
                    String.join(",", misnamed.stream().map(Map.Entry::getValue).distinct().toList()));
            return false;
        }
        List<String> missing = requiredColumns.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            errors.add(1, String.join(",", missing), "the header has no column " + String.join(", ", missing)
                    + " (columns found: " + TimestampParser.abbreviate(String.join(", ", header)) + ")"
                    + lookalikes(missing, header) + otherDelimiter(header, delimiter) + pathCounts(header) + "; name "
                    + (missing.size() == 1 ? "the column" : "the columns")
                    + " with "
                    + (requiredBy.keySet().containsAll(missing) ? String.join(" and ", missing.stream()
                            .map(column -> requiredBy.get(column) + "=...").toList())
                            : "query parameters such as journeyColumn") + ", or check the delimiter");
            return false;
        }
        if (!anyOfColumns.isEmpty() && anyOfColumns.keySet().stream().noneMatch(header::contains)) {
            errors.add(1, String.join(",", anyOfColumns.keySet()), "the header has none of the columns "
                    + String.join(", ", anyOfColumns.keySet()) + " (columns found: "
                    + TimestampParser.abbreviate(String.join(", ", header)) + ")"
                    + lookalikes(List.copyOf(anyOfColumns.keySet()), header) + otherDelimiter(header, delimiter)
                    + "; name one with "
                    + String.join(" or ", anyOfColumns.values()) + ", or check the delimiter");
            return false;
        }
        ColumnIndex index = new ColumnIndex(new HashMap<>(parser.getHeaderMap()));
        return new ParsingThread(lexer, index, header).handTo(consumer, errors);
    }

    /**
     * The header's names written like the {@code missing} ones ({@code " timestamp"} or {@code Timestamp} for
     * {@code timestamp}), as a clause of the refusal: names match exactly, and a space or a capital is easily missed.
     */
    private static String lookalikes(List<String> missing, List<String> header) {
        List<String> found = new ArrayList<>();
        for (String column : missing) {
            String squeezed = ColumnSuggestion.squeezed(column);
            header.stream().filter(name -> !name.equals(column) && ColumnSuggestion.squeezed(name).equals(squeezed))
                    .findFirst().ifPresent(name -> found.add("'" + TimestampParser.abbreviate(name) + "' is not "
                            + column));
        }
        return found.isEmpty() ? "" : "; names match exactly, case and spaces included (" + String.join(", ", found)
                + ")";
    }

    /**
     * The delimiter the header's names are separated by when it is not {@code delimiter} (a spreadsheet's semicolons
     * in much of Europe, a tab), as a clause of the refusal, or nothing.
     */
    private static String otherDelimiter(List<String> header, char delimiter) {
        for (char other : new char[] {';', '\t', '|', ','}) {
            if (other != delimiter && header.stream().anyMatch(name -> name.indexOf(other) >= 0
                    && name.split(java.util.regex.Pattern.quote(String.valueOf(other))).length > 2)) {
                return "; the names are separated by " + (other == '\t' ? "tabs: delimiter=tab" : "'" + other
                        + "': delimiter=" + other) + " reads them";
            }
        }
        return "";
    }

    /**
     * A clause of the refusal naming the import of path counts when the header's names (split at any delimiter) are
     * those of aggregated paths, a {@code path} column beside {@code total_conversions} (ChannelAttribution's and
     * fractribution's exports), else nothing: such a file has no events to read.
     */
    private static String pathCounts(List<String> header) {
        List<String> names = header.stream().flatMap(name -> Arrays.stream(name.split("[;,\t|]")))
                .map(String::strip).toList();
        if (names.stream().anyMatch(AggregatedPathOptions.DEFAULT_PATH_COLUMN::equalsIgnoreCase)
                && names.stream().anyMatch(AggregatedPathOptions.DEFAULT_CONVERSIONS_COLUMN::equalsIgnoreCase)) {
            return "; the columns path and total_conversions are those of path counts (ChannelAttribution, "
                    + "fractribution), which the aggregated-paths import reads (POST /api/journeys/aggregated, or "
                    + "import --aggregated)";
        }
        return "";
    }

    /** A header without rows: refused at line 1, the header's, as the aggregated-paths import refuses it. */
    @Override
    public ImportRejectedException noRows() {
        return noRows(emptyRows);
    }

    /**
     * The refusal of a header followed by no row, or by {@code emptyRows} rows of empty cells only, which are passed
     * over: at line 1, the header's.
     */
    static ImportRejectedException noRows(long emptyRows) {
        return new ImportRejectedException(emptyRows == 0 ? "the upload has no data rows, only a header"
                : "the upload has no data rows, only a header and rows of empty cells", List.of(new RowError(1, null,
                noRowsReason(emptyRows))), 1);
    }

    @Override
    public String noRowsReason() {
        return noRowsReason(emptyRows);
    }

    private static String noRowsReason(long emptyRows) {
        return "is the header, and no data row follows it" + (emptyRows == 0 ? "" : " (" + (emptyRows == 1
                ? "the row after it has" : "the " + ImportWarning.number(emptyRows) + " rows after it have")
                + " empty cells only, which are passed over)");
    }

    /**
     * Rows passed over because every cell was empty or white space: once {@link #read} has returned, or, from the
     * consumer, those before the row it is handed.
     */
    @Override
    public long emptyRows() {
        return emptyRows;
    }

    /**
     * The header row, read by {@code lexer} and handed to Commons CSV (each name quoted) so that the header's names,
     * and its problems (a repeated name), are exactly those of {@link #parser}.
     */
    private static CSVParser headerParser(CsvLexer lexer, char delimiter) throws IOException {
        StringBuilder header = new StringBuilder();
        Map<String, Integer> positions = new HashMap<>();
        if (lexer.next()) {
            for (int i = 0; i < lexer.fields(); i++) {
                String name = lexer.field(i);
                Integer first = name.isBlank() ? null : positions.putIfAbsent(name, i + 1);
                if (first != null) {
                    // Blank names may repeat (a spreadsheet's trailing empty columns); a name may not.
                    throw new IllegalArgumentException("columns " + first + " and " + (i + 1) + " are both named '"
                            + TimestampParser.abbreviate(name) + "'; each column needs a name of its own");
                }
                if (i > 0) {
                    header.append(delimiter);
                }
                header.append('"').append(name.replace("\"", "\"\"")).append('"');
            }
        }
        return parser(new java.io.ByteArrayInputStream(header.toString().getBytes(StandardCharsets.UTF_8)),
                delimiter);
    }

    /**
     * Parses the records on a thread of their own and hands them over in batches, so that parsing (the larger part
     * of reading an upload) and the consumer's work on each row run on two cores at once. Row problems travel in the
     * batches in line order, so the consumer's thread records every error exactly as a single thread would.
     */
    private final class ParsingThread {
        private static final int BATCH = 512;
        private static final Object END = new Object();
        /** A row of empty cells only, passed over and counted when the consumer reaches it. */
        private static final Object EMPTY_ROW = new Object();

        private final CsvLexer lexer;
        private final ColumnIndex index;
        private final List<String> header;
        private final BlockingQueue<Object[]> batches = new ArrayBlockingQueue<>(16);
        private volatile boolean cancelled;

        /**
         * A row that is rejected ({@code fatal}: and ends the reading) at {@code line}, about the column
         * {@code field} (null for the row as a whole).
         */
        private record Problem(long line, String field, String reason, boolean fatal) {
        }

        /** Parsing failed unexpectedly: rethrown on the consumer's thread. */
        private record Failure(Throwable cause) {
        }

        ParsingThread(CsvLexer lexer, ColumnIndex index, List<String> header) {
            this.lexer = lexer;
            this.index = index;
            this.header = header;
        }

        boolean handTo(Consumer<InputRow> consumer, ErrorCollector errors) throws IOException {
            Thread parsing = new Thread(this::parse, "csv-parser");
            parsing.setDaemon(true);
            parsing.start();
            try {
                while (true) {
                    for (Object item : takeBatch()) {
                        if (item == null) {
                            break;
                        }
                        if (item instanceof CsvRow row) {
                            consumer.accept(row);
                        } else if (item instanceof Problem problem) {
                            errors.add(problem.line(), problem.field(), problem.reason());
                            if (problem.fatal()) {
                                return false;
                            }
                        } else if (item instanceof Failure failure) {
                            if (failure.cause() instanceof RuntimeException runtime) {
                                throw runtime;
                            }
                            throw (Error) failure.cause();
                        } else if (item == EMPTY_ROW) {
                            emptyRows++;
                        } else if (item == END) {
                            return true;
                        }
                    }
                }
            } finally {
                // The parser reads the request body: it must be done with it before the request ends.
                cancelled = true;
                batches.clear();
                joinUninterruptibly(parsing);
            }
        }

        private Object[] takeBatch() throws IOException {
            try {
                return batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading the upload");
            }
        }

        private void parse() {
            Object[] batch = new Object[BATCH];
            int size = 0;
            long line = lexer.currentLineNumber() + 1;
            int columns = header.size();
            try {
                while (!cancelled) {
                    Object item;
                    try {
                        if (!lexer.next()) {
                            item = END;
                        } else {
                            long start = lexer.recordLine();
                            line = lexer.currentLineNumber() + 1;
                            int fields = lexer.fields();
                            if (lexer.blank()) {
                                // A spreadsheet's cleared row (,,,, or ;;;;), passed over like an empty line.
                                item = EMPTY_ROW;
                            } else if (fields == columns) {
                                String[] cells = new String[fields];
                                for (int i = 0; i < fields; i++) {
                                    cells[i] = lexer.cell(i);
                                }
                                item = new CsvRow(start, cells, index, header);
                            } else {
                                item = new Problem(start, null, "has " + fields + " fields where the header has "
                                        + columns + fieldCountHint(fields, columns), false);
                            }
                        }
                    } catch (IOException e) {
                        item = new Problem(lexer.recordLine() > 0 ? lexer.recordLine() : line, quotedColumn(e),
                                describe(e), true);
                    }
                    batch[size++] = item;
                    boolean last = item == END || item instanceof Problem problem && problem.fatal();
                    if (size == BATCH || last) {
                        put(batch);
                        batch = new Object[BATCH];
                        size = 0;
                    }
                    if (last) {
                        return;
                    }
                }
            } catch (RuntimeException | Error e) {
                Object[] failed = {new Failure(e)};
                put(failed);
            }
        }

        /**
         * The column of the field whose quotes {@code e} finds malformed (a stray quote, one never closed): the field
         * being read when the lexer stopped, after the record's {@link CsvLexer#fields} complete ones; null for any
         * other failure, or a field beyond the header or under a column without a name.
         */
        private String quotedColumn(IOException e) {
            if (!(e instanceof CSVException)) {
                return null;
            }
            int field = lexer.fields();
            return field < header.size() && !header.get(field).isEmpty() ? header.get(field) : null;
        }

        /**
         * A likely cause of a row of {@code fields} fields under a header of {@code columns}: another delimiter, or
         * a delimiter at the end of the line (of the row, or of the header) that adds an empty field.
         */
        private String fieldCountHint(int fields, int columns) {
            if (fields == 1) {
                return " (is the delimiter '" + delimiter + "'?)";
            }
            if (fields == columns + 1 && lexer.field(fields - 1).isEmpty()) {
                return " (its last field is empty: a delimiter at the end of the line?)";
            }
            if (fields == columns - 1 && header.get(columns - 1).isEmpty()) {
                return " (the header's last column has no name: a delimiter at the end of the header line?)";
            }
            return "";
        }

        /** Waits for room in the queue, unless the consumer has stopped taking batches. */
        private void put(Object[] batch) {
            try {
                while (!cancelled && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    // The consumer is busy; wait on.
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return "is not valid UTF-8 text";
        }
        String compression = Upload.compressionProblem(cause);
        if (compression != null) {
            return compression;
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "opens a quoted field that no closing '\"' ends before the end of the file (a quote in a name is "
                    + "written twice, \"\")";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "has text after the closing '\"' of a quoted field (a quote inside a quoted field is written "
                    + "twice, \"\")";
        }
        return "cannot be read as CSV: " + rootMessage(cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return TimestampParser.shortened(message);
    }

    /** A record's cells in header order; cells repeated from row to row share one string ({@link CsvLexer#cell}). */
    private record CsvRow(long line, String[] cells, ColumnIndex index, List<String> header)
            implements InputRow {

        @Override
        public String get(String column) {
            int i = index.of(column);
            return i < 0 ? null : cells[i];
        }

        @Override
        public void forEach(BiConsumer<String, String> action) {
            for (int i = 0; i < cells.length; i++) {
                action.accept(header.get(i), cells[i]);
            }
        }
    }

    /**
     * Column positions by name. The consumer of the rows asks for the same columns with the same strings row after
     * row: a string asked before is found by identity in a small table, without hashing or comparing it. Read by
     * one thread at a time (the consumer's).
     */
    private static final class ColumnIndex {
        private static final int SLOTS = 32;
        private final Map<String, Integer> positions;
        private final String[] asked = new String[SLOTS];
        private final int[] answers = new int[SLOTS];

        ColumnIndex(Map<String, Integer> positions) {
            this.positions = positions;
        }

        int of(String column) {
            if (column == null) {
                return -1;
            }
            int slot = column.hashCode() & (SLOTS - 1);
            if (asked[slot] == column) {
                return answers[slot];
            }
            Integer position = positions.get(column);
            int answer = position == null ? -1 : position;
            asked[slot] = column;
            answers[slot] = answer;
            return answer;
        }
    }
}
