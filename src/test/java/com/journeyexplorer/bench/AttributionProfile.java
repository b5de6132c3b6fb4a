package com.journeyexplorer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;


import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.InMemoryImport;

/**
 * Times the attribution, compare and key-moments requests computed afresh, without HTTP or a database: the snapshot
 * is built in memory from a demo CSV ({@link InMemoryImport}) and each request runs through its controller's own
 * handler method (the same code as a request with {@code Cache-Control: no-cache}, minus JSON writing). Prints the
 * median and minimum of 15 runs after 5 warm-ups (system properties {@code profile.runs}, {@code profile.warmups}),
 * the requests taking turns, and the median CPU time of the process over each request (all its threads: the
 * request's two halves and the garbage collector's share; on a shared machine steadier than the wall time);
 * {@code -Dprofile.digest=true} adds a digest of each answer; {@code -Dprofile.each=true} prints every timed run with
 * its CPU time, so that a slow run's cause can be told apart (the same CPU time: the machine; twice the CPU time: work
 * beside the request's own, such as compilation or collection).
 *
 * <p>Run after {@code ./mvnw -q -B test-compile} and
 * {@code ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
 * -Dmdep.includeScope=test}:
 * <pre>{@code
 * java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *   com.journeyexplorer.bench.AttributionProfile demo-1000000.csv [request ...]
 * }</pre>
 * A request is a path with a query, e.g. {@code /api/attribution?model=linear}; without any, the requests of the
 * attribution speed targets are timed.
 */
public final class AttributionProfile {

    /** Whose segments the compare request names: {@code -Dbench.shape=demo|clickstream}, demo by default. */
    private static final Shape SHAPE = Shape.named(System.getProperty("bench.shape", "demo"));
    private static final int WARMUPS = Integer.getInteger("profile.warmups", 5);
    private static final int RUNS = Integer.getInteger("profile.runs", 15);
    /** The process's CPU time, all threads: on a shared machine, steadier than the wall time. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
    private static final List<String> DEFAULT_REQUESTS = List.of("/api/attribution?model=markov",
            "/api/attribution?model=linear", "/api/attribution?model=first", "/api/attribution?model=last",
            "/api/attribution?model=position", "/api/attribution?model=time-decay",
            "/api/attribution?model=markov&order=2", "/api/attribution?model=markov&level=channel",
            "/api/compare?a=segment%3D{segment}&b=segment%3D{otherSegment}",
            "/api/insights/moments");

    /**
     * {@code -Dprofile.digest=true} prints a digest of each answer (of its {@code toString}, every number in full), so
     * that two builds' runs show whether a change kept the answers to the last bit; {@code -Dprofile.dump=FILE} also
     * appends the answers themselves to FILE, to see by how much their numbers moved.
     */
    private static final boolean DIGEST = Boolean.getBoolean("profile.digest");

    private AttributionProfile() {
    }

    private static String digest(Object answer) throws Exception {
        String dump = System.getProperty("profile.dump");
        if (dump != null) {
            // the whole answer, to compare two builds' numbers one by one
            java.nio.file.Files.writeString(java.nio.file.Path.of(dump), String.valueOf(answer) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                .digest(String.valueOf(answer).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(hash, 0, 8);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: AttributionProfile <events.csv> [request ...]");
            System.exit(2);
        }
        long start = System.nanoTime();
        JourneySnapshot snapshot = InMemoryImport.snapshotOf(Path.of(args[0]));
        System.out.printf(Locale.ROOT, "snapshot: %,d journeys, %,d events, %d touchpoints, built in %.1f s%n",
                snapshot.journeyCount(), snapshot.eventCount(), snapshot.touchpoints().size(),
                (System.nanoTime() - start) / 1e9);
        JourneyProjection projection = new JourneyProjection() {
            @Override
            public JourneySnapshot current() {
                return snapshot;
            }
        };
        List<String> requests = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : DEFAULT_REQUESTS;
        List<ControllerCall> handlers = new ArrayList<>();
        for (String request : requests) {
            handlers.add(ControllerCall.of(projection, SHAPE.fill(request)));
        }
        for (int i = 0; i < WARMUPS; i++) {
            for (ControllerCall handler : handlers) {
                handler.call();
            }
        }
        // round robin, so that a busy spell of a shared machine slows every request alike
        double[][] millis = new double[handlers.size()][RUNS];
        double[][] cpuMillis = new double[handlers.size()][RUNS];
        for (int run = 0; run < RUNS; run++) {
            for (int h = 0; h < handlers.size(); h++) {
                long cpu0 = PROCESS.getProcessCpuTime();
                long t0 = System.nanoTime();
                handlers.get(h).call();
                millis[h][run] = (System.nanoTime() - t0) / 1e6;
                cpuMillis[h][run] = (PROCESS.getProcessCpuTime() - cpu0) / 1e6;
                if (Boolean.getBoolean("profile.each")) {
                    System.out.printf(Locale.ROOT, "run %d %s: %.1f ms, CPU %.1f ms%n", run, requests.get(h),
                            millis[h][run], cpuMillis[h][run]);
                }
            }
        }
        for (int h = 0; h < handlers.size(); h++) {
            Arrays.sort(millis[h]);
            Arrays.sort(cpuMillis[h]);
            System.out.printf(Locale.ROOT, "%-75s median %8.1f ms  min %8.1f ms  CPU median %8.1f ms%s%n",
                    requests.get(h), millis[h][RUNS / 2], millis[h][0], cpuMillis[h][RUNS / 2],
                    DIGEST ? "  answer " + digest(handlers.get(h).call()) : "");
        }
    }
}
