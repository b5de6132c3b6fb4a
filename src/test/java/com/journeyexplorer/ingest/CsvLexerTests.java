package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The lexer must split CSV exactly as Commons CSV's RFC 4180 format with empty lines ignored (the import's format
 * before the lexer): the same records and fields, the same line number after each record, the same error message
 * where the input is malformed. Checked on hand-picked cases and on seeded random text made of the characters that
 * matter (delimiters, quotes, both line breaks, spaces).
 */
class CsvLexerTests {

    @Test
    void splitsAsCommonsCsvOnEdgeCases() throws IOException {
        List<String> cases = List.of("", "\n", "\n\n", "a", "a\n", "a,b", "a,b,", "a,b,\n", ",", ",\n,", "a\r\nb",
                "a\rb\r", "a\n\nb\n\n", "\"a\",b", "\"a,b\"\n", "\"a\"\"b\"", "\"a\nb\",c\nd", "\"a\"  ,b",
                "\"a\" x,b", "\"a", "a,\"b\n", " \"a\",b", "a\"b,c", "\r\n\r\na,b\r\n", "\"\"", "\"\"\n\"\",",
                "x,\"y\"\r\n", "é,ü\n€,\uD83D\uDE00", "a,b\n\n\n", "\"a\"\r", "\"a\"\r\nb");
        for (String text : cases) {
            assertThat(lex(text)).as("%s", text.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(commons(text));
        }
    }

    @Test
    void splitsAsCommonsCsvOnRandomText() throws IOException {
        Random random = new Random(42);
        char[] alphabet = {'a', 'b', ',', ',', '"', '\r', '\n', '\n', ' ', 'é'};
        for (int run = 0; run < 2_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String input = text.toString();
            assertThat(lex(input)).as("%s", input.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(commons(input));
        }
    }

    @Test
    void repeatedCellsShareOneString() throws IOException {
        CsvLexer lexer = new CsvLexer(new StringReader("j1,2026-01-01,Home\nj1,2026-01-02,Home\n"), ',');
        lexer.next();
        String journey = lexer.cell(0);
        String touchpoint = lexer.cell(2);
        lexer.next();

        assertThat(lexer.cell(0)).isSameAs(journey);
        assertThat(lexer.cell(2)).isSameAs(touchpoint);
        assertThat(lexer.cell(1)).isEqualTo("2026-01-02");
    }

    /** Each record's fields and the line number after it, then the error, if any, as the lexer reads them. */
    private static List<String> lex(String text) {
        List<String> out = new ArrayList<>();
        CsvLexer lexer = new CsvLexer(new StringReader(text), ',');
        try {
            while (lexer.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < lexer.fields(); i++) {
                    fields.add(lexer.cell(i));
                }
                out.add(fields + " @" + lexer.currentLineNumber());
            }
        } catch (IOException e) {
            out.add("error: " + e.getMessage());
        }
        return out;
    }

    /** The same, read by Commons CSV. */
    private static List<String> commons(String text) throws IOException {
        List<String> out = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    out.add("error: " + e.getCause().getMessage());
                    break;
                }
                out.add(record.toList() + " @" + parser.getCurrentLineNumber());
            }
        }
        return out;
    }
}
