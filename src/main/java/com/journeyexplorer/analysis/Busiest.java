package com.journeyexplorer.analysis;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * Chooses the {@code limit} busiest of many numbered items (transitions): most journeys first, then the highest count,
 * then the lowest order key, without sorting them all. A threshold on the journeys by selection, then among the items
 * at that threshold one on the count, then among those the lowest order keys: O(items) expected, plus a sort of the
 * items tied on both journeys and count. The transitions endpoint lists a thousand of the hundreds of thousands of
 * transitions of a clickstream this way.
 */
public final class Busiest {

    private Busiest() {
    }

    /**
     * The {@code limit} first of {@code candidates} by descending {@code journeys}, descending {@code count}, then
     * ascending {@code order} (distinct per item), in no particular order; all of them when they are no more.
     */
    public static int[] of(int[] candidates, IntToLongFunction journeys, IntToLongFunction count,
            IntToLongFunction order, int limit) {
        if (candidates.length <= limit) {
            return candidates.clone();
        }
        if (limit <= 0) {
            return new int[0];
        }
        long journeysCut = largest(candidates, journeys, limit);
        int[] above = filter(candidates, item -> journeys.applyAsLong(item) > journeysCut);
        int[] tied = filter(candidates, item -> journeys.applyAsLong(item) == journeysCut);
        int room = limit - above.length;
        long countCut = largest(tied, count, room);
        int[] aboveCount = filter(tied, item -> count.applyAsLong(item) > countCut);
        int[] tiedCount = filter(tied, item -> count.applyAsLong(item) == countCut);
        int roomLeft = room - aboveCount.length;
        long[] keys = new long[tiedCount.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = order.applyAsLong(tiedCount[i]);
        }
        Arrays.sort(keys);
        long keyCut = keys[roomLeft - 1];
        int[] first = filter(tiedCount, item -> order.applyAsLong(item) <= keyCut);
        int[] kept = Arrays.copyOf(above, limit);
        System.arraycopy(aboveCount, 0, kept, above.length, aboveCount.length);
        System.arraycopy(first, 0, kept, above.length + aboveCount.length, first.length);
        return kept;
    }

    /** The {@code k}-th largest (1-based, {@code 1 ≤ k ≤ among.length}) value at {@code among}. O(among) expected. */
    private static long largest(int[] among, IntToLongFunction values, int k) {
        long[] chosen = new long[among.length];
        for (int i = 0; i < among.length; i++) {
            chosen[i] = values.applyAsLong(among[i]);
        }
        return Durations.select(chosen, null, 0, chosen.length, chosen.length - k + 1L);
    }

    private static int[] filter(int[] items, IntPredicate keep) {
        return Arrays.stream(items).filter(keep).toArray();
    }
}
