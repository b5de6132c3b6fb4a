package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The path-to-purchase transitions of the selected records at raw touchpoint level, counted from the snapshot's
 * {@link StepEdges} by edge id: start → first touchpoint (per touchpoint), each pair of the path (per step edge) and
 * last touchpoint of the path → outcome node (per touchpoint and outcome). What {@link TransitionGraph} tallies for
 * {@link PathShaping#touchpoints()}, without a hash probe per step and without reading the records.
 *
 * <p>The durations are not gathered in the counting pass: {@link #timings} reads the column's gaps again for the step
 * edges asked for only, into one array presized from the counting pass (each half of it writes its own part), and
 * each edge's statistics come from its part by a radix selection. A request that lists the busiest thousand of the
 * 88,000 transitions of a clickstream thus times a thousand.
 */
final class ColumnTransitions {

    /** Per step edge: weighted count, weighted journeys, the last journey counted, and its durations to gather. */
    private static final int STRIDE = 4;
    private static final int OUTCOMES = Outcome.values().length;
    /** From this many durations on, the statistics are computed on two cores. */
    private static final int SPLIT_STATISTICS_FROM = 100_000;

    private final JourneySnapshot snapshot;
    final StepEdges edges;
    /** Per step edge, {@link #stride} longs; only the count and journeys hold after the merge. */
    final long[] steps;
    /** STRIDE, or 1 when only the counts are kept (no journeys per edge, no durations). */
    private final int stride;
    /** Per touchpoint: journeys starting there. */
    final long[] starts;
    /** Per touchpoint and outcome ({@code touchpoint · OUTCOMES + ordinal}): journeys whose path ends there. */
    final long[] ends;
    final long journeys;
    /** The counting pass's halves (the first, then the second if it was split): where their durations are. */
    private final List<Part> halves;

    private ColumnTransitions(JourneySnapshot snapshot, Part counted) {
        this.snapshot = snapshot;
        this.edges = counted.edges;
        this.steps = counted.steps;
        this.stride = counted.stride;
        this.starts = counted.starts;
        this.ends = counted.ends;
        this.journeys = counted.journeys;
        this.halves = counted.later == null ? List.of(counted) : List.of(counted, counted.later);
    }

    /** Counts the records selected by {@code selection}; in two halves from {@code parallelFrom} records on. */
    static ColumnTransitions of(JourneySnapshot snapshot, JourneySelection selection, int parallelFrom) {
        return of(snapshot, selection, parallelFrom, STRIDE);
    }

    /**
     * As {@link #of}, but only the counts: {@link #journeys(int)} and {@link #timings} are not available. For a
     * chain, which needs only each edge's count.
     */
    static ColumnTransitions countsOnly(JourneySnapshot snapshot, JourneySelection selection, int parallelFrom) {
        return of(snapshot, selection, parallelFrom, 1);
    }

    private static ColumnTransitions of(JourneySnapshot snapshot, JourneySelection selection, int parallelFrom,
            int stride) {
        IntPredicate selected = selection.positions(snapshot);
        StepEdges edges = StepEdges.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int touchpoints = snapshot.touchpoints().size();
        Part counted = TwoHalves.count(snapshot.journeys().size(), parallelFrom,
                (from, to) -> new Part(edges, columns, touchpoints, selected, from, to, stride), Part::add);
        return new ColumnTransitions(snapshot, counted);
    }

    /** Whether the journeys and durations of each edge were counted (not {@link #countsOnly}). */
    boolean hasJourneys() {
        return stride == STRIDE;
    }

    /** Whether no touchpoint shares its name with the start or an outcome node, which would merge the two nodes. */
    static boolean keepsNodesApart(JourneySnapshot snapshot) {
        if (snapshot.touchpoint(NodeSpace.START_NAME).isPresent()) {
            return false;
        }
        for (Outcome outcome : Outcome.values()) {
            if (snapshot.touchpoint(outcome.nodeName()).isPresent()) {
                return false;
            }
        }
        return true;
    }

    long count(int edge) {
        return steps[edge * stride];
    }

    long journeys(int edge) {
        requireJourneys();
        return steps[edge * STRIDE + 1];
    }

    private void requireJourneys() {
        if (!hasJourneys()) {
            throw new IllegalStateException("only the counts of the step edges were counted");
        }
    }

    static int end(int touchpoint, int outcome) {
        return touchpoint * OUTCOMES + outcome;
    }

    /**
     * The duration statistics of each of {@code wanted} (step edge ids, distinct), in that order: one more pass over
     * the column's gaps of the selected timed records, whose positions the counting pass kept, in its halves.
     * O(selected steps).
     */
    DurationStats[] timings(int[] wanted) {
        requireJourneys();
        int[] slot = new int[edges.edgeCount()];
        Arrays.fill(slot, -1);
        for (int i = 0; i < wanted.length; i++) {
            slot[wanted[i]] = i;
        }
        // each wanted edge's durations: the first half's part, then the second's
        int[][] next = new int[halves.size()][wanted.length];
        int[] bounds = new int[wanted.length + 1];
        int at = 0;
        for (int i = 0; i < wanted.length; i++) {
            bounds[i] = at;
            for (int half = 0; half < halves.size(); half++) {
                next[half][i] = at;
                at += halves.get(half).durations[wanted[i]];
            }
        }
        bounds[wanted.length] = at;
        long[] millis = new long[at];
        JourneyColumns columns = JourneyColumns.of(snapshot);
        long[] weights = columns.isWeighted() ? new long[at] : null;
        List<Journey> records = snapshot.journeys();
        Runnable[] gather = new Runnable[halves.size()];
        for (int half = 0; half < gather.length; half++) {
            Part part = halves.get(half);
            int[] place = next[half];
            gather[half] = () -> {
                for (int i = 0; i < part.timedCount; i++) {
                    if ((i & 0xFFFF) == 0) {
                        WorkBudget.check();
                    }
                    int position = part.timedPositions[i];
                    int start = edges.start(position);
                    int end = start + edges.pathLength(position) - 1;
                    for (int k = start; k < end; k++) {
                        int wantedAt = slot[edges.edgeAt(k)];
                        if (wantedAt >= 0) {
                            int index = place[wantedAt]++;
                            millis[index] = edges.gapMillis(k, records, position);
                            if (weights != null) {
                                weights[index] = columns.weight(position);
                            }
                        }
                    }
                }
            };
        }
        if (gather.length == 1) {
            gather[0].run();
        } else {
            TwoHalves.both(gather[0], gather[1]);
        }
        DurationStats[] timings = new DurationStats[wanted.length];
        if (at < SPLIT_STATISTICS_FROM) {
            statistics(millis, weights, bounds, 0, wanted.length, timings);
        } else {
            // the edges holding the first half of the durations, then the rest, on two cores
            int middle = 0;
            while (bounds[middle + 1] < at / 2) {
                middle++;
            }
            int split = middle;
            TwoHalves.both(() -> statistics(millis, weights, bounds, 0, split, timings),
                    () -> statistics(millis, weights, bounds, split, wanted.length, timings));
        }
        return timings;
    }

    /** The statistics of edges {@code [from, to)}: edge i's durations are {@code [bounds[i], bounds[i + 1])}. */
    private static void statistics(long[] millis, long[] weights, int[] bounds, int from, int to,
            DurationStats[] timings) {
        for (int i = from; i < to; i++) {
            timings[i] = Durations.stats(millis, weights, bounds[i], bounds[i + 1]);
        }
    }

    /** The counts of the selected records among positions {@code [from, to)}. */
    private static final class Part {
        final StepEdges edges;
        final int stride;
        final long[] steps;
        final long[] starts;
        final long[] ends;
        final int[] durations;
        /** The selected timed records with at least one pair in their path, by position: what timings read. */
        int[] timedPositions = new int[1024];
        int timedCount;
        long journeys;
        /** The second half, once merged into this first one: its durations are gathered apart. */
        Part later;

        Part(StepEdges edges, JourneyColumns columns, int touchpoints, IntPredicate selected, int from, int to,
                int stride) {
            this.edges = edges;
            this.stride = stride;
            steps = new long[edges.edgeCount() * stride];
            starts = new long[touchpoints];
            ends = new long[touchpoints * OUTCOMES];
            if (stride == 1) {
                durations = null;
                countOnly(columns, selected, from, to);
                return;
            }
            long[] tally = steps;
            int journey = 0;
            for (int position = from; position < to; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                journey++;
                int weight = columns.weight(position);
                boolean timed = columns.isTimed(position);
                journeys += weight;
                int start = edges.start(position);
                int end = start + edges.pathLength(position) - 1;
                countStartAndEnd(columns, position, weight, start, end);
                if (timed && end > start) {
                    if (timedCount == timedPositions.length) {
                        timedPositions = Arrays.copyOf(timedPositions, timedCount * 2);
                    }
                    timedPositions[timedCount++] = position;
                }
                for (int k = start; k < end; k++) {
                    int edge = edges.edgeAt(k);
                    int at = edge * STRIDE;
                    tally[at] += weight;
                    if (tally[at + 2] != journey) {
                        tally[at + 2] = journey;
                        tally[at + 1] += weight;
                    }
                    if (timed) {
                        tally[at + 3]++;
                    }
                }
            }
            durations = new int[edges.edgeCount()];
            for (int edge = 0; edge < durations.length; edge++) {
                durations[edge] = (int) tally[edge * STRIDE + 3];
            }
        }

        /** The counts alone of the selected records among positions {@code [from, to)}: one long per edge. */
        private void countOnly(JourneyColumns columns, IntPredicate selected, int from, int to) {
            long[] tally = steps;
            for (int position = from; position < to; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                int weight = columns.weight(position);
                journeys += weight;
                int start = edges.start(position);
                int end = start + edges.pathLength(position) - 1;
                countStartAndEnd(columns, position, weight, start, end);
                for (int k = start; k < end; k++) {
                    tally[edges.edgeAt(k)] += weight;
                }
            }
        }

        /**
         * Counts where the record at {@code position} starts and where its path ends, by outcome: its first
         * touchpoint, and the target of its last pair in the column {@code [start, end)} (the first touchpoint when
         * it has none).
         */
        private void countStartAndEnd(JourneyColumns columns, int position, int weight, int start, int end) {
            int first = edges.first(position);
            starts[first] += weight;
            int last = end > start ? edges.to(edges.edgeAt(end - 1)) : first;
            ends[end(last, columns.outcome(position))] += weight;
        }

        /** Adds the counts of {@code second}, the records after these; keeps its durations to gather apart. */
        Part add(Part second) {
            if (stride == 1) {
                for (int at = 0; at < steps.length; at++) {
                    steps[at] += second.steps[at];
                }
            } else {
                for (int at = 0; at < steps.length; at += STRIDE) {
                    steps[at] += second.steps[at];
                    steps[at + 1] += second.steps[at + 1];
                }
            }
            for (int touchpoint = 0; touchpoint < starts.length; touchpoint++) {
                starts[touchpoint] += second.starts[touchpoint];
            }
            for (int end = 0; end < ends.length; end++) {
                ends[end] += second.ends[end];
            }
            journeys += second.journeys;
            later = second;
            return this;
        }
    }
}
