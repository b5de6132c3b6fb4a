package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.journeyexplorer.TestData;

/** The process-mining running example (pm4py): 6 cases, 42 events; {@code pay compensation} counts as the purchase. */
class RunningExampleTests {

    private static final Path FOLDER = TestData.file("pm4py-running-example/running-example.csv").getParent();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

    private static JourneySnapshot snapshot;

    @BeforeAll
    static void readLog() throws IOException {
        snapshot = read(Files.readAllLines(FOLDER.resolve("running-example.csv")));
    }

    /** A minimal reader: the file has a header and no quoted fields. */
    private static JourneySnapshot read(List<String> lines) {
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int caseColumn = header.indexOf("case:concept:name");
        int activityColumn = header.indexOf("concept:name");
        int timeColumn = header.indexOf("time:timestamp");
        Map<String, List<String[]>> cases = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            cases.computeIfAbsent(fields[caseColumn], key -> new ArrayList<>()).add(fields);
        }
        List<Touchpoint> touchpoints = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        List<Journey> journeys = new ArrayList<>();
        cases.forEach((caseId, events) -> {
            events.sort(Comparator.comparing(fields -> OffsetDateTime.parse(fields[timeColumn], TIME)));
            int[] steps = new int[events.size()];
            long[] times = new long[events.size()];
            byte[] types = new byte[events.size()];
            for (int i = 0; i < events.size(); i++) {
                String activity = events.get(i)[activityColumn];
                steps[i] = ids.computeIfAbsent(activity, name -> {
                    touchpoints.add(new Touchpoint(touchpoints.size(), name, "", "", Owner.OWN));
                    return touchpoints.size() - 1;
                });
                times[i] = OffsetDateTime.parse(events.get(i)[timeColumn], TIME).toInstant().toEpochMilli();
                types[i] = (activity.equals("pay compensation") ? EventType.PURCHASE : EventType.TOUCHPOINT).code();
            }
            journeys.add(new Journey(caseId, null, steps, times, types, null,
                    OutcomeRule.outcomeOf(steps, types, touchpoints), OutcomeRule.firstPurchase(types), 0.0, 1, null,
                    null, null));
        });
        return new JourneySnapshot(touchpoints, journeys, 1);
    }

    @Test
    void hasSixVariantsThreePurchasedAndThreeAbandoned() {
        TopPaths top = TopPaths.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(), 10);

        assertThat(snapshot.journeyCount()).isEqualTo(6);
        assertThat(snapshot.eventCount()).isEqualTo(42);
        assertThat(snapshot.touchpoints()).hasSize(8);
        assertThat(top.variants()).isEqualTo(6);
        assertThat(top.paths()).allSatisfy(path -> assertThat(path.journeys()).isEqualTo(1));
        assertThat(top.paths()).filteredOn(path -> path.purchaseRate() == 1.0).hasSize(3)
                .allSatisfy(path -> assertThat(path.steps()).endsWith("pay compensation"));
        assertThat(top.paths()).filteredOn(path -> path.purchaseRate() == 0.0).hasSize(3)
                .allSatisfy(path -> assertThat(path.steps()).endsWith("reject request"));
        assertThat(top.paths()).allSatisfy(path -> assertThat(path.steps()).startsWith("register request"));
        assertThat(JourneySelection.all().withOutcome(Outcome.ABANDONED).select(snapshot)).hasSize(3);
        // case 2: register 2010-12-30 11:32, pay compensation 2011-01-08 12:05
        assertThat(top.paths()).filteredOn(path -> path.steps().equals(List.of("register request", "check ticket",
                "examine casually", "decide", "pay compensation"))).singleElement()
                .satisfies(path -> assertThat(path.timeToComplete().medianSeconds())
                        .isEqualTo((9 * 86_400 + 33 * 60) * 1.0));
    }

    @Test
    void transitionCountsAreThoseOfPm4pysDirectlyFollowsGraph() throws IOException {
        List<String> dfg = Files.readAllLines(FOLDER.resolve("running-example.dfg"));
        int activities = Integer.parseInt(dfg.get(0).trim());
        List<String> names = dfg.subList(1, 1 + activities);
        Map<String, Long> expected = new HashMap<>();
        for (String line : dfg) {
            if (line.contains(">")) {
                String[] parts = line.trim().split("[>x]");
                expected.put(names.get(Integer.parseInt(parts[0])) + " -> " + names.get(Integer.parseInt(parts[1])),
                        Long.parseLong(parts[2]));
            }
        }
        TransitionGraph graph = TransitionGraph.of(snapshot, JourneySelection.all(), PathShaping.touchpoints());

        Map<String, Long> actual = new HashMap<>();
        for (TransitionEdge edge : graph.edges()) {
            if (!edge.from().equals(TransitionGraph.START) && !TransitionGraph.isOutcomeNode(edge.to())) {
                actual.put(edge.from() + " -> " + edge.to(), edge.count());
            }
        }
        assertThat(actual).isEqualTo(expected).hasSize(16);
        assertThat(graph.edge(TransitionGraph.START, "register request").orElseThrow().probability()).isEqualTo(1.0);
        assertThat(graph.edge("reject request", "(abandoned)").orElseThrow().count()).isEqualTo(3);
        assertThat(AbsorbingChain.of(graph).probability(TransitionGraph.START, Outcome.PURCHASE))
                .isCloseTo(0.5, within(1e-12));
    }
}
