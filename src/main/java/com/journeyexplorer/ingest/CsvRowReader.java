package com.journeyexplorer.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** CSV with a header row (RFC 4180 quoting, any line endings), read with Commons CSV. */
final class CsvRowReader implements RowReader {

    private final char delimiter;
    private final List<String> requiredColumns;

    /**
     * @param requiredColumns columns the header must have; a header without them rejects the upload at line 1
     */
    CsvRowReader(char delimiter, List<String> requiredColumns) {
        this.delimiter = delimiter;
        this.requiredColumns = requiredColumns;
    }

    @Override
    public boolean read(InputStream input, Consumer<InputRow> consumer, ErrorCollector errors) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setIgnoreEmptyLines(true)
                .get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(new BufferedReader(RowReader.utf8(input), 1 << 16))
                    .setFormat(format).get();
        } catch (CharacterCodingException e) {
            errors.add(1, null, "the header is not valid UTF-8 text");
            return false;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            errors.add(1, null, "the header row cannot be read: " + rootMessage(e));
            return false;
        } catch (IOException e) {
            // Commons CSV reports a malformed header (a stray quote, as in JSON sent as CSV) as a CSVException.
            errors.add(1, null, "the header row cannot be read as CSV: " + rootMessage(e));
            return false;
        }
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            errors.add(1, null, "the upload is empty: a header row is expected");
            return false;
        }
        List<String> missing = requiredColumns.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            errors.add(1, String.join(",", missing), "the header has no column " + String.join(", ", missing)
                    + " (columns found: " + TimestampParser.abbreviate(String.join(", ", header))
                    + "); name the columns with query parameters such as journeyColumn, or check the delimiter");
            return false;
        }
        Map<String, Integer> index = new HashMap<>(parser.getHeaderMap());
        long line = parser.getCurrentLineNumber() + 1;
        var iterator = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!iterator.hasNext()) {
                    return true;
                }
                record = iterator.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                errors.add(line, null, describe(e));
                return false;
            }
            long start = line;
            line = parser.getCurrentLineNumber() + 1;
            if (record.size() != header.size()) {
                errors.add(start, null, "has " + record.size() + " fields where the header has " + header.size()
                        + (record.size() == 1 ? " (is the delimiter '" + delimiter + "'?)" : ""));
                continue;
            }
            consumer.accept(new CsvRow(start, record, index, header));
        }
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return "is not valid UTF-8 text";
        }
        return "cannot be read as CSV: " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return TimestampParser.abbreviate(message);
    }

    private record CsvRow(long line, CSVRecord record, Map<String, Integer> index, List<String> header)
            implements InputRow {

        @Override
        public String get(String column) {
            Integer i = index.get(column);
            return i == null ? null : record.get(i);
        }

        @Override
        public void forEach(BiConsumer<String, String> action) {
            for (int i = 0; i < header.size(); i++) {
                action.accept(header.get(i), record.get(i));
            }
        }
    }
}
