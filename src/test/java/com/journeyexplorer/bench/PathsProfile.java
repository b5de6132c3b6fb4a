package com.journeyexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.journeyexplorer.analysis.AbsorbingChain;
import com.journeyexplorer.analysis.Diversions;
import com.journeyexplorer.analysis.Flows;
import com.journeyexplorer.analysis.Funnel;
import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.LikelyPaths;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.TopPaths;
import com.journeyexplorer.analysis.TransitionGraph;
import com.journeyexplorer.api.JourneyQuery;
import com.journeyexplorer.ingest.InMemoryImport;
import com.journeyexplorer.journey.Outcome;

/**
 * Profiles the analyses of the benchmark requests without a database or HTTP: builds the snapshot of an event CSV in
 * memory once and prints its retained heap (used heap after GC before and after, as {@link AnalysisBenchmark}
 * measures it), and again once the first top-paths answer has built the columns and step sequences kept with the
 * snapshot; then for each request the median wall-clock and thread CPU time (steadier on a busy machine) of repeated
 * fresh computations of what its controller computes, with no answer cache. Run with
 *
 * <pre>
 * ./mvnw -q -B test-compile
 * ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *   com.journeyexplorer.bench.PathsProfile target/bench/demo-1000000.csv [runs=15]
 * </pre>
 *
 * with a CSV written by {@code bench/analysis.sh}. {@code -Dprofile.only=text} times only the requests containing
 * the text; {@code -Dprofile.parts=true} also times the parts of the likely-paths answer.
 */
public final class PathsProfile {

    private PathsProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        JourneySnapshot snapshot = InMemoryImport.snapshotOf(csv);
        double seconds = (System.nanoTime() - started) / 1e9;
        long retained = usedHeapAfterGc() - before;
        System.out.printf(Locale.ROOT, "snapshot: %,d journeys, %,d events, built in %.1f s; retained %,.0f MiB, "
                + "%.1f bytes per event%n", snapshot.journeyCount(), snapshot.eventCount(), seconds,
                retained / 1048576.0, (double) retained / snapshot.eventCount());
        Map<String, Callable<?>> requests = new LinkedHashMap<>();
        String segment = Shape.named(System.getProperty("bench.shape", "demo")).segment;
        String top = "/api/paths/top?segment=" + segment;
        requests.put(top, () -> {
            JourneyQuery query = query(Map.of("segment", segment), Set.of("limit"));
            return TopPaths.of(snapshot, query.selection(), query.shaping(), 10);
        });
        requests.put("/api/paths/likely?outcome=purchase&k=10", () -> {
            JourneyQuery query = query(Map.of("outcome", "purchase", "k", "10"), Set.of("k"));
            TransitionGraph graph = TransitionGraph.withoutTimings(snapshot, query.selection().withOutcome(null),
                    query.shaping());
            return List.of(LikelyPaths.of(graph, Outcome.PURCHASE, 10), AbsorbingChain.of(graph));
        });
        if (Boolean.getBoolean("profile.parts")) {
            TransitionGraph whole = TransitionGraph.withoutTimings(snapshot, JourneySelection.all(),
                    PathShaping.touchpoints());
            requests.put("likely: graph", () -> TransitionGraph.withoutTimings(snapshot, JourneySelection.all(),
                    PathShaping.touchpoints()));
            requests.put("likely: yen", () -> LikelyPaths.of(whole, Outcome.PURCHASE, 10));
            requests.put("likely: chain", () -> AbsorbingChain.of(whole));
        }
        requests.put("/api/diversions", () -> Diversions.of(snapshot, query(Map.of(), Set.of()).selection(), 20));
        requests.put("/api/funnel", () -> Funnel.of(snapshot, query(Map.of(), Set.of()).selection(),
                List.of("awareness", "consideration", "purchase", "loyalty", "advocacy"), 5));
        requests.put("/api/flows", () -> {
            JourneyQuery query = query(Map.of(), Set.of());
            return Flows.of(snapshot, query.selection(), query.shaping(), 5, 8);
        });
        started = System.nanoTime();
        TopPaths topPaths = (TopPaths) requests.get(top).call();
        double firstMillis = (System.nanoTime() - started) / 1e6;
        long withColumns = usedHeapAfterGc() - before;
        System.out.printf(Locale.ROOT, "top paths: %,d of %,d journeys selected, %,d variants; first call %.0f ms "
                + "with the snapshot's columns and step sequences, after it retained %,.0f MiB, %.1f bytes per "
                + "event%n", topPaths.total(), snapshot.journeyCount(), topPaths.variants(), firstMillis,
                withColumns / 1048576.0, (double) withColumns / snapshot.eventCount());
        String only = System.getProperty("profile.only", "");
        for (Map.Entry<String, Callable<?>> request : requests.entrySet()) {
            if (!request.getKey().contains(only)) {
                continue;
            }
            double[][] samples = measure(request.getValue(), 3, runs);
            System.out.printf(Locale.ROOT, "%-45s median %8.1f ms (CPU %8.1f ms)  p90 %8.1f ms  (%d runs)%n",
                    request.getKey(), median(samples[0]), median(samples[1]), samples[0][(int) Math.ceil(0.9 * runs)
                    - 1], runs);
        }
        Reference.reachabilityFence(snapshot);
    }

    /** Wall-clock and thread CPU milliseconds of {@code runs} calls after {@code warmups}, each sorted. */
    private static double[][] measure(Callable<?> call, int warmups, int runs) throws Exception {
        for (int i = 0; i < warmups; i++) {
            call.call();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long startedCpu = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            call.call();
            wall[i] = (System.nanoTime() - started) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[][] {wall, cpu};
    }

    private static double median(double[] sorted) {
        return sorted[(int) Math.ceil(0.5 * sorted.length) - 1];
    }

    private static JourneyQuery query(Map<String, String> values, Set<String> endpointParameters) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        values.forEach(parameters::add);
        return JourneyQuery.of(parameters, endpointParameters);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
