package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
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

    /** From this many journey records on, the two halves of the snapshot are counted in parallel. */
    static final int PARALLEL_FROM = 100_000;

    public TopPaths {
        paths = List.copyOf(paths);
    }

    /**
     * Groups the selected journeys by shaped path. When the selection asks for {@link Outcome#PURCHASE}, paths end
     * at the first purchase; otherwise they are whole journeys. Paths are counted as label ids in a
     * {@link VariantTable} and named only for the variants listed; from {@value #PARALLEL_FROM} journey records on, the
     * two halves of the snapshot are counted in parallel (the common fork-join pool takes one) and merged. O(events +
     * variants · log limit) plus the timing sorts of the listed variants.
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
        List<Journey> journeys = snapshot.journeys();
        PathCount counted;
        if (journeys.size() >= PARALLEL_FROM) {
            int middle = journeys.size() / 2;
            ForkJoinTask<PathCount> secondHalf = ForkJoinPool.commonPool().submit(
                    () -> PathCount.of(journeys, middle, journeys.size(), predicate, shaper, toFirstPurchase));
            counted = PathCount.of(journeys, 0, middle, predicate, shaper, toFirstPurchase);
            counted.append(secondHalf.join());
        } else {
            counted = PathCount.of(journeys, 0, journeys.size(), predicate, shaper, toFirstPurchase);
        }
        VariantTable variants = counted.variants;
        TimedPaths timed = counted.timed;
        long total = counted.total;
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

    /** The variants, timed paths and total of the selected journeys among a range of positions. */
    private static final class PathCount {
        final VariantTable variants = new VariantTable();
        final TimedPaths timed = new TimedPaths();
        long total;

        static PathCount of(List<Journey> journeys, int from, int to, Predicate<Journey> predicate, PathShaper shaper,
                boolean toFirstPurchase) {
            PathCount count = new PathCount();
            LabelPath path = new LabelPath();
            for (int position = from; position < to; position++) {
                Journey journey = journeys.get(position);
                if (!predicate.test(journey)) {
                    continue;
                }
                shaper.shape(journey, toFirstPurchase, path);
                int weight = journey.weight();
                int variant = count.variants.count(path, weight, journey.outcome() == Outcome.PURCHASE);
                if (journey.isTimed()) {
                    count.timed.add(variant, position);
                }
                count.total += weight;
            }
            return count;
        }

        /**
         * Adds the counts of the positions after this range. Its variants new here get ids in their order of first
         * sight there and its timed paths follow these, so the result equals counting both ranges in one pass.
         */
        void append(PathCount later) {
            int[] ids = new int[later.variants.size()];
            for (int variant = 0; variant < ids.length; variant++) {
                ids[variant] = variants.merge(later.variants.key(variant), later.variants.journeys(variant),
                        later.variants.purchased(variant));
            }
            later.timed.forEach((variant, position) -> timed.add(ids[variant], position));
            total += later.total;
        }
    }

    /** What {@link TimedPaths#forEach} calls for each timed path. */
    @FunctionalInterface
    private interface TimedPathAction {
        void accept(int variant, int position);
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

        /** Calls {@code action} with each (variant, position) pair, in the order added. */
        void forEach(TimedPathAction action) {
            for (int i = 0; i < size; i++) {
                long entry = chunks.get(i / CHUNK)[i % CHUNK];
                action.accept((int) (entry >>> 32), (int) entry);
            }
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
