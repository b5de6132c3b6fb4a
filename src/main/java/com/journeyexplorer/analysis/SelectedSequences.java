package com.journeyexplorer.analysis;

import java.util.function.IntPredicate;

import com.journeyexplorer.journey.Outcome;

/**
 * The selected records of a snapshot counted by whole step sequence ({@link StepSequences}, every step, frustration
 * events included): per sequence number the weighted journeys and, of those, the weighted lost ones (abandoned or
 * diverted). Weights and outcomes are read from the record columns, so the records themselves are not touched, and
 * an analysis that counts per touchpoint reads each counted sequence's steps once from one int pool instead of
 * following every selected record to its arrays.
 *
 * <p>Cost: O(records) tests of the selection, 16 bytes per sequence of the snapshot and a bit per sequence.
 */
public final class SelectedSequences {

    private final StepSequences sequences;
    /** By sequence number, weighted journeys then weighted lost journeys, side by side for one cache miss. */
    private final long[] counts;
    private final int[] counted;

    private SelectedSequences(StepSequences sequences, long[] counts, int[] counted) {
        this.sequences = sequences;
        this.counts = counts;
        this.counted = counted;
    }

    /**
     * Builds now, if not yet built, the record columns and step sequences that {@link #of} reads and keeps with the
     * snapshot, so that {@code of} can run inside the computation of another value kept with it ({@link
     * JourneySnapshot#memo} does not nest). O(records + events) the first time, O(1) after.
     */
    public static void prepare(JourneySnapshot snapshot) {
        StepSequences.of(snapshot);
        JourneyColumns.of(snapshot);
    }

    /** Counts the records of {@code snapshot} at the positions {@code selected} accepts (every record for null). */
    public static SelectedSequences of(JourneySnapshot snapshot, IntPredicate selected) {
        StepSequences sequences = StepSequences.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int[] numbers = sequences.numbers(false);
        long[] counts = new long[2 * sequences.count()];
        long[] seen = new long[(sequences.count() + 63) >>> 6];
        int abandoned = Outcome.ABANDONED.ordinal();
        int diverted = Outcome.DIVERTED.ordinal();
        for (int position = 0; position < numbers.length; position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            if (selected != null && !selected.test(position)) {
                continue;
            }
            int sequence = numbers[position];
            int weight = columns.weight(position);
            seen[sequence >>> 6] |= 1L << sequence;
            counts[2 * sequence] += weight;
            int outcome = columns.outcome(position);
            if (outcome == abandoned || outcome == diverted) {
                counts[2 * sequence + 1] += weight;
            }
        }
        int size = 0;
        for (long word : seen) {
            size += Long.bitCount(word);
        }
        int[] counted = new int[size];
        int next = 0;
        for (int word = 0; word < seen.length; word++) {
            for (long rest = seen[word]; rest != 0; rest &= rest - 1) {
                counted[next++] = word << 6 | Long.numberOfTrailingZeros(rest);
            }
        }
        return new SelectedSequences(sequences, counts, counted);
    }

    /** The numbering the counts are by; its {@link StepSequences#pool} holds the steps of each sequence. */
    public StepSequences sequences() {
        return sequences;
    }

    /** The numbers of the sequences of at least one selected record, ascending; shared, not to be modified. */
    public int[] counted() {
        return counted;
    }

    /** The selected journeys (weights counted) whose whole sequence is {@code sequence}. */
    public long journeys(int sequence) {
        return counts[2 * sequence];
    }

    /** Of {@link #journeys}, those lost: abandoned or diverted. */
    public long lost(int sequence) {
        return counts[2 * sequence + 1];
    }
}
