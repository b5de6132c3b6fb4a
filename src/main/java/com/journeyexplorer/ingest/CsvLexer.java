package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

import org.apache.commons.csv.CSVException;

/**
 * Splits CSV text into records exactly as Commons CSV's RFC 4180 format with empty lines ignored does (the format of
 * {@link CsvRowReader#parser}): the same fields, the same line numbers, the same errors with the same messages; a
 * test checks it against Commons CSV. It is several times faster because unquoted fields, almost every field of an
 * event log, are copied from its buffer in one pass instead of character by character, and because a cell equal to a
 * recent value of its column is returned as that value's string ({@link #cell}), so that most rows of a log allocate
 * no string but their timestamp and the hash codes of repeated names are computed once. Not thread-safe.
 */
final class CsvLexer {

    private static final int EOF = -1;
    private static final int UNDEFINED = -2;
    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int QUOTE = '"';

    private final Reader reader;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;

    /** As Commons CSV's reader counts them: characters (and end-of-input reads) read, line breaks, the last char. */
    private long position;
    private long lineBreaks;
    private int lastChar = UNDEFINED;
    private boolean lastTokenDelimiter;
    /** The line the current record starts on, after any empty lines skipped before it. */
    private long recordLine;

    /** The fields of the current record: field i is {@code text[ends[i-1], ends[i])}. */
    private char[] text = new char[256];
    private int textLength;
    private int[] ends = new int[16];
    private int fields;

    private final StringCache cells = new StringCache();

    CsvLexer(Reader reader, char delimiter) {
        this.reader = reader;
        this.delimiter = delimiter;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        fields = 0;
        textLength = 0;
        recordLine = 0;
        Token token;
        do {
            token = nextToken();
            if (token == Token.TOKEN || token == Token.EORECORD || token == Token.EOF_READY) {
                endField();
            }
        } while (token == Token.TOKEN);
        return fields > 0;
    }

    /** Number of fields of the current record. */
    int fields() {
        return fields;
    }

    /**
     * Whether every field of the current record is empty or white space ({@code ,,,}, {@code " ; ;"}): the text of
     * its fields holds nothing else. Stops at the first other character, so most records cost one look.
     */
    boolean blank() {
        for (int i = 0; i < textLength; i++) {
            if (!Character.isWhitespace(text[i])) {
                return false;
            }
        }
        return true;
    }

    /** Field {@code i} of the current record as a new string. */
    String field(int i) {
        int start = i == 0 ? 0 : ends[i - 1];
        return new String(text, start, ends[i] - start);
    }

    /**
     * Field {@code i} of the current record: the string of an equal recent value of column {@code i} when there is
     * one (names, ids and codes repeat from row to row), else a new string, remembered for the rows that follow.
     */
    String cell(int i) {
        int start = i == 0 ? 0 : ends[i - 1];
        return cells.get(i, text, start, ends[i] - start);
    }

    /**
     * The line the current record starts on, counted from 1 over every line of the input, the empty ones skipped
     * before the record included (Commons CSV's line number counts from where the previous record ended).
     */
    long recordLine() {
        return recordLine;
    }

    /** The line number as Commons CSV's {@code CSVParser.getCurrentLineNumber()} gives it. */
    long currentLineNumber() {
        return lastChar == CR || lastChar == LF || lastChar == UNDEFINED || lastChar == EOF ? lineBreaks
                : lineBreaks + 1;
    }

    private enum Token { TOKEN, EORECORD, EOF_READY, EOF }

    private Token nextToken() throws IOException {
        int previous = lastChar;
        int c = read();
        boolean eol = readEndOfLine(c);
        while (eol && isStartOfLine(previous)) {
            previous = c;
            c = read();
            eol = readEndOfLine(c);
            if (c == EOF) {
                return Token.EOF;
            }
        }
        if (previous == EOF || !lastTokenDelimiter && c == EOF) {
            return Token.EOF;
        }
        if (recordLine == 0) {
            // c is the record's first character (or the end after a last delimiter): on the line after the breaks
            // read before it.
            recordLine = c == LF || c == CR ? lineBreaks : lineBreaks + 1;
        }
        if (c == delimiter) {
            lastTokenDelimiter = true;
            return Token.TOKEN;
        }
        lastTokenDelimiter = false;
        if (eol) {
            return Token.EORECORD;
        }
        if (c == QUOTE) {
            return quotedToken();
        }
        if (c == EOF) {
            return Token.EOF_READY;
        }
        return simpleToken(c);
    }

    private static boolean isStartOfLine(int c) {
        return c == LF || c == CR || c == UNDEFINED;
    }

    /** A field without quotes: copied from the buffer up to the next delimiter or line break in one pass. */
    private Token simpleToken(int first) throws IOException {
        append((char) first);
        while (true) {
            int from = pos;
            int at = from;
            char[] chars = buffer;
            int end = limit;
            char separator = delimiter;
            while (at < end) {
                char ch = chars[at];
                if (ch == separator || ch == '\r' || ch == '\n') {
                    break;
                }
                at++;
            }
            if (at > from) {
                appendRange(chars, from, at - from);
                position += at - from;
                lastChar = chars[at - 1];
                pos = at;
            }
            if (at < end) {
                break;
            }
            if (!fill()) {
                break;
            }
        }
        int c = read();
        if (readEndOfLine(c)) {
            lastTokenDelimiter = false;
            return Token.EORECORD;
        }
        if (c == EOF) {
            lastTokenDelimiter = false;
            return Token.EOF_READY;
        }
        lastTokenDelimiter = true;
        return Token.TOKEN;
    }

    /** A field in quotes, character by character as Commons CSV reads it (a doubled quote is a quote). */
    private Token quotedToken() throws IOException {
        long startLine = currentLineNumber();
        while (true) {
            int c = read();
            if (c == QUOTE) {
                if (peek() == QUOTE) {
                    read();
                    append('"');
                    continue;
                }
                while (true) {
                    c = read();
                    if (c == delimiter) {
                        lastTokenDelimiter = true;
                        return Token.TOKEN;
                    }
                    lastTokenDelimiter = false;
                    if (c == EOF) {
                        return Token.EOF_READY;
                    }
                    if (readEndOfLine(c)) {
                        return Token.EORECORD;
                    }
                    if (!Character.isWhitespace((char) c)) {
                        throw new CSVException("Invalid character between encapsulated token and delimiter at line: "
                                + "%,d, position: %,d", currentLineNumber(), position);
                    }
                }
            }
            if (c == EOF) {
                throw new CSVException("(startline %,d) EOF reached before encapsulated token finished", startLine);
            }
            append((char) c);
        }
    }

    private boolean readEndOfLine(int c) throws IOException {
        if (c == CR && peek() == LF) {
            read();
        }
        return c == LF || c == CR;
    }

    private int read() throws IOException {
        int c;
        if (pos < limit || fill()) {
            c = buffer[pos++];
        } else {
            c = EOF;
        }
        if (c == CR || c == LF && lastChar != CR
                || c == EOF && lastChar != CR && lastChar != LF && lastChar != EOF) {
            lineBreaks++;
        }
        lastChar = c;
        position++;
        return c;
    }

    private int peek() throws IOException {
        return pos < limit || fill() ? buffer[pos] : EOF;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void append(char c) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = c;
    }

    private void appendRange(char[] chars, int from, int length) {
        if (textLength + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
        }
        System.arraycopy(chars, from, text, textLength, length);
        textLength += length;
    }

    private void endField() {
        if (fields == ends.length) {
            ends = Arrays.copyOf(ends, fields * 2);
        }
        ends[fields++] = textLength;
    }

    /**
     * Recent strings of each column, by hash: a cell equal to one is returned as it. A column whose cells rarely
     * repeat (timestamps) stops being looked up after a while, so it costs little more than the new strings.
     */
    private static final class StringCache {
        private static final int SLOTS = 1 << 10;
        private static final int TRIAL = 4_096;
        private static final int LONGEST = 64;

        private String[][] columns = new String[0][];
        private int[] hits = new int[0];
        private int[] looks = new int[0];

        String get(int column, char[] chars, int start, int length) {
            if (length == 0) {
                return "";
            }
            if (column >= columns.length) {
                columns = Arrays.copyOf(columns, column + 1);
                hits = Arrays.copyOf(hits, column + 1);
                looks = Arrays.copyOf(looks, column + 1);
            }
            String[] slots = columns[column];
            if (slots == null) {
                slots = new String[SLOTS];
                columns[column] = slots;
            }
            boolean trying = looks[column] < TRIAL;
            if (length > LONGEST || !trying && hits[column] * 4 < looks[column]) {
                return new String(chars, start, length);
            }
            if (trying) {
                looks[column]++;
            }
            int hash = 0;
            for (int i = start; i < start + length; i++) {
                hash = 31 * hash + chars[i];
            }
            int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
            String known = slots[slot];
            if (known != null && known.length() == length && equal(known, chars, start, length)) {
                if (trying) {
                    hits[column]++;
                }
                return known;
            }
            String cell = new String(chars, start, length);
            slots[slot] = cell;
            return cell;
        }

        private static boolean equal(String known, char[] chars, int start, int length) {
            for (int i = 0; i < length; i++) {
                if (known.charAt(i) != chars[start + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
