package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.journeyexplorer.analysis.DurationStats;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * The aggregated transitions of a set of journeys held in memory so that they can follow the journeys one by one:
 * {@link #add} counts a journey's transitions in, {@link #remove} counts a version of it out, and {@link #settle}
 * says which edges to write or delete. Every edge keeps what {@link com.journeyexplorer.analysis.TransitionTable}
 * computes for it over all the journeys (count, journeys, probability within its source and layer, and the mean,
 * median and 90th percentile of its step durations, weighted nearest-rank), exactly, because it keeps the counts and
 * every duration, sorted: the same values as a rebuild from all journeys, at the cost of the changed journeys' steps
 * plus the edges leaving the sources they touch.
 *
 * <p>Nodes are numbered for the life of the data: a touchpoint by its id, the start node and each outcome node by a
 * negative number of their own, so that new touchpoints do not renumber them. Memory: one object per edge and 8 bytes
 * per timed step (16 when some journey weighs more than one). Not thread-safe: the writer uses it under its lock.
 */
final class TransitionLedger {

    static final int START = -1;

    private static final long[] NONE = new long[0];

    /** One aggregated edge and the sorted durations of its steps. */
    static final class Edge {
        final int from;
        final int to;
        final boolean postPurchase;
        long count;
        long journeys;
        /** The element id of the edge's TRANSITION relationship once written; null before. */
        String relationship;
        /** Sum of duration × weight and the total weight of the durations; the durations sorted, with weights. */
        long millisSum;
        long timedWeight;
        long[] millis = NONE;
        long[] weights;
        int size;
        private int lastPass;
        private LongPairs added;
        private LongPairs removed;

        Edge(int from, int to, boolean postPurchase) {
            this.from = from;
            this.to = to;
            this.postPurchase = postPurchase;
        }

        /** Mean, median and 90th percentile of the durations, as {@link DurationStats} computes them. O(1) unweighted. */
        DurationStats timing() {
            if (timedWeight == 0) {
                return DurationStats.NONE;
            }
            long median = percentile(Math.max(1, (long) Math.ceil(0.5 * timedWeight)));
            long p90 = percentile(Math.max(1, (long) Math.ceil(0.9 * timedWeight)));
            return new DurationStats(timedWeight, (double) millisSum / timedWeight / 1000.0, median / 1000.0,
                    p90 / 1000.0);
        }

        /** The smallest duration whose cumulative weight reaches {@code rank}. */
        private long percentile(long rank) {
            if (weights == null) {
                return millis[(int) rank - 1];
            }
            long seen = 0;
            for (int i = 0; i < size; i++) {
                seen += weights[i];
                if (seen >= rank) {
                    return millis[i];
                }
            }
            return millis[size - 1];
        }
    }

    /**
     * What {@link #settle} found: edges whose count reached 0, edges whose properties are to be written, the total of
     * each one's source (for its probability), and which of them changed besides their probability.
     */
    record Settled(List<Edge> deleted, List<Edge> written, Map<Edge, Long> sourceTotals, Set<Edge> changed) {
    }

    private final Map<Long, Edge> edges = new HashMap<>();
    private final Map<Long, List<Edge>> bySource = new HashMap<>();
    private final Set<Edge> touched = new LinkedHashSet<>();
    private int pass;

    /** The ledger of every journey of {@code journeys}, settled. O(steps + durations · log). */
    static TransitionLedger of(Collection<Journey> journeys) {
        TransitionLedger ledger = new TransitionLedger();
        for (Journey journey : journeys) {
            ledger.add(journey);
        }
        ledger.settle();
        return ledger;
    }

    /** The number of the node standing for {@code outcome}. */
    static int outcomeNode(Outcome outcome) {
        return -2 - outcome.ordinal();
    }

    /** The name of node {@code node}: its touchpoint's name (looked up by {@code touchpointName}) or the special one. */
    static String nodeName(int node, java.util.function.IntFunction<String> touchpointName) {
        if (node >= 0) {
            return touchpointName.apply(node);
        }
        return node == START ? NodeSpace.START_NAME : Outcome.values()[-2 - node].nodeName();
    }

    /** Every edge with a positive count. */
    Collection<Edge> edges() {
        return edges.values();
    }

    /** Counts a journey's transitions in. O(steps). */
    void add(Journey journey) {
        count(journey, 1);
    }

    /** Counts a journey's transitions out: a version that {@link #add} counted in. O(steps). */
    void remove(Journey journey) {
        count(journey, -1);
    }

    private void count(Journey journey, int sign) {
        int length = journey.pathLength();
        long weight = (long) sign * journey.weight();
        boolean timed = journey.isTimed();
        pass++;
        int previous = START;
        for (int i = 0; i <= length; i++) {
            int next = i < length ? journey.steps()[i] : outcomeNode(journey.outcome());
            Edge edge = step(previous, next, false, weight);
            if (timed && i > 0 && i < length) {
                duration(edge, journey.time(i) - journey.time(i - 1), journey.weight(), sign);
            }
            previous = next;
        }
        if (length < journey.length()) {
            pass++;
            for (int i = length; i < journey.length(); i++) {
                Edge edge = step(journey.steps()[i - 1], journey.steps()[i], true, weight);
                if (timed) {
                    duration(edge, journey.time(i) - journey.time(i - 1), journey.weight(), sign);
                }
            }
        }
    }

    private Edge step(int from, int to, boolean postPurchase, long weight) {
        long key = key(from, to, postPurchase);
        Edge edge = edges.get(key);
        if (edge == null) {
            edge = new Edge(from, to, postPurchase);
            edges.put(key, edge);
            bySource.computeIfAbsent(sourceKey(from, postPurchase), unused -> new ArrayList<>()).add(edge);
        }
        edge.count += weight;
        if (edge.lastPass != pass) {
            edge.lastPass = pass;
            edge.journeys += weight;
        }
        touched.add(edge);
        return edge;
    }

    private static void duration(Edge edge, long millis, int weight, int sign) {
        if (sign > 0) {
            if (edge.added == null) {
                edge.added = new LongPairs();
            }
            edge.added.add(millis, weight);
        } else {
            if (edge.removed == null) {
                edge.removed = new LongPairs();
            }
            edge.removed.add(millis, weight);
        }
    }

    /**
     * Applies the durations counted since the last call, drops the edges whose count reached 0, and returns them
     * with every edge to write: the changed ones and the others leaving the same source in the same layer (their
     * probability moved with the source's total). O(changed durations · log + sizes of the changed edges' durations
     * + edges of the touched sources).
     */
    Settled settle() {
        List<Edge> deleted = new ArrayList<>();
        Set<Long> sources = new LinkedHashSet<>();
        Set<Edge> changed = new java.util.HashSet<>(touched);
        for (Edge edge : touched) {
            mergeDurations(edge);
            if (edge.count < 0 || edge.journeys < 0 || edge.size < 0) {
                throw new IllegalStateException("a transition was counted out more often than in: " + edge.from
                        + " -> " + edge.to);
            }
            long source = sourceKey(edge.from, edge.postPurchase);
            sources.add(source);
            if (edge.count == 0) {
                edges.remove(key(edge.from, edge.to, edge.postPurchase));
                List<Edge> siblings = bySource.get(source);
                siblings.remove(edge);
                if (siblings.isEmpty()) {
                    bySource.remove(source);
                }
                deleted.add(edge);
            }
        }
        touched.clear();
        List<Edge> written = new ArrayList<>();
        Map<Edge, Long> totals = new HashMap<>();
        for (Long source : sources) {
            List<Edge> siblings = bySource.getOrDefault(source, List.of());
            long total = 0;
            for (Edge edge : siblings) {
                total += edge.count;
            }
            for (Edge edge : siblings) {
                written.add(edge);
                totals.put(edge, total);
            }
        }
        return new Settled(deleted, written, totals, changed);
    }

    /**
     * Applies the pending durations to the edge's sorted ones: a few are inserted and removed in place (a binary search
     * and an array shift each, no copy of the durations), many are merged in one pass over a new array.
     */
    private static void mergeDurations(Edge edge) {
        LongPairs added = edge.added;
        LongPairs removed = edge.removed;
        edge.added = null;
        edge.removed = null;
        if (added == null && removed == null) {
            return;
        }
        int changes = (added == null ? 0 : added.size) + (removed == null ? 0 : removed.size);
        if (edge.size > 0 && changes <= 64 && changes <= edge.size / 8) {
            if (added != null) {
                for (int i = 0; i < added.size; i++) {
                    insert(edge, added.millis[i], added.weights[i]);
                }
            }
            if (removed != null) {
                for (int i = 0; i < removed.size; i++) {
                    delete(edge, removed.millis[i], removed.weights[i]);
                }
            }
            return;
        }
        if (added != null) {
            added.sort();
        }
        if (removed != null) {
            removed.sort();
        }
        int addedSize = added == null ? 0 : added.size;
        int removedSize = removed == null ? 0 : removed.size;
        boolean weighted = edge.weights != null || (added != null && added.weighted);
        int capacity = edge.size + addedSize;
        long[] millis = new long[capacity];
        long[] weights = weighted ? new long[capacity] : null;
        int size = 0;
        int i = 0;
        int a = 0;
        int r = 0;
        while (i < edge.size || a < addedSize) {
            long currentMillis;
            long currentWeight;
            boolean takeStored = a == addedSize || (i < edge.size
                    && compare(edge.millis[i], weightAt(edge.weights, i), added.millis[a], added.weights[a]) <= 0);
            if (takeStored) {
                currentMillis = edge.millis[i];
                currentWeight = weightAt(edge.weights, i);
                i++;
            } else {
                currentMillis = added.millis[a];
                currentWeight = added.weights[a];
                a++;
            }
            // Skip removed pairs that sort before this one (they were never there: a bug); drop an equal one.
            while (r < removedSize && compare(removed.millis[r], removed.weights[r], currentMillis, currentWeight) < 0) {
                throw new IllegalStateException("a duration was counted out that was never counted in");
            }
            if (r < removedSize && removed.millis[r] == currentMillis && removed.weights[r] == currentWeight) {
                r++;
                edge.millisSum -= currentMillis * currentWeight;
                edge.timedWeight -= currentWeight;
                if (!takeStored) {
                    edge.millisSum += currentMillis * currentWeight;
                    edge.timedWeight += currentWeight;
                }
                continue;
            }
            if (!takeStored) {
                edge.millisSum += currentMillis * currentWeight;
                edge.timedWeight += currentWeight;
            }
            millis[size] = currentMillis;
            if (weights != null) {
                weights[size] = currentWeight;
            }
            size++;
        }
        if (r < removedSize) {
            throw new IllegalStateException("a duration was counted out that was never counted in");
        }
        edge.millis = size == capacity ? millis : Arrays.copyOf(millis, size);
        edge.weights = weights == null ? null : size == capacity ? weights : Arrays.copyOf(weights, size);
        edge.size = size;
    }

    /** Inserts one duration at its sorted place, growing the arrays by half when full. O(log d + shift). */
    private static void insert(Edge edge, long millis, long weight) {
        if (weight != 1 && edge.weights == null) {
            edge.weights = new long[edge.millis.length];
            Arrays.fill(edge.weights, 0, edge.size, 1);
        }
        if (edge.size == edge.millis.length) {
            int grown = Math.max(4, edge.size + (edge.size >> 1));
            edge.millis = Arrays.copyOf(edge.millis, grown);
            if (edge.weights != null) {
                edge.weights = Arrays.copyOf(edge.weights, grown);
            }
        }
        int at = lowerBound(edge, millis, weight);
        System.arraycopy(edge.millis, at, edge.millis, at + 1, edge.size - at);
        edge.millis[at] = millis;
        if (edge.weights != null) {
            System.arraycopy(edge.weights, at, edge.weights, at + 1, edge.size - at);
            edge.weights[at] = weight;
        }
        edge.size++;
        edge.millisSum += millis * weight;
        edge.timedWeight += weight;
    }

    /** Removes one duration that the edge holds. O(log d + shift). */
    private static void delete(Edge edge, long millis, long weight) {
        int at = lowerBound(edge, millis, weight);
        if (at == edge.size || edge.millis[at] != millis || weightAt(edge.weights, at) != weight) {
            throw new IllegalStateException("a duration was counted out that was never counted in");
        }
        System.arraycopy(edge.millis, at + 1, edge.millis, at, edge.size - at - 1);
        if (edge.weights != null) {
            System.arraycopy(edge.weights, at + 1, edge.weights, at, edge.size - at - 1);
        }
        edge.size--;
        edge.millisSum -= millis * weight;
        edge.timedWeight -= weight;
    }

    /** The first position whose (duration, weight) is not below the given pair. */
    private static int lowerBound(Edge edge, long millis, long weight) {
        int low = 0;
        int high = edge.size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (compare(edge.millis[middle], weightAt(edge.weights, middle), millis, weight) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long weightAt(long[] weights, int i) {
        return weights == null ? 1 : weights[i];
    }

    private static int compare(long millisA, long weightA, long millisB, long weightB) {
        int byMillis = Long.compare(millisA, millisB);
        return byMillis != 0 ? byMillis : Long.compare(weightA, weightB);
    }

    private static long key(int from, int to, boolean postPurchase) {
        return ((long) (from + 16) << 33) | ((long) (to + 16) << 1) | (postPurchase ? 1 : 0);
    }

    private static long sourceKey(int from, boolean postPurchase) {
        return ((long) (from + 16) << 1) | (postPurchase ? 1 : 0);
    }

    /** A growable list of (duration, weight) pairs, sorted on demand. */
    private static final class LongPairs {
        long[] millis = new long[4];
        long[] weights = new long[4];
        int size;
        boolean weighted;

        void add(long duration, long weight) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            millis[size] = duration;
            weights[size] = weight;
            weighted |= weight != 1;
            size++;
        }

        void sort() {
            if (!weighted) {
                Arrays.sort(millis, 0, size);
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> compare(millis[x], weights[x], millis[y], weights[y]));
            long[] sortedMillis = new long[size];
            long[] sortedWeights = new long[size];
            for (int i = 0; i < size; i++) {
                sortedMillis[i] = millis[order[i]];
                sortedWeights[i] = weights[order[i]];
            }
            millis = sortedMillis;
            weights = sortedWeights;
        }
    }
}
