package com.journeyexplorer.analysis.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The counts behind every context of the variable-order chain against a brute-force count of the same journeys:
 * journeys that share a path, weights, steps after a purchase, a selection, orders 1 to 4.
 */
class VariableOrderChainCountsTests {

    private static final int TOUCHPOINTS = 6;
    private static final int START = -1;

    @Test
    void supportAndNextStepsOfEveryContextEqualABruteForceCount() {
        JourneySnapshot snapshot = randomJourneys(3_000, 5);
        IntPredicate everyThird = position -> position % 3 != 0;
        for (int order = 1; order <= 4; order++) {
            assertCountsMatch(snapshot, null, order);
            assertCountsMatch(snapshot, everyThird, order);
        }
    }

    /**
     * For every context a learned journey was in: predicting from its steps rests on it (or on it after
     * {@code (start)} when journeys began with those steps), with the brute-force support, and lists every touchpoint
     * taken next from it as often as the journeys took it.
     */
    private static void assertCountsMatch(JourneySnapshot snapshot, IntPredicate selected, int order) {
        Map<List<Integer>, Set<Integer>> journeysIn = new HashMap<>();
        Map<List<Integer>, Long> supports = new HashMap<>();
        Map<List<Integer>, Long> times = new HashMap<>();
        Map<List<Integer>, Map<String, Long>> taken = new HashMap<>();
        List<Journey> all = snapshot.journeys();
        for (int position = 0; position < all.size(); position++) {
            Journey journey = all.get(position);
            if (selected != null && !selected.test(position)) {
                continue;
            }
            int[] steps = journey.steps();
            int length = journey.pathLength();
            for (int i = 0; i < length; i++) {
                for (int depth = 1; depth <= order; depth++) {
                    int from = i - depth + 1;
                    List<Integer> context = new ArrayList<>();
                    for (int at = Math.max(from, 0); at <= i; at++) {
                        context.add(steps[at]);
                    }
                    if (from < 0) {
                        context.add(0, START);
                    }
                    if (journeysIn.computeIfAbsent(context, c -> new HashSet<>()).add(position)) {
                        supports.merge(context, (long) journey.weight(), Long::sum);
                    }
                    times.merge(context, (long) journey.weight(), Long::sum);
                    if (i + 1 < length) {
                        taken.computeIfAbsent(context, c -> new HashMap<>())
                                .merge(snapshot.touchpoint(steps[i + 1]).name(), (long) journey.weight(), Long::sum);
                    }
                    if (from < 0) {
                        break;
                    }
                }
            }
        }
        VariableOrderChain chain = VariableOrderChain.learn(snapshot, selected, order);
        assertThat(chain.contexts()).isEqualTo(supports.size() + 1);
        for (List<Integer> context : supports.keySet()) {
            List<Integer> steps = context.get(0) == START ? context.subList(1, context.size()) : context;
            List<Integer> startingWith = new ArrayList<>(steps);
            startingWith.add(0, START);
            List<Integer> expected = context.get(0) != START && supports.containsKey(startingWith) ? startingWith
                    : context;
            List<String> names = steps.stream().map(step -> snapshot.touchpoint(step).name()).toList();

            Prediction prediction = chain.predict(names, 1, VariableOrderChain.MAX_NEXT);

            List<String> expectedNames = new ArrayList<>(expected.stream()
                    .map(step -> step == START ? "(start)" : snapshot.touchpoint(step).name()).toList());
            assertThat(prediction.context()).as("order %d, %s", order, names).isEqualTo(expectedNames);
            assertThat(prediction.support()).isEqualTo(supports.get(expected));
            Map<String, Long> next = new HashMap<>();
            for (NextTouchpoint touchpoint : prediction.next()) {
                next.put(touchpoint.touchpoint(), touchpoint.taken());
                assertThat(touchpoint.share()).isCloseTo((double) touchpoint.taken() / times.get(expected),
                        within(1e-12));
            }
            assertThat(next).as("order %d, %s", order, expectedNames)
                    .isEqualTo(taken.getOrDefault(expected, Map.of()));
        }
    }

    /**
     * Journeys of 1 to 6 steps over {@value #TOUCHPOINTS} touchpoints, so that many share a path; weights 1 to 3; a
     * third buy at some step, and some go on after it.
     */
    private static JourneySnapshot randomJourneys(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int t = 0; t < TOUCHPOINTS; t++) {
            touchpoints.add(new Touchpoint(t, "T" + t, "", "", Owner.OWN));
        }
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            int length = 1 + random.nextInt(6);
            int[] steps = new int[length];
            byte[] types = new byte[length];
            for (int i = 0; i < length; i++) {
                steps[i] = random.nextInt(TOUCHPOINTS);
                types[i] = EventType.TOUCHPOINT.code();
            }
            int purchase = random.nextInt(3) == 0 ? random.nextInt(length) : -1;
            if (purchase >= 0) {
                types[purchase] = EventType.PURCHASE.code();
            }
            Outcome outcome = purchase >= 0 ? Outcome.PURCHASE : random.nextBoolean() ? Outcome.ABANDONED
                    : Outcome.DIVERTED;
            journeys.add(new Journey("j" + j, null, steps, new long[0], types, null, outcome, purchase, 0,
                    1 + random.nextInt(3), "", "", null));
        }
        return new JourneySnapshot(touchpoints, journeys, 1);
    }
}
