package com.journeyexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.experience.ExperienceByLabel;
import com.journeyexplorer.analysis.experience.ExperienceDrivers;
import com.journeyexplorer.analysis.experience.PainPoints;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoSurvey;
import com.journeyexplorer.ingest.InMemoryImport;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * Times the experience analyses without a database or HTTP: the demo store of {@code journeys} journeys built in
 * memory with its survey answers (or, with {@code --shape=clickstream}, the web-shop clickstream with an answer about
 * every 40th step, its score drawn from the journey's outcome and the step), then the median wall-clock and thread CPU
 * time of fresh computations of each endpoint's answer, unfiltered and filtered (a segment, a device). The first
 * computation of each answer is a warm-up, and it builds what is kept with the snapshot and the response list (the
 * unfiltered traffic, the frustration events, the join of the responses), as the first request after an import does.
 * Run with
 *
 * <pre>
 * java -Xmx6g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *   com.journeyexplorer.bench.ExperienceProfile [--shape=demo|clickstream] 1000000 [runs=15]
 * </pre>
 */
public final class ExperienceProfile {

    private ExperienceProfile() {
    }

    public static void main(String[] args) throws Exception {
        Shape shape = Shape.DEMO;
        int first = 0;
        if (args[0].startsWith("--shape=")) {
            shape = Shape.named(args[0].substring("--shape=".length()));
            first = 1;
        }
        int journeys = Integer.parseInt(args[first]);
        int runs = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 15;
        Path csv = shape.csv(journeys, Files.createDirectories(Path.of("target", "bench")));
        JourneySnapshot snapshot = InMemoryImport.snapshotOf(csv);
        snapshot.prepareIndexes();
        List<SurveyResponse> responses = new ArrayList<>();
        if (shape == Shape.DEMO) {
            new DemoSurvey(DemoCsvWriter.DEFAULT_SEED).generate(journeys, answer -> responses.add(new SurveyResponse(
                    answer.responseId(), answer.journeyId(), answer.customerId(), answer.timestamp(),
                    answer.touchpoint(), answer.stage(), Scale.of(answer.scale()), answer.score(), answer.comment())));
        } else {
            everyFortiethStep(snapshot, responses);
        }
        System.out.printf(Locale.ROOT, "%s: %,d journeys, %,d events, %,d answers%n", shape.description(),
                snapshot.journeyCount(), snapshot.eventCount(), responses.size());
        JourneySelection all = JourneySelection.all();
        JourneySelection segment = all.withSegment(shape.segment);
        JourneySelection mobile = all.withDevice("mobile");
        time("experience by=touchpoint", runs, () -> ExperienceByLabel.of(snapshot, all, responses,
                PathShaping.Level.TOUCHPOINT, 3, 0.95));
        time("experience by=touchpoint device=mobile", runs, () -> ExperienceByLabel.of(snapshot, mobile,
                responses, PathShaping.Level.TOUCHPOINT, 3, 0.95));
        time("experience by=stage segment=" + shape.segment, runs, () -> ExperienceByLabel.of(snapshot, segment,
                responses, PathShaping.Level.STAGE, 3, 0.95));
        time("experience/painpoints", runs, () -> PainPoints.of(snapshot, all, responses, 5, 10));
        time("experience/painpoints segment=" + shape.segment, runs, () -> PainPoints.of(snapshot, segment,
                responses, 5, 10));
        time("experience/drivers", runs, () -> ExperienceDrivers.of(snapshot, all, responses, 0.95));
        time("experience/drivers segment=" + shape.segment, runs, () -> ExperienceDrivers.of(snapshot, segment,
                responses, 0.95));
    }

    /**
     * An answer about every 40th step of the clickstream: CSAT, 4 or 5 in a journey that buys, 1 or 2 in one that is
     * lost, 3 otherwise (a deterministic choice by position).
     */
    private static void everyFortiethStep(JourneySnapshot snapshot, List<SurveyResponse> responses) {
        long step = 0;
        for (com.journeyexplorer.journey.Journey journey : snapshot.journeys()) {
            for (int i = 0; i < journey.length(); i++) {
                if (++step % 40 != 0) {
                    continue;
                }
                var touchpoint = snapshot.touchpoints().get(journey.steps()[i]);
                int score = switch (journey.outcome()) {
                    case PURCHASE -> 4 + (int) (step / 40 % 2);
                    case ABANDONED, DIVERTED -> 1 + (int) (step / 40 % 2);
                    default -> 3;
                };
                responses.add(new SurveyResponse("a-" + step, journey.id(), journey.customerId(),
                        journey.isTimed() ? journey.times()[i] : -1, touchpoint.name(), touchpoint.stage(),
                        Scale.of("csat"), score, ""));
            }
        }
    }

    private static void time(String name, int runs, Supplier<?> answer) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        answer.get();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            answer.get();
            wall[i] = (System.nanoTime() - started) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-48s median %8.1f ms (CPU %8.1f ms)  (%d runs)%n", name, wall[runs / 2],
                cpu[runs / 2], runs);
    }
}
