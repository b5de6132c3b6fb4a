package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.Arrays;
import java.util.List;

/**
 * Every record's consecutive touchpoint pairs (raw steps, whole journeys, repeats included) as edge ids, in one column
 * by record position, so that a pass that counts transitions between touchpoints reads one sequential int per step and
 * adds to an array by edge id: no hash probe per step, and no visit to the records' own step arrays. A pass that
 * shapes paths reads the steps from here too ({@link PathShaper#shape(StepEdges, int, boolean, LabelPath, int)}): the
 * first step, then each pair's target. Edge ids are
 * numbered by descending weighted count (ties by first use): real journeys follow a few habits (on a Zipf-like
 * clickstream of 5,000 pages a thousand transitions carry four fifths of the steps), so the counters that nearly every
 * step updates lie together at the start of a per-request array and stay in the cache.
 *
 * <p>Built once per snapshot on first use ({@link #of}), in two halves on two cores with {@link EdgeTallies}, then
 * renumbered: O(events + edges · log edges); for a snapshot that only appended records to an earlier one's and changed
 * some outcomes, followed from that one's: array copies plus O(new records' steps + edges · log edges). Beside each
 * pair, the milliseconds between its steps, so that a pass over durations need not visit the records either. 8 bytes
 * per step plus 12 per record and 20 per edge; a pass through it is O(selected steps) with arrays of O(edges).
 */
public final class StepEdges {

    private final int[] from;
    private final int[] to;
    private final long[] counts;
    /** Per edge id, its rank in order of first use (position, then step): the id a tally of all records gives it. */
    private final int[] firstUse;
    /** Per record position, its first touchpoint and its {@link Journey#pathLength()}, negated without a purchase. */
    private final int[] first;
    private final int[] pathLengths;
    /** Record {@code p}'s pairs are {@code column[offsets[p], offsets[p + 1])}, the k-th joining steps k and k + 1. */
    private final int[] offsets;
    private final int[] column;
    /**
     * By column index, the milliseconds between the pair's two steps on a timed record (0 on an untimed one), or
     * {@link #LONG_GAP} where they do not fit in an int (more than 24 days): then the record's times tell.
     */
    private final int[] gaps;

    private StepEdges(List<Journey> journeys, int nodes, int parallelFrom) {
        int size = journeys.size();
        first = new int[size];
        pathLengths = new int[size];
        offsets = new int[size + 1];
        long pairs = 0;
        for (int position = 0; position < size; position++) {
            offsets[position] = (int) pairs;
            pairs += journeys.get(position).length() - 1;
            if (pairs > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2³¹ steps: too many for one step column");
            }
        }
        offsets[size] = (int) pairs;
        column = new int[(int) pairs];
        gaps = new int[(int) pairs];
        Part whole = TwoHalves.count(size, parallelFrom, (from, to) -> new Part(journeys, from, to, nodes),
                Part::add);
        int[] rank = number(whole.tallies);
        from = new int[rank.length];
        to = new int[rank.length];
        counts = new long[rank.length];
        firstUse = new int[rank.length];
        copyEdges(whole.tallies, rank);
        for (int k = 0; k < column.length; k++) {
            column[k] = rank[column[k]];
        }
    }

    /**
     * {@code base}'s edges followed to {@code journeys}, which keep the base's records but those the lineage names
     * (with the same steps, times and weights) and append records from {@code baseSize} on: the same edges, ids,
     * counts and columns as a build from all records. The base's edges are tallied again in their order of first use
     * with their counts, then the new records' steps; O(edges · log edges + new steps) besides copying the columns.
     */
    private StepEdges(StepEdges base, List<Journey> journeys, int baseSize, int nodes) {
        int size = journeys.size();
        first = Arrays.copyOf(base.first, size);
        pathLengths = Arrays.copyOf(base.pathLengths, size);
        offsets = Arrays.copyOf(base.offsets, size + 1);
        long pairs = base.offsets[baseSize];
        for (int position = baseSize; position < size; position++) {
            offsets[position] = (int) pairs;
            pairs += journeys.get(position).length() - 1;
            if (pairs > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2³¹ steps: too many for one step column");
            }
        }
        offsets[size] = (int) pairs;
        int basePairs = base.offsets[baseSize];
        column = new int[(int) pairs];
        gaps = Arrays.copyOf(base.gaps, (int) pairs);
        EdgeTallies tallies = new EdgeTallies(nodes, false);
        int baseEdges = base.from.length;
        int[] byFirstUse = new int[baseEdges];
        for (int edge = 0; edge < baseEdges; edge++) {
            byFirstUse[base.firstUse[edge]] = edge;
        }
        for (int edge : byFirstUse) {
            tallies.add(base.from[edge], base.to[edge], base.counts[edge]);
        }
        for (int position = baseSize; position < size; position++) {
            record(journeys.get(position), position, tallies);
        }
        int[] rank = number(tallies);
        from = new int[rank.length];
        to = new int[rank.length];
        counts = new long[rank.length];
        firstUse = new int[rank.length];
        copyEdges(tallies, rank);
        // A base edge's tally id is its rank in order of first use; most keep their id as well.
        int[] renumbered = new int[baseEdges];
        boolean same = true;
        for (int edge = 0; edge < baseEdges; edge++) {
            renumbered[edge] = rank[base.firstUse[edge]];
            same &= renumbered[edge] == edge;
        }
        if (same) {
            System.arraycopy(base.column, 0, column, 0, basePairs);
        } else {
            for (int k = 0; k < basePairs; k++) {
                column[k] = renumbered[base.column[k]];
            }
        }
        for (int k = basePairs; k < column.length; k++) {
            column[k] = rank[column[k]];
        }
    }

    /**
     * The record's first touchpoint, path length, pairs (as tally ids, in the column) and gaps, at its offsets.
     */
    private void record(Journey journey, int position, EdgeTallies tallies) {
        int[] steps = journey.steps();
        int weight = journey.weight();
        first[position] = steps[0];
        pathLengths[position] = journey.purchaseIndex() >= 0 ? journey.pathLength() : -steps.length;
        int k = offsets[position];
        for (int i = 1; i < steps.length; i++) {
            column[k++] = tallies.add(steps[i - 1], steps[i], weight);
        }
        if (journey.isTimed()) {
            k = offsets[position];
            for (int i = 1; i < steps.length; i++) {
                long gap = journey.gap(i);
                gaps[k++] = gap >= 0 && gap <= Integer.MAX_VALUE ? (int) gap : LONG_GAP;
            }
        }
    }

    /** By tally id, the edge id: descending weighted count, ties by first use (the tally id). */
    private static int[] number(EdgeTallies tallies) {
        int edges = tallies.size();
        Integer[] byCount = new Integer[edges];
        for (int edge = 0; edge < edges; edge++) {
            byCount[edge] = edge;
        }
        Arrays.sort(byCount, (a, b) -> tallies.count(a) != tallies.count(b)
                ? Long.compare(tallies.count(b), tallies.count(a)) : Integer.compare(a, b));
        int[] rank = new int[edges];
        for (int id = 0; id < edges; id++) {
            rank[byCount[id]] = id;
        }
        return rank;
    }

    /** The edges' endpoints, counts and first-use ranks by edge id, from the tallies and their {@link #number}. */
    private void copyEdges(EdgeTallies tallies, int[] rank) {
        for (int edge = 0; edge < rank.length; edge++) {
            int id = rank[edge];
            from[id] = tallies.from(edge);
            to[id] = tallies.to(edge);
            counts[id] = tallies.count(edge);
            firstUse[id] = edge;
        }
    }

    /** In {@link #gaps}: the gap is too long for an int, the record's times tell it. */
    private static final int LONG_GAP = -1;

    /** The step edges of {@code snapshot}, built on first use and kept with it. */
    public static StepEdges of(JourneySnapshot snapshot) {
        return snapshot.memo(StepEdges.class, StepEdges.class,
                (base, lineage) -> base.following(lineage, snapshot.journeys(), snapshot.touchpoints().size()),
                () -> new StepEdges(snapshot.journeys(), snapshot.touchpoints().size(), TwoHalves.PARALLEL_FROM));
    }

    /**
     * These edges followed to {@code journeys}, which keep the base's records but those the lineage names; null when
     * a replaced record changed what the edges hold (steps, times, weight, purchase), which could change first uses.
     */
    StepEdges following(JourneySnapshot.Lineage lineage, List<Journey> journeys, int nodes) {
        List<Journey> before = lineage.base().journeys();
        for (int position : lineage.replaced()) {
            Journey old = before.get(position);
            Journey now = journeys.get(position);
            if (old.weight() != now.weight() || old.purchaseIndex() != now.purchaseIndex()
                    || old.pathLength() != now.pathLength() || old.isTimed() != now.isTimed()
                    || !Arrays.equals(old.steps(), now.steps()) || !old.sameTimes(now)) {
                return null;
            }
        }
        return new StepEdges(this, journeys, lineage.baseSize(), nodes);
    }

    /** The step edges of {@code journeys} (records of a snapshot with {@code nodes} touchpoints), not kept. */
    public static StepEdges of(List<Journey> journeys, int nodes) {
        return new StepEdges(journeys, nodes, TwoHalves.PARALLEL_FROM);
    }

    /** The step edges of {@code journeys} over {@code nodes} touchpoints, built in halves from {@code parallelFrom}. */
    static StepEdges of(List<Journey> journeys, int nodes, int parallelFrom) {
        return new StepEdges(journeys, nodes, parallelFrom);
    }

    /** How many distinct edges the records take: ids run from 0 to this, exclusive. */
    public int edgeCount() {
        return from.length;
    }

    /** The edge's source touchpoint id. */
    public int from(int edge) {
        return from[edge];
    }

    /** The edge's target touchpoint id. */
    public int to(int edge) {
        return to[edge];
    }

    /** How often all records take the edge, weighted: never less than a later id's. */
    public long count(int edge) {
        return counts[edge];
    }

    /** The first touchpoint of the record at {@code position}. */
    public int first(int position) {
        return first[position];
    }

    /** The number of steps of the record's path to its first purchase, or of all its steps without one. */
    public int pathLength(int position) {
        return Math.abs(pathLengths[position]);
    }

    /** The record's {@link Journey#purchaseIndex()}, -1 without a purchase, without reading the record. */
    public int purchaseIndex(int position) {
        int length = pathLengths[position];
        return length > 0 ? length - 1 : -1;
    }

    /** Where the record's pairs start in the column: {@link #edgeAt} of {@code start(p) + k} joins steps k, k + 1. */
    public int start(int position) {
        return offsets[position];
    }

    /** Where the record's pairs end in the column, exclusive. */
    public int end(int position) {
        return offsets[position + 1];
    }

    /** The number of steps of the record at {@code position}. */
    public int stepCount(int position) {
        return offsets[position + 1] - offsets[position] + 1;
    }

    /** The touchpoint id of step {@code step} of the record at {@code position}. */
    public int step(int position, int step) {
        return step == 0 ? first[position] : to[column[offsets[position] + step - 1]];
    }

    /**
     * The first {@code count} touchpoint ids of the record at {@code position}, read from the column into
     * {@code buffer}, or into a larger array when it is too short: the array written. For a pass over the records
     * that would otherwise follow each to its step array, which journeys of the same path share, away from the record
     * in memory; the column is read in order.
     */
    public int[] steps(int position, int count, int[] buffer) {
        int[] into = buffer.length >= count ? buffer : new int[Math.max(count, 2 * buffer.length)];
        into[0] = first[position];
        int start = offsets[position] - 1;
        for (int i = 1; i < count; i++) {
            into[i] = to[column[start + i]];
        }
        return into;
    }

    /** The edge id at column index {@code k}. */
    public int edgeAt(int k) {
        return column[k];
    }

    /**
     * The milliseconds between the two steps of the pair at column index {@code k}, a pair of the timed record
     * {@code journey} at {@code position}: read from the column, so that a pass over durations need not visit the
     * records, except for a gap of more than 24 days.
     */
    long gapMillis(int k, Journey journey, int position) {
        int gap = gaps[k];
        if (gap != LONG_GAP) {
            return gap;
        }
        int step = k - offsets[position] + 1;
        return journey.time(step) - journey.time(step - 1);
    }

    /** As {@link #gapMillis(int, Journey, int)}, reading the record from {@code records} only for a long gap. */
    long gapMillis(int k, List<Journey> records, int position) {
        int gap = gaps[k];
        return gap != LONG_GAP ? gap : gapMillis(k, records.get(position), position);
    }

    /** The tallies of one half: edge ids of its own, written into the shared column at the half's offsets. */
    private final class Part {
        final EdgeTallies tallies;
        final int fromPosition;
        final int toPosition;

        Part(List<Journey> journeys, int fromPosition, int toPosition, int nodes) {
            this.tallies = new EdgeTallies(nodes, false);
            this.fromPosition = fromPosition;
            this.toPosition = toPosition;
            for (int position = fromPosition; position < toPosition; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                record(journeys.get(position), position, tallies);
            }
        }

        /** Merges the later half: its edges take this half's ids, new ones following in its order of first use. */
        Part add(Part later) {
            int[] ids = tallies.addAll(later.tallies);
            for (int k = offsets[later.fromPosition]; k < offsets[later.toPosition]; k++) {
                column[k] = ids[column[k]];
            }
            return this;
        }
    }
}
