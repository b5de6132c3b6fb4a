package com.journeyexplorer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.util.FileSystemUtils;


/**
 * Import benchmark: the demo store's CSV of N journeys sent through {@code POST /api/events} into a fresh embedded
 * database, then the same file loaded by Neo4j's own {@code LOAD CSV} into a naive event-chain model in the same
 * database (what a Cypher user would write), side by side. Run with {@code bench/import.sh [journeys]};
 * {@code BENCH_LOAD_CSV=false} skips the LOAD CSV part, for quick comparisons while working on the import.
 */
public final class ImportBenchmark {

    private static final String NAIVE_LOAD = """
            LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row
            CALL (row) {
              MERGE (j:NaiveJourney {id: row.journey_id})
              CREATE (j)-[:HAS_EVENT]->(:NaiveEvent {touchpoint: row.touchpoint, at: datetime(row.timestamp),
                                                    type: row.type})
            } IN TRANSACTIONS OF 10000 ROWS""";

    private static final String NAIVE_CHAIN = """
            MATCH (j:NaiveJourney)
            CALL (j) {
              MATCH (j)-[:HAS_EVENT]->(e:NaiveEvent)
              WITH e ORDER BY e.at
              WITH collect(e) AS events
              UNWIND range(0, size(events) - 2) AS i
              WITH events[i] AS a, events[i + 1] AS b
              CREATE (a)-[:NEXT]->(b)
            } IN TRANSACTIONS OF 2000 ROWS""";

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
        Path csv = BenchmarkApp.demoCsv(journeys, work);
        long bytes = Files.size(csv);
        Path dataDir = Files.createTempDirectory(work, "import-bench-");
        try (BenchmarkApp app = new BenchmarkApp(dataDir)) {
            BenchmarkApp.resetPeakHeap();
            HttpClient http = HttpClient.newHttpClient();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + app.port + "/api/events?openHorizon=0"))
                    .header("Content-Type", "text/csv").header("X-API-Key", BenchmarkApp.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import failed: " + response.body());
            }
            long events = Long.parseLong(response.body().replaceAll(".*\"eventsImported\":(\\d+).*", "$1"));
            long peakHeap = BenchmarkApp.peakHeapMiB();

            if (!Boolean.parseBoolean(System.getProperty("bench.loadCsv", "true"))) {
                System.out.printf(Locale.ROOT, "%n| POST /api/events, %,d journeys | %.1f s, %,.0f events/s, peak heap %,d MiB |%n",
                        journeys, seconds, events / seconds, peakHeap);
                return;
            }
            Path importDir = dataDir.resolve("import");
            Files.createDirectories(importDir);
            Files.copy(csv, importDir.resolve("events.csv"), StandardCopyOption.REPLACE_EXISTING);
            Driver driver = app.context.getBean(Driver.class);
            double loadCsvSeconds;
            try (Session session = driver.session()) {
                session.run("CREATE CONSTRAINT naive_journey IF NOT EXISTS FOR (j:NaiveJourney) REQUIRE j.id IS UNIQUE")
                        .consume();
                long loadStarted = System.nanoTime();
                session.run(NAIVE_LOAD).consume();
                session.run(NAIVE_CHAIN).consume();
                loadCsvSeconds = (System.nanoTime() - loadStarted) / 1e9;
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "| data | %,d journeys, %,d events, %,d MB CSV |%n", journeys, events,
                    bytes >> 20);
            System.out.printf(Locale.ROOT, "| machine | %s |%n", BenchmarkApp.machine());
            System.out.printf(Locale.ROOT, "| POST /api/events (journeys, their steps, transitions, projection) | %.1f s,"
                    + " %,.0f events/s, peak heap %,d MiB |%n", seconds, events / seconds, peakHeap);
            System.out.printf(Locale.ROOT, "| LOAD CSV into a naive event chain (same file, same database) | %.1f s,"
                    + " %,.0f events/s |%n", loadCsvSeconds, events / loadCsvSeconds);
            System.out.printf(Locale.ROOT, "| ratio (LOAD CSV time / our import time) | %.2f |%n",
                    loadCsvSeconds / seconds);
        } finally {
            // A store of a million journeys takes several GB.
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
