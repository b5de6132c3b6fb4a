package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The transitions of {@link TransitionStats#of(JourneySnapshot, JourneySelection, PathShaping, boolean)} as counts in
 * arrays, each transition's timing computed only when that transition is asked for. The transitions endpoint lists
 * the busiest thousand (its default limit) of a selection's transitions; on a clickstream of 5,000 pages there are a
 * few hundred thousand, and collecting, selecting and sorting a duration per step of every one of them, then sorting
 * them all by name, cost most of the request.
 *
 * <p>Transitions are numbered {@code [0, size())} in no particular order; {@link #busiest} and {@link #stats} give
 * them in listing order: the path to purchase first, then the post-purchase part, each by source name, descending
 * count, then target name. At raw touchpoint level (the usual question) the path to purchase is counted from the step
 * column ({@link ColumnTransitions}); shaped paths (levels, groups, collapsed repeats, a step limit) and touchpoints
 * named like the start or an outcome node through {@link TransitionGraph}'s tallies, as before.
 */
public final class TransitionCounts {

    /** A transition's journeys where they were not counted ({@link #forChain}). */
    private static final long NOT_COUNTED = -1;

    /** Node names in name order; node ids index it, so that ordering by id is ordering by name. */
    private final String[] names;
    private final int[] from;
    private final int[] to;
    private final long[] counts;
    private final long[] journeys;
    private final double[] probabilities;
    /** Transitions {@code [0, pathTransitions)} are the path to purchase, the rest post-purchase. */
    private final int pathTransitions;
    private final long selectedJourneys;
    /** Per transition, its edge where its durations are: a step edge id or a tallies' edge id; -1: no durations. */
    private final int[] timingEdge;
    /** The path to purchase counted from the step column, or null: from {@link #pathTallies}. */
    private final ColumnTransitions column;
    private final EdgeTallies pathTallies;
    /** The post-purchase transitions' tallies, or null without them. */
    private final EdgeTallies afterTallies;

    private TransitionCounts(Builder built) {
        names = built.names;
        int size = built.size;
        from = Arrays.copyOf(built.from, size);
        to = Arrays.copyOf(built.to, size);
        counts = Arrays.copyOf(built.counts, size);
        journeys = Arrays.copyOf(built.journeys, size);
        timingEdge = Arrays.copyOf(built.timingEdge, size);
        pathTransitions = built.pathTransitions;
        selectedJourneys = built.selectedJourneys;
        column = built.column;
        pathTallies = built.pathTallies;
        afterTallies = built.afterTallies;
        probabilities = new double[size];
        long[] out = new long[names.length];
        for (int[] layer : new int[][] {{0, pathTransitions}, {pathTransitions, size}}) {
            Arrays.fill(out, 0);
            for (int t = layer[0]; t < layer[1]; t++) {
                out[from[t]] += counts[t];
            }
            for (int t = layer[0]; t < layer[1]; t++) {
                probabilities[t] = (double) counts[t] / out[from[t]];
            }
        }
    }

    /**
     * Counts the transitions of the selected journeys' shaped paths, to the first purchase, and with
     * {@code postPurchase} what follows it. O(selected events + transitions); no duration is collected until
     * {@link #transitions} asks for some.
     */
    public static TransitionCounts of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            boolean postPurchase) {
        return of(snapshot, selection, shaping, postPurchase, TwoHalves.PARALLEL_FROM, true);
    }

    /**
     * As {@link #of(JourneySnapshot, JourneySelection, PathShaping, boolean)}, each pass in two halves from
     * {@code parallelFrom} records on; {@code fromColumn} false counts raw touchpoints through the tallies too
     * (tests).
     */
    static TransitionCounts of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            boolean postPurchase, int parallelFrom, boolean fromColumn) {
        PathShaper shaper = shaping.shaper(snapshot);
        Builder builder;
        int[] labelNode;
        if (fromColumn && countsFromColumn(snapshot, shaping)) {
            builder = fromColumn(snapshot, ColumnTransitions.of(snapshot, selection, parallelFrom));
            labelNode = new int[shaper.labelCount()];
            for (int label = 0; label < labelNode.length; label++) {
                labelNode[label] = Arrays.binarySearch(builder.names, shaper.labelName(label));
            }
        } else {
            TransitionGraph.Counted counted = TransitionGraph.count(snapshot, selection, shaper, true, true,
                    parallelFrom);
            builder = new Builder(counted.names(), counted.journeys());
            builder.pathTallies = counted.tallies();
            EdgeTallies tallies = counted.tallies();
            for (int edge = 0; edge < tallies.size(); edge++) {
                builder.add(tallies.from(edge), tallies.to(edge), tallies.count(edge), tallies.journeys(edge), edge);
            }
            labelNode = counted.labelNode();
        }
        builder.pathTransitions = builder.size;
        if (postPurchase) {
            EdgeTallies after = TransitionStats.afterPurchaseTallies(snapshot, selection, shaper, parallelFrom);
            builder.afterTallies = after;
            for (int edge = 0; edge < after.size(); edge++) {
                builder.add(labelNode[after.from(edge)], labelNode[after.to(edge)], after.count(edge),
                        after.journeys(edge), edge);
            }
        }
        return new TransitionCounts(builder);
    }

    /**
     * The transitions of the paths to purchase for a chain, which needs only their counts: at raw touchpoint level
     * the step column's counts alone ({@link ColumnTransitions#countsOnly}), each transition's journeys not counted
     * ({@link #journeysCounted()} false); otherwise as {@link #of(JourneySnapshot, JourneySelection, PathShaping,
     * boolean)}. The counts, and so the probabilities, are the same.
     */
    static TransitionCounts forChain(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping) {
        return forChain(snapshot, selection, shaping, TwoHalves.PARALLEL_FROM);
    }

    /** As above, in two halves from {@code parallelFrom} records on (tests). */
    static TransitionCounts forChain(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            int parallelFrom) {
        if (!countsFromColumn(snapshot, shaping)) {
            return of(snapshot, selection, shaping, false, parallelFrom, true);
        }
        Builder builder = fromColumn(snapshot, ColumnTransitions.countsOnly(snapshot, selection, parallelFrom));
        builder.pathTransitions = builder.size;
        return new TransitionCounts(builder);
    }

    /**
     * Whether the paths to purchase are counted from the step column: at raw touchpoint level, when no touchpoint is
     * named like the start or an outcome node (the tallies join such a touchpoint and that node).
     */
    static boolean countsFromColumn(JourneySnapshot snapshot, PathShaping shaping) {
        return shaping.equals(PathShaping.touchpoints()) && ColumnTransitions.keepsNodesApart(snapshot);
    }

    /** The path to purchase from the column: start edges, step edges, then the edges into the outcome nodes. */
    private static Builder fromColumn(JourneySnapshot snapshot, ColumnTransitions column) {
        int touchpoints = snapshot.touchpoints().size();
        int outcomes = Outcome.values().length;
        String[] names = new String[touchpoints + 1 + outcomes];
        for (int touchpoint = 0; touchpoint < touchpoints; touchpoint++) {
            names[touchpoint] = snapshot.touchpoint(touchpoint).name();
        }
        names[touchpoints] = NodeSpace.START_NAME;
        for (Outcome outcome : Outcome.values()) {
            names[touchpoints + 1 + outcome.ordinal()] = outcome.nodeName();
        }
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        int[] node = new int[names.length];
        for (int id = 0; id < names.length; id++) {
            node[id] = Arrays.binarySearch(sorted, names[id]);
        }
        Builder builder = new Builder(sorted, column.journeys);
        builder.column = column;
        int start = node[touchpoints];
        for (int touchpoint = 0; touchpoint < touchpoints; touchpoint++) {
            long journeys = column.starts[touchpoint];
            if (journeys > 0) {
                builder.add(start, node[touchpoint], journeys, journeys, -1);
            }
        }
        StepEdges edges = column.edges;
        for (int edge = 0; edge < edges.edgeCount(); edge++) {
            if (column.count(edge) > 0) {
                builder.add(node[edges.from(edge)], node[edges.to(edge)], column.count(edge),
                        column.hasJourneys() ? column.journeys(edge) : NOT_COUNTED, edge);
            }
        }
        for (int touchpoint = 0; touchpoint < touchpoints; touchpoint++) {
            for (Outcome outcome : Outcome.values()) {
                long journeys = column.ends[ColumnTransitions.end(touchpoint, outcome.ordinal())];
                if (journeys > 0) {
                    builder.add(node[touchpoint], node[touchpoints + 1 + outcome.ordinal()], journeys, journeys, -1);
                }
            }
        }
        return builder;
    }

    /** How many transitions there are, in both parts. */
    public int size() {
        return from.length;
    }

    /** The selected journeys, weighted. */
    public long journeys() {
        return selectedJourneys;
    }

    /** How many nodes the transitions join, numbered in name order. */
    public int nodeCount() {
        return names.length;
    }

    public String nodeName(int node) {
        return names[node];
    }

    /** The transition's source node. */
    public int from(int transition) {
        return from[transition];
    }

    /** The transition's target node. */
    public int to(int transition) {
        return to[transition];
    }

    /** How often the transition was taken, weighted. */
    long count(int transition) {
        return counts[transition];
    }

    /** The transition's probability among those leaving its source in its part. */
    double probability(int transition) {
        return probabilities[transition];
    }

    /** The weighted journeys taking the transition, each once. */
    public long journeys(int transition) {
        requireJourneys();
        return journeys[transition];
    }

    /** Whether each transition's journeys were counted: not in counts {@link #forChain}. */
    boolean journeysCounted() {
        return column == null || column.hasJourneys();
    }

    private void requireJourneys() {
        if (!journeysCounted()) {
            throw new IllegalStateException("the transitions' journeys were not counted: counts for a chain");
        }
    }

    /** Whether the transition follows a first purchase. */
    public boolean postPurchase(int transition) {
        return transition >= pathTransitions;
    }

    /** The transitions with at least {@code minJourneys} journeys; O(transitions). */
    public int matching(long minJourneys) {
        requireJourneys();
        int matching = 0;
        for (long taking : journeys) {
            matching += taking >= minJourneys ? 1 : 0;
        }
        return matching;
    }

    /**
     * The {@code limit} busiest transitions with at least {@code minJourneys} journeys (most journeys, then highest
     * count, then listing order), in listing order. O(transitions) to choose them ({@link Busiest}), plus a sort of
     * those chosen.
     */
    public int[] busiest(long minJourneys, int limit) {
        int[] matching = new int[matching(minJourneys)];
        int next = 0;
        for (int t = 0; t < journeys.length; t++) {
            if (journeys[t] >= minJourneys) {
                matching[next++] = t;
            }
        }
        // for equal journeys and counts, listing order is by part, source and target
        return inListingOrder(Busiest.of(matching, t -> journeys[t], t -> counts[t], this::partSourceTarget, limit));
    }

    /** The part (path to purchase first), source and target in one key: ids are below 2³¹. */
    private long partSourceTarget(int transition) {
        long part = transition < pathTransitions ? 0 : 1;
        return part << 62 | (long) from[transition] << 31 | to[transition];
    }

    /** {@code transitions} sorted by part, source name, descending count, then target name. */
    private int[] inListingOrder(int[] transitions) {
        Integer[] order = Arrays.stream(transitions).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer t) -> t < pathTransitions ? 0 : 1)
                .thenComparingInt(t -> from[t])
                .thenComparing(Comparator.comparingLong((Integer t) -> counts[t]).reversed())
                .thenComparingInt(t -> to[t]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The transitions numbered {@code transitions}, in that order, with their timings: O(those transitions'
     * durations), plus, on the column, one more pass over the selected timed records.
     */
    public List<TransitionStats.Transition> transitions(int[] transitions) {
        return transitions(transitions, true);
    }

    /** As {@link #transitions(int[])}; without {@code timed}, every timing {@link DurationStats#NONE}, none computed. */
    List<TransitionStats.Transition> transitions(int[] transitions, boolean timed) {
        requireJourneys();
        DurationStats[] timings = new DurationStats[transitions.length];
        if (timed) {
            timings = timings(transitions);
        } else {
            Arrays.fill(timings, DurationStats.NONE);
        }
        List<TransitionStats.Transition> result = new ArrayList<>(transitions.length);
        for (int i = 0; i < transitions.length; i++) {
            int t = transitions[i];
            result.add(new TransitionStats.Transition(names[from[t]], names[to[t]], counts[t], journeys[t],
                    probabilities[t], timings[i], t >= pathTransitions));
        }
        return result;
    }

    /**
     * Every transition by source node, then target node (name order): the order a graph adds them in. A counting sort
     * by source, then a sort of each source's few targets; O(transitions + nodes).
     */
    int[] bySourceThenTarget() {
        int[] start = new int[names.length + 1];
        for (int t = 0; t < size(); t++) {
            start[from[t] + 1]++;
        }
        for (int node = 0; node < names.length; node++) {
            start[node + 1] += start[node];
        }
        int[] next = Arrays.copyOf(start, names.length);
        // per source, its transitions as target << 32 | number, sorted by target
        long[] keyed = new long[size()];
        for (int t = 0; t < size(); t++) {
            keyed[next[from[t]]++] = (long) to[t] << 32 | t;
        }
        int[] order = new int[size()];
        for (int node = 0; node < names.length; node++) {
            Arrays.sort(keyed, start[node], start[node + 1]);
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }

    /** Every transition in listing order, timed: what {@link TransitionStats#of} answers. */
    public TransitionStats stats() {
        int[] all = new int[size()];
        Arrays.setAll(all, t -> t);
        return new TransitionStats(transitions(inListingOrder(all)), selectedJourneys);
    }

    /** The timings of {@code transitions}, in that order; as {@link #transitions(int[])} computes them. */
    DurationStats[] timings(int[] transitions) {
        DurationStats[] timings = new DurationStats[transitions.length];
        Arrays.fill(timings, DurationStats.NONE);
        // the positions in transitions of those timed by each source: after purchase, the path's tallies, the column
        int[][] bySource = new int[3][transitions.length];
        int[] sizes = new int[3];
        for (int i = 0; i < transitions.length; i++) {
            int t = transitions[i];
            if (timingEdge[t] < 0) {
                continue;
            }
            int source = t >= pathTransitions ? 0 : column == null ? 1 : 2;
            bySource[source][sizes[source]++] = i;
        }
        for (int source = 0; source < 3; source++) {
            if (sizes[source] == 0) {
                continue;
            }
            int[] wanted = new int[sizes[source]];
            for (int j = 0; j < wanted.length; j++) {
                wanted[j] = timingEdge[transitions[bySource[source][j]]];
            }
            DurationStats[] gathered = switch (source) {
                case 0 -> afterTallies.timings(wanted);
                case 1 -> pathTallies.timings(wanted);
                default -> column.timings(wanted);
            };
            for (int j = 0; j < wanted.length; j++) {
                timings[bySource[source][j]] = gathered[j];
            }
        }
        return timings;
    }

    /** The transitions as they are counted, in growing arrays. */
    private static final class Builder {
        final String[] names;
        final long selectedJourneys;
        int size;
        int[] from = new int[64];
        int[] to = new int[64];
        long[] counts = new long[64];
        long[] journeys = new long[64];
        int[] timingEdge = new int[64];
        int pathTransitions;
        ColumnTransitions column;
        EdgeTallies pathTallies;
        EdgeTallies afterTallies;

        Builder(String[] names, long selectedJourneys) {
            this.names = names;
            this.selectedJourneys = selectedJourneys;
        }

        void add(int source, int target, long count, long taking, int edge) {
            if (size == from.length) {
                int grown = size * 2;
                from = Arrays.copyOf(from, grown);
                to = Arrays.copyOf(to, grown);
                counts = Arrays.copyOf(counts, grown);
                journeys = Arrays.copyOf(journeys, grown);
                timingEdge = Arrays.copyOf(timingEdge, grown);
            }
            from[size] = source;
            to[size] = target;
            counts[size] = count;
            journeys[size] = taking;
            timingEdge[size] = edge;
            size++;
        }
    }
}
