package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The CSV reader parses on a thread of its own and hands rows over in batches: across many batches the consumer must
 * still see every row, and the error collector every problem, in line order, exactly as one thread reading line by
 * line would, and a failure on either side must end the reading without leaving the parsing thread behind.
 */
class CsvRowReaderTests {

    private static final int ROWS = 5_000;

    @Test
    void rowsAndRowProblemsArriveInLineOrderAcrossBatches() throws IOException {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int row = 1; row <= ROWS; row++) {
            // Line = row + 1; every 700th row has a field too many.
            csv.append(row % 700 == 0 ? "j" + row + ",1,A,extra\n" : "j" + row + "," + row + ",A\n");
        }
        List<Long> lines = new ArrayList<>();
        ErrorCollector errors = new ErrorCollector(100);
        boolean complete = reader().read(input(csv.toString()), row -> {
            lines.add(row.line());
            assertThat(row.get("journey_id")).isEqualTo("j" + (row.line() - 1));
        }, errors);

        assertThat(complete).isTrue();
        assertThat(lines).hasSize(ROWS - ROWS / 700).isSorted().doesNotHaveDuplicates();
        assertThat(errors.errors()).extracting(RowError::line)
                .containsExactly(701L, 1401L, 2101L, 2801L, 3501L, 4201L, 4901L);
        assertThat(errors.errors().get(0).reason()).isEqualTo("has 4 fields where the header has 3");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheirOwnLine() throws IOException {
        for (int badRow : new int[] {4, 3_001}) {
            java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
            csv.writeBytes("journey_id,timestamp,touchpoint\n".getBytes(StandardCharsets.UTF_8));
            for (int row = 1; row <= ROWS; row++) {
                csv.writeBytes(("j" + row + "," + row + ",").getBytes(StandardCharsets.UTF_8));
                // Latin-1 "Café": one byte 0xE9 that UTF-8 cannot start a character with.
                csv.writeBytes(row == badRow ? new byte[] {'C', 'a', 'f', (byte) 0xE9} : "Cafe".getBytes());
                csv.write('\n');
            }
            List<Long> lines = new ArrayList<>();
            ErrorCollector errors = new ErrorCollector(100);

            boolean complete = reader().read(new ByteArrayInputStream(csv.toByteArray()), row -> lines.add(row.line()),
                    errors);

            assertThat(complete).isFalse();
            assertThat(lines).as("every row before it is read").hasSize(badRow - 1);
            assertThat(errors.errors()).singleElement().satisfies(error -> {
                assertThat(error.line()).as("not the header, nor where a block of bytes was decoded ahead")
                        .isEqualTo(badRow + 1L);
                assertThat(error.reason()).isEqualTo("is not valid UTF-8 text");
            });
        }
    }

    @Test
    void aMalformedQuoteEndsTheReadingAtItsLine() throws IOException {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int row = 1; row <= ROWS; row++) {
            csv.append(row == 3_000 ? "j,1,\"A\"x\n" : "j" + row + "," + row + ",A\n");
        }
        List<Long> lines = new ArrayList<>();
        ErrorCollector errors = new ErrorCollector(100);

        boolean complete = reader().read(input(csv.toString()), row -> lines.add(row.line()), errors);

        assertThat(complete).isFalse();
        assertThat(lines).hasSize(2_999).last().isEqualTo(3_000L);
        assertThat(errors.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3_001L);
            assertThat(error.field()).as("the column of the stray quote").isEqualTo("touchpoint");
            assertThat(error.reason()).startsWith("has text after the closing '\"' of a quoted field");
        });
    }

    @Test
    void aStrayOrUnclosedQuoteNamesTheColumnOfItsField() throws IOException {
        ErrorCollector stray = new ErrorCollector(100);
        ErrorCollector unclosed = new ErrorCollector(100);

        reader().read(input("journey_id,timestamp,touchpoint\nj1,1,A\n\"j2\"x,2,B\n"), row -> { }, stray);
        reader().read(input("journey_id,timestamp,touchpoint\nj1,\"1,A\nj2,2,B\n"), row -> { }, unclosed);

        assertThat(stray.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3L);
            assertThat(error.field()).isEqualTo("journey_id");
        });
        assertThat(unclosed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2L);
            assertThat(error.field()).isEqualTo("timestamp");
            assertThat(error.reason()).startsWith("opens a quoted field that no closing '\"' ends");
        });
    }

    @Test
    void anUnreadableStreamIsReportedAtTheLineReached() throws IOException {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int row = 1; row <= ROWS; row++) {
            csv.append("j").append(row).append(',').append(row).append(",A\n");
        }
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        ErrorCollector errors = new ErrorCollector(100);
        List<Long> lines = new ArrayList<>();

        boolean complete = reader().read(new SequenceInputStream(input(csv.toString()), failing),
                row -> lines.add(row.line()), errors);

        assertThat(complete).isFalse();
        assertThat(lines).hasSizeLessThanOrEqualTo(ROWS).isSorted();
        assertThat(errors.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .contains("connection reset"));
    }

    @Test
    void aFailingConsumerStopsTheParsingThread() {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
        for (int row = 1; row <= ROWS; row++) {
            csv.append("j").append(row).append(',').append(row).append(",A\n");
        }
        ErrorCollector errors = new ErrorCollector(100);

        assertThatThrownBy(() -> reader().read(input(csv.toString()), row -> {
            if (row.line() == 1_000) {
                throw new IllegalStateException("consumer failed");
            }
        }, errors)).isInstanceOf(IllegalStateException.class).hasMessage("consumer failed");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("csv-parser"));
    }

    @Test
    void aMalformedQuoteInTheHeaderIsSaidAsInARowNotInTheParsersWords() throws IOException {
        for (String[] header : List.of(
                new String[] {"\"touchpoint\"x,timestamp\n", "the header row has text after the closing '\"' of a "
                        + "quoted field (a quote inside a quoted field is written twice, \"\")"},
                new String[] {"\"touchpoint,timestamp\n", "the header row opens a quoted field that no closing '\"' "
                        + "ends before the end of the file (a quote in a name is written twice, \"\")"})) {
            ErrorCollector errors = new ErrorCollector(10);
            boolean complete = reader().read(input(header[0] + "A,1\n"), row -> { }, errors);

            assertThat(complete).isFalse();
            assertThat(errors.errors()).singleElement().satisfies(error -> {
                assertThat(error.line()).isEqualTo(1L);
                assertThat(error.reason()).isEqualTo(header[1]).doesNotContain("encapsulated", "EOF");
            });
        }
    }

    @Test
    void aRepeatedColumnNameIsNamedWithItsPositionsAndBlankNamesMayRepeat() throws IOException {
        ErrorCollector errors = new ErrorCollector(10);
        assertThat(reader().read(input("touchpoint,timestamp,touchpoint\nA,1,B\n"), row -> { }, errors)).isFalse();
        assertThat(errors.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1L);
            assertThat(error.reason()).isEqualTo("the header row cannot be read: columns 1 and 3 are both named "
                    + "'touchpoint'; each column needs a name of its own");
        });

        // A spreadsheet's export with trailing empty columns.
        List<String> touchpoints = new ArrayList<>();
        ErrorCollector none = new ErrorCollector(10);
        assertThat(reader().read(input("touchpoint,timestamp,,,\nA,1,x,y,\n"), row -> touchpoints.add(
                row.get("touchpoint")), none)).isTrue();
        assertThat(none.errors()).isEmpty();
        assertThat(touchpoints).containsExactly("A");
    }

    @Test
    void anEventHeaderWithoutJourneyOrCustomerColumnIsOneErrorNamingTheParameters() throws IOException {
        ErrorCollector errors = new ErrorCollector(10);
        CsvRowReader events = CsvRowReader.forEvents(ImportOptions.defaults(Duration.ofMinutes(30)));
        assertThat(events.read(input("JourneyId,timestamp,touchpoint\nj1,1,A\nj2,2,B\n"), row -> { }, errors))
                .isFalse();
        assertThat(errors.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1L);
            assertThat(error.reason()).startsWith("the header has none of the columns journey_id, customer_id "
                    + "(columns found: JourneyId, timestamp, touchpoint); names match exactly, case and spaces "
                    + "included ('JourneyId' is not journey_id); name one with journeyColumn or customerColumn");
        });

        ErrorCollector byCustomer = new ErrorCollector(10);
        assertThat(CsvRowReader.forEvents(new ImportParameters(null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, "customer", null, null, null, null, null, null, null, null, null, null,
                null).toOptions(Duration.ofMinutes(30))).read(
                input("journey_id,timestamp,touchpoint\nj1,1,A\n"), row -> { }, byCustomer)).isFalse();
        assertThat(byCustomer.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .startsWith("the header has no column customer_id"));

        List<String> read = new ArrayList<>();
        assertThat(events.read(input("customer_id,timestamp,touchpoint\nc1,1,A\n"), row -> read.add(
                row.get("customer_id")), new ErrorCollector(10))).isTrue();
        assertThat(read).containsExactly("c1");
    }

    @Test
    void quotedHeaderNamesAreReadAsCommonsCsvReadsThem() throws IOException {
        String csv = "\r\n\"touch\"\"point\",\"time\nstamp\",\"\"\na,1,x\n";
        List<String> touchpoints = new ArrayList<>();
        CsvRowReader reader = new CsvRowReader(',', List.of("touch\"point", "time\nstamp"));

        boolean complete = reader.read(input(csv), row -> {
            touchpoints.add(row.get("touch\"point") + "@" + row.line());
            assertThat(row.get("time\nstamp")).isEqualTo("1");
        }, new ErrorCollector(10));

        assertThat(complete).isTrue();
        assertThat(touchpoints).containsExactly("a@4");
    }

    private static CsvRowReader reader() {
        return new CsvRowReader(',', List.of("touchpoint", "timestamp"));
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
