package com.journeyexplorer.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.util.FileSystemUtils;

/**
 * The first import of a freshly started app, on a stored data directory: a copy of {@code data-dir} (the app's
 * {@code journeys.data-dir}, such as one that {@code import --bulk} wrote), the app started on it and left until its
 * start-up work is done (the process's CPU quiet), a primer of a few rows of the same kind (see {@link #PRIMER_ROWS}),
 * then one upload posted and timed: events to {@code /api/events}, or survey answers to {@code /api/feedback}. The
 * upload is the first sizeable one of its kind in the process, so the JIT compiles its code while it runs, as it does
 * for an import after a restart. An events file and an answers file of the same number of rows, each in a fresh JVM on
 * the same store, compare the two rates like for like. Prints rows per second by the wall clock and per CPU second of
 * the process, and the garbage collectors' and the JIT compiler's time during the import;
 * {@code -Dbench.graphLog=info} logs the phases of the import. Run with
 *
 * <pre>
 * bench/run-java.sh com.journeyexplorer.bench.FirstImportBenchmark DATA-DIR events|feedback FILE
 * </pre>
 */
public final class FirstImportBenchmark {

    private static final double QUIET_CORES = 0.1;
    /**
     * Rows of a small import of the same kind posted before the timed one ({@code -Dbench.primerRows}, default 20):
     * it takes what only the first change after a start pays (an event import then rewrites the aggregated
     * TRANSITION graph, O(journeys)) out of the timing, and is too small to compile much.
     */
    private static final int PRIMER_ROWS = Integer.getInteger("bench.primerRows", 20);

    private FirstImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String kind = args[1];
        Path file = Path.of(args[2]);
        if (!kind.equals("events") && !kind.equals("feedback")) {
            throw new IllegalArgumentException("the kind is events or feedback, not " + kind);
        }
        Path work = Files.createDirectories(Path.of("target", "bench"));
        Path copy = Files.createTempDirectory(work, "first-import-");
        FileSystemUtils.copyRecursively(dataDir, copy);
        System.out.println("machine: " + BenchmarkApp.machine());
        try (BenchmarkApp app = new BenchmarkApp(copy, "--logging.level.com.journeyexplorer.graph="
                + System.getProperty("bench.graphLog", "warn"))) {
            double startedAfter = waitUntilQuiet();
            HttpClient http = HttpClient.newHttpClient();
            String path = kind.equals("events") ? "/api/events?openHorizon=0" : "/api/feedback";
            if (PRIMER_ROWS > 0) {
                post(http, app, path, primer(file));
                startedAfter += waitUntilQuiet();
            }
            long started = System.nanoTime();
            long startedCpu = BenchmarkApp.processCpuNanos();
            long[] startedOverhead = BenchmarkApp.overheadMillis();
            String report = post(http, app, path, HttpRequest.BodyPublishers.ofFile(file));
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (BenchmarkApp.processCpuNanos() - startedCpu) / 1e9;
            long rows = BenchmarkApp.longField(report, "rowsRead");
            long stored = BenchmarkApp.longField(report, kind.equals("events") ? "eventsImported" : "imported");
            System.out.printf(Locale.ROOT, "%s, first import after a start and a primer of %d rows (quiet after %.0f s): "
                    + "%,d rows (%,d stored) in %.2f s (%,.0f/s; %,.0f per CPU second; %s)%n", kind, PRIMER_ROWS,
                    startedAfter, rows, stored, seconds, rows / seconds, rows / cpu,
                    BenchmarkApp.overheadSince(startedOverhead));
        } finally {
            FileSystemUtils.deleteRecursively(copy);
        }
    }

    private static String post(HttpClient http, BenchmarkApp app, String path, HttpRequest.BodyPublisher body)
            throws java.io.IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri(path))
                        .header("Content-Type", "text/csv").header("X-API-Key", BenchmarkApp.API_KEY)
                        .POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * The header and the first {@link #PRIMER_ROWS} rows of {@code file}, their first column (the journey id of an
     * event, the response id of an answer) prefixed with {@code primer-}, so that they are new rows.
     */
    private static HttpRequest.BodyPublisher primer(Path file) throws java.io.IOException {
        StringBuilder primer = new StringBuilder();
        try (var lines = Files.lines(file)) {
            lines.limit(PRIMER_ROWS + 1L).forEach(line -> primer.append(primer.isEmpty() ? line : "primer-" + line)
                    .append('\n'));
        }
        return HttpRequest.BodyPublishers.ofString(primer.toString());
    }

    /** Waits until the process has used less than a tenth of a core for a second (at most two minutes). */
    private static double waitUntilQuiet() throws InterruptedException {
        long started = System.nanoTime();
        long cpu = BenchmarkApp.processCpuNanos();
        while (System.nanoTime() - started < 120_000_000_000L) {
            Thread.sleep(1000);
            long now = BenchmarkApp.processCpuNanos();
            if (now - cpu < QUIET_CORES * 1e9) {
                break;
            }
            cpu = now;
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
