package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.journey.Journey;

class StepEdgesTests {

    @Test
    void holdsEveryRecordsPairsOfStepsInOrder() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            JourneySnapshot snapshot = each.snapshot();
            StepEdges edges = StepEdges.of(snapshot);
            List<Journey> journeys = snapshot.journeys();
            for (int position = 0; position < journeys.size(); position++) {
                int[] steps = journeys.get(position).steps();
                assertThat(edges.first(position)).isEqualTo(steps[0]);
                assertThat(edges.end(position) - edges.start(position)).isEqualTo(steps.length - 1);
                assertThat(edges.stepCount(position)).isEqualTo(steps.length);
                int[] buffer = new int[2];
                for (int count = 1; count <= steps.length; count++) {
                    int[] read = edges.steps(position, count, buffer);
                    assertThat(Arrays.copyOf(read, count)).containsExactly(Arrays.copyOf(steps, count));
                    assertThat(read.length >= 2 && (count > 2 || read == buffer)).as("the buffer while it fits")
                            .isTrue();
                    assertThat(edges.step(position, count - 1)).isEqualTo(steps[count - 1]);
                }
                assertThat(edges.pathLength(position)).isEqualTo(journeys.get(position).pathLength());
                assertThat(edges.purchaseIndex(position))
                        .isEqualTo(Math.max(-1, journeys.get(position).purchaseIndex()));
                for (int i = 0; i + 1 < steps.length; i++) {
                    int edge = edges.edgeAt(edges.start(position) + i);
                    assertThat(new int[] {edges.from(edge), edges.to(edge)}).containsExactly(steps[i], steps[i + 1]);
                }
            }
        }
    }

    @Test
    void holdsTheGapBetweenTheStepsOfEachPairOfATimedRecord() {
        // 30 days between B and C: too long for an int of milliseconds, so the record's times tell it
        JourneySnapshot snapshot = JourneyFixture.snapshot("A@0>B@10>C@2592010>A@2592070", "A@0>B@3600");
        List<Journey> journeys = snapshot.journeys();
        StepEdges edges = StepEdges.of(snapshot);
        for (int position = 0; position < journeys.size(); position++) {
            long[] times = journeys.get(position).times();
            for (int i = 0; i + 1 < times.length; i++) {
                int k = edges.start(position) + i;
                assertThat(edges.gapMillis(k, journeys, position)).isEqualTo(times[i + 1] - times[i])
                        .isEqualTo(edges.gapMillis(k, journeys.get(position), position));
            }
        }
        assertThat(edges.gapMillis(edges.start(0) + 1, journeys, 0)).isEqualTo(2_592_000_000L);
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            StepEdges column = StepEdges.of(each.snapshot());
            List<Journey> records = each.snapshot().journeys();
            for (int position = 0; position < records.size(); position++) {
                Journey journey = records.get(position);
                for (int i = 0; journey.isTimed() && i + 1 < journey.length(); i++) {
                    assertThat(column.gapMillis(column.start(position) + i, records, position))
                            .isEqualTo(journey.times()[i + 1] - journey.times()[i]);
                }
            }
        }
    }

    @Test
    void numbersTheEdgesByDescendingWeightedCount() {
        JourneySnapshot snapshot = JourneyFixture.varied(7, 2_000);
        StepEdges edges = StepEdges.of(snapshot);
        Map<Long, Long> counted = new HashMap<>();
        for (Journey journey : snapshot.journeys()) {
            for (int i = 0; i + 1 < journey.length(); i++) {
                counted.merge((long) journey.steps()[i] << 32 | journey.steps()[i + 1], (long) journey.weight(),
                        Long::sum);
            }
        }
        assertThat(edges.edgeCount()).isEqualTo(counted.size());
        for (int edge = 0; edge < edges.edgeCount(); edge++) {
            assertThat(edges.count(edge)).isEqualTo(counted.get((long) edges.from(edge) << 32 | edges.to(edge)));
            if (edge > 0) {
                assertThat(edges.count(edge)).isLessThanOrEqualTo(edges.count(edge - 1));
            }
        }
        assertThat(edges.count(0)).isGreaterThan(edges.count(edges.edgeCount() - 1));
    }

    @Test
    void buildsTheSameColumnInTwoHalvesAsInOnePass() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            JourneySnapshot snapshot = each.snapshot();
            int n = snapshot.touchpoints().size();
            StepEdges onePass = StepEdges.of(snapshot.journeys(), n, Integer.MAX_VALUE);
            StepEdges halves = StepEdges.of(snapshot.journeys(), n, 2);
            assertThat(halves.edgeCount()).isEqualTo(onePass.edgeCount());
            for (int edge = 0; edge < onePass.edgeCount(); edge++) {
                assertThat(new long[] {halves.from(edge), halves.to(edge), halves.count(edge)})
                        .containsExactly(onePass.from(edge), onePass.to(edge), onePass.count(edge));
            }
            int pairs = onePass.end(snapshot.journeys().size() - 1);
            for (int k = 0; k < pairs; k++) {
                assertThat(halves.edgeAt(k)).isEqualTo(onePass.edgeAt(k));
            }
        }
    }

    @Test
    void shapesTheSamePathsFromTheColumnAsFromTheRecords() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            JourneySnapshot snapshot = each.snapshot();
            StepEdges edges = StepEdges.of(snapshot);
            for (PathShaping shaping : each.shapings()) {
                PathShaper shaper = shaping.shaper(snapshot);
                LabelPath fromRecord = new LabelPath();
                LabelPath fromColumn = new LabelPath();
                for (int limit : new int[] {1, 3, Integer.MAX_VALUE}) {
                    for (boolean toFirstPurchase : new boolean[] {true, false}) {
                        for (int position = 0; position < snapshot.journeys().size(); position++) {
                            shaper.shape(snapshot.journeys().get(position), toFirstPurchase, fromRecord, limit);
                            shaper.shape(edges, position, toFirstPurchase, fromColumn, limit);
                            assertThat(fromColumn.length).isEqualTo(fromRecord.length);
                            assertThat(fromColumn.end).isEqualTo(fromRecord.end);
                            assertThat(Arrays.copyOf(fromColumn.labels, fromColumn.length))
                                    .containsExactly(Arrays.copyOf(fromRecord.labels, fromRecord.length));
                            assertThat(Arrays.copyOf(fromColumn.starts, fromColumn.length))
                                    .containsExactly(Arrays.copyOf(fromRecord.starts, fromRecord.length));
                        }
                    }
                }
            }
        }
    }
}
