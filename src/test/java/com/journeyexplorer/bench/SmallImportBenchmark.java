package com.journeyexplorer.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.util.FileSystemUtils;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.graph.MinimalJourneyWriter;

/**
 * Small imports on a large store, and the online import against a minimal writer. For each store size N: a fresh
 * embedded store is filled with the first N journeys of a generated CSV through {@code POST /api/events} (timed: the
 * online import rate), then {@code imports} imports of 20 further journeys each are posted one after the other and
 * timed (median and 90th percentile latency). With {@code -Dbench.minimal=true}, the journeys of the store are then
 * written again into a second, empty embedded database by {@link MinimalJourneyWriter}: the same nodes and
 * relationships through the same embedded API, in batches of the same size, without parsing, validation, journal or
 * projection; the ratio of the two times is what the import costs beyond the writes. Then once more into a database
 * that also has the app's two other indexes on journeys (customer id, start time), which the import updates for every
 * journey it writes: the ratio to that time is what the import costs beyond the same writes and index updates.
 *
 * <p>Arguments: {@code shape (demo|clickstream) sizes (comma-separated) [imports=11] [work=target/bench]}. Run with
 * {@code bench/small-imports.sh}.
 */
public final class SmallImportBenchmark {

    private static final int BATCH_JOURNEYS = 20;

    /** Milliseconds between two small imports ({@code -Dbench.pauseMillis}, default 0: back to back). */
    private static final long PAUSE_MILLIS = Long.getLong("bench.pauseMillis", 0);

    public static void main(String[] args) throws Exception {
        Shape shape = Shape.named(args[0]);
        int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int imports = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        Path work = Path.of(args.length > 3 ? args[3] : "target/bench");
        boolean minimal = Boolean.getBoolean("bench.minimal");
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(run(shape, size, imports, work, minimal));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| data | %s; machine: %s; pause between small imports: %d ms |%n",
                shape.description(), BenchmarkApp.machine(), PAUSE_MILLIS);
        System.out.println("| store | store import | small import of 20 journeys: median, p90 (ms) | minimal writer"
                + " | import / minimal | minimal writer with the app's journey indexes | import / that |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String run(Shape shape, int size, int imports, Path work, boolean minimal) throws Exception {
        Path csv = shape.csv(size + imports * BATCH_JOURNEYS, work);
        Path dataDir = Files.createTempDirectory(work, "small-import-bench-");
        Path storeCsv = dataDir.resolve("store.csv");
        List<byte[]> batches = split(csv, storeCsv, size);
        try (BenchmarkApp app = new BenchmarkApp(dataDir.resolve("db"),
                "--logging.level.com.journeyexplorer.graph.JourneyGraph=info",
                "--logging.level.com.journeyexplorer.graph.TransitionWriter=debug")) {
            HttpClient http = HttpClient.newHttpClient();
            BenchmarkApp.resetPeakHeap();
            long started = System.nanoTime();
            long events = app.importCsv(http, storeCsv);
            double storeSeconds = (System.nanoTime() - started) / 1e9;
            long storeHeap = BenchmarkApp.peakHeapMiB();
            Files.delete(storeCsv);
            System.err.printf(Locale.ROOT, "store of %,d journeys (%,d events): %.1f s, %,.0f journeys/s,"
                    + " peak heap %,d MiB%n", size, events, storeSeconds, size / storeSeconds, storeHeap);
            long[] millis = new long[batches.size()];
            for (int i = 0; i < batches.size(); i++) {
                // Real small imports come minutes apart: a pause lets the previous snapshot's background index build
                // end first (0, the default, posts them back to back, each competing with the last one's build).
                Thread.sleep(PAUSE_MILLIS);
                long importStarted = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/api/events"))
                        .header("Content-Type", "text/csv").header("X-API-Key", BenchmarkApp.API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(i))).build(),
                        HttpResponse.BodyHandlers.ofString());
                millis[i] = (System.nanoTime() - importStarted) / 1_000_000;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("small import failed: " + response.body());
                }
                System.err.printf(Locale.ROOT, "small import %d: %d ms%n", i + 1, millis[i]);
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            long median = sorted[(sorted.length - 1) / 2];
            long p90 = sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
            String minimalColumns = "| not run | | | |";
            if (minimal) {
                JourneySnapshot snapshot = app.context.getBean(JourneyProjection.class).current();
                Path minimalDir = dataDir.resolve("minimal");
                double minimalSeconds = MinimalJourneyWriter.write(minimalDir, snapshot, size);
                FileSystemUtils.deleteRecursively(minimalDir);
                // Again with the app's indexes on journeys, which the import updates for every journey it writes.
                double indexedSeconds = MinimalJourneyWriter.write(dataDir.resolve("minimal-indexed"), snapshot,
                        size, true);
                System.err.printf(Locale.ROOT, "minimal writer: %.1f s; with the app's journey indexes: %.1f s%n",
                        minimalSeconds, indexedSeconds);
                minimalColumns = String.format(Locale.ROOT, "| %.1f s, %,.0f journeys/s | %.2f | %.1f s | %.2f |",
                        minimalSeconds, size / minimalSeconds, storeSeconds / minimalSeconds, indexedSeconds,
                        storeSeconds / indexedSeconds);
            }
            return String.format(Locale.ROOT, "| %,d journeys | %.1f s, %,.0f journeys/s, peak heap %,d MiB | %d, %d"
                    + " %s", size, storeSeconds, size / storeSeconds, storeHeap, median, p90, minimalColumns);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /**
     * Writes the header and the rows of the first {@code storeJourneys} journeys of {@code csv} to {@code store}, and
     * returns the rest as CSV bodies of {@value #BATCH_JOURNEYS} journeys each (a journey's rows are contiguous).
     */
    private static List<byte[]> split(Path csv, Path store, int storeJourneys) throws IOException {
        List<byte[]> batches = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(store, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            out.write(header);
            out.newLine();
            String previous = null;
            int journeys = 0;
            StringBuilder batch = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String id = line.substring(0, line.indexOf(','));
                if (!id.equals(previous)) {
                    journeys++;
                    previous = id;
                    if (journeys > storeJourneys && (journeys - storeJourneys - 1) % BATCH_JOURNEYS == 0) {
                        if (batch != null) {
                            batches.add(batch.toString().getBytes(StandardCharsets.UTF_8));
                        }
                        batch = new StringBuilder(header).append('\n');
                    }
                }
                if (journeys <= storeJourneys) {
                    out.write(line);
                    out.newLine();
                } else {
                    batch.append(line).append('\n');
                }
            }
            if (batch != null) {
                batches.add(batch.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return batches;
    }
}
