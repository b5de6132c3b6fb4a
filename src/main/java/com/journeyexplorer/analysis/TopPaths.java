package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
     * at the first purchase; otherwise they are whole journeys. Paths are counted as label ids in a
     * {@link VariantTable} and named only for the variants listed. O(events + variants · log limit) plus the timing
     * sorts of the listed variants.
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
        VariantTable variants = new VariantTable();
        LabelPath path = new LabelPath();
        long total = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!predicate.test(journey)) {
                continue;
            }
            shaper.shape(journey, toFirstPurchase, path);
            int variant = variants.variant(path);
            int weight = journey.weight();
            variants.journeys[variant] += weight;
            if (journey.outcome() == Outcome.PURCHASE) {
                variants.purchased[variant] += weight;
            }
            if (journey.isTimed()) {
                if (variants.durations[variant] == null) {
                    variants.durations[variant] = new Durations();
                }
                variants.durations[variant].add(path.durationMillis(), weight);
            }
            total += weight;
        }
        List<PathVariant> shown = new ArrayList<>(Math.min(limit, variants.size()));
        long shownJourneys = 0;
        for (int variant : variants.top(limit)) {
            long journeys = variants.journeys[variant];
            int[] key = variants.keys[variant];
            Durations durations = variants.durations[variant];
            shown.add(new PathVariant(shaper.labelNames(key, key.length), journeys, LabelCount.share(journeys, total),
                    LabelCount.share(variants.purchased[variant], journeys),
                    durations == null ? DurationStats.NONE : durations.stats()));
            shownJourneys += journeys;
        }
        long rest = total - shownJourneys;
        Other other = new Other(variants.size() - shown.size(), rest, LabelCount.share(rest, total));
        return new TopPaths(shown, other, total, variants.size());
    }
}
