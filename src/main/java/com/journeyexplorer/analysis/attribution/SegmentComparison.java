package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.Journey;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two selections of journeys, a and b (weights counted): the rate of each outcome with Wilson intervals and
 * a pooled z-test (Holm-adjusted over the three outcomes) plus a chi-square test of the whole outcome table; the path
 * variants and the transitions whose shares of journeys differ most, with Benjamini–Hochberg adjusted p-values over
 * every variant (or transition) compared; and each selection's attribution by one model.
 *
 * <p>A variant is the path to purchase with its outcome ({@code A > B → (purchase)}); a transition's share is the
 * share of journeys that make it at least once (start and outcome nodes included), so that each share is a binomial
 * proportion. Cost O(steps of both selections + k log k) for k variants and transitions, plus the model's.
 */
public final class SegmentComparison {

    /** One outcome's rate in a and b. */
    public record OutcomeRate(Outcome outcome, long countA, long countB, Interval rateA, Interval rateB,
            Proportions.Comparison comparison, double adjustedPValue) {
    }

    /** The share of journeys with a variant or transition in a and b. */
    public record ShareDifference(String key, long countA, long countB, Proportions.Comparison comparison,
            double adjustedPValue) {
    }

    /** The comparison; {@code variants} and {@code transitions} by |difference| descending, at most the limit. */
    public record Result(long journeysA, long journeysB, List<OutcomeRate> outcomes, ChiSquare.Result outcomeTest,
            List<ShareDifference> variants, List<ShareDifference> transitions, Attribution attributionA,
            Attribution attributionB) {
    }

    private SegmentComparison() {
    }

    /**
     * @param limit at most this many variants and transitions are returned (after adjusting over all of them)
     */
    public static Result compare(JourneySnapshot snapshot, List<Journey> a, List<Journey> b, AttributionModel model,
            LabelLevel level, double confidence, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        long[] outcomesA = outcomes(a);
        long[] outcomesB = outcomes(b);
        long totalA = sum(outcomesA);
        long totalB = sum(outcomesB);
        Outcome[] values = Outcome.values();
        double[] pValues = new double[values.length];
        List<Proportions.Comparison> comparisons = new ArrayList<>();
        for (Outcome outcome : values) {
            Proportions.Comparison comparison = Proportions.compare(outcomesA[outcome.ordinal()], totalA,
                    outcomesB[outcome.ordinal()], totalB, confidence);
            comparisons.add(comparison);
            pValues[outcome.ordinal()] = comparison.pValue();
        }
        double[] adjusted = MultipleComparisons.holm(pValues);
        List<OutcomeRate> rates = new ArrayList<>();
        for (Outcome outcome : values) {
            int o = outcome.ordinal();
            rates.add(new OutcomeRate(outcome, outcomesA[o], outcomesB[o],
                    Proportions.wilson(outcomesA[o], totalA, confidence),
                    Proportions.wilson(outcomesB[o], totalB, confidence), comparisons.get(o), adjusted[o]));
        }
        ChiSquare.Result outcomeTest = ChiSquare.test(new long[][] {outcomesA, outcomesB});
        List<ShareDifference> variants = differences(variantCounts(snapshot, a), variantCounts(snapshot, b), totalA,
                totalB, confidence, limit);
        List<ShareDifference> transitions = differences(transitionCounts(snapshot, a),
                transitionCounts(snapshot, b), totalA, totalB, confidence, limit);
        return new Result(totalA, totalB, rates, outcomeTest, variants, transitions,
                model.attribute(paths(snapshot, a, level)), model.attribute(paths(snapshot, b, level)));
    }

    private static List<AttributionPath> paths(JourneySnapshot snapshot, List<Journey> journeys, LabelLevel level) {
        return journeys.stream().map(journey -> AttributionPath.of(journey, snapshot, level)).toList();
    }

    private static List<ShareDifference> differences(Map<String, Long> countsA, Map<String, Long> countsB,
            long totalA, long totalB, double confidence, int limit) {
        Set<String> keys = new TreeSet<>(countsA.keySet());
        keys.addAll(countsB.keySet());
        List<String> ordered = List.copyOf(keys);
        double[] pValues = new double[ordered.size()];
        List<Proportions.Comparison> comparisons = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            Proportions.Comparison comparison = Proportions.compare(countsA.getOrDefault(ordered.get(i), 0L), totalA,
                    countsB.getOrDefault(ordered.get(i), 0L), totalB, confidence);
            comparisons.add(comparison);
            pValues[i] = comparison.pValue();
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        List<ShareDifference> result = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            String key = ordered.get(i);
            result.add(new ShareDifference(key, countsA.getOrDefault(key, 0L), countsB.getOrDefault(key, 0L),
                    comparisons.get(i), adjusted[i]));
        }
        result.sort(Comparator.comparingDouble((ShareDifference d) -> -Math.abs(nanToZero(d.comparison()
                .difference()))).thenComparing(ShareDifference::key));
        return List.copyOf(result.subList(0, Math.min(limit, result.size())));
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static Map<String, Long> variantCounts(JourneySnapshot snapshot, List<Journey> journeys) {
        Map<String, Long> counts = new TreeMap<>();
        for (Journey journey : journeys) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < journey.pathLength(); i++) {
                if (i > 0) {
                    key.append(" > ");
                }
                key.append(snapshot.touchpoint(journey.steps()[i]).name());
            }
            key.append(" → ").append(journey.outcome().nodeName());
            counts.merge(key.toString(), (long) journey.weight(), Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> transitionCounts(JourneySnapshot snapshot, List<Journey> journeys) {
        Map<String, Long> counts = new TreeMap<>();
        for (Journey journey : journeys) {
            Set<String> made = new HashSet<>();
            String previous = NodeSpace.START_NAME;
            for (int i = 0; i <= journey.pathLength(); i++) {
                String next = i < journey.pathLength() ? snapshot.touchpoint(journey.steps()[i]).name()
                        : journey.outcome().nodeName();
                made.add(previous + " → " + next);
                previous = next;
            }
            for (String transition : made) {
                counts.merge(transition, (long) journey.weight(), Long::sum);
            }
        }
        return counts;
    }

    private static long[] outcomes(List<Journey> journeys) {
        long[] counts = new long[Outcome.values().length];
        for (Journey journey : journeys) {
            counts[journey.outcome().ordinal()] += journey.weight();
        }
        return counts;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
