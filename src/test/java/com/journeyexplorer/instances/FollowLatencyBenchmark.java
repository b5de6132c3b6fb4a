package com.journeyexplorer.instances;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.journeyexplorer.graph.JourneyGraph;

/**
 * How long an import through one instance takes to show in another's projection: a Neo4j server in its own JVM
 * ({@link Neo4jServer}), instance A with the demo store, instance B following the journal at its default interval;
 * {@code imports} imports of 5 new journeys each are posted to A one after the other, and for each the time from A's
 * answer (the entry committed and A's projection swapped) to B's projection reaching the answer's consistency token is
 * measured (B's position read every 2 ms). Prints median, p99 and max.
 *
 * <p>Arguments: {@code [imports=100] [demo journeys=20000] [work=target/bench]}. Run with
 * {@code bench/follow-latency.sh}.
 */
public final class FollowLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int imports = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int demo = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path work = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/bench"));
        Path dir = Files.createTempDirectory(work, "follow-latency-");
        double[] millis = new double[imports];
        try (Neo4jServer server = Neo4jServer.start(dir.resolve("neo4j"), 0);
                AppInstance a = AppInstance.start("a", server, dir.resolve("a"), "--journeys.demo.load-on-start=true",
                        "--journeys.demo.journeys=" + demo);
                AppInstance b = AppInstance.start("b", server, dir.resolve("b"))) {
            JourneyGraph followed = b.bean(JourneyGraph.class);
            for (int i = -5; i < imports; i++) {
                StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint\n");
                for (int j = 0; j < 5; j++) {
                    String id = "lag-" + i + "-" + j;
                    csv.append(id).append(",2026-03-01T10:00:00Z,Home\n").append(id)
                            .append(",2026-03-01T10:05:00Z,Cart\n");
                }
                HttpResponse<String> imported = a.importCsv(csv.toString());
                long answered = System.nanoTime();
                if (imported.statusCode() != 200) {
                    throw new IllegalStateException(imported.body());
                }
                long token = Long.parseLong(imported.headers().firstValue("Journeys-Consistency").orElseThrow());
                while (followed.appliedPosition() < token) {
                    Thread.sleep(2);
                }
                if (i >= 0) {
                    // the first five warm up the queries on both sides
                    millis[i] = (System.nanoTime() - answered) / 1e6;
                }
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%n| imports | store | follow interval | median (ms) | p99 (ms) | max (ms) |%n"
                + "|---|---|---|---|---|---|%n| %d of 5 journeys | %d demo journeys | 500 ms | %.0f | %.0f | %.0f |%n",
                imports, demo, millis[imports / 2], millis[(int) Math.ceil(imports * 0.99) - 1], millis[imports - 1]);
    }
}
