package com.journeyexplorer.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Newline-delimited JSON: one object per line; scalar values are read as text (a number as written: {@code 1e2} is
 * not {@code 100}), nested values as JSON text. A line with the same key twice is a bad row (which value would count
 * is not defined by JSON). Which values were booleans, objects or arrays is kept ({@link InputRow#jsonKind}): an
 * extra column may hold them, a field may not ({@link JsonFieldTypes}). A key named by a parameter
 * ({@code touchpointColumn=page}) that no object of the upload has is a misspelt parameter, refused as a CSV header
 * without the column is: one problem naming the parameter rather than a row error on every object (a key missing
 * from some objects only stays a row error).
 */
final class NdjsonRowReader implements RowReader {

    // Decimal numbers are read as BigDecimal, not rounded through a double, and kept as written (numbersAsWritten):
    // 1396437466.94 stays an epoch second with a fraction, 1e2 an id that is not 100, 1e400 a number too large.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The keys the upload's parameters name, each with its parameter ({@code stars} by {@code scoreColumn}). */
    private final Map<String, String> namedColumns;
    /** Lines of white space only, passed over. */
    private long emptyRows;

    NdjsonRowReader() {
        this(Map.of());
    }

    /**
     * @param namedColumns keys the upload's parameters name, each with its parameter: some object of the upload must
     *                     have each,
     *                     else the upload is refused naming the parameter
     */
    NdjsonRowReader(Map<String, String> namedColumns) {
        this.namedColumns = namedColumns;
    }

    @Override
    public boolean read(InputStream input, Consumer<InputRow> consumer, ErrorCollector errors) throws IOException {
        BufferedReader reader;
        try {
            reader = new BufferedReader(RowReader.text(input), 1 << 16);
        } catch (CharacterCodingException e) {
            // text() reads the first character to drop a BOM, so bad bytes at the very start fail here.
            errors.add(1, null, "is not valid UTF-8 text");
            return false;
        } catch (IOException e) {
            return compressionProblem(e, 1, errors);
        }
        long line = 0;
        // Emptied as the keys turn up, so that once each was seen the objects cost no more look-ups.
        Map<String, String> unseen = new LinkedHashMap<>(namedColumns);
        long firstObjectLine = 0;
        String firstObjectKeys = null;
        while (true) {
            String text;
            try {
                text = reader.readLine();
            } catch (CharacterCodingException e) {
                errors.add(line + 1, null, "is not valid UTF-8 text");
                return false;
            } catch (IOException e) {
                return compressionProblem(e, line + 1, errors);
            }
            if (text == null) {
                return firstObjectKeys == null || unseen.isEmpty()
                        || refuseUnseenKeys(unseen, firstObjectLine, firstObjectKeys, errors);
            }
            line++;
            if (text.isBlank()) {
                if (!text.isEmpty()) {
                    emptyRows++;
                }
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JacksonException e) {
                errors.add(line, null, unreadable(text, e));
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.add(line, null, "is not a JSON object (NDJSON wants one object per line)");
                continue;
            }
            if (node.isEmpty()) {
                // Refused, not passed over like a line of spaces: a writer wrote an object, so a record was meant.
                errors.add(line, null, "is an empty JSON object, {}, without any of the fields a row needs; leave the "
                        + "line out (an empty line is passed over)");
                continue;
            }
            if (firstObjectKeys == null) {
                firstObjectLine = line;
                firstObjectKeys = String.join(", ", node.propertyNames());
            }
            if (!unseen.isEmpty()) {
                unseen.keySet().removeIf(node::has);
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> kinds = null;
            Map<String, String> numbers = null;
            boolean scanned = false;
            for (var property : node.properties()) {
                JsonNode value = property.getValue();
                if (!scanned && value.isNumber()
                        && (value.isFloatingPointNumber() || "0".equals(value.asString()))) {
                    scanned = true;
                    if (mayReadOtherwiseThanWritten(text)) {
                        numbers = numbersAsWritten(text);
                    }
                }
                values.put(property.getKey(), value.isNull() ? ""
                        : numbers != null && value.isNumber() ? numbers.get(property.getKey())
                        // A decimal's plain text is the text it was read from, trailing zeros included (2.50),
                        // where its toString could write 0.0000001 as 1E-7.
                        : value.isBigDecimal() ? value.decimalValue().toPlainString()
                        : value.isValueNode() ? value.asString() : value.toString());
                String kind = value.isBoolean() ? "a boolean" : value.isObject() ? "an object"
                        : value.isArray() ? "an array" : null;
                if (kind != null) {
                    kinds = kinds == null ? new HashMap<>() : kinds;
                    kinds.put(property.getKey(), kind);
                }
            }
            consumer.accept(new JsonRow(line, values, kinds == null ? Map.of() : kinds));
        }
    }

    /**
     * Whether {@code line} may hold a number whose parsed value does not give its text back, so that its numbers
     * must be read again as tokens ({@link #numbersAsWritten}): an exponent ({@code 1e2}, {@code 1.5E0}: a digit
     * followed by {@code e} or {@code E}) or a negative zero ({@code -0}, {@code -0.00}), whose sign a parsed zero
     * drops. Every other JSON number gives its text back: an integer as such, a decimal as its plain text with its
     * trailing zeros (JSON has no leading {@code +}, leading zeros, {@code NaN} or bare {@code .5}, and the parser
     * refuses them). Text inside strings may match too, which only costs the second read. O(line length).
     */
    static boolean mayReadOtherwiseThanWritten(String line) {
        int length = line.length();
        for (int at = 1; at < length; at++) {
            char c = line.charAt(at);
            if ((c == 'e' || c == 'E') && isDigit(line.charAt(at - 1))) {
                return true;
            }
            if (c == '0' && line.charAt(at - 1) == '-' && isNegativeZero(line, at + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text after {@code -0} ends a zero: no digit follows (a number has no second leading zero, so
     * {@code -01} is text, an id such as {@code demo-000001}), or only zeros follow its decimal point.
     */
    private static boolean isNegativeZero(String line, int next) {
        int length = line.length();
        if (next < length && line.charAt(next) == '.') {
            next++;
            while (next < length && line.charAt(next) == '0') {
                next++;
            }
        }
        return next >= length || !isDigit(line.charAt(next));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The numbers of the object on {@code line} (JSON the mapper read) by key, as written: {@code 1e2}, {@code 1.0},
     * {@code -0}, as an id or text, is kept as such rather than turned into {@code 100} or {@code 0}. Read only for a
     * line with a decimal number or a zero that {@link #mayReadOtherwiseThanWritten} finds may read otherwise than
     * its text; O(line length).
     */
    private static Map<String, String> numbersAsWritten(String line) {
        Map<String, String> numbers = new HashMap<>();
        try (JsonParser parser = JSON.createParser(line)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                    numbers.put(key, parser.getString());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return numbers;
    }

    /**
     * Why a line is no JSON: in the words of a JSON array's remains when it is one (a comma after the object, a
     * bracket on its own line), as when an array of objects is split into lines, else the parser's.
     */
    private static String unreadable(String text, JacksonException e) {
        String line = text.strip();
        if (line.equals("[") || line.equals("]") || line.equals("],") || line.equals("[]")) {
            return "is '" + line + "', part of a JSON array: NDJSON has one object per line, without brackets or "
                    + "commas around them";
        }
        if (line.endsWith(",") && line.startsWith("{")) {
            try {
                if (JSON.readTree(line.substring(0, line.length() - 1)).isObject()) {
                    return "has a comma after its object: NDJSON separates objects by line breaks alone, "
                            + "without commas";
                }
            } catch (JacksonException notAnObjectEither) {
                // Described below, as the parser found it.
            }
        }
        if (hasTrailingComma(line)) {
            return "is not a JSON object: a comma before a closing '}' or ']' (a trailing comma) is not JSON";
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("Leading zeroes not allowed")) {
            // An id such as 007 written unquoted by a script: as a number it would be 7, another journey.
            return "is not a JSON object: a number with a leading zero (007) is not JSON; write an id with leading "
                    + "zeros as a string, \"007\"";
        }
        return "is not a JSON object: " + TimestampParser.shortened(JsonReadMessages.withoutParserSettings(message));
    }

    /** Whether a comma in {@code line} is followed, after white space only, by a closing brace or bracket. O(n). */
    private static boolean hasTrailingComma(String line) {
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', comma + 1)) {
            int next = comma + 1;
            while (next < line.length() && Character.isWhitespace(line.charAt(next))) {
                next++;
            }
            if (next < line.length() && (line.charAt(next) == '}' || line.charAt(next) == ']')) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long emptyRows() {
        return emptyRows;
    }

    @Override
    public String noRowsReason() {
        return "has no JSON object (NDJSON wants one per line)";
    }

    /**
     * Refuses the upload for the parameters whose key no object has (and returns false), as {@link CsvRowReader}
     * refuses a header without a named column: the row errors collected before are dropped, since they follow from
     * the parameter (every object missing its field) and it is what to fix first.
     */
    static boolean refuseUnseenKeys(Map<String, String> unseen, long line, String firstKeys,
            ErrorCollector errors) {
        errors.replaceWithParameterError(line, String.join(",", unseen.keySet()), "no object has the key named by "
                + String.join(", ", unseen.entrySet().stream().map(named -> named.getValue() + "=" + named.getKey())
                        .toList()) + " (keys of line " + line + ": " + TimestampParser.abbreviate(firstKeys)
                + "); names match exactly, case included", String.join(",", unseen.values().stream().distinct()
                        .toList()));
        return false;
    }

    /** Reports corrupt compressed data at {@code line} (and returns false); rethrows any other failure. */
    private static boolean compressionProblem(IOException e, long line, ErrorCollector errors) throws IOException {
        String problem = Upload.compressionProblem(e);
        if (problem == null) {
            throw e;
        }
        errors.add(line, null, problem);
        return false;
    }

    /** {@code kinds}: the JSON kind of each value that is a boolean, object or array. */
    private record JsonRow(long line, Map<String, String> values, Map<String, String> kinds) implements InputRow {

        @Override
        public String get(String column) {
            return values.get(column);
        }

        @Override
        public String jsonKind(String column) {
            return kinds.get(column);
        }

        @Override
        public boolean hasJsonStructures() {
            return !kinds.isEmpty();
        }

        @Override
        public void forEach(BiConsumer<String, String> action) {
            values.forEach(action);
        }
    }
}
