package com.journeyexplorer.analysis;

import java.util.Arrays;
import java.util.List;

import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;

/**
 * The frustration events of a snapshot, listed once: the record position, step index, touchpoint id and record weight
 * of each, in record order (then step order). A filtered count tests each listed event's position against its
 * selection instead of reading every selected record's event types; a pass over records in position order asks a
 * {@link Records} cursor whether a record has any and at which steps (the attribution models leave those steps out of
 * its path, read from the shared step column). Built once per snapshot on first use ({@link #of}) in O(events) and
 * kept with it; 16 bytes per frustration event.
 */
public final class FrustrationEvents {

    private final int[] positions;
    private final int[] steps;
    private final int[] touchpoints;
    private final int[] weights;

    private FrustrationEvents(int[] positions, int[] steps, int[] touchpoints, int[] weights) {
        this.positions = positions;
        this.steps = steps;
        this.touchpoints = touchpoints;
        this.weights = weights;
    }

    /** The frustration events of {@code snapshot}, listed on first use and kept with it. */
    public static FrustrationEvents of(JourneySnapshot snapshot) {
        return snapshot.memo(FrustrationEvents.class, FrustrationEvents.class, () -> list(snapshot.journeys()));
    }

    /** The frustration events of {@code journeys}, by their positions in that list: listed now, not kept. */
    public static FrustrationEvents of(List<Journey> journeys) {
        return list(journeys);
    }

    private static FrustrationEvents list(List<Journey> journeys) {
        byte frustration = EventType.FRUSTRATION.code();
        int[] positions = new int[64];
        int[] steps = new int[64];
        int[] touchpoints = new int[64];
        int[] weights = new int[64];
        int size = 0;
        for (int position = 0; position < journeys.size(); position++) {
            if ((position & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            Journey journey = journeys.get(position);
            byte[] types = journey.types();
            for (int i = 0; i < types.length; i++) {
                if (types[i] != frustration) {
                    continue;
                }
                if (size == positions.length) {
                    positions = Arrays.copyOf(positions, size * 2);
                    steps = Arrays.copyOf(steps, size * 2);
                    touchpoints = Arrays.copyOf(touchpoints, size * 2);
                    weights = Arrays.copyOf(weights, size * 2);
                }
                positions[size] = position;
                steps[size] = i;
                touchpoints[size] = journey.steps()[i];
                weights[size] = journey.weight();
                size++;
            }
        }
        return new FrustrationEvents(Arrays.copyOf(positions, size), Arrays.copyOf(steps, size),
                Arrays.copyOf(touchpoints, size), Arrays.copyOf(weights, size));
    }

    public int size() {
        return positions.length;
    }

    /** The record position of event {@code i}, {@code 0 <= i < size()}. */
    public int position(int i) {
        return positions[i];
    }

    /** The touchpoint id of event {@code i}. */
    public int touchpoint(int i) {
        return touchpoints[i];
    }

    /** The weight of event {@code i}'s record. */
    public int weight(int i) {
        return weights[i];
    }

    /** A cursor over the records from {@code position} on, asked in ascending position order. */
    public Records from(int position) {
        int low = 0;
        int high = positions.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (positions[middle] < position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return new Records(low);
    }

    /**
     * Whether records have frustration events, and at which steps, asked in ascending position order: one comparison
     * per record where the snapshot has none, O(records asked + events) in all.
     */
    public final class Records {
        private int at;
        /** After {@link #has}: the end of the events of the record asked about, {@code at} when it has none. */
        private int end;

        private Records(int at) {
            this.at = at;
            this.end = at;
        }

        /** Whether the record at {@code position} (not below any asked before) has a frustration event. */
        public boolean has(int position) {
            while (at < positions.length && positions[at] < position) {
                at++;
            }
            end = at;
            while (end < positions.length && positions[end] == position) {
                end++;
            }
            return end > at;
        }

        /** How many frustration events the record last asked about ({@link #has}) has. */
        public int count() {
            return end - at;
        }

        /** The step index of that record's {@code i}-th frustration event, {@code 0 <= i < count()}: ascending in i. */
        public int step(int i) {
            return steps[at + i];
        }
    }
}
