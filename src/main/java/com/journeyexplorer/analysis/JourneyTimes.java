package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.Arrays;
import java.util.List;

/**
 * A snapshot's journey times laid out by record position, so that trends and time to convert scan arrays instead of
 * following every {@link Journey} to its times: each timed record's start in whole seconds from the earliest start
 * (an {@code int} while the starts span at most 68 years, else a {@code long}: a stray 1900 date beside this year's
 * data), and for the purchasing timed records their positions and the milliseconds from the first event to the first
 * purchase. Built once per snapshot on first use ({@link #of}), O(records), or, for a snapshot that only appended
 * records to an earlier one's and changed some outcomes, followed from that one's (copies plus O(changed records));
 * 4 bytes per record (8 for the wide span) plus 12 per purchasing record.
 */
final class JourneyTimes {

    private final long baseSecond;
    /** Whether some record is timed: else {@link #baseSecond} is 0, not the earliest start. */
    private final boolean anyTimed;
    /** Seconds from {@link #baseSecond}; null when they do not all fit an int, then {@link #wideStartSeconds}. */
    private final int[] startSeconds;
    private final long[] wideStartSeconds;
    private final int[] purchasePositions;
    private final long[] purchaseMillis;

    private JourneyTimes(long baseSecond, boolean anyTimed, int[] startSeconds, int[] purchasePositions,
            long[] purchaseMillis) {
        this.baseSecond = baseSecond;
        this.anyTimed = anyTimed;
        this.startSeconds = startSeconds;
        this.wideStartSeconds = null;
        this.purchasePositions = purchasePositions;
        this.purchaseMillis = purchaseMillis;
    }

    private JourneyTimes(List<Journey> journeys) {
        int size = journeys.size();
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        int purchases = 0;
        for (Journey journey : journeys) {
            if (journey.isTimed()) {
                long second = Math.floorDiv(journey.startedAt(), 1000L);
                earliest = Math.min(earliest, second);
                latest = Math.max(latest, second);
                purchases += journey.outcome() == Outcome.PURCHASE && journey.purchaseIndex() >= 0 ? 1 : 0;
            }
        }
        this.baseSecond = earliest == Long.MAX_VALUE ? 0 : earliest;
        this.anyTimed = earliest != Long.MAX_VALUE;
        boolean wide = anyTimed && latest - earliest > Integer.MAX_VALUE;
        this.startSeconds = wide ? null : new int[size];
        this.wideStartSeconds = wide ? new long[size] : null;
        this.purchasePositions = new int[purchases];
        this.purchaseMillis = new long[purchases];
        int purchase = 0;
        for (int position = 0; position < size; position++) {
            Journey journey = journeys.get(position);
            if (!journey.isTimed()) {
                continue;
            }
            long second = Math.floorDiv(journey.startedAt(), 1000L) - baseSecond;
            if (wide) {
                wideStartSeconds[position] = second;
            } else {
                startSeconds[position] = (int) second;
            }
            if (journey.outcome() == Outcome.PURCHASE && journey.purchaseIndex() >= 0) {
                purchasePositions[purchase] = position;
                purchaseMillis[purchase] = journey.time(journey.purchaseIndex()) - journey.time(0);
                purchase++;
            }
        }
    }

    /** The times of {@code snapshot}, built on first use and kept with it. O(records) the first time. */
    static JourneyTimes of(JourneySnapshot snapshot) {
        return snapshot.memo(JourneyTimes.class, JourneyTimes.class,
                (base, lineage) -> base.following(lineage, snapshot.journeys()),
                () -> new JourneyTimes(snapshot.journeys()));
    }

    private static boolean purchases(Journey journey) {
        return journey.isTimed() && journey.outcome() == Outcome.PURCHASE && journey.purchaseIndex() >= 0;
    }

    private static long purchaseMillis(Journey journey) {
        return journey.time(journey.purchaseIndex()) - journey.time(0);
    }

    /**
     * These times followed to {@code journeys}, which keep the base's records but those the lineage names: the same
     * as {@code new JourneyTimes(journeys)}. Null when a replaced record changed its start or whether (or when) it
     * purchases, or a new record starts before the earliest start (every start would move) or beyond an int of
     * seconds after it, or the base's starts are held wide (rare enough to build anew).
     */
    JourneyTimes following(JourneySnapshot.Lineage lineage, List<Journey> journeys) {
        if (startSeconds == null) {
            return null;
        }
        List<Journey> before = lineage.base().journeys();
        for (int position : lineage.replaced()) {
            Journey old = before.get(position);
            Journey now = journeys.get(position);
            if (old.isTimed() != now.isTimed() || (old.isTimed() && old.startedAt() != now.startedAt())
                    || purchases(old) != purchases(now)
                    || (purchases(old) && purchaseMillis(old) != purchaseMillis(now))) {
                return null;
            }
        }
        int baseSize = lineage.baseSize();
        int size = journeys.size();
        int purchases = 0;
        for (int position = baseSize; position < size; position++) {
            Journey journey = journeys.get(position);
            if (journey.isTimed()) {
                long second = Math.floorDiv(journey.startedAt(), 1000L);
                if (!anyTimed || second < baseSecond || second - baseSecond > Integer.MAX_VALUE) {
                    return null;
                }
                purchases += purchases(journey) ? 1 : 0;
            }
        }
        int[] starts = Arrays.copyOf(startSeconds, size);
        int[] positions = Arrays.copyOf(purchasePositions, purchasePositions.length + purchases);
        long[] millis = Arrays.copyOf(purchaseMillis, purchaseMillis.length + purchases);
        int purchase = purchasePositions.length;
        for (int position = baseSize; position < size; position++) {
            Journey journey = journeys.get(position);
            if (journey.isTimed()) {
                starts[position] = (int) (Math.floorDiv(journey.startedAt(), 1000L) - baseSecond);
                if (purchases(journey)) {
                    positions[purchase] = position;
                    millis[purchase] = purchaseMillis(journey);
                    purchase++;
                }
            }
        }
        return new JourneyTimes(baseSecond, anyTimed, starts, positions, millis);
    }

    /** The start of the timed record at {@code position}, in epoch milliseconds rounded down to the second. */
    long startSecondMillis(int position) {
        long second = startSeconds != null ? startSeconds[position] : wideStartSeconds[position];
        return (baseSecond + second) * 1000L;
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
