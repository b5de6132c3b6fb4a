package com.journeyexplorer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCsvWriterTests {

    @TempDir
    Path dir;

    @Test
    void writesEveryEventAsARowThatParsesBack() throws IOException {
        Path file = dir.resolve("demo.csv");
        List<DemoEvent> events = new ArrayList<>();
        new DemoStore(42).generate(800, events::add);

        long rows = DemoCsvWriter.write(new DemoStore(42), 800, file);

        assertThat(rows).isEqualTo(events.size());
        try (Reader in = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(in)) {
            assertThat(parser.getHeaderNames()).containsExactly(DemoCsvWriter.HEADER);
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(events.size());
            for (int i = 0; i < events.size(); i++) {
                DemoEvent event = events.get(i);
                CSVRecord record = records.get(i);
                assertThat(record.size()).isEqualTo(11);
                assertThat(record.get("journey_id")).isEqualTo(event.journeyId());
                assertThat(record.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                assertThat(Instant.parse(record.get("timestamp")).toEpochMilli()).isEqualTo(event.timestamp());
                assertThat(record.get("touchpoint")).isEqualTo(event.touchpoint());
                assertThat(record.get("channel")).isEqualTo(event.channel());
                assertThat(record.get("stage")).isEqualTo(event.stage());
                assertThat(record.get("customer_id")).isEqualTo(event.customerId());
                assertThat(record.get("owner")).isEqualTo(event.owner());
                assertThat(record.get("type")).isEqualTo(event.type());
                assertThat(record.get("value").isEmpty() ? 0 : Double.parseDouble(record.get("value")))
                        .isEqualTo(event.value());
                if (!event.type().equals("purchase")) {
                    assertThat(record.get("value")).as("no journey attribute value=0").isEmpty();
                }
                assertThat(record.get("segment")).isEqualTo(event.segment());
                assertThat(record.get("device")).isEqualTo(event.device());
            }
        }
    }

    @Test
    void quotesFieldsThatNeedIt() throws IOException {
        Path file = dir.resolve("demo.csv");
        DemoCsvWriter.write(new DemoStore(1), 50, file);

        String text = Files.readString(file);
        // "Checkout - shipping costs" needs no quotes, and nothing else does either: RFC 4180 minimal quoting.
        assertThat(text).doesNotContain("\"").contains("\r\n");
        assertThat(text.lines().skip(1)).allMatch(line -> line.split(",", -1).length == 11);
    }

    @Test
    void reportsEachFinishedJourney() throws IOException {
        List<Integer> done = new ArrayList<>();

        DemoCsvWriter.write(new DemoStore(3), 25, dir.resolve("demo.csv"), done::add);

        assertThat(done).hasSize(25).startsWith(1, 2, 3).endsWith(25);
    }

    @Test
    void writesValuesWithTwoDecimalsAndZeroAsZero() {
        assertThat(DemoCsvWriter.value(0)).isEmpty();
        assertThat(DemoCsvWriter.value(59.9)).isEqualTo("59.90");
        assertThat(DemoCsvWriter.value(120.05)).isEqualTo("120.05");
        assertThat(DemoCsvWriter.value(7)).isEqualTo("7.00");
    }

    @Test
    void mainWritesTheFileForTheGivenSeed() throws IOException {
        Path file = dir.resolve("main.csv");
        Path expected = dir.resolve("expected.csv");

        DemoCsvWriter.main(new String[] {"30", file.toString(), "9"});
        DemoCsvWriter.write(new DemoStore(9), 30, expected);

        assertThat(Files.readAllLines(file)).hasSizeGreaterThan(60).isEqualTo(Files.readAllLines(expected));
    }
}
