package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The selected records counted by {@link StepSequences} number, as {@link TopPaths} counts them: weighted journeys and
 * purchases side by side per sequence, a bit per sequence counted, the timed paths and the total; then each counted
 * sequence shaped once into a {@link VariantTable}. Two counts of disjoint ranges of records merge
 * ({@link #append}), so halves can be counted in parallel. 16 bytes and a bit per sequence of the snapshot.
 */
final class SequenceCounts {

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

    private SequenceCounts(StepSequences sequences) {
        this.sequences = sequences;
        this.counts = new long[2 * sequences.count()];
        this.seen = new long[(sequences.count() + 63) >>> 6];
    }

    /** Counts the selected records among positions {@code [from, to)}, numbered as {@code numbers} says. */
    static SequenceCounts of(StepSequences sequences, JourneyColumns columns, int[] numbers, IntPredicate selected,
            int from, int to) {
        int purchase = Outcome.PURCHASE.ordinal();
        SequenceCounts count = new SequenceCounts(sequences);
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
    SequenceCounts append(SequenceCounts later) {
        for (int sequence : members(later.seen)) {
            counts[2 * sequence] += later.counts[2 * sequence];
            counts[2 * sequence + 1] += later.counts[2 * sequence + 1];
        }
        for (int word = 0; word < seen.length; word++) {
            seen[word] |= later.seen[word];
        }
        timed.append(later.timed);
        total += later.total;
        return this;
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
     * order, the sequences' steps are read front to back. When the shaper keeps sequences apart (raw touchpoints, the
     * default), each counted sequence is a variant of its own and is appended without a lookup: the same variants,
     * numbered alike.
     */
    VariantTable shape(PathShaper shaper) {
        boolean apart = shaper.keepsSequencesApart();
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
            variantOf[sequence] = apart ? variants.append(path, counts[2 * sequence], counts[2 * sequence + 1])
                    : variants.merge(path, counts[2 * sequence], counts[2 * sequence + 1]);
            shapedSteps[sequence] = path.end;
        }
        return variants;
    }

    /**
     * For each of the {@code top} variants, in that order, its paths' durations, or null if none is timed: from
     * the first event to the last one shaped into the path. From {@value TwoHalves#PARALLEL_FROM} timed paths on, the
     * two halves are read in parallel ({@link TwoHalves}), as reading the listed journeys' times is mostly waiting
     * for memory.
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
        return TwoHalves.count(timed.size,
                (from, to) -> timed.durations(from, to, listed, rank, this, top.length, records),
                SequenceCounts::appendDurations);
    }

    /** Appends the durations of the later timed paths to the earlier ones', by rank. */
    private static Durations[] appendDurations(Durations[] durations, Durations[] later) {
        for (int i = 0; i < durations.length; i++) {
            if (durations[i] == null) {
                durations[i] = later[i];
            } else if (later[i] != null) {
                durations[i].addAll(later[i]);
            }
        }
        return durations;
    }

    /**
     * The timed paths among the selected journeys, as (step sequence, journey position) pairs in fixed-size chunks
     * (growing never copies, and no chunk is large enough to be a humongous allocation), so that durations are read
     * from the journeys' time arrays only for the variants listed.
     */
    static final class TimedPaths {
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
        Durations[] durations(int from, int to, long[] listed, int[] rank, SequenceCounts counted, int ranks,
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
                if (durations[at] == null) {
                    durations[at] = new Durations();
                }
                durations[at].add(journey.time(counted.shapedSteps[sequence] - 1) - journey.startedAt(),
                        journey.weight());
            }
            return durations;
        }
    }
}
