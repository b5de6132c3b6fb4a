package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.List;

/**
 * The distinct touchpoint sequences of a snapshot's journey records, numbered {@code [0, count())} in order of first
 * sight, and for each record the number of its whole sequence and of its path ({@link Journey#pathLength()}: to the
 * first purchase). An analysis that groups the selected records by shaped path can then count sequence numbers and
 * shape each distinct sequence once, instead of shaping every record. Built once per snapshot on first use
 * ({@link #of}) in O(events) with an {@link IntSequenceTable}; 8 bytes per record plus the distinct sequences, their
 * steps in one int pool.
 */
public final class StepSequences {

    private final int[] wholes;
    private final int[] paths;
    private final IntSequenceTable table = new IntSequenceTable();

    private StepSequences(List<Journey> journeys) {
        wholes = new int[journeys.size()];
        paths = new int[journeys.size()];
        for (int position = 0; position < wholes.length; position++) {
            Journey journey = journeys.get(position);
            wholes[position] = table.number(journey.steps(), journey.length());
            paths[position] = journey.pathLength() == journey.length() ? wholes[position]
                    : table.number(journey.steps(), journey.pathLength());
        }
        table.compact();
    }

    /** The sequences of {@code snapshot}, built on first use and kept with it. */
    public static StepSequences of(JourneySnapshot snapshot) {
        return snapshot.memo(StepSequences.class, StepSequences.class, () -> new StepSequences(snapshot.journeys()));
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
