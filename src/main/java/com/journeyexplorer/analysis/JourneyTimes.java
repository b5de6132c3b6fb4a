package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.List;

/**
 * A snapshot's journey times laid out by record position, so that trends and time to convert scan arrays instead of
 * following every {@link Journey} to its times: each timed record's start in whole seconds from the earliest start
 * (an {@code int}), and for the purchasing timed records their positions and the milliseconds from the first event
 * to the first purchase. Built once per snapshot on first use ({@link #of}), O(records); 4 bytes per record plus 12 per
 * purchasing record.
 */
final class JourneyTimes {

    private final long baseSecond;
    private final int[] startSeconds;
    private final int[] purchasePositions;
    private final long[] purchaseMillis;

    private JourneyTimes(List<Journey> journeys) {
        int size = journeys.size();
        long earliest = Long.MAX_VALUE;
        int purchases = 0;
        for (Journey journey : journeys) {
            if (journey.isTimed()) {
                earliest = Math.min(earliest, Math.floorDiv(journey.startedAt(), 1000L));
                purchases += journey.outcome() == Outcome.PURCHASE && journey.purchaseIndex() >= 0 ? 1 : 0;
            }
        }
        this.baseSecond = earliest == Long.MAX_VALUE ? 0 : earliest;
        this.startSeconds = new int[size];
        this.purchasePositions = new int[purchases];
        this.purchaseMillis = new long[purchases];
        int purchase = 0;
        for (int position = 0; position < size; position++) {
            Journey journey = journeys.get(position);
            if (!journey.isTimed()) {
                continue;
            }
            startSeconds[position] = Math.toIntExact(Math.floorDiv(journey.startedAt(), 1000L) - baseSecond);
            if (journey.outcome() == Outcome.PURCHASE && journey.purchaseIndex() >= 0) {
                purchasePositions[purchase] = position;
                purchaseMillis[purchase] = journey.times()[journey.purchaseIndex()] - journey.times()[0];
                purchase++;
            }
        }
    }

    /** The times of {@code snapshot}, built on first use and kept with it. O(records) the first time. */
    static JourneyTimes of(JourneySnapshot snapshot) {
        return snapshot.memo(JourneyTimes.class, JourneyTimes.class, () -> new JourneyTimes(snapshot.journeys()));
    }

    /** The start of the timed record at {@code position}, in epoch milliseconds rounded down to the second. */
    long startSecondMillis(int position) {
        return (baseSecond + startSeconds[position]) * 1000L;
    }

    /** How many timed records purchase. */
    int purchases() {
        return purchasePositions.length;
    }

    /** The position of the {@code i}-th purchasing timed record, ascending in {@code i}. */
    int purchasePosition(int i) {
        return purchasePositions[i];
    }

    /** The milliseconds from the first event to the first purchase of the {@code i}-th purchasing timed record. */
    long purchaseMillis(int i) {
        return purchaseMillis[i];
    }
}
