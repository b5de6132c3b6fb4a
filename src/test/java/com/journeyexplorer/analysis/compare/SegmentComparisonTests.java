package com.journeyexplorer.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.PathShaping.Level;
import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.analysis.StepSequences;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.analysis.attribution.AttributionModel;
import com.journeyexplorer.analysis.attribution.LinearTouch;
import com.journeyexplorer.analysis.attribution.MarkovAttribution;
import com.journeyexplorer.analysis.attribution.PositionBased;
import com.journeyexplorer.analysis.attribution.TimeDecay;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The comparison counted in two halves (records, then the keys' transitions, then the two lists of differences side
 * by side) against one pass, on seeded random journeys with repeated paths, competitors, weights and overlapping
 * selections: the same result to the last bit, for the heuristic models and Markov. Each side's Markov attribution,
 * counted by step edge in the pass, is that of the chain of its journeys counted one by one.
 */
class SegmentComparisonTests {

    private static JourneySnapshot randomSnapshot(long seed, int count, int touchpoints) {
        Random random = new Random(seed);
        List<Touchpoint> list = new ArrayList<>();
        for (int t = 0; t < touchpoints; t++) {
            list.add(new Touchpoint(t, "t" + t, "c" + t % 3, "", t == 1 ? Owner.COMPETITOR : Owner.OWN));
        }
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            int length = 1 + random.nextInt(6);
            int[] steps = new int[length];
            byte[] types = new byte[length];
            for (int i = 0; i < length; i++) {
                steps[i] = random.nextInt(2) == 0 ? random.nextInt(4) : 2 + random.nextInt(touchpoints - 3);
                types[i] = EventType.TOUCHPOINT.code();
            }
            int purchaseIndex = -1;
            Outcome outcome = steps[length - 1] == 1 ? Outcome.DIVERTED : Outcome.ABANDONED;
            double value = 0;
            if (random.nextInt(3) == 0) {
                purchaseIndex = random.nextInt(length);
                steps[purchaseIndex] = touchpoints - 1;
                types[purchaseIndex] = EventType.PURCHASE.code();
                outcome = Outcome.PURCHASE;
                value = Math.round(random.nextDouble() * 50_000) / 100.0;
            }
            long[] times = new long[length];
            for (int i = 0; i < length; i++) {
                times[i] = (i == 0 ? 1_700_000_000_000L : times[i - 1]) + random.nextInt(86_400_000);
            }
            journeys.add(new Journey("j" + j, null, steps, times, types, null, outcome, purchaseIndex, value,
                    1 + random.nextInt(3), null, null, null));
        }
        return new JourneySnapshot(list, journeys, 1);
    }

    @Test
    void comparisonCountedInHalvesEqualsOnePass() {
        for (int touchpoints : new int[] {8, 300}) {
            JourneySnapshot snapshot = randomSnapshot(touchpoints, 4_001, touchpoints);
            List<Journey> journeys = snapshot.journeys();
            StepSequences sequences = StepSequences.of(journeys);
            StepEdges steps = StepEdges.of(snapshot);
            TouchpointLabels labels = TouchpointLabels.of(snapshot, PathShaping.touchpoints());
            IntPredicate a = position -> journeys.get(position).steps()[0] < 3;
            IntPredicate b = position -> journeys.get(position).weight() != 2; // overlaps a
            for (AttributionModel model : List.<AttributionModel>of(new LinearTouch(), new PositionBased(),
                    new TimeDecay(3), new MarkovAttribution(1, false))) {
                for (int limit : new int[] {0, 5, 100_000}) {
                    SegmentComparison.Result onePass = SegmentComparison.compare(snapshot, sequences, steps,
                            journeys, a, b, model, labels, 0.95, limit, Integer.MAX_VALUE);
                    SegmentComparison.Result halves = SegmentComparison.compare(snapshot, sequences, steps,
                            journeys, a, b, model, labels, 0.95, limit, 100);
                    if (limit > 0) {
                        assertThat(onePass.variants()).isNotEmpty();
                        assertThat(onePass.transitions()).isNotEmpty();
                    }
                    assertThat(onePass.attributionA().credits()).isNotEmpty();
                    assertThat(halves).as("%s, %d touchpoints, limit %d", model.name(), touchpoints, limit)
                            .isEqualTo(onePass);
                }
            }
        }
    }

    @Test
    void markovAttributionOfEachSideIsThatOfItsJourneysCountedOneByOne() {
        // 1,100 touchpoints: more labels than the dense first-order matrix takes, so counted in the hash table
        for (int touchpoints : new int[] {8, 1_100}) {
            JourneySnapshot random = randomSnapshot(touchpoints + 1, 4_001, touchpoints);
            List<Journey> journeys = new ArrayList<>();
            for (Journey journey : random.journeys()) {
                // open journeys count in neither chain
                journeys.add(journeys.size() % 7 == 3 ? journey.withOutcome(Outcome.OPEN) : journey);
            }
            JourneySnapshot snapshot = new JourneySnapshot(random.touchpoints(), journeys, 1);
            StepSequences sequences = StepSequences.of(journeys);
            StepEdges steps = StepEdges.of(snapshot);
            IntPredicate a = position -> journeys.get(position).steps()[0] % 3 != 1;
            IntPredicate b = position -> journeys.get(position).length() > 2; // overlaps a
            List<Journey> listA = new ArrayList<>();
            List<Journey> listB = new ArrayList<>();
            for (int position = 0; position < journeys.size(); position++) {
                if (a.test(position)) {
                    listA.add(journeys.get(position));
                }
                if (b.test(position)) {
                    listB.add(journeys.get(position));
                }
            }
            for (PathShaping shaping : List.of(PathShaping.touchpoints(),
                    new PathShaping(Level.TOUCHPOINT, true, null, null), new PathShaping(Level.CHANNEL, false, null,
                            null), new PathShaping(Level.CHANNEL, true, null, null))) {
                TouchpointLabels labels = TouchpointLabels.of(snapshot, shaping);
                for (int order : new int[] {1, 2}) {
                    MarkovAttribution model = new MarkovAttribution(order, shaping.collapseRepeats());
                    for (int parallelFrom : new int[] {Integer.MAX_VALUE, 100}) {
                        SegmentComparison.Result result = SegmentComparison.compare(snapshot, sequences, steps,
                                journeys, a, b, model, labels, 0.95, 5, parallelFrom);
                        String as = String.format("%d touchpoints, %s, order %d, halves from %d", touchpoints,
                                shaping, order, parallelFrom);
                        assertThat(result.attributionA().credits()).as(as).isNotEmpty();
                        assertThat(result.attributionA()).as(as).isEqualTo(model.attribute(labels, listA));
                        assertThat(result.attributionB()).as(as).isEqualTo(model.attribute(labels, listB));
                    }
                }
            }
        }
    }
}
