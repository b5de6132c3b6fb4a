package com.journeyexplorer.analysis;

import java.util.function.IntPredicate;

import com.journeyexplorer.journey.Outcome;

/**
 * The selected records of a snapshot by whole step sequence ({@link StepSequences}, every step, frustration events
 * included), each with its weight and whether it was lost (abandoned or diverted), read from the record columns: an
 * analysis that counts per touchpoint then reads the steps from one int pool instead of following every selected
 * record to its arrays, and where sequences repeat, reads each distinct one once for all its records ({@link #visit}).
 *
 * <p>Cost: O(records) tests of the selection, plus 16 bytes per sequence of the snapshot when the records are counted
 * per sequence.
 */
public final class SelectedSequences {

    /** By sequence number, weighted journeys then weighted lost journeys, side by side for one cache miss. */
    private final long[] counts;
    private final int[] counted;

    private SelectedSequences(long[] counts, int[] counted) {
        this.counts = counts;
        this.counted = counted;
    }

    /**
     * Builds now, if not yet built, the record columns and step sequences that {@link #visit} reads and keeps with
     * the snapshot, so that {@code visit} can run inside the computation of another value kept with it ({@link
     * JourneySnapshot#memo} does not nest). O(records + events) the first time, O(1) after.
     */
    public static void prepare(JourneySnapshot snapshot) {
        StepSequences.of(snapshot);
        JourneyColumns.of(snapshot);
    }

    /** Receives a step sequence, the selected journeys that follow it (weights counted) and the lost ones of them. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int sequence, long journeys, long lost);
    }

    /**
     * Visits the records of {@code snapshot} at the positions {@code selected} accepts (every record for null) by
     * whole step sequence. Where sequences repeat (fewer distinct ones than half the records) the selected records are
     * counted per sequence first ({@link #of}) and each counted sequence is visited once, in ascending number; where
     * most are distinct, counting them would cost more than it saves, and each selected record is visited on its own,
     * in position order, so a sequence may be visited more than once. Either way the sum over the visits is the same.
     * O(records) tests of the selection, plus 16 bytes per sequence of the snapshot when counting.
     */
    public static void visit(JourneySnapshot snapshot, IntPredicate selected, Visitor visitor) {
        StepSequences sequences = StepSequences.of(snapshot);
        int[] numbers = sequences.numbers(false);
        if (sequences.count() < numbers.length / 2) {
            SelectedSequences counted = of(snapshot, selected);
            for (int sequence : counted.counted) {
                visitor.visit(sequence, counted.journeys(sequence), counted.lost(sequence));
            }
            return;
        }
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int abandoned = Outcome.ABANDONED.ordinal();
        int diverted = Outcome.DIVERTED.ordinal();
        for (int position = 0; position < numbers.length; position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            if (selected != null && !selected.test(position)) {
                continue;
            }
            int weight = columns.weight(position);
            int outcome = columns.outcome(position);
            visitor.visit(numbers[position], weight, outcome == abandoned || outcome == diverted ? weight : 0);
        }
    }

    /** Counts the records of {@code snapshot} at the positions {@code selected} accepts (every record for null). */
    private static SelectedSequences of(JourneySnapshot snapshot, IntPredicate selected) {
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
        return new SelectedSequences(counts, counted);
    }

    /** The counted journeys (weights counted) whose whole sequence is {@code sequence}. */
    private long journeys(int sequence) {
        return counts[2 * sequence];
    }

    /** Of {@link #journeys}, those lost: abandoned or diverted. */
    private long lost(int sequence) {
        return counts[2 * sequence + 1];
    }
}
