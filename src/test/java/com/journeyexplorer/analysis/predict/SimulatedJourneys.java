package com.journeyexplorer.analysis.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Journeys walked on a known chain, seeded: each step draws the next touchpoint or an outcome from {@link Walk}, which
 * sees the previous and the current touchpoint (a second-order chain; a first-order one ignores the previous). A
 * purchase happens at the current touchpoint (its last step, of type purchase). Journey i starts i minutes after the
 * first, so start time is generation order.
 */
final class SimulatedJourneys {

    /** The next-step distribution: touchpoints 0..n-1, then purchase, abandoned, diverted. */
    @FunctionalInterface
    interface Walk {
        double[] next(int previous, int current);
    }

    private SimulatedJourneys() {
    }

    static JourneySnapshot walk(List<String> names, double[] start, Walk walk, int count, long seed) {
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            touchpoints.add(new Touchpoint(i, names.get(i), "", "", Owner.OWN));
        }
        int n = names.size();
        SplittableRandom random = new SplittableRandom(seed);
        List<Journey> journeys = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            int[] steps = new int[8];
            int length = 0;
            int current = draw(start, random);
            int previous = -1;
            Outcome outcome;
            while (true) {
                if (length == steps.length) {
                    steps = Arrays.copyOf(steps, length * 2);
                }
                steps[length++] = current;
                int next = draw(walk.next(previous, current), random);
                if (next >= n) {
                    outcome = Outcome.values()[next - n];
                    break;
                }
                previous = current;
                current = next;
            }
            steps = Arrays.copyOf(steps, length);
            long[] times = new long[length];
            byte[] types = new byte[length];
            for (int i = 0; i < length; i++) {
                times[i] = j * 60_000L + i * 1_000L;
                types[i] = EventType.TOUCHPOINT.code();
            }
            int purchaseIndex = -1;
            if (outcome == Outcome.PURCHASE) {
                purchaseIndex = length - 1;
                types[purchaseIndex] = EventType.PURCHASE.code();
            }
            journeys.add(new Journey("j" + j, null, steps, times, types, null, outcome, purchaseIndex, 0.0, 1, "", "",
                    null));
        }
        return new JourneySnapshot(touchpoints, journeys, 1);
    }

    private static int draw(double[] distribution, SplittableRandom random) {
        double u = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < distribution.length; i++) {
            sum += distribution[i];
            if (u < sum) {
                return i;
            }
        }
        return distribution.length - 1;
    }
}
