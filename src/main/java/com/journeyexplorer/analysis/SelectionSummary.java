package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The facts a reader of the journey map is told in plain words, counted over every selected journey (nothing pruned):
 * how journeys start, where those without a purchase end, what buyers see before buying, which competitors they visit,
 * and what the data holds at all.
 *
 * @param journeys            selected journeys, weighted
 * @param outcomes            selected journeys by outcome, every outcome listed
 * @param touchpointsVisited  distinct touchpoints the selected journeys visit (any step, after a purchase too), raw
 *                            touchpoints whatever the shaping; {@code data.touchpoints} counts the whole data set's
 * @param firstSteps          labels of the journeys' first steps (shares of {@code journeys})
 * @param endsWithoutPurchase labels of the last steps of the journeys without a purchase (shares of those journeys)
 * @param seenBeforePurchase  labels on the purchasing journeys' paths to purchase (up to and including the purchase
 *                            event, {@link Journey#pathLength()}), each journey once (shares of the purchasing journeys)
 * @param competitors         competitor touchpoints visited, each journey once (shares of {@code journeys})
 * @param data                what the whole data set holds, whatever the selection
 */
public record SelectionSummary(long journeys, Map<Outcome, Long> outcomes, int touchpointsVisited,
        Ranking firstSteps, Ranking endsWithoutPurchase, Ranking seenBeforePurchase, Ranking competitors,
        Coverage data) {

    /** A label, its weighted journeys, their share of the group ranked, and how many of them purchased. */
    public record Ranked(String label, long journeys, double share, long purchased) {
    }

    /** How many distinct labels the group has, and the most frequent ones (ties by label). */
    public record Ranking(long distinct, List<Ranked> top) {
        public Ranking {
            top = List.copyOf(top);
        }
    }

    /**
     * What the data set holds: touchpoints, how many have a channel, a stage, are a competitor's; journeys and
     * purchasing journeys (weighted).
     */
    public record Coverage(int touchpoints, int withChannel, int withStage, int competitorTouchpoints, long journeys,
            long purchases) {
    }

    /**
     * One pass over the selected journeys. O(events + labels · log labels).
     *
     * @param top how many labels each ranking lists, at least 0
     */
    public static SelectionSummary of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be at least 0");
        }
        TouchpointLabels touchpointLabels = TouchpointLabels.of(snapshot, shaping);
        int labels = touchpointLabels.count();
        int touchpointCount = snapshot.touchpoints().size();
        long[][] first = new long[2][labels];
        long[][] ends = new long[2][labels];
        long[][] seen = new long[2][labels];
        long[][] rivals = new long[2][touchpointCount];
        int[] stampLabel = new int[labels];
        int[] stampTouchpoint = new int[touchpointCount];
        Arrays.fill(stampLabel, -1);
        Arrays.fill(stampTouchpoint, -1);
        boolean[] competitor = new boolean[touchpointCount];
        boolean[] visited = new boolean[touchpointCount];
        int touchpointsVisited = 0;
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            competitor[touchpoint.id()] = touchpoint.isCompetitor();
        }
        String[] names = touchpointLabels.names().toArray(String[]::new);
        int[] labelOf = touchpointLabels.labelOfEachTouchpoint();
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        Predicate<Journey> filter = selection.predicate(snapshot);
        long total = 0;
        long purchases = 0;
        List<Journey> all = snapshot.journeys();
        for (int j = 0; j < all.size(); j++) {
            Journey journey = all.get(j);
            if (!filter.test(journey) || journey.length() == 0) {
                continue;
            }
            int weight = journey.weight();
            boolean purchase = journey.outcome() == Outcome.PURCHASE;
            int bought = purchase ? weight : 0;
            total += weight;
            outcomes.merge(journey.outcome(), (long) weight, Long::sum);
            int[] steps = journey.steps();
            add(first, labelOf[steps[0]], weight, bought);
            if (purchase) {
                purchases += weight;
                for (int i = 0; i < journey.pathLength(); i++) {
                    int label = labelOf[steps[i]];
                    if (stampLabel[label] != j) {
                        stampLabel[label] = j;
                        add(seen, label, weight, bought);
                    }
                }
            } else {
                add(ends, labelOf[steps[steps.length - 1]], weight, 0);
            }
            for (int step : steps) {
                if (!visited[step]) {
                    visited[step] = true;
                    touchpointsVisited++;
                }
                if (competitor[step] && stampTouchpoint[step] != j) {
                    stampTouchpoint[step] = j;
                    add(rivals, step, weight, bought);
                }
            }
        }
        String[] touchpointNames = new String[touchpointCount];
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            touchpointNames[touchpoint.id()] = touchpoint.name();
        }
        return new SelectionSummary(total, outcomes, touchpointsVisited, ranking(first, names, total, top),
                ranking(ends, names, total - purchases, top), ranking(seen, names, purchases, top),
                ranking(rivals, touchpointNames, total, top), coverage(snapshot));
    }

    private static void add(long[][] tally, int index, int weight, int bought) {
        tally[0][index] += weight;
        tally[1][index] += bought;
    }

    private static Ranking ranking(long[][] tally, String[] names, long group, int top) {
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (tally[0][i] > 0) {
                ranked.add(new Ranked(names[i], tally[0][i], LabelCount.share(tally[0][i], group), tally[1][i]));
            }
        }
        ranked.sort(Comparator.comparingLong(Ranked::journeys).reversed().thenComparing(Ranked::label));
        return new Ranking(ranked.size(), ranked.subList(0, Math.min(top, ranked.size())));
    }

    private static Coverage coverage(JourneySnapshot snapshot) {
        int withChannel = 0;
        int withStage = 0;
        int competitors = 0;
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            withChannel += touchpoint.channel().isEmpty() ? 0 : 1;
            withStage += touchpoint.stage().isEmpty() ? 0 : 1;
            competitors += touchpoint.isCompetitor() ? 1 : 0;
        }
        long purchases = 0;
        for (Journey journey : snapshot.journeys()) {
            if (journey.outcome() == Outcome.PURCHASE) {
                purchases += journey.weight();
            }
        }
        return new Coverage(snapshot.touchpoints().size(), withChannel, withStage, competitors,
                snapshot.journeyCount(), purchases);
    }
}
