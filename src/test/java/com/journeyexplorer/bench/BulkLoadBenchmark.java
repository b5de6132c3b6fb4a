package com.journeyexplorer.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
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
 * (schema created, indexes populated, projection loaded), then the same file sent through {@code POST /api/events}
 * into another empty store. Times, events per second, peak heap of each. Run with {@code bench/bulk-load.sh
 * [journeys]}.
 */
public final class BulkLoadBenchmark {

    private static final Pattern EVENTS = Pattern.compile("Imported ([0-9,]+) events");

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
        Path csv = BenchmarkApp.demoCsv(journeys, work);
        long bytes = Files.size(csv);
        Path bulkDir = Files.createTempDirectory(work, "bulk-bench-");
        Path onlineDir = Files.createTempDirectory(work, "online-bench-");
        try {
            BenchmarkApp.resetPeakHeap();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long started = System.nanoTime();
            int exit = ImportCommand.run(new String[] {"--bulk", csv.toString(), "--openHorizon=0",
                            "--journeys.data-dir=" + bulkDir},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(OutputStream.nullOutputStream()));
            double bulkSeconds = (System.nanoTime() - started) / 1e9;
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
            long opened;
            try (BenchmarkApp app = new BenchmarkApp(bulkDir)) {
                opened = app.context.getBean(JourneyProjection.class).current().journeyCount();
            }
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            if (opened != journeys) {
                throw new IllegalStateException("the app opened " + opened + " journeys, not " + journeys);
            }

            double onlineSeconds;
            long onlineHeap;
            try (BenchmarkApp app = new BenchmarkApp(onlineDir)) {
                BenchmarkApp.resetPeakHeap();
                long posting = System.nanoTime();
                long imported = app.importCsv(HttpClient.newHttpClient(), csv);
                onlineSeconds = (System.nanoTime() - posting) / 1e9;
                onlineHeap = BenchmarkApp.peakHeapMiB();
                if (imported != events) {
                    throw new IllegalStateException("online import stored " + imported + " events, bulk " + events);
                }
            }

            System.out.println();
            System.out.printf(Locale.ROOT, "| data | %,d journeys, %,d events, %,d MB CSV (demo shape) |%n", journeys,
                    events, bytes >> 20);
            System.out.printf(Locale.ROOT, "| machine | %s |%n", BenchmarkApp.machine());
            System.out.printf(Locale.ROOT, "| `import --bulk` (read, validate, build journeys, batch importer) | %.1f s,"
                    + " %,.0f events/s, peak heap %,d MiB |%n", bulkSeconds, events / bulkSeconds, bulkHeap);
            System.out.printf(Locale.ROOT, "| first start of the app on it (schema, indexes, projection) | %.1f s |%n",
                    openSeconds);
            System.out.printf(Locale.ROOT, "| bulk load and first start | %.1f s, %,.0f events/s |%n",
                    bulkSeconds + openSeconds, events / (bulkSeconds + openSeconds));
            System.out.printf(Locale.ROOT, "| POST /api/events into an empty store (same file) | %.1f s, %,.0f events/s,"
                    + " peak heap %,d MiB |%n", onlineSeconds, events / onlineSeconds, onlineHeap);
            System.out.printf(Locale.ROOT, "| ratio (online time / bulk load time) | %.1f |%n",
                    onlineSeconds / bulkSeconds);
            System.out.printf(Locale.ROOT, "| ratio (online time / bulk load and first start) | %.1f |%n",
                    onlineSeconds / (bulkSeconds + openSeconds));
        } finally {
            // A store of a million journeys takes several GB.
            FileSystemUtils.deleteRecursively(bulkDir);
            FileSystemUtils.deleteRecursively(onlineDir);
        }
    }
}
