package com.journeyexplorer.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.journeyexplorer.cli.ImportCommand;

/**
 * Malformed files through {@code java -jar app.jar import}: each is rejected with exit code 1 and a reason (never the
 * exit code 2 of an unexpected failure; an empty file is refused with 2 before the database starts), and a final
 * valid import shows that the rejected files wrote nothing.
 */
class MalformedCliImportTests {

    @TempDir
    static Path work;

    record CliCase(String name, String fileName, byte[] content, List<String> options) {
        static CliCase of(String name, String fileName, String content, String... options) {
            return new CliCase(name, fileName, content.getBytes(StandardCharsets.UTF_8), List.of(options));
        }
    }

    @TestFactory
    Stream<DynamicTest> rejectsMalformedFilesAndWritesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CliCase rejected : rejectedFiles()) {
            tests.add(dynamicTest(rejected.name(), () -> {
                Run run = run(rejected);
                assertThat(run.exit()).as(run.err()).isEqualTo(1);
                assertThat(run.err()).contains("rejected:");
            }));
        }
        tests.add(dynamicTest("empty file", () -> {
            Run run = run(CliCase.of("empty file", "empty.csv", ""));
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("empty.csv is empty");
        }));
        tests.add(dynamicTest("a valid file afterwards finds an empty database", () -> {
            Run run = run(CliCase.of("valid", "valid.csv",
                    "journey_id,timestamp,touchpoint\nok-1,2026-03-01T10:00:00Z,Home\nok-1,2026-03-01T10:05:00Z,Cart\n"));
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("The database now holds 1 journey and 2 events");
        }));
        return tests.stream();
    }

    static List<CliCase> rejectedFiles() {
        Random random = new Random(424_242L);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        String header = "journey_id,timestamp,touchpoint\n";
        StringBuilder tooLong = new StringBuilder(header);
        for (int i = 0; i <= 100_000; i++) {
            tooLong.append("long-1,").append(1_772_359_200_000L + i).append(",Step ").append(i % 7).append('\n');
        }
        List<CliCase> cases = new ArrayList<>();
        cases.add(new CliCase("random bytes as CSV", "noise.csv", noise, List.of()));
        cases.add(new CliCase("random bytes as NDJSON", "noise.ndjson", noise, List.of()));
        cases.add(CliCase.of("JSON array in a .csv file", "array.csv",
                "[{\"journey_id\":\"a\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"touchpoint\":\"Home\"}]"));
        cases.add(CliCase.of("CSV in an .ndjson file", "table.ndjson", header + "c-1,2026-03-01T10:00:00Z,Home\n"));
        cases.add(CliCase.of("unterminated quote", "quote.csv", header + "q-1,2026-03-01T10:00:00Z,\"Home\n"));
        cases.add(new CliCase("Latin-1 text", "latin1.csv", (header + "l-1,2026-03-01T10:00:00Z,Caf\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1), List.of()));
        cases.add(CliCase.of("February 30th", "date.csv", header + "d-1,2026-02-30T10:00:00Z,Home\n"));
        cases.add(CliCase.of("a journey of 100,001 events", "long.csv", tooLong.toString()));
        cases.add(CliCase.of("a 10 MB line", "huge.csv", header + "h-1,2026-03-01T10:00:00Z,"
                + "x".repeat(10 * 1024 * 1024) + "\n"));
        cases.add(CliCase.of("aggregated path through a reserved node", "reserved.csv",
                "path;total_conversions;total_null\nA > (start) > B;3;1\n", "--aggregated"));
        cases.add(CliCase.of("aggregated paths that all count zero", "zero.csv",
                "path;total_conversions;total_null\nA > B;0;0\n", "--aggregated"));
        return cases;
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(CliCase file) throws IOException {
        Path path = work.resolve(file.fileName());
        Files.write(path, file.content());
        List<String> args = new ArrayList<>();
        args.add(path.toString());
        args.addAll(file.options());
        args.add("--journeys.data-dir=" + work.resolve("store"));
        args.add("--journeys.neo4j.embedded.bolt-port=0");
        args.add("--journeys.neo4j.embedded.page-cache-size=32MB");
        args.add("--journeys.neo4j.embedded.preallocate-transaction-logs=false");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Files.delete(path);
        String errText = err.toString(StandardCharsets.UTF_8);
        return new Run(exit, out.toString(StandardCharsets.UTF_8),
                errText.length() > 2000 ? errText.substring(0, 2000) : errText);
    }
}
