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
 * The analyses on both data shapes side by side, without HTTP or a database: a snapshot of the demo CSV and one of
 * the clickstream CSV built in memory ({@link InMemoryImport}), then each request computed afresh through its
 * controller's handler method ({@link ControllerCall}) on both, the requests and shapes taking turns so that a busy
 * spell of a shared machine slows all alike. Prints a Markdown table: the median (and minimum) of each shape and the
 * clickstream / demo ratio. Runs and warm-ups: {@code profile.runs} (15), {@code profile.warmups} (3);
 * {@code -Dprofile.only=a,b} keeps the requests containing any of the texts, {@code -Dprofile.skip=a,b} drops those containing
 * any of the texts (e.g. {@code graph,model=markov} for the requests that solve the absorbing chain).
 * Run with {@code bench/profile.sh shapes}.
 */
public final class ShapesProfile {

    private static final int WARMUPS = Integer.getInteger("profile.warmups", 3);
    private static final int RUNS = Integer.getInteger("profile.runs", 15);
    static final List<String> REQUESTS = List.of(
            "/api/paths/top?segment={segment}",
            "/api/diversions",
            "/api/dropoff",
            "/api/funnel",
            "/api/flows",
            "/api/touchpoints/{touchpoint}/neighbourhood",
            "/api/transitions",
            "/api/transitions?segment={segment}",
            "/api/graph",
            "/api/graph?format=graphml",
            "/api/graph?format=sankey",
            "/api/insights/moments",
            "/api/attribution?model=linear",
            "/api/attribution?model=first",
            "/api/attribution?model=last",
            "/api/attribution?model=position",
            "/api/attribution?model=time-decay",
            "/api/compare?a=segment%3D{segment}&b=segment%3D{otherSegment}&model=linear",
            "/api/compare?a=segment%3D{segment}&b=segment%3D{otherSegment}&model=markov",
            "/api/time-to-convert",
            "/api/time-to-convert?fromTouchpoint={touchpoint}",
            "/api/time-to-convert?segment={segment}",
            "/api/trends?interval=day",
            "/api/trends?interval=week&zone=Europe/Paris",
            "/api/trends?interval=month&segment={segment}");

    private ShapesProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ShapesProfile <demo.csv> <clickstream.csv>");
            System.exit(2);
        }
        Shape[] shapes = {Shape.DEMO, Shape.CLICKSTREAM};
        JourneySnapshot[] snapshots = new JourneySnapshot[2];
        for (int s = 0; s < 2; s++) {
            long start = System.nanoTime();
            snapshots[s] = InMemoryImport.snapshotOf(Path.of(args[s]));
            System.out.printf(Locale.ROOT, "%s: %,d journeys, %,d events, %,d touchpoints, built in %.1f s%n",
                    shapes[s].name, snapshots[s].journeyCount(), snapshots[s].eventCount(),
                    snapshots[s].touchpoints().size(), (System.nanoTime() - start) / 1e9);
        }
        List<String> only = List.of(System.getProperty("profile.only", "").split(","));
        List<String> skipped = List.of(System.getProperty("profile.skip", "").split(","));
        // the unfiltered transition table is kept per snapshot, as the app keeps it (TransitionCache)
        List<String> requests = REQUESTS.stream().filter(r -> only.stream().anyMatch(r::contains))
                .filter(r -> skipped.stream().noneMatch(skip -> !skip.isEmpty() && r.contains(skip))).toList();
        ControllerCall[][] calls = new ControllerCall[requests.size()][2];
        for (int s = 0; s < 2; s++) {
            JourneySnapshot snapshot = snapshots[s];
            JourneyProjection projection = new JourneyProjection() {
                @Override
                public JourneySnapshot current() {
                    return snapshot;
                }
            };
            for (int r = 0; r < requests.size(); r++) {
                calls[r][s] = ControllerCall.of(projection, shapes[s].fill(requests.get(r)));
            }
        }
        double[][][] millis = new double[requests.size()][2][RUNS];
        for (int run = -WARMUPS; run < RUNS; run++) {
            for (int r = 0; r < requests.size(); r++) {
                for (int s = 0; s < 2; s++) {
                    long t0 = System.nanoTime();
                    calls[r][s].call();
                    if (run >= 0) {
                        millis[r][s][run] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| request (demo / clickstream segment: %s / %s) | demo, %,d journeys, %d "
                + "touchpoints: median (min) | clickstream, %,d journeys, %,d touchpoints: median (min) | "
                + "clickstream / demo |%n", Shape.DEMO.segment, Shape.CLICKSTREAM.segment,
                snapshots[0].journeyCount(), snapshots[0].touchpoints().size(), snapshots[1].journeyCount(),
                snapshots[1].touchpoints().size());
        System.out.println("|---|---|---|---|");
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < requests.size(); r++) {
            Arrays.sort(millis[r][0]);
            Arrays.sort(millis[r][1]);
            double demo = millis[r][0][RUNS / 2];
            double clickstream = millis[r][1][RUNS / 2];
            rows.add(String.format(Locale.ROOT, "| `%s` | %s (%s) | %s (%s) | %.2f |", requests.get(r),
                    Timing.millis(demo), Timing.millis(millis[r][0][0]), Timing.millis(clickstream),
                    Timing.millis(millis[r][1][0]), clickstream / demo));
        }
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nMedians of %d runs after %d warm-ups. Machine: %s.%n", RUNS, WARMUPS,
                BenchmarkApp.machine());
    }
}
