package com.journeyexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.util.FileSystemUtils;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.cli.ImportCommand;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.graph.JourneyProjection;

/**
 * Analysis benchmark: the demo store (or, with {@code -Dbench.shape=clickstream}, the web-shop clickstream) of N
 * journeys imported through {@code POST /api/events} into a fresh embedded
 * database, then each analysis endpoint timed warm over HTTP beside the straightforward Cypher answering the same
 * question on the same database, run through the app's own {@link Driver} bean ({@link CypherQuestion}). Also the
 * projection's retained heap per event and the time to rebuild it from Neo4j.
 *
 * <p>{@code analysis [journeys=1000000]} or {@code scaling [sizes=10000,100000,1000000]}: the second times only the
 * top-paths question, each size in its own fresh database. Run with {@code bench/analysis.sh}.
 *
 * <p>For sizes where the online import and the Cypher medians would take hours, {@code -Dbench.load=bulk} fills the
 * store with {@code import --bulk} (in this JVM, as the command line runs it) before the app starts on it, and
 * {@code -Dbench.cypherRuns=N} times each Cypher query exactly N times, the first of them checked. The app's settings
 * can be given as system properties (for example {@code -Djourneys.neo4j.embedded.transaction-max-memory=8GB}).
 */
public final class AnalysisBenchmark {

    /** The data shape, {@code -Dbench.shape=demo|clickstream} (bench/analysis.sh --shape); demo by default. */
    private static final Shape SHAPE = Shape.named(System.getProperty("bench.shape", "demo"));
    private static final int API_WARMUPS = 5;
    private static final int API_MAX_RUNS = 31;
    private static final double API_BUDGET_SECONDS = 30;
    private static final int CYPHER_WARMUPS = 2;
    private static final int CYPHER_MAX_RUNS = 21;
    private static final double CYPHER_BUDGET_SECONDS = 60;
    /** Exactly this many timed runs of each Cypher query, or 0 for the default (warm-ups, then 5 to 21 runs). */
    private static final int CYPHER_RUNS = Integer.getInteger("bench.cypherRuns", 0);
    private static final boolean BULK_LOAD = System.getProperty("bench.load", "post").equals("bulk");

    private final BenchmarkApp app;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Driver driver;

    private AnalysisBenchmark(BenchmarkApp app) {
        this.app = app;
        this.driver = app.context.getBean(Driver.class);
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.work", "target/bench"));
        if (args.length > 0 && args[0].equals("scaling")) {
            String sizes = args.length > 1 ? args[1] : "10000,100000,1000000";
            scaling(sizes, work);
        } else if (args.length > 0 && args[0].equals("cached")) {
            cached(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000, work);
        } else {
            int journeys = args.length > 1 ? Integer.parseInt(args[1])
                    : args.length == 1 && !args[0].equals("analysis") ? Integer.parseInt(args[0]) : 1_000_000;
            analysis(journeys, work);
        }
        System.exit(0);
    }

    private static void analysis(int journeys, Path work) throws Exception {
        Path csv = SHAPE.csv(journeys, work);
        Path store = Files.createTempDirectory(work, "analysis-bench-");
        double bulkSeconds = BULK_LOAD ? bulkLoad(csv, store) : 0;
        try (BenchmarkApp app = new BenchmarkApp(store)) {
            AnalysisBenchmark bench = new AnalysisBenchmark(app);
            double importSeconds = BULK_LOAD ? bulkSeconds : bench.importDemo(csv);
            List<String> rows = new ArrayList<>();
            for (CypherQuestion question : CypherQuestion.all().stream().map(q -> q.on(SHAPE)).toList()) {
                rows.add(bench.row(question));
                // Each row as it is measured: a long run stopped part-way keeps what it measured.
                System.err.println("  " + rows.get(rows.size() - 1));
            }
            // Measuring the projection holds two snapshots at once: -Dbench.projection=false leaves it out where the
            // heap cannot (ten million journeys beside the Cypher queries' transactions).
            Projection projection = Boolean.parseBoolean(System.getProperty("bench.projection", "true"))
                    ? bench.measureProjection() : null;
            JourneySnapshot snapshot = app.context.getBean(JourneyProjection.class).current();
            System.out.println();
            System.out.printf(Locale.ROOT, "Data: %s, %,d journeys, %,d events, %,d touchpoints (imported "
                    + "%s in %.1f s). Machine: %s.%n%n", SHAPE.description(),
                    snapshot.journeyCount(), snapshot.eventCount(), snapshot.touchpoints().size(),
                    BULK_LOAD ? "with import --bulk before the app started" : "through POST /api/events",
                    importSeconds, BenchmarkApp.machine());
            System.out.println("| question | endpoint | API median (p90) | Cypher median (p90) | Cypher / API "
                    + "| what the Cypher answers |");
            System.out.println("|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.println();
            if (projection == null) {
                return;
            }
            System.out.printf(Locale.ROOT, "| projection | %,d journeys, %,d events |%n", snapshot.journeyCount(),
                    snapshot.eventCount());
            System.out.println("|---|---|");
            System.out.printf(Locale.ROOT, "| retained heap | %,.0f MiB: %.0f bytes per event, %.0f per journey |%n",
                    projection.retainedBytes / 1048576.0, (double) projection.retainedBytes / snapshot.eventCount(),
                    (double) projection.retainedBytes / snapshot.journeyCount());
            System.out.printf(Locale.ROOT, "| rebuild from Neo4j (JourneyGraph.loadProjection) | %.1f s |%n",
                    projection.loadSeconds);
        } finally {
            FileSystemUtils.deleteRecursively(store);
        }
    }

    /**
     * Each endpoint computed afresh ({@code Cache-Control: no-cache}) against the same request answered from the
     * per-snapshot answer cache, side by side.
     */
    private static void cached(int journeys, Path work) throws Exception {
        Path csv = SHAPE.csv(journeys, work);
        try (BenchmarkApp app = new BenchmarkApp(Files.createTempDirectory(work, "cached-bench-"))) {
            AnalysisBenchmark bench = new AnalysisBenchmark(app);
            bench.importDemo(csv);
            List<String> rows = new ArrayList<>();
            for (CypherQuestion question : CypherQuestion.all().stream().map(q -> q.on(SHAPE)).toList()) {
                System.err.println("timing " + question.endpoint());
                Timing computed = bench.timeEndpoint(question.endpoint(), true);
                Timing cachedTiming = bench.timeEndpoint(question.endpoint(), false);
                rows.add(String.format(Locale.ROOT, "| `%s` | %s | %s | %.0f |", question.endpoint(), computed,
                        cachedTiming, computed.median() / cachedTiming.median()));
            }
            JourneySnapshot snapshot = app.context.getBean(JourneyProjection.class).current();
            System.out.println();
            System.out.printf(Locale.ROOT, "Data: %s, %,d journeys, %,d events. Machine: %s.%n%n",
                    SHAPE.description(), snapshot.journeyCount(), snapshot.eventCount(), BenchmarkApp.machine());
            System.out.println("| endpoint | computed (no-cache) median (p90) | cached median (p90) | ratio |");
            System.out.println("|---|---|---|---|");
            rows.forEach(System.out::println);
        }
    }

    private static void scaling(String sizes, Path work) throws Exception {
        CypherQuestion question = CypherQuestion.topPaths().on(SHAPE);
        List<String> rows = new ArrayList<>();
        for (String size : sizes.split(",")) {
            int journeys = Integer.parseInt(size.strip());
            Path csv = SHAPE.csv(journeys, work);
            try (BenchmarkApp app = new BenchmarkApp(Files.createTempDirectory(work, "scaling-bench-"))) {
                AnalysisBenchmark bench = new AnalysisBenchmark(app);
                bench.importDemo(csv);
                JourneySnapshot snapshot = app.context.getBean(JourneyProjection.class).current();
                Timing api = bench.timeEndpoint(question.endpoint());
                Timing cypher = bench.timeCypher(question);
                rows.add(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %.1f |", snapshot.journeyCount(),
                        snapshot.eventCount(), api, cypher, cypher.median() / api.median()));
            }
        }
        System.out.println();
        System.out.printf("%s, warm. Machine: %s.%n%n", question.endpoint(), BenchmarkApp.machine());
        System.out.println("| journeys | events | API median (p90) | Cypher median (p90) | Cypher / API |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** {@code import --bulk} of the CSV into the empty store directory, as the command line runs it; seconds taken. */
    private static double bulkLoad(Path csv, Path store) {
        System.err.printf("bulk-loading %s%n", csv);
        long started = System.nanoTime();
        int exit = ImportCommand.run(new String[] {"--bulk", csv.toString(), "--openHorizon=0",
                "--journeys.data-dir=" + store}, System.err, System.err);
        if (exit != 0) {
            throw new IllegalStateException("bulk load failed with exit code " + exit);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(Locale.ROOT, "bulk-loaded in %.1f s%n", seconds);
        return seconds;
    }

    private double importDemo(Path csv) throws Exception {
        System.err.printf("importing %s%n", csv);
        long started = System.nanoTime();
        long events = app.importCsv(http, csv);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(Locale.ROOT, "imported %,d events in %.1f s%n", events, seconds);
        return seconds;
    }

    private String row(CypherQuestion question) throws Exception {
        System.err.println("timing " + question.endpoint());
        Timing api = timeEndpoint(question.endpoint());
        if (question.cypher() == null) {
            return String.format(Locale.ROOT, "| %s | `%s` | %s | n/a | n/a | %s |", question.name(),
                    question.endpoint(), api, question.scope());
        }
        Timing cypher;
        try {
            cypher = timeCypher(question);
        } catch (Neo4jException refused) {
            // A Cypher user's query can be refused by the database's own bounds (a transaction's memory above all):
            // that is the answer they get, so it is the row's result.
            System.err.println("  cypher refused: " + refused.getMessage());
            return String.format(Locale.ROOT, "| %s | `%s` | %s | refused: %s | n/a | %s |", question.name(),
                    question.endpoint(), api, refused.getMessage().replace('|', '/'), question.scope());
        }
        return String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %.1f | %s |", question.name(),
                question.endpoint(), api, cypher, cypher.median() / api.median(), question.scope());
    }

    private Timing timeEndpoint(String pathAndQuery) throws Exception {
        return timeEndpoint(pathAndQuery, true);
    }

    /** @param computed ask for a fresh computation ({@code Cache-Control: no-cache}) rather than a cached answer */
    private Timing timeEndpoint(String pathAndQuery, boolean computed) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(app.uri(pathAndQuery)).GET();
        if (computed) {
            builder.header("Cache-Control", "no-cache");
        }
        HttpRequest request = builder.build();
        return Timing.measure(() -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }, API_WARMUPS, API_MAX_RUNS, API_BUDGET_SECONDS);
    }

    /**
     * Every record is fetched, as the endpoint's whole answer is; the first is shown on stderr as a check. With
     * {@code bench.cypherRuns} set, the runs timed are exactly that many and the first of them is the one checked (at
     * ten million journeys one run of a query takes up to a quarter of an hour).
     */
    private Timing timeCypher(CypherQuestion question) throws Exception {
        boolean[] checked = new boolean[1];
        Callable<List<Record>> run = () -> {
            try (Session session = driver.session()) {
                List<Record> records = session.run(question.cypher(), question.parameters()).list();
                if (!checked[0]) {
                    checked[0] = true;
                    System.err.printf("  cypher: %d rows, first %s%n", records.size(),
                            records.isEmpty() ? "-" : records.get(0));
                }
                return records;
            }
        };
        if (CYPHER_RUNS > 0) {
            return Timing.measure(run, 0, CYPHER_RUNS, CYPHER_RUNS, 0);
        }
        run.call();
        return Timing.measure(run, CYPHER_WARMUPS - 1, CYPHER_MAX_RUNS, CYPHER_BUDGET_SECONDS);
    }

    private record Projection(long retainedBytes, double loadSeconds) {
    }

    /**
     * Holds the current snapshot, measures the heap used after a full GC, rebuilds the projection from Neo4j as at
     * start-up (the new snapshot replaces the current one in the app), and measures again while both are reachable:
     * the difference is the new snapshot's retained heap.
     */
    private Projection measureProjection() throws InterruptedException {
        JourneyProjection projection = app.context.getBean(JourneyProjection.class);
        JourneySnapshot held = projection.current();
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        JourneySnapshot loaded = app.context.getBean(JourneyGraph.class).loadProjection();
        double seconds = (System.nanoTime() - started) / 1e9;
        long after = usedHeapAfterGc();
        Reference.reachabilityFence(held);
        if (loaded.eventCount() != held.eventCount() || loaded == held) {
            throw new IllegalStateException("the reloaded projection differs: " + loaded.eventCount() + " events, "
                    + "was " + held.eventCount());
        }
        return new Projection(after - before, seconds);
    }

    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
