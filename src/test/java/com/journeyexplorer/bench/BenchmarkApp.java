package com.journeyexplorer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;

/** Starts the real app (HTTP on a free port, embedded Neo4j in {@code dataDir}) for a benchmark run. */
final class BenchmarkApp implements AutoCloseable {

    /** The API key the benchmark app is started with; writes must send it. */
    static final String API_KEY = "bench-key";

    final ConfigurableApplicationContext context;
    final int port;

    BenchmarkApp(Path dataDir, String... extraArgs) {
        String[] args = new String[extraArgs.length + 6];
        args[0] = "--journeys.data-dir=" + dataDir;
        args[1] = "--journeys.demo.load-on-start=false";
        args[2] = "--server.port=0";
        args[3] = "--journeys.neo4j.embedded.bolt-port=0";
        args[4] = "--logging.level.com.journeyexplorer=warn";
        args[5] = "--journeys.security.api-key=" + API_KEY;
        System.arraycopy(extraArgs, 0, args, 6, extraArgs.length);
        context = new SpringApplicationBuilder(JourneyExplorerApplication.class).logStartupInfo(false).run(args);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The demo store's CSV of {@code journeys} journeys in {@code work}, written on first use and reused after. */
    static Path demoCsv(int journeys, Path work) throws IOException {
        return Shape.DEMO.csv(journeys, work);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    /**
     * Posts an event CSV to {@code /api/events} as a finished log (the demo is generated whole: no journey is open);
     * returns {@code eventsImported}, failing on any other status.
     */
    long importCsv(HttpClient http, Path csv) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/events?openHorizon=0"))
                        .header("Content-Type", "text/csv").header("X-API-Key", API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
        }
        return longField(response.body(), "eventsImported");
    }

    /** A whole-number field of a JSON answer (its first occurrence), read without a JSON library. */
    static long longField(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\":(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Sum of the heap pools' peak usage since the last {@link #resetPeakHeap()}, in MiB. */
    static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Milliseconds the garbage collectors and the JIT compiler have spent so far in this process. */
    static long[] overheadMillis() {
        long gc = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        var compilation = ManagementFactory.getCompilationMXBean();
        return new long[] {gc, compilation == null ? 0 : compilation.getTotalCompilationTime()};
    }

    static String overheadSince(long[] started) {
        long[] now = overheadMillis();
        return String.format(Locale.ROOT, "GC %.2f s, JIT %.2f s", (now[0] - started[0]) / 1e3,
                (now[1] - started[1]) / 1e3);
    }

    /** CPU time of this whole process (the app, its database and the client), nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getTotalMemorySize() >> 30 : 0) + " GiB RAM, Java " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
    }

    @Override
    public void close() {
        context.close();
    }
}
