package com.journeyexplorer.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

import com.journeyexplorer.cli.ImportCommand;
import com.journeyexplorer.graph.JourneyProjection;

/**
 * Bulk load against online import, side by side in one run: the demo store's CSV of N journeys bulk-loaded into an
 * empty store ({@code import --bulk}, in this JVM, as the command line runs it), then the app opening that store
 * (schema created, indexes populated, projection loaded); then the app started on another, empty store and the same
 * file sent through {@code POST /api/events}. Times, events per second, peak heap of each, and both end to end (from
 * the file to the app answering from it). {@code -Dbench.onlineFirst=true} runs the online path first, so that the
 * warm-up of the JVM (Spring, Neo4j, the parser) counts against it instead. Run with {@code bench/bulk-load.sh
 * [journeys]}.
 */
public final class BulkLoadBenchmark {

    private static final Pattern EVENTS = Pattern.compile("Imported ([0-9,]+) events");

    /** The store's and the import's phase timings in the log (the benchmark app logs warnings only). */
    private static final String[] PHASE_LOGS = {"--logging.level.com.journeyexplorer.graph=info",
            "--logging.level.com.journeyexplorer.ingest=info", "--logging.level.com.journeyexplorer.config=info"};

    /** CPU time of this process so far, in seconds: on a shared machine, what each path cost whatever else runs. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** What the online path took: the app's start on an empty store, then the POST. */
    private record Online(double startSeconds, double startCpu, double seconds, double cpu, long peakHeap,
            long events) {
    }

    private static Online online(Path csv, Path dataDir) throws Exception {
        long starting = System.nanoTime();
        double cpu = cpuSeconds();
        try (BenchmarkApp app = new BenchmarkApp(dataDir, PHASE_LOGS)) {
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            double startCpu = cpuSeconds() - cpu;
            cpu = cpuSeconds();
            BenchmarkApp.resetPeakHeap();
            long posting = System.nanoTime();
            long imported = app.importCsv(HttpClient.newHttpClient(), csv);
            return new Online(startSeconds, startCpu, (System.nanoTime() - posting) / 1e9, cpuSeconds() - cpu,
                    BenchmarkApp.peakHeapMiB(), imported);
        }
    }

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
        Path csv = BenchmarkApp.demoCsv(journeys, work);
        long bytes = Files.size(csv);
        Path bulkDir = Files.createTempDirectory(work, "bulk-bench-");
        Path onlineDir = Files.createTempDirectory(work, "online-bench-");
        boolean onlineFirst = Boolean.getBoolean("bench.onlineFirst");
        try {
            Online online = onlineFirst ? online(csv, onlineDir) : null;
            BenchmarkApp.resetPeakHeap();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long started = System.nanoTime();
            double cpu = cpuSeconds();
            int exit = ImportCommand.run(new String[] {"--bulk", csv.toString(), "--openHorizon=0",
                            "--journeys.data-dir=" + bulkDir},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            double bulkSeconds = (System.nanoTime() - started) / 1e9;
            double bulkCpu = cpuSeconds() - cpu;
            long bulkHeap = BenchmarkApp.peakHeapMiB();
            String summary = out.toString(StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException("bulk load failed (" + exit + "): " + summary);
            }
            Matcher matcher = EVENTS.matcher(summary);
            if (!matcher.find()) {
                throw new IllegalStateException("no event count in " + summary);
            }
            long events = Long.parseLong(matcher.group(1).replace(",", ""));

            long opening = System.nanoTime();
            cpu = cpuSeconds();
            long opened;
            try (BenchmarkApp app = new BenchmarkApp(bulkDir, PHASE_LOGS)) {
                opened = app.context.getBean(JourneyProjection.class).current().journeyCount();
            }
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            double openCpu = cpuSeconds() - cpu;
            if (opened != journeys) {
                throw new IllegalStateException("the app opened " + opened + " journeys, not " + journeys);
            }
            if (online == null) {
                online = online(csv, onlineDir);
            }
            if (online.events != events) {
                throw new IllegalStateException("online import stored " + online.events + " events, bulk " + events);
            }
            double startSeconds = online.startSeconds;
            double startCpu = online.startCpu;
            double onlineSeconds = online.seconds;
            double onlineCpu = online.cpu;
            long onlineHeap = online.peakHeap;
            double bulkEndToEnd = bulkSeconds + openSeconds;
            double onlineEndToEnd = startSeconds + onlineSeconds;

            System.out.println();
            System.out.printf(Locale.ROOT, "| data | %,d journeys, %,d events, %,d MB CSV (demo shape) |%n", journeys,
                    events, bytes >> 20);
            System.out.printf(Locale.ROOT, "| machine | %s |%n", BenchmarkApp.machine());
            System.out.printf(Locale.ROOT, "| order in this JVM | %s |%n", onlineFirst
                    ? "online import first, then bulk load (-Dbench.onlineFirst=true)" : "bulk load first, then online");
            System.out.printf(Locale.ROOT, "| `import --bulk` (read, validate, build journeys, batch importer) | %.1f s"
                    + " (%.1f CPU s), %,.0f events/s, peak heap %,d MiB |%n", bulkSeconds, bulkCpu, events / bulkSeconds,
                    bulkHeap);
            System.out.printf(Locale.ROOT, "| then the app's first start on that store (schema, index population,"
                    + " projection) | %.1f s (%.1f CPU s) |%n", openSeconds, openCpu);
            System.out.printf(Locale.ROOT, "| the app's start on an empty store | %.1f s (%.1f CPU s) |%n", startSeconds,
                    startCpu);
            System.out.printf(Locale.ROOT, "| then POST /api/events (same file) | %.1f s (%.1f CPU s), %,.0f events/s,"
                    + " peak heap %,d MiB |%n", onlineSeconds, onlineCpu, events / onlineSeconds, onlineHeap);
            System.out.printf(Locale.ROOT, "| ratio of the loads (POST / bulk load), time and CPU time | %.1f, %.1f |%n",
                    onlineSeconds / bulkSeconds, onlineCpu / bulkCpu);
            System.out.printf(Locale.ROOT, "| end to end, files to the app serving them: bulk load and first start |"
                    + " %.1f s (%.1f CPU s), %,.0f events/s |%n", bulkEndToEnd, bulkCpu + openCpu, events / bulkEndToEnd);
            System.out.printf(Locale.ROOT, "| end to end: start on an empty store and POST | %.1f s (%.1f CPU s),"
                    + " %,.0f events/s |%n", onlineEndToEnd, startCpu + onlineCpu, events / onlineEndToEnd);
            System.out.printf(Locale.ROOT, "| ratio end to end, time and CPU time | %.1f, %.1f |%n",
                    onlineEndToEnd / bulkEndToEnd, (startCpu + onlineCpu) / (bulkCpu + openCpu));
        } finally {
            // A store of a million journeys takes several GB.
            FileSystemUtils.deleteRecursively(bulkDir);
            FileSystemUtils.deleteRecursively(onlineDir);
        }
    }
}
