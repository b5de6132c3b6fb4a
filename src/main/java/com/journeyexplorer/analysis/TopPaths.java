package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
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
        TimedPaths timed = new TimedPaths();
        List<Journey> journeys = snapshot.journeys();
        long total = 0;
        for (int position = 0; position < journeys.size(); position++) {
            Journey journey = journeys.get(position);
            if (!predicate.test(journey)) {
                continue;
            }
            shaper.shape(journey, toFirstPurchase, path);
            int weight = journey.weight();
            int variant = variants.count(path, weight, journey.outcome() == Outcome.PURCHASE);
            if (journey.isTimed()) {
                timed.add(variant, position);
            }
            total += weight;
        }
        int[] top = variants.top(limit);
        Durations[] durations = timed.durations(top, variants.size(), journeys, shaper, toFirstPurchase);
        List<PathVariant> shown = new ArrayList<>(top.length);
        long shownJourneys = 0;
        for (int i = 0; i < top.length; i++) {
            int variant = top[i];
            long count = variants.journeys(variant);
            int[] key = variants.key(variant);
            shown.add(new PathVariant(shaper.labelNames(key, key.length), count, LabelCount.share(count, total),
                    LabelCount.share(variants.purchased(variant), count),
                    durations[i] == null ? DurationStats.NONE : durations[i].stats()));
            shownJourneys += count;
        }
        long rest = total - shownJourneys;
        Other other = new Other(variants.size() - shown.size(), rest, LabelCount.share(rest, total));
        return new TopPaths(shown, other, total, variants.size());
    }

    /**
     * The timed paths among the selected journeys, as (variant, journey position) pairs in fixed-size chunks (growing
     * never copies, and no chunk is large enough to be a humongous allocation), so that durations are read from the
     * journeys' time arrays, and their paths shaped again, only for the variants listed.
     */
    private static final class TimedPaths {
        private static final int CHUNK = 1 << 14;

        private final List<long[]> chunks = new ArrayList<>();
        private int size;

        void add(int variant, int position) {
            if (size % CHUNK == 0) {
                chunks.add(new long[CHUNK]);
            }
            chunks.get(size / CHUNK)[size % CHUNK] = (long) variant << 32 | position;
            size++;
        }

        /** For each of the {@code top} variants, in that order, its paths' durations, or null if none is timed. */
        Durations[] durations(int[] top, int variantCount, List<Journey> journeys, PathShaper shaper,
                boolean toFirstPurchase) {
            int[] rank = new int[variantCount];
            Arrays.fill(rank, -1);
            for (int i = 0; i < top.length; i++) {
                rank[top[i]] = i;
            }
            Durations[] durations = new Durations[top.length];
            LabelPath path = new LabelPath();
            for (int i = 0; i < size; i++) {
                long entry = chunks.get(i / CHUNK)[i % CHUNK];
                int at = rank[(int) (entry >>> 32)];
                if (at >= 0) {
                    Journey journey = journeys.get((int) entry);
                    shaper.shape(journey, toFirstPurchase, path);
                    long[] times = journey.times();
                    if (durations[at] == null) {
                        durations[at] = new Durations();
                    }
                    durations[at].add(times[path.end - 1] - times[0], journey.weight());
                }
            }
            return durations;
        }
    }
}
