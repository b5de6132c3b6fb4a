package com.journeyexplorer.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.predict.BacktestReport;
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
 *
 * <p>With {@code -Dprofile.baseline=DIR} (the {@code target/classes} of an earlier build, copied aside) the
 * prediction and API classes of that build run side by side with this build's on the same snapshot, each measurement
 * alternating between the two, and the profile fails unless both give the same single predictions, the same NDJSON
 * lines and the same backtest: before and after of a change in one run.
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
        List<Implementation> implementations = new ArrayList<>();
        String baseline = System.getProperty("profile.baseline");
        if (baseline != null) {
            implementations.add(new Implementation("before", new BaselineLoader(Path.of(baseline))));
        }
        implementations.add(new Implementation(baseline == null ? "" : "after", PredictProfile.class.getClassLoader()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        int n = implementations.size();
        double[][] build = new double[n][RUNS];
        double[][] buildCpu = new double[n][RUNS];
        Object[] models = new Object[n];
        for (int run = -1; run < RUNS; run++) {
            for (int i = 0; i < n; i++) {
                System.gc();
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                models[i] = implementations.get(i).learn(snapshot);
                if (run >= 0) {
                    build[i][run] = (System.nanoTime() - t0) / 1e6;
                    buildCpu[i][run] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Arrays.sort(build[i]);
            Arrays.sort(buildCpu[i]);
            models[i] = null;
            System.gc();
            long before = usedHeap();
            models[i] = implementations.get(i).learn(snapshot);
            System.gc();
            long heap = usedHeap() - before;
            System.out.printf(Locale.ROOT, "%smodel build (order %d): median %.0f ms (CPU %.0f ms), min %.0f ms (%d "
                    + "runs); %,d contexts, about %,d MB heap%n", implementations.get(i).label(), ORDER,
                    build[i][RUNS / 2], buildCpu[i][RUNS / 2], build[i][0], RUNS, implementations.get(i).contexts(
                    models[i]), heap >> 20);
        }

        List<List<String>> prefixes = prefixes(snapshot, new SplittableRandom(42));
        List<String> answers = null;
        for (int i = 0; i < n; i++) {
            Implementation implementation = implementations.get(i);
            double[] single = new double[prefixes.size()];
            for (int warm = 0; warm < 3; warm++) {
                for (List<String> prefix : prefixes) {
                    implementation.predict(models[i], prefix);
                }
            }
            long singleCpu = threads.getCurrentThreadCpuTime();
            for (int p = 0; p < prefixes.size(); p++) {
                long t0 = System.nanoTime();
                implementation.predict(models[i], prefixes.get(p));
                single[p] = (System.nanoTime() - t0) / 1e3;
            }
            singleCpu = threads.getCurrentThreadCpuTime() - singleCpu;
            Arrays.sort(single);
            System.out.printf(Locale.ROOT, "%ssingle prediction: median %.1f µs, p99 %.1f µs, max %.1f µs, CPU mean "
                    + "%.1f µs (%,d prefixes, mean length %.1f)%n", implementation.label(), single[single.length / 2],
                    single[single.length * 99 / 100], single[single.length - 1], singleCpu / 1e3 / prefixes.size(),
                    prefixes.size(), prefixes.stream().mapToInt(List::size).average().orElse(0));
            List<String> these = new ArrayList<>(prefixes.size());
            for (List<String> prefix : prefixes) {
                these.add(String.valueOf(implementation.predict(models[i], prefix)));
            }
            if (answers != null && !answers.equals(these)) {
                throw new IllegalStateException("the single predictions differ between before and after");
            }
            answers = these;
        }

        JsonMapper json = JsonMapper.builder().addModule(CleanNumbers.module()).build();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < prefixes.size(); i++) {
            ndjson.append(json.writeValueAsString(java.util.Map.of("id", i, "steps", prefixes.get(i)))).append('\n');
        }
        byte[] body = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        double[][] batch = new double[n][RUNS];
        double[][] batchCpu = new double[n][RUNS];
        byte[][] written = new byte[n][];
        for (int run = -3; run < RUNS; run++) {
            for (int i = 0; i < n; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 8);
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                implementations.get(i).answerBatch(body, out, models[i], json);
                if (run >= 0) {
                    batch[i][run] = (System.nanoTime() - t0) / 1e9;
                    batchCpu[i][run] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                }
                written[i] = out.toByteArray();
            }
        }
        for (int i = 0; i < n; i++) {
            Arrays.sort(batch[i]);
            Arrays.sort(batchCpu[i]);
            System.out.printf(Locale.ROOT, "%sNDJSON batch of %,d (read, predict, write; %,d KB in, %,d KB out): "
                    + "median %.0f ms (CPU %.0f ms): %,.0f predictions/s (%,.0f per CPU second)%n",
                    implementations.get(i).label(), prefixes.size(), body.length >> 10, written[i].length >> 10,
                    batch[i][RUNS / 2] * 1e3, batchCpu[i][RUNS / 2] * 1e3, prefixes.size() / batch[i][RUNS / 2],
                    prefixes.size() / batchCpu[i][RUNS / 2]);
        }
        if (n > 1) {
            List<String> before = lines(written[0]);
            if (!before.equals(lines(written[1]))) {
                throw new IllegalStateException("the NDJSON answers differ between before and after");
            }
            System.out.println("before and after: the same single predictions and the same NDJSON lines"
                    + (Arrays.equals(written[0], written[1]) ? ", byte for byte" : " but for whitespace between them"));
        }

        String reported = null;
        for (Implementation implementation : implementations) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            Object report = implementation.backtest(snapshot);
            System.out.printf(Locale.ROOT, "%sbacktest (learnFraction 0.8, order %d, minSupport %d): %.1f s (CPU %.1f "
                    + "s)%n", implementation.label(), ORDER, MIN_SUPPORT, (System.nanoTime() - t0) / 1e9,
                    (threads.getCurrentThreadCpuTime() - c0) / 1e9);
            if (reported != null && !reported.equals(report.toString())) {
                throw new IllegalStateException("the backtests differ between before and after");
            }
            reported = report.toString();
            if (report instanceof BacktestReport own) {
                System.out.printf(Locale.ROOT, "%,d journeys learned, %,d predicted from %,d prefixes%n",
                        own.learnJourneys(), own.testJourneys(), own.predictions());
                printQuality(own);
            }
        }
    }

    /** The lines of an NDJSON answer, without the whitespace around them. */
    private static List<String> lines(byte[] ndjson) {
        return new String(ndjson, StandardCharsets.UTF_8).lines().map(String::strip).toList();
    }

    private static void printQuality(BacktestReport report) {
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

    /**
     * The prediction code of one build, called by reflection: this build's, or an earlier build's classes of the
     * prediction and API packages (loaded first from {@code -Dprofile.baseline}, everything else shared), so that
     * before and after run side by side on one snapshot and their answers can be compared.
     */
    private static final class Implementation {

        private final String label;
        private final Method learn;
        private final Method contexts;
        private final Method predict;
        private final Method answerBatch;
        private final Method backtest;

        Implementation(String name, ClassLoader loader) throws ReflectiveOperationException {
            this.label = name.isEmpty() ? "" : name + ": ";
            Class<?> chain = Class.forName("com.journeyexplorer.analysis.predict.VariableOrderChain", true, loader);
            learn = chain.getMethod("learn", JourneySnapshot.class, IntPredicate.class, int.class);
            contexts = chain.getMethod("contexts");
            predict = chain.getMethod("predict", List.class, int.class, int.class);
            Class<?> requests = Class.forName("com.journeyexplorer.api.PredictionRequests", true, loader);
            answerBatch = requests.getDeclaredMethod("answerBatch", InputStream.class, OutputStream.class, chain,
                    int.class, int.class, JsonMapper.class);
            answerBatch.setAccessible(true);
            Class<?> backtests = Class.forName("com.journeyexplorer.analysis.predict.Backtest", true, loader);
            backtest = backtests.getMethod("run", JourneySnapshot.class, JourneySelection.class, int.class, int.class,
                    double.class, int.class);
        }

        String label() {
            return label;
        }

        Object learn(JourneySnapshot snapshot) throws ReflectiveOperationException {
            return learn.invoke(null, snapshot, null, ORDER);
        }

        int contexts(Object model) throws ReflectiveOperationException {
            return (int) contexts.invoke(model);
        }

        Object predict(Object model, List<String> steps) throws ReflectiveOperationException {
            return predict.invoke(model, steps, MIN_SUPPORT, NEXT);
        }

        void answerBatch(byte[] body, OutputStream out, Object model, JsonMapper json)
                throws ReflectiveOperationException {
            answerBatch.invoke(null, new ByteArrayInputStream(body), out, model, MIN_SUPPORT, NEXT, json);
        }

        /** The backtest's report: a {@link BacktestReport} of this build or of the earlier one. */
        Object backtest(JourneySnapshot snapshot) throws ReflectiveOperationException {
            return backtest.invoke(null, snapshot, JourneySelection.all(), ORDER, MIN_SUPPORT, 0.8, 10);
        }
    }

    /** Loads the classes of the prediction and API packages from a directory of an earlier build first. */
    private static final class BaselineLoader extends URLClassLoader {

        BaselineLoader(Path classes) throws IOException {
            super(new URL[] {classes.toUri().toURL()}, PredictProfile.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.journeyexplorer.analysis.predict.") && !name.startsWith(
                    "com.journeyexplorer.api.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
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
