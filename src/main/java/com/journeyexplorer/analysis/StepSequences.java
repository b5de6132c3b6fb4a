package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct touchpoint sequences of a snapshot's journey records, numbered {@code [0, count())} in order of first
 * sight, and for each record the number of its whole sequence and of its path ({@link Journey#pathLength()}: to the
 * first purchase). An analysis that groups the selected records by shaped path can then count sequence numbers and
 * shape each distinct sequence once, instead of shaping every record. Built once per snapshot on first use
 * ({@link #of}) in O(events) with an {@link IntSequenceTable}, or, for a snapshot that only appended records to an
 * earlier one's and changed some outcomes, followed from that one's: array copies plus O(new records' steps) to
 * number the new records' sequences after the old ones. 8 bytes per record plus the distinct sequences, their steps in
 * one int pool, and their lookup slots (at most 4 longs each).
 */
public final class StepSequences {

    private final int[] wholes;
    private final int[] paths;
    private final IntSequenceTable table;

    private StepSequences(List<Journey> journeys) {
        this(journeys, new IntSequenceTable(), new int[journeys.size()], new int[journeys.size()], 0);
    }

    /** Numbers the records from {@code from} on in {@code table}, after those before, which are numbered already. */
    private StepSequences(List<Journey> journeys, IntSequenceTable table, int[] wholes, int[] paths, int from) {
        this.table = table;
        this.wholes = wholes;
        this.paths = paths;
        for (int position = from; position < wholes.length; position++) {
            Journey journey = journeys.get(position);
            wholes[position] = table.number(journey.steps(), journey.length());
            paths[position] = journey.pathLength() == journey.length() ? wholes[position]
                    : table.number(journey.steps(), journey.pathLength());
        }
        // The lookup slots are kept (at most 4 longs per distinct sequence): the next snapshot's sequences copy
        // them rather than rehash every sequence to number its new records'.
        table.trim();
    }

    /** The sequences of {@code snapshot}, built on first use and kept with it. */
    public static StepSequences of(JourneySnapshot snapshot) {
        return snapshot.memo(StepSequences.class, StepSequences.class,
                (base, lineage) -> base.following(lineage, snapshot.journeys()),
                () -> new StepSequences(snapshot.journeys()));
    }

    /**
     * These sequences followed to {@code journeys}, which keep the base's records but those the lineage names: the
     * same numbers as {@code new StepSequences(journeys)}, as new records come after the old ones. Null when a
     * replaced record's steps or path length changed (first sight could move).
     */
    StepSequences following(JourneySnapshot.Lineage lineage, List<Journey> journeys) {
        List<Journey> before = lineage.base().journeys();
        for (int position : lineage.replaced()) {
            Journey old = before.get(position);
            Journey now = journeys.get(position);
            if (old.length() != now.length() || old.pathLength() != now.pathLength()
                    || !Arrays.equals(old.steps(), 0, old.length(), now.steps(), 0, now.length())) {
                return null;
            }
        }
        int baseSize = lineage.baseSize();
        int size = journeys.size();
        int values = 0;
        for (int position = baseSize; position < size; position++) {
            values += 2 * journeys.get(position).length();
        }
        return new StepSequences(journeys, table.copy(2 * (size - baseSize), values),
                Arrays.copyOf(wholes, size), Arrays.copyOf(paths, size), baseSize);
    }

    /** The sequences of {@code journeys}, numbered afresh (not kept): positions are indexes into the list. */
    public static StepSequences of(List<Journey> journeys) {
        return new StepSequences(journeys);
    }

    /** How many distinct sequences there are. */
    public int count() {
        return table.size();
    }

    /**
     * For each record position, the number of its path's sequence ({@code toFirstPurchase}) or of its whole one. The
     * array is shared: callers must not modify it.
     */
    public int[] numbers(boolean toFirstPurchase) {
        return toFirstPurchase ? paths : wholes;
    }

    /** The steps of all sequences, sequence {@code n} at {@link #offset offset(n)}; shared, not to be modified. */
    public int[] pool() {
        return table.pool();
    }

    public int offset(int sequence) {
        return table.start(sequence);
    }

    public int length(int sequence) {
        return table.length(sequence);
    }
}
