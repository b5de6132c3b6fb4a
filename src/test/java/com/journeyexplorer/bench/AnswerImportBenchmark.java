package com.journeyexplorer.bench;

import java.io.BufferedWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoSurvey;

/**
 * Survey answers imported through {@code POST /api/feedback}, beside the events through {@code POST /api/events}, on
 * both data shapes, each into a fresh embedded store: the events of {@code journeys} journeys, then their answers
 * (the demo's {@link DemoSurvey}, joined by journey id; on the clickstream, an answer a minute after every 40th event,
 * joined by customer and time) in {@code files} files (1: all of them in one file, as the bar "at 1 million demo
 * journeys with their responses" reads; 2: the first and the second half), then the events of further journeys with
 * about as many rows as the answers (the events' rate for an upload of the same size into the same store), then all
 * the answers again (all duplicates).
 * Prints rows per second of each (an event row and an answer row are each one input row), by the wall clock and by
 * the CPU time of the process (which a busy shared machine distorts less), the answers' rates over the events', and
 * the garbage collectors' and the JIT compiler's time during each.
 * Run with
 *
 * <pre>
 * bench/run-java.sh com.journeyexplorer.bench.AnswerImportBenchmark [journeys=20000] [shapes=demo,clickstream] [files=2]
 * </pre>
 */
public final class AnswerImportBenchmark {

    private static final int EVERY_NTH_EVENT = 40;

    private AnswerImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String[] shapes = (args.length > 1 ? args[1] : "demo,clickstream").split(",");
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        if (files < 1 || files > 2) {
            throw new IllegalArgumentException("files is 1 (one file) or 2 (two halves)");
        }
        Path work = Files.createDirectories(Path.of("target", "bench"));
        System.out.println("machine: " + BenchmarkApp.machine());
        for (String name : shapes) {
            Shape shape = Shape.named(name);
            Path events = shape.csv(journeys, work);
            Path answers = work.resolve("answers-" + events.getFileName());
            long answerRows = shape == Shape.DEMO ? new DemoSurvey(DemoCsvWriter.DEFAULT_SEED).write(journeys, answers)
                    : clickstreamAnswers(events, answers);
            Path[] parts = files == 1 ? new Path[] {answers} : halves(answers);
            Path dataDir = Files.createTempDirectory(work, "answer-bench-");
            try (BenchmarkApp app = new BenchmarkApp(dataDir)) {
                HttpClient http = HttpClient.newHttpClient();
                long started = System.nanoTime();
                long startedCpu = BenchmarkApp.processCpuNanos();
                long[] startedOverhead = BenchmarkApp.overheadMillis();
                long imported = app.importCsv(http, events);
                double eventSeconds = (System.nanoTime() - started) / 1e9;
                double eventCpu = (BenchmarkApp.processCpuNanos() - startedCpu) / 1e9;
                System.out.printf(Locale.ROOT, "%s, %,d journeys: events %,d in %.1f s (%,.0f/s; %,.0f per CPU "
                        + "second; %s)%n", shape.name, journeys, imported, eventSeconds, imported / eventSeconds,
                        imported / eventCpu, BenchmarkApp.overheadSince(startedOverhead));
                double[] lastAnswerRate = new double[2];
                for (int part = 0; part < parts.length; part++) {
                    started = System.nanoTime();
                    startedCpu = BenchmarkApp.processCpuNanos();
                    startedOverhead = BenchmarkApp.overheadMillis();
                    String report = postAnswers(http, app, parts[part]);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    double cpu = (BenchmarkApp.processCpuNanos() - startedCpu) / 1e9;
                    long rows = BenchmarkApp.longField(report, "rowsRead");
                    lastAnswerRate[0] = rows / seconds;
                    lastAnswerRate[1] = rows / cpu;
                    System.out.printf(Locale.ROOT, "  answers, %s: %,d (%,d stored) in %.2f s (%,.0f/s; %,.0f "
                                    + "per CPU second; %s); answers ÷ events %.2f by the clock, %.2f by CPU time%n",
                            parts.length == 1 ? "one file" : part == 0 ? "first half" : "second half", rows,
                            BenchmarkApp.longField(report, "imported"), seconds, rows / seconds, rows / cpu,
                            BenchmarkApp.overheadSince(startedOverhead), (rows / seconds) / (imported / eventSeconds),
                            (rows / cpu) / (imported / eventCpu));
                }
                // The events' rate depends on the size of the upload (its fixed costs spread over more rows): the
                // same number of event rows as there are answers, into the same store, is the like-for-like rate.
                Path moreEvents = moreEvents(events, answerRows, work);
                started = System.nanoTime();
                startedCpu = BenchmarkApp.processCpuNanos();
                startedOverhead = BenchmarkApp.overheadMillis();
                long more = app.importCsv(http, moreEvents);
                double moreSeconds = (System.nanoTime() - started) / 1e9;
                double moreCpu = (BenchmarkApp.processCpuNanos() - startedCpu) / 1e9;
                System.out.printf(Locale.ROOT, "  events of further journeys, about as many rows as the answers: %,d "
                        + "in %.2f s (%,.0f/s; %,.0f per CPU second; %s); the last answers ÷ these events %.2f by the "
                        + "clock, %.2f by CPU time%n", more, moreSeconds, more / moreSeconds, more / moreCpu,
                        BenchmarkApp.overheadSince(startedOverhead), lastAnswerRate[0] / (more / moreSeconds),
                        lastAnswerRate[1] / (more / moreCpu));
                started = System.nanoTime();
                postAnswers(http, app, answers);
                double againSeconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "  all %,d answers again (duplicates) in %.2f s (%,.0f/s)%n",
                        answerRows, againSeconds, answerRows / againSeconds);
            } finally {
                // A store of a million journeys takes gigabytes: not left behind.
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
            }
        }
    }

    /**
     * The answer file split into its first and second half of rows, each with the header: the first import of a
     * kind in a fresh JVM also pays for compiling its code paths, the second shows the rate once they are compiled.
     */
    private static Path[] halves(Path answers) throws java.io.IOException {
        java.util.List<String> lines = Files.readAllLines(answers, StandardCharsets.UTF_8);
        int middle = 1 + (lines.size() - 1) / 2;
        Path first = answers.resolveSibling(answers.getFileName() + ".1");
        Path second = answers.resolveSibling(answers.getFileName() + ".2");
        java.util.List<String> tail = new java.util.ArrayList<>(lines.subList(middle, lines.size()));
        tail.add(0, lines.get(0));
        Files.write(first, lines.subList(0, middle), StandardCharsets.UTF_8);
        Files.write(second, tail, StandardCharsets.UTF_8);
        return new Path[] {first, second};
    }

    /**
     * The events of further journeys: the first journeys of {@code events} whose rows add up to at least
     * {@code rows}, their journey and customer ids prefixed with {@code more-} so that they are new journeys of new
     * customers, of the same shape as the stored ones. Split at commas: the generated CSVs quote no field.
     */
    private static Path moreEvents(Path events, long rows, Path work) throws java.io.IOException {
        Path more = work.resolve("more-" + rows + "-" + events.getFileName());
        try (java.io.BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(more, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            int customerColumn = java.util.Arrays.asList(header.split(",")).indexOf("customer_id");
            out.write(header);
            out.newLine();
            long written = 0;
            String previous = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split(",", -1);
                if (!fields[0].equals(previous) && written >= rows) {
                    break;
                }
                previous = fields[0];
                fields[0] = "more-" + fields[0];
                fields[customerColumn] = "more-" + fields[customerColumn];
                out.write(String.join(",", fields));
                out.newLine();
                written++;
            }
        }
        return more;
    }

    private static String postAnswers(HttpClient http, BenchmarkApp app, Path answers) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/api/feedback"))
                        .header("Content-Type", "text/csv").header("X-API-Key", BenchmarkApp.API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofFile(answers)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("answer import failed: " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    /** An answer a minute after every 40th event, by customer id and time (no journey id); returns the count. */
    private static long clickstreamAnswers(Path events, Path answers) throws Exception {
        long rows = 0;
        long seen = 0;
        try (Reader in = Files.newBufferedReader(events, StandardCharsets.UTF_8);
                Writer out = new BufferedWriter(Files.newBufferedWriter(answers, StandardCharsets.UTF_8));
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                        .setHeader("customer_id", "timestamp", "touchpoint", "score", "scale", "comment").get())) {
            for (CSVRecord event : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in)) {
                if (++seen % EVERY_NTH_EVENT != 0 || !"touchpoint".equals(event.get("type"))) {
                    continue;
                }
                Instant at = Instant.parse(event.get("timestamp")).plusSeconds(60);
                printer.printRecord(event.get("customer_id"), at.toString(), event.get("touchpoint"),
                        1 + seen % 5, "csat", seen % 3 == 0 ? "comment " + seen : "");
                rows++;
            }
        }
        return rows;
    }
}
