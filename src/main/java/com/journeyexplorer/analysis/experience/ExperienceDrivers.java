package com.journeyexplorer.analysis.experience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.stats.Interval;
import com.journeyexplorer.analysis.stats.MultipleComparisons;
import com.journeyexplorer.analysis.stats.Proportions;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * Which touchpoints' experience moves purchases: per touchpoint, the selected journeys with answers about it are
 * split into those whose experience there was positive and those whose was negative (the sum of their answers'
 * polarities, +1 positive, -1 negative, 0 neither, is above or below 0; a journey at 0 is in neither), and the
 * purchase rates of the two groups are compared: {@code difference = rate(positive) - rate(negative)} with Newcombe's
 * interval and the two-proportion z-test ({@link Proportions#compare}); the p-values are corrected for the number of
 * touchpoints compared (Benjamini–Hochberg). Rows with both groups non-empty, the most significant first (the
 * smallest corrected p-value, then the largest difference), so small groups with large noisy differences do not lead.
 * O(responses + touchpoints log touchpoints).
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
        // touchpoint -> journey id -> summed polarity, with the journey
        Map<String, Map<String, int[]>> polarity = new java.util.TreeMap<>();
        Map<String, Journey> journeys = new HashMap<>();
        for (SelectedResponses.Answer answer : SelectedResponses.of(snapshot, selection, responses).answers()) {
            SurveyResponse response = answer.response();
            if (response.touchpoint().isEmpty()) {
                continue;
            }
            journeys.put(answer.journey().id(), answer.journey());
            polarity.computeIfAbsent(response.touchpoint(), unused -> new HashMap<>())
                    .computeIfAbsent(answer.journey().id(), unused -> new int[1])[0] += response.polarity();
        }
        List<long[]> counts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        polarity.forEach((touchpoint, byJourney) -> {
            long[] c = new long[4]; // positive journeys, their purchases, negative journeys, their purchases
            byJourney.forEach((id, sum) -> {
                Journey journey = journeys.get(id);
                long weight = journey.weight();
                boolean purchased = journey.outcome() == Outcome.PURCHASE;
                if (sum[0] > 0) {
                    c[0] += weight;
                    c[1] += purchased ? weight : 0;
                } else if (sum[0] < 0) {
                    c[2] += weight;
                    c[3] += purchased ? weight : 0;
                }
            });
            if (c[0] > 0 && c[2] > 0) {
                counts.add(c);
                names.add(touchpoint);
            }
        });
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
