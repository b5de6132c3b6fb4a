package com.journeyexplorer.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.InMemoryImport;

/**
 * The first request on a new snapshot against the ones after it, for the answers a snapshot keeps once computed (the
 * default graph export, the unfiltered key moments): each run makes a new snapshot of the same journeys (its indexes
 * prepared, as the app prepares them once it publishes a snapshot), then times the first call of each request and a
 * second one. No database, no HTTP, as {@link ShapesProfile}.
 *
 * <p>Usage: {@code FirstRequestProfile <file.csv> <request>...}; {@code -Dprofile.runs} (5) new snapshots.
 */
public final class FirstRequestProfile {

    private static final int RUNS = Integer.getInteger("profile.runs", 5);

    private FirstRequestProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FirstRequestProfile <file.csv> <request>...");
            System.exit(2);
        }
        long start = System.nanoTime();
        JourneySnapshot loaded = InMemoryImport.snapshotOf(Path.of(args[0]));
        System.out.printf(Locale.ROOT, "%,d journeys, %,d events, %,d touchpoints, built in %.1f s%n",
                loaded.journeyCount(), loaded.eventCount(), loaded.touchpoints().size(),
                (System.nanoTime() - start) / 1e9);
        int requests = args.length - 1;
        double[][] first = new double[requests][RUNS];
        double[][] later = new double[requests][RUNS];
        for (int run = 0; run < RUNS; run++) {
            JourneySnapshot snapshot = new JourneySnapshot(loaded.touchpoints(), loaded.journeys(),
                    loaded.version() + 1 + run);
            snapshot.prepareIndexes();
            JourneyProjection projection = new JourneyProjection() {
                @Override
                public JourneySnapshot current() {
                    return snapshot;
                }
            };
            for (int r = 0; r < requests; r++) {
                ControllerCall call = ControllerCall.of(projection, args[r + 1]);
                long t0 = System.nanoTime();
                call.call();
                long t1 = System.nanoTime();
                call.call();
                first[r][run] = (t1 - t0) / 1e6;
                later[r][run] = (System.nanoTime() - t1) / 1e6;
            }
        }
        System.out.println();
        System.out.println("| request | first on a new snapshot: median (min) | second: median (min) |");
        System.out.println("|---|---|---|");
        for (int r = 0; r < requests; r++) {
            Arrays.sort(first[r]);
            Arrays.sort(later[r]);
            System.out.printf(Locale.ROOT, "| `%s` | %s (%s) | %s (%s) |%n", args[r + 1],
                    Timing.millis(first[r][RUNS / 2]), Timing.millis(first[r][0]),
                    Timing.millis(later[r][RUNS / 2]), Timing.millis(later[r][0]));
        }
        System.out.printf(Locale.ROOT, "%nMedians of %d new snapshots. Machine: %s.%n", RUNS, BenchmarkApp.machine());
    }
}
