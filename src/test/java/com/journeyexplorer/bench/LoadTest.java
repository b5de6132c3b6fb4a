package com.journeyexplorer.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load test on loopback: the app (same JVM, fresh store preloaded with demo journeys) under {@code clients} concurrent
 * clients for {@code seconds}, each looping over a mix of analysis queries and small imports of new journeys. Checks
 * that no request fails and no acknowledged event is lost; reports latency per request kind, throughput and heap.
 *
 * <p>Arguments: {@code [seconds=60 (1..600)] [clients=50 (1..500)] [preloaded journeys=20000]}. Run with
 * {@code bench/load.sh}.
 */
public final class LoadTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** A request kind and its share of the mix, in percent. */
    private record Kind(String name, int percent, List<String> paths) {
    }

    private static final String IMPORT = "import (POST /api/events)";

    private static final List<Kind> MIX = List.of(
            new Kind("paths/top", 20, List.of("/api/paths/top?segment=trend%20follower",
                    "/api/paths/top?segment=bargain%20hunter", "/api/paths/top?outcome=purchase&limit=20")),
            new Kind("transitions", 15, List.of("/api/transitions")),
            new Kind("flows", 15, List.of("/api/flows", "/api/flows?steps=8&segment=gift%20buyer")),
            new Kind("diversions", 15, List.of("/api/diversions")),
            new Kind("funnel", 15, List.of("/api/funnel")),
            new Kind("attribution", 10, List.of("/api/attribution?model=markov", "/api/attribution?model=linear")),
            new Kind(IMPORT, 10, List.of()));

    /** What one client saw; merged after the run. */
    private static final class Tally {
        final Map<String, List<Long>> nanos = new TreeMap<>();
        final Map<String, Long> errors = new TreeMap<>();
        final List<String> firstErrors = new ArrayList<>();
        long eventsSent;
        long eventsAcknowledged;
        long batches;

        void error(String kind, String what) {
            errors.merge(kind, 1L, Long::sum);
            if (firstErrors.size() < 5) {
                firstErrors.add(kind + ": " + what);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = bounded(args, 0, 60, 1, 600, "seconds");
        int clients = bounded(args, 1, 50, 1, 500, "clients");
        int preload = bounded(args, 2, 20_000, 1, 10_000_000, "preloaded journeys");
        Path work = Path.of(System.getProperty("bench.work", "target/bench"));
        Path csv = BenchmarkApp.demoCsv(preload, work);
        try (BenchmarkApp app = new BenchmarkApp(Files.createTempDirectory(work, "load-bench-"))) {
            String apiKey = BenchmarkApp.API_KEY;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            long preloaded = app.importCsv(http, csv);
            long statsBefore = BenchmarkApp.longField(get(http, app, "/api/stats", apiKey).body(), "events");
            if (statsBefore != preloaded) {
                throw new IllegalStateException("stats count " + statsBefore + " events after preloading "
                        + preloaded);
            }
            System.err.printf(Locale.ROOT, "preloaded %,d events; %d clients for %d s%n", preloaded, clients,
                    seconds);

            HeapSampler heap = new HeapSampler();
            AtomicLong batchNumbers = new AtomicLong();
            List<Tally> tallies = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long started = System.nanoTime();
            long deadline = started + seconds * 1_000_000_000L;
            for (int c = 0; c < clients; c++) {
                Tally tally = new Tally();
                tallies.add(tally);
                long seed = c;
                pool.submit(() -> runClient(http, app, apiKey, deadline, new SplittableRandom(seed), batchNumbers,
                        tally));
            }
            pool.shutdown();
            if (!pool.awaitTermination(seconds + REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("clients did not stop in time");
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            heap.close();

            Tally all = merge(tallies);
            long statsAfter = BenchmarkApp.longField(get(http, app, "/api/stats", apiKey).body(), "events");
            report(all, elapsed, clients, seconds, preload, preloaded, statsAfter, heap);
        }
        System.exit(0);
    }

    private static void runClient(HttpClient http, BenchmarkApp app, String apiKey, long deadline,
            SplittableRandom random, AtomicLong batchNumbers, Tally tally) {
        while (System.nanoTime() < deadline) {
            Kind kind = pick(random);
            long started = System.nanoTime();
            try {
                if (kind.name().equals(IMPORT)) {
                    LoadBatch batch = LoadBatch.of(batchNumbers.getAndIncrement());
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/api/events?openHorizon=0"))
                            .timeout(REQUEST_TIMEOUT).header("Content-Type", "text/csv").header("X-API-Key", apiKey)
                            .POST(HttpRequest.BodyPublishers.ofString(batch.csv())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    record(tally, kind, started, response);
                    if (response.statusCode() == 200) {
                        tally.batches++;
                        tally.eventsSent += batch.events();
                        tally.eventsAcknowledged += BenchmarkApp.longField(response.body(), "eventsImported");
                    }
                } else {
                    String path = kind.paths().get(random.nextInt(kind.paths().size()));
                    record(tally, kind, started, get(http, app, path, apiKey));
                }
            } catch (Exception e) {
                tally.nanos.computeIfAbsent(kind.name(), k -> new ArrayList<>()).add(System.nanoTime() - started);
                tally.error(kind.name(), e.toString());
            }
        }
    }

    private static void record(Tally tally, Kind kind, long started, HttpResponse<String> response) {
        tally.nanos.computeIfAbsent(kind.name(), k -> new ArrayList<>()).add(System.nanoTime() - started);
        if (response.statusCode() / 100 != 2) {
            tally.error(kind.name(), response.statusCode() + " " + response.uri() + " "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }

    private static HttpResponse<String> get(HttpClient http, BenchmarkApp app, String path, String apiKey)
            throws Exception {
        return http.send(HttpRequest.newBuilder(app.uri(path)).timeout(REQUEST_TIMEOUT).header("X-API-Key", apiKey)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Kind pick(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (Kind kind : MIX) {
            roll -= kind.percent();
            if (roll < 0) {
                return kind;
            }
        }
        return MIX.get(0);
    }

    private static Tally merge(List<Tally> tallies) {
        Tally all = new Tally();
        for (Tally tally : tallies) {
            tally.nanos.forEach((kind, nanos) -> all.nanos.computeIfAbsent(kind, k -> new ArrayList<>())
                    .addAll(nanos));
            tally.errors.forEach((kind, count) -> all.errors.merge(kind, count, Long::sum));
            tally.firstErrors.stream().limit(5 - all.firstErrors.size()).forEach(all.firstErrors::add);
            all.eventsSent += tally.eventsSent;
            all.eventsAcknowledged += tally.eventsAcknowledged;
            all.batches += tally.batches;
        }
        return all;
    }

    private static void report(Tally all, double elapsed, int clients, int seconds, int preload, long preloaded,
            long statsAfter, HeapSampler heap) {
        long requests = all.nanos.values().stream().mapToLong(List::size).sum();
        long errors = all.errors.values().stream().mapToLong(Long::longValue).sum();
        long expected = preloaded + all.eventsAcknowledged;
        all.firstErrors.forEach(error -> System.err.println("error: " + error));
        System.out.println();
        System.out.printf(Locale.ROOT, "Load test: %d clients for %d s on loopback, fresh store preloaded with %,d "
                + "demo journeys (%,d events). Machine: %s.%n%n", clients, seconds, preload, preloaded,
                BenchmarkApp.machine());
        System.out.println("| request kind | requests | errors | p50 | p99 | per second |");
        System.out.println("|---|---|---|---|---|---|");
        List<Long> everything = new ArrayList<>();
        for (Kind kind : MIX) {
            List<Long> nanos = all.nanos.getOrDefault(kind.name(), List.of());
            everything.addAll(nanos);
            System.out.println(latencyRow(kind.name(), nanos, all.errors.getOrDefault(kind.name(), 0L), elapsed));
        }
        System.out.println(latencyRow("**all**", everything, errors, elapsed));
        System.out.println();
        System.out.println("| check | result |");
        System.out.println("|---|---|");
        System.out.printf(Locale.ROOT, "| errors (non-2xx and exceptions) | %,d of %,d requests |%n", errors, requests);
        System.out.printf(Locale.ROOT, "| throughput | %,.0f requests/s over %.1f s |%n", requests / elapsed, elapsed);
        System.out.printf(Locale.ROOT, "| imports acknowledged (200) | %,d batches, %,d events sent, %,d reported "
                + "imported, %,.0f events/s |%n", all.batches, all.eventsSent, all.eventsAcknowledged,
                all.eventsSent / elapsed);
        System.out.printf(Locale.ROOT, "| lost events | /api/stats events %,d, expected %,d (preloaded + "
                + "acknowledged): %s |%n", statsAfter, expected,
                statsAfter == expected && all.eventsAcknowledged == all.eventsSent ? "none lost"
                        : "MISMATCH (" + (expected - statsAfter) + " missing, " + (all.eventsSent
                                - all.eventsAcknowledged) + " not acknowledged as new)");
        System.out.printf(Locale.ROOT, "| app heap | peak used %,d MiB (sampled every 50 ms), max %,d MiB |%n",
                heap.peakMiB(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static String latencyRow(String name, List<Long> nanos, long errors, double elapsed) {
        if (nanos.isEmpty()) {
            return String.format(Locale.ROOT, "| %s | 0 | %d | - | - | - |", name, errors);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %s ms | %s ms | %,.1f |", name, sorted.length, errors,
                Timing.millis(percentile(sorted, 0.50) / 1e6), Timing.millis(percentile(sorted, 0.99) / 1e6),
                sorted.length / elapsed);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static int bounded(String[] args, int index, int fallback, int min, int max, String name) {
        int value = args.length > index ? Integer.parseInt(args[index]) : fallback;
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    /** Samples the used heap every 50 ms on a daemon thread; {@link #peakMiB()} is the highest sample. */
    private static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final java.util.concurrent.ScheduledExecutorService timer = Executors
                .newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "heap-sampler");
                    thread.setDaemon(true);
                    return thread;
                });

        HeapSampler() {
            timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                    0, 50, TimeUnit.MILLISECONDS);
        }

        long peakMiB() {
            return peak.get() >> 20;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
