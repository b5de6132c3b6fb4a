package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.HashMixer;
import com.journeyexplorer.analysis.compare.SegmentComparison.ShareDifference;
import com.journeyexplorer.analysis.stats.MultipleComparisons;
import com.journeyexplorer.analysis.stats.Proportions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The share differences of keys counted in two selections (path variants, transitions): every key's share of a's and
 * of b's journeys compared, Benjamini–Hochberg adjusted over all the keys, the largest |difference| kept. Only the
 * p-value of every key is computed; the full comparison (intervals), the nodes and the name only for the keys returned
 * and for ties at the cut. O(m log m) for m keys (the adjustment sorts), plus O(m log limit).
 */
final class ShareDifferences {

    private ShareDifferences() {
    }

    /**
     * The {@code limit} keys with the largest |difference| first (ties by name, then by nodes: names may read alike).
     *
     * @param countsA weighted journeys of a per key {@code [0, m)}
     * @param countsB weighted journeys of b per key, the same keys
     * @param nodes   a key's nodes, which identify it
     * @param name    the name of a key's nodes, as shown
     */
    static List<ShareDifference> largest(long[] countsA, long[] countsB, IntFunction<List<String>> nodes,
            Function<List<String>, String> name, long totalA, long totalB, double confidence, int limit) {
        int m = countsA.length;
        double[] pValues = new double[m];
        double[] order = new double[m];
        // most keys share their counts with others (a path variant of one journey in a and none in b), so the values
        // of recent counts are kept by a hash of the counts: the same function of the same counts, computed once
        Recent recent = new Recent();
        for (int i = 0; i < m; i++) {
            int slot = recent.slot(countsA[i], countsB[i]);
            if (slot < 0) {
                slot = ~slot;
                recent.pValue[slot] = Proportions.pValue(countsA[i], totalA, countsB[i], totalB);
                recent.order[slot] = -Math.abs(nanToZero(Proportions.difference(countsA[i], totalA, countsB[i],
                        totalB)));
            }
            pValues[i] = recent.pValue[slot];
            order[i] = recent.order[slot];
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        Named[] named = new Named[m];
        IntFunction<Named> of = i -> {
            if (named[i] == null) {
                List<String> ofKey = nodes.apply(i);
                named[i] = new Named(name.apply(ofKey), ofKey);
            }
            return named[i];
        };
        Comparator<Integer> first = Comparator.comparingDouble((Integer i) -> order[i])
                .thenComparing(i -> of.apply(i).name()).thenComparing(i -> of.apply(i), Named.BY_NODES);
        PriorityQueue<Integer> kept = new PriorityQueue<>(first.reversed());
        for (int i = 0; i < m && limit > 0; i++) {
            if (kept.size() < limit) {
                kept.add(i);
            } else if (first.compare(i, kept.peek()) < 0) {
                kept.poll();
                kept.add(i);
            }
        }
        List<Integer> top = new ArrayList<>(kept);
        top.sort(first);
        List<ShareDifference> result = new ArrayList<>(top.size());
        for (int i : top) {
            Named key = of.apply(i);
            result.add(new ShareDifference(key.name(), key.nodes(), countsA[i], countsB[i], Proportions.compare(countsA[i], totalA,
                    countsB[i], totalB, confidence), adjusted[i]));
        }
        return List.copyOf(result);
    }

    /** A key's name and nodes, computed once. */
    private record Named(String name, List<String> nodes) {

        static final Comparator<Named> BY_NODES = (x, y) -> {
            for (int i = 0; i < Math.min(x.nodes.size(), y.nodes.size()); i++) {
                int order = x.nodes.get(i).compareTo(y.nodes.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(x.nodes.size(), y.nodes.size());
        };
    }

    /** The p-value and order of the counts seen last in each of 4,096 slots, a slot chosen by their hash. */
    private static final class Recent {
        private static final int SLOTS = 4096;

        final long[] countA = new long[SLOTS];
        final long[] countB = new long[SLOTS];
        final double[] pValue = new double[SLOTS];
        final double[] order = new double[SLOTS];
        private final boolean[] filled = new boolean[SLOTS];

        /** The slot holding counts {@code a, b}, or {@code ~slot} of the slot now given to them, to be filled. */
        int slot(long a, long b) {
            int slot = HashMixer.mix(a * 31 + b) & (SLOTS - 1);
            if (filled[slot] && countA[slot] == a && countB[slot] == b) {
                return slot;
            }
            filled[slot] = true;
            countA[slot] = a;
            countB[slot] = b;
            return ~slot;
        }
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
