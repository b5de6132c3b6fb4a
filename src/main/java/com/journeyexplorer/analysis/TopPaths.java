package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

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
     * at the first purchase; otherwise they are whole journeys. The selected records are counted by their
     * {@link StepSequences} number, reading only the snapshot's {@link JourneyColumns} unless the selection needs
     * more; each distinct sequence among them is then shaped once and counted as label ids in a {@link VariantTable},
     * and variants are named only where listed. O(records + selected sequences' steps + variants · log limit) plus
     * the timing sorts of the listed variants.
     *
     * @param limit how many variants to list, at least 0
     */
    public static TopPaths of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        boolean toFirstPurchase = selection.outcome() == Outcome.PURCHASE;
        PathShaper shaper = shaping.shaper(snapshot);
        SequenceCount counted = SequenceCount.of(snapshot, selection.positions(snapshot), toFirstPurchase);
        VariantTable variants = counted.shape(shaper);
        long total = counted.total;
        int[] top = variants.top(limit);
        Durations[] durations = counted.timed.durations(top, counted, variants.size(), snapshot.journeys());
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

    /** The selected records counted by step sequence: weighted journeys and purchases, timed paths, total. */
    private static final class SequenceCount {
        final long[] journeys;
        final long[] purchased;
        final TimedPaths timed = new TimedPaths();
        final StepSequences sequences;
        /** The sequences counted, in order of first sight. */
        int[] seen = new int[1024];
        int seenCount;
        long total;
        /** After {@link #shape}: by sequence number, its variant and the raw steps its path spans. */
        int[] variantOf;
        int[] shapedSteps;

        private SequenceCount(StepSequences sequences) {
            this.sequences = sequences;
            this.journeys = new long[sequences.count()];
            this.purchased = new long[sequences.count()];
        }

        static SequenceCount of(JourneySnapshot snapshot, IntPredicate selected, boolean toFirstPurchase) {
            StepSequences sequences = StepSequences.of(snapshot);
            JourneyColumns columns = JourneyColumns.of(snapshot);
            int[] numbers = sequences.numbers(toFirstPurchase);
            int purchase = Outcome.PURCHASE.ordinal();
            SequenceCount count = new SequenceCount(sequences);
            for (int position = 0; position < numbers.length; position++) {
                if (!selected.test(position)) {
                    continue;
                }
                int sequence = numbers[position];
                int weight = columns.weight(position);
                if (count.journeys[sequence] == 0) {
                    count.see(sequence);
                }
                count.journeys[sequence] += weight;
                if (columns.outcome(position) == purchase) {
                    count.purchased[sequence] += weight;
                }
                if (columns.isTimed(position)) {
                    count.timed.add(sequence, position);
                }
                count.total += weight;
            }
            return count;
        }

        private void see(int sequence) {
            if (seenCount == seen.length) {
                seen = Arrays.copyOf(seen, seenCount * 2);
            }
            seen[seenCount++] = sequence;
        }

        /**
         * Shapes each counted sequence once and adds its counts to its variant, noting the variant and how many raw
         * steps the shaping read ({@link LabelPath#end}) of each counted sequence; returns the variants.
         */
        VariantTable shape(PathShaper shaper) {
            int labels = 0;
            for (int i = 0; i < seenCount; i++) {
                labels += sequences.length(seen[i]);
            }
            VariantTable variants = new VariantTable(seenCount, labels);
            variantOf = new int[journeys.length];
            shapedSteps = new int[journeys.length];
            LabelPath path = new LabelPath();
            for (int i = 0; i < seenCount; i++) {
                int sequence = seen[i];
                shaper.shape(sequences, sequence, path);
                variantOf[sequence] = variants.merge(path, journeys[sequence], purchased[sequence]);
                shapedSteps[sequence] = path.end;
            }
            return variants;
        }
    }

    /**
     * The timed paths among the selected journeys, as (step sequence, journey position) pairs in fixed-size chunks
     * (growing never copies, and no chunk is large enough to be a humongous allocation), so that durations are read
     * from the journeys' time arrays only for the variants listed.
     */
    private static final class TimedPaths {
        private static final int CHUNK = 1 << 14;

        private final List<long[]> chunks = new ArrayList<>();
        private int size;

        void add(int sequence, int position) {
            if (size % CHUNK == 0) {
                chunks.add(new long[CHUNK]);
            }
            chunks.get(size / CHUNK)[size % CHUNK] = (long) sequence << 32 | position;
            size++;
        }

        /**
         * For each of the {@code top} variants, in that order, its paths' durations, or null if none is timed: from
         * the first event to the last one shaped into the path.
         */
        Durations[] durations(int[] top, SequenceCount counted, int variantCount, List<Journey> journeys) {
            int[] rank = new int[variantCount];
            Arrays.fill(rank, -1);
            for (int i = 0; i < top.length; i++) {
                rank[top[i]] = i;
            }
            // A bit per sequence, small enough to stay in cache, passes over most entries without the lookups.
            long[] listed = new long[(counted.journeys.length + 63) >>> 6];
            for (int i = 0; i < counted.seenCount; i++) {
                int sequence = counted.seen[i];
                if (rank[counted.variantOf[sequence]] >= 0) {
                    listed[sequence >>> 6] |= 1L << sequence;
                }
            }
            Durations[] durations = new Durations[top.length];
            for (int i = 0; i < size; i++) {
                long entry = chunks.get(i / CHUNK)[i % CHUNK];
                int sequence = (int) (entry >>> 32);
                if ((listed[sequence >>> 6] & 1L << sequence) == 0) {
                    continue;
                }
                int at = rank[counted.variantOf[sequence]];
                Journey journey = journeys.get((int) entry);
                long[] times = journey.times();
                if (durations[at] == null) {
                    durations[at] = new Durations();
                }
                durations[at].add(times[counted.shapedSteps[sequence] - 1] - times[0], journey.weight());
            }
            return durations;
        }
    }
}
