package com.journeyexplorer.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.ingest.InMemoryImport;

import org.openjdk.jol.info.GraphLayout;

/**
 * Where the projection's bytes are: the snapshot an import of the CSV builds in memory, with its indexes, walked
 * object by object (Java Object Layout), part by part. The records (the journey list, the {@code Journey} objects and
 * what they reach: arrays, shared details, id forms) by class; then each per-snapshot index the analyses built (the
 * snapshot's memos) and its large fields, without what the records already count. {@link ProjectionMemoryBenchmark}
 * measures the heap instead, which also counts what the collector keeps around large arrays.
 * <pre>{@code
 * BENCH_XMX=12g BENCH_JAVA_OPTS=-Djdk.attach.allowAttachSelf=true \
 *   bench/run-java.sh com.journeyexplorer.bench.ProjectionFootprint target/bench/demo-1000000.csv
 * }</pre>
 * (the option lets the walker attach its agent to this JVM; without it, it cannot read a record's field offsets).
 */
public final class ProjectionFootprint {

    private static final long LARGE_FIELD = 1 << 20;

    private ProjectionFootprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ProjectionFootprint <events.csv>");
            System.exit(2);
        }
        JourneySnapshot snapshot = InMemoryImport.snapshotOf(Path.of(args[0]));
        snapshot.prepareIndexes();
        long events = snapshot.eventCount();
        System.out.printf(Locale.ROOT, "%s: %,d journeys, %,d events, %,d touchpoints. Machine: %s.%n", args[0],
                snapshot.journeyCount(), events, snapshot.touchpoints().size(), BenchmarkApp.machine());
        System.out.println("| part | bytes | bytes per event |");
        System.out.println("|---|---|---|");
        GraphLayout records = GraphLayout.parseInstance(snapshot.journeys());
        row("records in all", records.totalSize(), events);
        for (Class<?> type : records.getClasses()) {
            long size = records.getClassSizes().count(type);
            if (size > LARGE_FIELD) {
                row("  " + type.getSimpleName(), size, events);
            }
        }
        for (Map.Entry<Object, Object> memo : memos(snapshot).entrySet()) {
            Object part = memo.getValue();
            row(part.getClass().getSimpleName(), GraphLayout.parseInstance(part).subtract(records).totalSize(), events);
            for (Field field : part.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(part);
                long size = value == null ? 0 : GraphLayout.parseInstance(value).subtract(records).totalSize();
                if (size > LARGE_FIELD) {
                    row("  " + field.getName(), size, events);
                }
            }
        }
        row("the snapshot in all, with the id index", GraphLayout.parseInstance(snapshot).totalSize(), events);
    }

    /**
     * The snapshot's memos: the per-snapshot indexes, read by reflection so that every one the analyses add is
     * counted without a list to keep up to date.
     */
    @SuppressWarnings("unchecked")
    private static Map<Object, Object> memos(JourneySnapshot snapshot) throws Exception {
        Field field = JourneySnapshot.class.getDeclaredField("memos");
        field.setAccessible(true);
        Map<Object, Future<Object>> memos = (Map<Object, Future<Object>>) field.get(snapshot);
        Map<Object, Object> parts = new java.util.LinkedHashMap<>();
        for (Map.Entry<Object, Future<Object>> memo : memos.entrySet()) {
            parts.put(memo.getKey(), memo.getValue().get());
        }
        return parts;
    }

    private static void row(String part, long bytes, long events) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f |%n", part, bytes, (double) bytes / events);
    }
}
