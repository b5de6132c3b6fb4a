package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The most frequent path variants of the selected journeys, with the rest summed in {@code other}, so that
 * {@code paths} journeys plus {@code other.journeys()} equal {@code total} and the shares add up to 1 (when
 * {@code total > 0}).
 *
 * @param paths    most frequent first; ties by steps in lexicographic order (label by label, a prefix first)
 * @param other    the variants not shown
 * @param total    selected journeys, weighted
 * @param variants distinct shaped paths among them
 */
public record TopPaths(List<PathVariant> paths, Other other, long total, long variants) {

    /** The variants not in {@code paths}: how many, their journeys and their share of the total. */
    public record Other(long variants, long journeys, double share) {
    }

    /** Orders step lists label by label; a prefix comes first. */
    static final Comparator<List<String>> STEPS_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    public TopPaths {
        paths = List.copyOf(paths);
    }

    /**
     * Groups the selected journeys by shaped path. When the selection asks for {@link Outcome#PURCHASE}, paths end
     * at the first purchase; otherwise they are whole journeys. O(events + variants · log variants) plus the timing
     * sorts.
     *
     * @param limit how many variants to list, at least 0
     */
    public static TopPaths of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        boolean toFirstPurchase = selection.outcome() == Outcome.PURCHASE;
        Predicate<Journey> predicate = selection.predicate(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        Map<List<String>, Tally> tallies = new HashMap<>();
        long total = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!predicate.test(journey)) {
                continue;
            }
            ShapedPath path = shaper.shape(journey, toFirstPurchase);
            Tally tally = tallies.computeIfAbsent(path.steps(), steps -> new Tally());
            tally.journeys += journey.weight();
            if (journey.outcome() == Outcome.PURCHASE) {
                tally.purchased += journey.weight();
            }
            if (path.isTimed()) {
                tally.durations.add(path.durationMillis(), journey.weight());
            }
            total += journey.weight();
        }
        List<Map.Entry<List<String>, Tally>> ranked = new ArrayList<>(tallies.entrySet());
        ranked.sort(Comparator.<Map.Entry<List<String>, Tally>>comparingLong(entry -> -entry.getValue().journeys)
                .thenComparing(Map.Entry::getKey, STEPS_ORDER));
        List<PathVariant> shown = new ArrayList<>(Math.min(limit, ranked.size()));
        long shownJourneys = 0;
        for (Map.Entry<List<String>, Tally> entry : ranked.subList(0, Math.min(limit, ranked.size()))) {
            Tally tally = entry.getValue();
            shown.add(new PathVariant(entry.getKey(), tally.journeys, LabelCount.share(tally.journeys, total),
                    LabelCount.share(tally.purchased, tally.journeys), tally.durations.stats()));
            shownJourneys += tally.journeys;
        }
        long rest = total - shownJourneys;
        Other other = new Other(ranked.size() - shown.size(), rest, LabelCount.share(rest, total));
        return new TopPaths(shown, other, total, ranked.size());
    }

    private static final class Tally {
        long journeys;
        long purchased;
        final Durations durations = new Durations();
    }
}
