package com.journeyexplorer.bench;

import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.cli.ImportCommand;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.InMemoryImport;

/**
 * The heap the projection takes per event, three ways, each the heap in use after full collections:
 * <ol>
 * <li>in memory: the snapshot an import of the CSV builds ({@link InMemoryImport}), with its per-snapshot indexes,
 * minus the JVM before it;</li>
 * <li>the app started on a store that holds the CSV (written once with {@code import --bulk} into {@code STORE} and
 * reused when it exists), its projection loaded from Neo4j with its indexes, minus the JVM before the app;</li>
 * <li>a second snapshot loaded from Neo4j beside the first (what {@code bench/analysis.sh} reports as the retained
 * heap).</li>
 * </ol>
 * <pre>{@code
 * bench/run-java.sh com.journeyexplorer.bench.ProjectionMemoryBenchmark target/bench/demo-1000000.csv \
 *   target/bench/store-demo-1000000
 * }</pre>
 * with {@code BENCH_XMX=12g} at a million journeys. The CSVs are those of the other benchmarks
 * ({@code DemoCsvWriter}, demo or {@code --shape=clickstream}). With {@code -} for the store, only the first measure
 * is taken: at ten million journeys the bulk load of the store takes far longer than the rest.
 */
public final class ProjectionMemoryBenchmark {

    private ProjectionMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ProjectionMemoryBenchmark <events.csv> <store directory>");
            System.exit(2);
        }
        Path csv = Path.of(args[0]);
        Path store = Path.of(args[1]);
        long empty = AnalysisBenchmark.usedHeapAfterGc();
        JourneySnapshot inMemory = InMemoryImport.snapshotOf(csv);
        inMemory.prepareIndexes();
        long events = inMemory.eventCount();
        long inMemoryBytes = AnalysisBenchmark.usedHeapAfterGc() - empty;
        Reference.reachabilityFence(inMemory);
        inMemory = null;
        if (args[1].equals("-")) {
            System.out.printf(Locale.ROOT, "%s: %,d events. Machine: %s.%n", csv, events, BenchmarkApp.machine());
            tableWithInMemoryRow(inMemoryBytes, events);
            return;
        }
        if (!Files.exists(store)) {
            int exit = ImportCommand.run(new String[] {"--bulk", csv.toString(), "--openHorizon=0",
                    "--journeys.data-dir=" + store}, System.err, System.err);
            if (exit != 0) {
                throw new IllegalStateException("bulk load failed with exit code " + exit);
            }
        }
        long beforeApp = AnalysisBenchmark.usedHeapAfterGc();
        try (BenchmarkApp app = new BenchmarkApp(store)) {
            JourneySnapshot loaded = app.context.getBean(JourneyProjection.class).current();
            loaded.prepareIndexes();
            long withApp = AnalysisBenchmark.usedHeapAfterGc();
            JourneySnapshot second = app.context.getBean(JourneyGraph.class).loadProjection();
            second.prepareIndexes();
            long withSecond = AnalysisBenchmark.usedHeapAfterGc();
            Reference.reachabilityFence(loaded);
            if (loaded.eventCount() != events || second.eventCount() != events) {
                throw new IllegalStateException("the store holds " + loaded.eventCount() + " events, the CSV "
                        + events);
            }
            System.out.printf(Locale.ROOT, "%s: %,d journeys, %,d events, %,d touchpoints. Machine: %s.%n", csv,
                    loaded.journeyCount(), events, loaded.touchpoints().size(), BenchmarkApp.machine());
            tableWithInMemoryRow(inMemoryBytes, events);
            row("app on the store, its projection loaded from Neo4j with its indexes", withApp - beforeApp, events);
            row("a second snapshot loaded from Neo4j beside the first", withSecond - withApp, events);
        }
    }

    /** The table's header and its first row, the snapshot built in memory. */
    private static void tableWithInMemoryRow(long bytes, long events) {
        System.out.println("| measure | MiB | bytes per event |");
        System.out.println("|---|---|---|");
        row("snapshot built in memory, with its indexes", bytes, events);
    }

    private static void row(String measure, long bytes, long events) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f |%n", measure, bytes / 1048576.0, (double) bytes / events);
    }
}
