package com.journeyexplorer.analysis.experience;

import java.util.Arrays;
import java.util.List;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;

/**
 * The frustration events of a snapshot, listed once: the record position, touchpoint id and record weight of each, in
 * record order. A filtered count tests each listed event's position against its selection instead of reading every
 * selected record's event types. Built once per snapshot on first use ({@link #of}) in O(events) and kept with it; 12
 * bytes per frustration event.
 */
final class FrustrationEvents {

    private final int[] positions;
    private final int[] touchpoints;
    private final int[] weights;

    private FrustrationEvents(int[] positions, int[] touchpoints, int[] weights) {
        this.positions = positions;
        this.touchpoints = touchpoints;
        this.weights = weights;
    }

    /** The frustration events of {@code snapshot}, listed on first use and kept with it. */
    static FrustrationEvents of(JourneySnapshot snapshot) {
        return snapshot.memo(FrustrationEvents.class, FrustrationEvents.class, () -> list(snapshot.journeys()));
    }

    private static FrustrationEvents list(List<Journey> journeys) {
        byte frustration = EventType.FRUSTRATION.code();
        int[] positions = new int[64];
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
                    touchpoints = Arrays.copyOf(touchpoints, size * 2);
                    weights = Arrays.copyOf(weights, size * 2);
                }
                positions[size] = position;
                touchpoints[size] = journey.steps()[i];
                weights[size] = journey.weight();
                size++;
            }
        }
        return new FrustrationEvents(Arrays.copyOf(positions, size), Arrays.copyOf(touchpoints, size),
                Arrays.copyOf(weights, size));
    }

    int size() {
        return positions.length;
    }

    /** The record position of event {@code i}, {@code 0 <= i < size()}. */
    int position(int i) {
        return positions[i];
    }

    /** The touchpoint id of event {@code i}. */
    int touchpoint(int i) {
        return touchpoints[i];
    }

    /** The weight of event {@code i}'s record. */
    int weight(int i) {
        return weights[i];
    }
}
