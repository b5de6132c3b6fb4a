package com.journeyexplorer.instances;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Read throughput with one, two and three app instances on one Neo4j server: a Neo4j server in its own JVM
 * ({@link Neo4jServer}), instance A with the demo store, B and C following it; then, for n = 1, 2, 3 and 1 again, the
 * same clients send the analysis requests of {@code bench/load.sh}'s mix (without its imports), spread round robin over
 * the first n instances, for a fixed time, and the requests per second, p50 and p99 are printed as a Markdown table.
 * Every answer is computed afresh ({@code Cache-Control: no-cache}): what is measured is the analyses' capacity, not
 * the answer cache. The instances share this JVM and the machine's cores, as they would share one host.
 *
 * <p>Arguments: {@code [seconds per run=30] [clients=8] [demo journeys=20000] [work=target/bench]}. Run with
 * {@code bench/read-throughput.sh}.
 */
public final class ReadThroughputBenchmark {

    /** The reads of {@code bench/load.sh}'s mix, each kind as often as there. */
    private static final List<String> READS = List.of(
            "/api/paths/top?segment=trend%20follower", "/api/paths/top?segment=bargain%20hunter",
            "/api/paths/top?outcome=purchase&limit=20", "/api/paths/top?segment=trend%20follower",
            "/api/transitions", "/api/transitions", "/api/transitions",
            "/api/flows", "/api/flows?steps=8&segment=gift%20buyer", "/api/flows",
            "/api/diversions", "/api/diversions", "/api/diversions",
            "/api/funnel", "/api/funnel", "/api/funnel",
            "/api/attribution?model=markov", "/api/attribution?model=linear");

    private ReadThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int demo = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(args.length > 3 ? args[3]
                : "target/bench")), "read-throughput");
        List<String> rows = new ArrayList<>();
        try (Neo4jServer server = Neo4jServer.start(dir.resolve("neo4j"), 0);
                AppInstance a = AppInstance.start("a", server, dir.resolve("a"), "--journeys.demo.load-on-start=true",
                        "--journeys.demo.journeys=" + demo);
                AppInstance b = AppInstance.start("b", server, dir.resolve("b"));
                AppInstance c = AppInstance.start("c", server, dir.resolve("c"))) {
            List<AppInstance> all = List.of(a, b, c);
            for (AppInstance instance : all) {
                // B and C follow A's demo import through the journal.
                long waitUntil = System.nanoTime() + 120_000_000_000L;
                while (instance.getJson("/api/stats").get("journeys").asLong() != demo) {
                    if (System.nanoTime() > waitUntil) {
                        throw new IllegalStateException("an instance did not get the " + demo + " demo journeys");
                    }
                    Thread.sleep(200);
                }
            }
            // One instance again at the end: the first run also warms up the code that the later ones use.
            for (int n : new int[] {1, 2, 3, 1}) {
                run(all.subList(0, n), clients, Math.min(5, seconds)); // warm-up, not reported
                rows.add(n + " " + run(all.subList(0, n), clients, seconds));
            }
        }
        System.out.printf(Locale.ROOT, "%n| instances | requests | errors | requests/s | p50 (ms) | p99 (ms) |%n"
                + "|---|---|---|---|---|---|%n");
        rows.forEach(row -> System.out.printf(Locale.ROOT, "| %s%n", row));
        System.out.printf(Locale.ROOT, "%n%d demo journeys, %d clients, %d s per run, %d cores, max heap %d MiB%n",
                demo, clients, seconds, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** {@code clients} threads for {@code seconds}, request i of a client going to instance i mod n. */
    private static String run(List<AppInstance> instances, int clients, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int seed = client;
            results.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                long[] nanos = new long[1 << 16];
                int count = 0;
                long errors = 0;
                for (int i = seed; System.nanoTime() < deadline; i++) {
                    AppInstance instance = instances.get(i % instances.size());
                    long started = System.nanoTime();
                    HttpResponse<String> response = instance.get(READS.get(random.nextInt(READS.size())),
                            "Cache-Control", "no-cache");
                    if (response.statusCode() != 200) {
                        errors++;
                    } else if (count < nanos.length) {
                        nanos[count++] = System.nanoTime() - started;
                    }
                }
                long[] mine = Arrays.copyOf(nanos, count + 1);
                mine[count] = errors; // the last slot carries the errors
                return mine;
            }));
        }
        long errors = 0;
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            long[] nanos = result.get();
            errors += nanos[nanos.length - 1];
            for (int i = 0; i < nanos.length - 1; i++) {
                all.add(nanos[i]);
            }
        }
        pool.shutdown();
        long requests = all.size() + errors;
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2] / 1e6;
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
        return String.format(Locale.ROOT, "| %,d | %d | %.1f | %.1f | %.1f |", requests, errors,
                (double) all.size() / seconds, p50, p99);
    }
}
