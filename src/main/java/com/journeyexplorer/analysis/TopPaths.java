package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
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

    /** From this many journey records, or timed paths, on, the two halves are read in parallel. */
    static final int PARALLEL_FROM = 100_000;

    public TopPaths {
        paths = List.copyOf(paths);
    }

    /**
     * Groups the selected journeys by shaped path. A journey's path is its path to purchase: a purchasing journey's
     * ends at its first purchase (what follows is the post-purchase part), whatever the selection, so a journey has
     * the same path with and without {@code outcome=purchase}. The selected records are counted by their
     * {@link StepSequences} number, reading only the snapshot's {@link JourneyColumns} unless the selection needs
     * more; each distinct sequence among them is then shaped once and counted as label ids in a {@link VariantTable},
     * and variants are named only where listed. From {@value #PARALLEL_FROM} records on, the two halves of the snapshot
     * are counted in parallel (the common fork-join pool takes one) and merged. O(records + selected sequences' steps
     * + variants · log limit) plus the timing sorts of the listed variants.
     *
     * @param limit how many variants to list, at least 0
     */
    public static TopPaths of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        PathShaper shaper = shaping.shaper(snapshot);
        IntPredicate selected = selection.positions(snapshot);
        StepSequences sequences = StepSequences.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int[] numbers = sequences.numbers(true);
        SequenceCount counted;
        if (numbers.length >= PARALLEL_FROM) {
            int middle = numbers.length / 2;
            ForkJoinTask<SequenceCount> secondHalf = ForkJoinPool.commonPool().submit(
                    () -> SequenceCount.of(sequences, columns, numbers, selected, middle, numbers.length));
            counted = SequenceCount.of(sequences, columns, numbers, selected, 0, middle);
            counted.append(secondHalf.join());
        } else {
            counted = SequenceCount.of(sequences, columns, numbers, selected, 0, numbers.length);
        }
        VariantTable variants = counted.shape(shaper);
        long total = counted.total;
        int[] top = variants.top(limit);
        Durations[] durations = counted.durations(top, variants.size(), snapshot.journeys());
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
        /** By sequence number, weighted journeys then weighted purchases, side by side for one cache miss. */
        final long[] counts;
        final TimedPaths timed = new TimedPaths();
        final StepSequences sequences;
        /** A bit per sequence number: whether it was counted. */
        final long[] seen;
        long total;
        /** After {@link #shape}: the numbers of the counted sequences, ascending. */
        int[] counted;
        /** After {@link #shape}: by sequence number, its variant and the raw steps its path spans. */
        int[] variantOf;
        int[] shapedSteps;

        private SequenceCount(StepSequences sequences) {
            this.sequences = sequences;
            this.counts = new long[2 * sequences.count()];
            this.seen = new long[(sequences.count() + 63) >>> 6];
        }

        /** Counts the selected records among positions {@code [from, to)}, numbered as {@code numbers} says. */
        static SequenceCount of(StepSequences sequences, JourneyColumns columns, int[] numbers, IntPredicate selected,
                int from, int to) {
            int purchase = Outcome.PURCHASE.ordinal();
            SequenceCount count = new SequenceCount(sequences);
            for (int position = from; position < to; position++) {
                if (!selected.test(position)) {
                    continue;
                }
                int sequence = numbers[position];
                int weight = columns.weight(position);
                count.seen[sequence >>> 6] |= 1L << sequence;
                count.counts[2 * sequence] += weight;
                if (columns.outcome(position) == purchase) {
                    count.counts[2 * sequence + 1] += weight;
                }
                if (columns.isTimed(position)) {
                    count.timed.add(sequence, position);
                }
                count.total += weight;
            }
            return count;
        }

        /** Adds the counts of the positions after this count's range; timed paths stay in position order. */
        void append(SequenceCount later) {
            for (int sequence : members(later.seen)) {
                counts[2 * sequence] += later.counts[2 * sequence];
                counts[2 * sequence + 1] += later.counts[2 * sequence + 1];
            }
            for (int word = 0; word < seen.length; word++) {
                seen[word] |= later.seen[word];
            }
            timed.append(later.timed);
            total += later.total;
        }

        /** The numbers whose bits are set, ascending. */
        private static int[] members(long[] bits) {
            int size = 0;
            for (long word : bits) {
                size += Long.bitCount(word);
            }
            int[] members = new int[size];
            int next = 0;
            for (int word = 0; word < bits.length; word++) {
                for (long rest = bits[word]; rest != 0; rest &= rest - 1) {
                    members[next++] = word << 6 | Long.numberOfTrailingZeros(rest);
                }
            }
            return members;
        }

        /**
         * Shapes each counted sequence once and adds its counts to its variant, noting the variant and how many raw
         * steps the shaping read ({@link LabelPath#end}) of each counted sequence; returns the variants. In ascending
         * order, the sequences' steps are read front to back.
         */
        VariantTable shape(PathShaper shaper) {
            counted = members(seen);
            int labels = 0;
            for (int sequence : counted) {
                labels += sequences.length(sequence);
            }
            VariantTable variants = new VariantTable(counted.length, labels);
            variantOf = new int[sequences.count()];
            shapedSteps = new int[sequences.count()];
            LabelPath path = new LabelPath();
            for (int sequence : counted) {
                shaper.shape(sequences, sequence, path);
                variantOf[sequence] = variants.merge(path, counts[2 * sequence], counts[2 * sequence + 1]);
                shapedSteps[sequence] = path.end;
            }
            return variants;
        }

        /**
         * For each of the {@code top} variants, in that order, its paths' durations, or null if none is timed: from
         * the first event to the last one shaped into the path. From {@value #PARALLEL_FROM} timed paths on, the
         * two halves are read in parallel, as reading the listed journeys' times is mostly waiting for memory.
         */
        Durations[] durations(int[] top, int variantCount, List<Journey> records) {
            int[] rank = new int[variantCount];
            Arrays.fill(rank, -1);
            for (int i = 0; i < top.length; i++) {
                rank[top[i]] = i;
            }
            // A bit per sequence, small enough to stay in cache, passes over most timed paths without the lookups.
            long[] listed = new long[(sequences.count() + 63) >>> 6];
            for (int sequence : counted) {
                if (rank[variantOf[sequence]] >= 0) {
                    listed[sequence >>> 6] |= 1L << sequence;
                }
            }
            if (timed.size < PARALLEL_FROM) {
                return timed.durations(0, timed.size, listed, rank, this, top.length, records);
            }
            int middle = timed.size / 2;
            ForkJoinTask<Durations[]> secondHalf = ForkJoinPool.commonPool().submit(
                    () -> timed.durations(middle, timed.size, listed, rank, this, top.length, records));
            Durations[] durations = timed.durations(0, middle, listed, rank, this, top.length, records);
            Durations[] later = secondHalf.join();
            for (int i = 0; i < durations.length; i++) {
                if (durations[i] == null) {
                    durations[i] = later[i];
                } else if (later[i] != null) {
                    durations[i].addAll(later[i]);
                }
            }
            return durations;
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

        /** Appends the timed paths of {@code later}. */
        void append(TimedPaths later) {
            for (int i = 0; i < later.size; i++) {
                long entry = later.chunks.get(i / CHUNK)[i % CHUNK];
                add((int) (entry >>> 32), (int) entry);
            }
        }

        /**
         * The durations of the timed paths {@code [from, to)} of the sequences marked in {@code listed}, by the rank
         * of their variant; null where none is timed.
         */
        Durations[] durations(int from, int to, long[] listed, int[] rank, SequenceCount counted, int ranks,
                List<Journey> journeys) {
            Durations[] durations = new Durations[ranks];
            for (int i = from; i < to; i++) {
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
