package com.journeyexplorer.graph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;

/**
 * What the imports lease costs a single instance on its embedded database, measured side by side in one run: the
 * median of 20-journey imports over HTTP into a store of {@code journeys} demo journeys, and interleaved with them the
 * lease's own work on the same store: taking and letting go of it (two short write transactions) and the fence that
 * ends each write transaction of a change (a small write transaction with the fence, against the same without).
 * Arguments:
 * {@code [journeys=10000] [imports=21] [work=target/bench]}; run with {@code bench/lease-cost.sh}.
 */
public final class LeaseCostBenchmark {

    private static final int SMALL = 20;
    private static final int REPEATS = 20;
    /** A write transaction's own work, so that both commit (the fence alone would turn a read into a write). */
    private static final String WRITE = "MERGE (b:LeaseBenchmark {id: 1}) SET b.n = coalesce(b.n, 0) + 1";

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int imports = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        Path work = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/bench"));
        Path dataDir = Files.createTempDirectory(work, "lease-cost-");
        Path csv = dataDir.resolve("all.csv");
        DemoCsvWriter.write(new DemoStore(42), journeys + imports * SMALL, csv);
        List<String> lines = Files.readAllLines(csv);
        String header = lines.get(0);
        // Rows are grouped by journey: cut at journey boundaries.
        List<String> rows = lines.subList(1, lines.size());
        int[] starts = journeyStarts(rows);
        HttpClient http = HttpClient.newHttpClient();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .logStartupInfo(false).run("--journeys.data-dir=" + dataDir.resolve("db"),
                        "--journeys.demo.load-on-start=false", "--server.port=0",
                        "--journeys.neo4j.embedded.bolt-port=0", "--logging.level.com.journeyexplorer=warn",
                        "--journeys.security.api-key=bench-key")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            post(http, port, header, rows.subList(0, starts[journeys]));
            ImportLease lease = app.getBean(ImportLease.class);
            Driver driver = app.getBean(Driver.class);
            long[] importMillis = new long[imports];
            long[] takeRelease = new long[imports * REPEATS];
            long[] fenced = new long[imports * REPEATS];
            long[] unfenced = new long[imports * REPEATS];
            for (int i = 0; i < imports; i++) {
                int from = starts[journeys + i * SMALL];
                int to = starts[journeys + (i + 1) * SMALL];
                long started = System.nanoTime();
                post(http, port, header, rows.subList(from, to));
                importMillis[i] = (System.nanoTime() - started) / 1_000_000;
                for (int r = 0; r < REPEATS; r++) {
                    started = System.nanoTime();
                    lease.acquire().close();
                    takeRelease[i * REPEATS + r] = System.nanoTime() - started;
                }
                try (ImportLease.Held held = lease.acquire(); Session session = driver.session()) {
                    for (int r = 0; r < REPEATS; r++) {
                        started = System.nanoTime();
                        session.executeWriteWithoutResult(tx -> tx.run(WRITE).consume());
                        unfenced[i * REPEATS + r] = System.nanoTime() - started;
                        started = System.nanoTime();
                        session.executeWriteWithoutResult(tx -> {
                            tx.run(WRITE).consume();
                            lease.fence(tx);
                        });
                        fenced[i * REPEATS + r] = System.nanoTime() - started;
                    }
                }
            }
            double importMedian = median(importMillis);
            double takeMedian = median(takeRelease) / 1e6;
            double fenceMedian = (median(fenced) - median(unfenced)) / 1e6;
            System.out.printf(Locale.ROOT, "store: %,d demo journeys (seed 42), %d imports of %d journeys; %s%n",
                    journeys, imports, SMALL, Runtime.getRuntime().availableProcessors() + " cores, Java "
                            + System.getProperty("java.version"));
            System.out.println("| 20-journey import, median | take and let go of the lease, median | fence per "
                    + "write transaction, median | lease per import (take, let go, 7 fences) | share |");
            System.out.println("|---|---|---|---|---|");
            double perImport = takeMedian + 7 * fenceMedian;
            System.out.printf(Locale.ROOT, "| %.0f ms | %.2f ms | %.2f ms | %.1f ms | %.1f %% |%n", importMedian,
                    takeMedian, fenceMedian, perImport, 100 * perImport / importMedian);
        }
    }

    private static int[] journeyStarts(List<String> rows) {
        int[] starts = new int[rows.size() + 1];
        int count = 0;
        String previous = null;
        for (int i = 0; i < rows.size(); i++) {
            String id = rows.get(i).substring(0, rows.get(i).indexOf(','));
            if (!id.equals(previous)) {
                starts[count++] = i;
                previous = id;
            }
        }
        starts[count] = rows.size();
        return Arrays.copyOf(starts, count + 1);
    }

    private static void post(HttpClient http, int port, String header, List<String> rows) throws Exception {
        String body = header + "\n" + String.join("\n", rows) + "\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/events?openHorizon=0")).header("Content-Type", "text/csv").header("X-API-Key", "bench-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
