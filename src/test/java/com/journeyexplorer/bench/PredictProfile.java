package com.journeyexplorer.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.predict.Backtest;
import com.journeyexplorer.analysis.predict.BacktestReport;
import com.journeyexplorer.analysis.predict.VariableOrderChain;
import com.journeyexplorer.export.CleanNumbers;
import com.journeyexplorer.ingest.InMemoryImport;
import com.journeyexplorer.journey.Journey;

import tools.jackson.databind.json.JsonMapper;

/**
 * The predictions of open journeys on both data shapes, without HTTP or a database: for each CSV, the snapshot
 * built in memory, then the median time to learn the variable-order chain (order 3) from every journey, the median
 * and 99th percentile of single predictions (order 3, minSupport 30, 5 next touchpoints) of open prefixes drawn
 * from the journeys (seed 42), the throughput of NDJSON batches of 10,000 such prefixes through the endpoint's own
 * reading and writing, and the backtest (learnFraction 0.8) with its time. Run with {@code bench/profile.sh predict}.
 */
public final class PredictProfile {

    private static final int ORDER = 3;
    private static final int MIN_SUPPORT = 30;
    private static final int NEXT = 5;
    private static final int PREFIXES = 10_000;
    private static final int RUNS = Integer.getInteger("profile.runs", 5);

    private PredictProfile() {
    }

    public static void main(String[] args) throws Exception {
        for (String csv : args) {
            profile(Path.of(csv).getFileName().toString().startsWith("clickstream") ? Shape.CLICKSTREAM : Shape.DEMO,
                    Path.of(csv));
        }
    }

    private static void profile(Shape shape, Path csv) throws Exception {
        long start = System.nanoTime();
        JourneySnapshot snapshot = InMemoryImport.snapshotOf(csv);
        snapshot.prepareIndexes();
        System.out.printf(Locale.ROOT, "%n## %s: %,d journeys, %,d events, %,d touchpoints (built in %.1f s)%n",
                shape.description(), snapshot.journeyCount(), snapshot.eventCount(), snapshot.touchpoints().size(),
                (System.nanoTime() - start) / 1e9);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] build = new double[RUNS];
        double[] buildCpu = new double[RUNS];
        VariableOrderChain model = null;
        for (int run = -1; run < RUNS; run++) {
            System.gc();
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            model = VariableOrderChain.learn(snapshot, null, ORDER);
            if (run >= 0) {
                build[run] = (System.nanoTime() - t0) / 1e6;
                buildCpu[run] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        Arrays.sort(build);
        Arrays.sort(buildCpu);
        System.gc();
        long before = usedHeap();
        VariableOrderChain kept = VariableOrderChain.learn(snapshot, null, ORDER);
        System.gc();
        long heap = usedHeap() - before;
        System.out.printf(Locale.ROOT, "model build (order %d): median %.0f ms (CPU %.0f ms), min %.0f ms (%d runs); "
                + "%,d contexts, about %,d MB heap%n", ORDER, build[RUNS / 2], buildCpu[RUNS / 2], build[0], RUNS,
                kept.contexts(), heap >> 20);

        List<List<String>> prefixes = prefixes(snapshot, new SplittableRandom(42));
        double[] single = new double[prefixes.size()];
        for (int warm = 0; warm < 3; warm++) {
            for (List<String> prefix : prefixes) {
                model.predict(prefix, MIN_SUPPORT, NEXT);
            }
        }
        long singleCpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < prefixes.size(); i++) {
            long t0 = System.nanoTime();
            model.predict(prefixes.get(i), MIN_SUPPORT, NEXT);
            single[i] = (System.nanoTime() - t0) / 1e3;
        }
        singleCpu = threads.getCurrentThreadCpuTime() - singleCpu;
        Arrays.sort(single);
        System.out.printf(Locale.ROOT, "single prediction: median %.1f µs, p99 %.1f µs, max %.1f µs, CPU mean %.1f µs "
                + "(%,d prefixes, mean length %.1f)%n", single[single.length / 2], single[single.length * 99 / 100],
                single[single.length - 1], singleCpu / 1e3 / prefixes.size(), prefixes.size(),
                prefixes.stream().mapToInt(List::size).average().orElse(0));

        JsonMapper json = JsonMapper.builder().addModule(CleanNumbers.module()).build();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < prefixes.size(); i++) {
            ndjson.append(json.writeValueAsString(java.util.Map.of("id", i, "steps", prefixes.get(i)))).append('\n');
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        Class<?> requests = Class.forName("com.journeyexplorer.api.PredictionRequests");
        Method answer = requests.getDeclaredMethod("answerBatch", InputStream.class, OutputStream.class,
                VariableOrderChain.class, int.class, int.class, JsonMapper.class);
        answer.setAccessible(true);
        double[] batch = new double[RUNS];
        double[] batchCpu = new double[RUNS];
        long bytes = 0;
        for (int run = -3; run < RUNS; run++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 8);
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            answer.invoke(null, new ByteArrayInputStream(body), out, model, MIN_SUPPORT, NEXT, json);
            if (run >= 0) {
                batch[run] = (System.nanoTime() - t0) / 1e9;
                batchCpu[run] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            bytes = out.size();
        }
        Arrays.sort(batch);
        Arrays.sort(batchCpu);
        System.out.printf(Locale.ROOT, "NDJSON batch of %,d (read, predict, write; %,d KB in, %,d KB out): median "
                + "%.0f ms (CPU %.0f ms): %,.0f predictions/s (%,.0f per CPU second)%n", prefixes.size(),
                body.length >> 10, bytes >> 10, batch[RUNS / 2] * 1e3, batchCpu[RUNS / 2] * 1e3,
                prefixes.size() / batch[RUNS / 2], prefixes.size() / batchCpu[RUNS / 2]);

        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        BacktestReport report = Backtest.run(snapshot, JourneySelection.all(), ORDER, MIN_SUPPORT, 0.8, 10);
        System.out.printf(Locale.ROOT, "backtest (learnFraction 0.8, order %d, minSupport %d): %.1f s (CPU %.1f s); "
                + "%,d journeys learned, %,d predicted from %,d prefixes%n", ORDER, MIN_SUPPORT,
                (System.nanoTime() - t0) / 1e9, (threads.getCurrentThreadCpuTime() - c0) / 1e9,
                report.learnJourneys(), report.testJourneys(), report.predictions());
        System.out.println("| model | log loss | Brier |");
        System.out.println("|---|---:|---:|");
        for (BacktestReport.ModelScore score : report.models()) {
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f |%n", score.model(), score.logLoss(), score.brier());
        }
        System.out.println("calibration of the purchase probability (mean predicted / observed / predictions):");
        for (BacktestReport.ModelScore score : report.models()) {
            StringBuilder line = new StringBuilder(score.model()).append(':');
            for (BacktestReport.CalibrationBin bin : score.calibration()) {
                line.append(String.format(Locale.ROOT, " [%.1f-%.1f) %.3f/%.3f/%,d", bin.from(), bin.to(),
                        bin.meanPredicted(), bin.observed(), bin.count()));
            }
            System.out.println(line);
        }
    }

    /** Open prefixes of journeys drawn at random: a journey, then a length up to the step before its outcome. */
    private static List<List<String>> prefixes(JourneySnapshot snapshot, SplittableRandom random) {
        List<Journey> journeys = snapshot.journeys();
        List<List<String>> prefixes = new ArrayList<>(PREFIXES);
        while (prefixes.size() < PREFIXES) {
            Journey journey = journeys.get(random.nextInt(journeys.size()));
            int undecided = journey.purchaseIndex() >= 0 ? journey.purchaseIndex() : journey.length();
            if (undecided == 0) {
                continue;
            }
            int length = 1 + random.nextInt(Math.min(undecided, 200));
            List<String> names = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                names.add(snapshot.touchpoint(journey.steps()[i]).name());
            }
            prefixes.add(names);
        }
        return prefixes;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
