package com.journeyexplorer.analysis.experience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.stats.Interval;
import com.journeyexplorer.analysis.stats.MultipleComparisons;
import com.journeyexplorer.analysis.stats.Proportions;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Which touchpoints' experience moves purchases: per touchpoint, the selected journeys with answers about it are
 * split into those whose experience there was positive and those whose was negative (the sum of their answers'
 * polarities, +1 positive, -1 negative, 0 neither, is above or below 0; a journey at 0 is in neither), and the
 * purchase rates of the two groups are compared: {@code difference = rate(positive) - rate(negative)} with Newcombe's
 * interval and the two-proportion z-test ({@link Proportions#compare}); the p-values are corrected for the number of
 * touchpoints compared (Benjamini–Hochberg). Rows with both groups non-empty, the most significant first (the
 * smallest corrected p-value, then the largest difference), so small groups with large noisy differences do not lead.
 * O(responses) per request: the joined answers are keyed by touchpoint, journey position and polarity in one array
 * of longs, sorted once with the join ({@link JoinedResponses}), so the count needs no map per touchpoint and no sort;
 * each key's journey position is tested against the selection's record columns.
 */
public final class ExperienceDrivers {

    /** One touchpoint: the two groups, their purchase rates and the comparison. */
    public record Driver(String touchpoint, long positiveJourneys, long positivePurchases, double positiveRate,
            long negativeJourneys, long negativePurchases, double negativeRate, double difference,
            Interval differenceInterval, double pValue, double adjustedPValue) {
    }

    private ExperienceDrivers() {
    }

    public static List<Driver> of(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses, double confidence) {
        // One key per joined answer about a touchpoint, sorted once with the join: touchpoint id, journey position,
        // polarity + 1 (2 bits); the answers of a touchpoint's journey are adjacent, so no map of journeys per
        // touchpoint is built, and a request only tests each key's journey position against its selection.
        IntPredicate selected = selection.positions(snapshot);
        JoinedResponses joined = JoinedResponses.of(snapshot, responses);
        long[] keys = joined.driverKeys;
        int n = keys.length;
        List<long[]> counts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int at = 0;
        while (at < n) {
            int touchpoint = (int) (keys[at] >>> 34);
            long[] c = new long[4]; // positive journeys, their purchases, negative journeys, their purchases
            while (at < n && (int) (keys[at] >>> 34) == touchpoint) {
                long journeyKey = keys[at] >>> 2;
                int first = at;
                int sum = 0;
                for (; at < n && keys[at] >>> 2 == journeyKey; at++) {
                    sum += (int) (keys[at] & 3) - 1;
                }
                int position = (int) (journeyKey & 0xFFFFFFFFL);
                if (sum == 0 || !selected.test(position)) {
                    continue;
                }
                long weight = joined.driverWeights[first];
                boolean purchased = joined.driverPurchases[first];
                if (sum > 0) {
                    c[0] += weight;
                    c[1] += purchased ? weight : 0;
                } else if (sum < 0) {
                    c[2] += weight;
                    c[3] += purchased ? weight : 0;
                }
            }
            if (c[0] > 0 && c[2] > 0) {
                counts.add(c);
                names.add(snapshot.touchpoints().get(touchpoint).name());
            }
        }
        double[] pValues = new double[counts.size()];
        List<Proportions.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            long[] c = counts.get(i);
            Proportions.Comparison comparison = Proportions.compare(c[1], c[0], c[3], c[2], confidence);
            comparisons.add(comparison);
            pValues[i] = comparison.pValue();
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        List<Driver> drivers = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            long[] c = counts.get(i);
            Proportions.Comparison comparison = comparisons.get(i);
            drivers.add(new Driver(names.get(i), c[0], c[1], comparison.rateA(), c[2], c[3], comparison.rateB(),
                    comparison.difference(), comparison.differenceInterval(), comparison.pValue(), adjusted[i]));
        }
        drivers.sort(Comparator.comparingDouble(Driver::adjustedPValue)
                .thenComparing(Comparator.comparingDouble((Driver d) -> Math.abs(d.difference())).reversed())
                .thenComparing(Driver::touchpoint));
        return List.copyOf(drivers);
    }
}
