package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;

/**
 * The absorbing Markov chain of the selected journeys' shaped paths. Nodes are
 * {@value NodeSpace#START_NAME}, the shaped labels and the outcome nodes ({@link Outcome#nodeName()}; {@code (open)}
 * only when open journeys are selected); each
 * journey adds start → first label, label → next label and last label → its outcome node, with paths to purchase
 * ending at the first purchase. For every node with outgoing edges the edge probabilities sum to 1; outcome nodes
 * have none (absorbing). Edge weight is {@code -log P}, so shortest paths are most probable paths.
 *
 * <p>Held as arrays: nodes numbered in name order, edges by source, then target. The chain solve and the likely paths
 * read them directly; the JGraphT view ({@link #graph()}, a {@link DefaultDirectedWeightedGraph}: one edge per ordered
 * pair, self-loops allowed, {@code A A} a loop on A) is built only when asked for, since building it cost as much as
 * counting a selection's transitions on a clickstream of thousands of pages. Its vertex order ({@link #vertexOrder()})
 * is the arrays' too: the start node, then each node as the edges first reach it, then the outcome nodes not reached;
 * the solvers number their states in it, so that their answers do not depend on which view they read. A path cut by
 * {@link PathShaping#maxSteps()} goes from its last kept label to its outcome node. A touchpoint or group named like
 * a start or outcome node would share that node.
 */
public final class TransitionGraph {

    public static final String START = NodeSpace.START_NAME;

    private static final Object UNFILTERED_WITHOUT_TIMINGS = new Object();
    private static final Object JGRAPHT_VIEW = new Object();

    /** Node names by id, in name order; a name's id is its binary search position. Some nodes may have no edge. */
    private final String[] names;
    /** The ids of the graph's nodes, in vertex order (see the class comment). */
    private final int[] vertices;
    /** The edges of node {@code u} are {@code [outStart[u], outStart[u + 1])}, by target id. */
    private final int[] outStart;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final long[] edgeCount;
    /** Per edge, its journeys; null in a graph {@link #forChain}. */
    private final long[] edgeJourneys;
    private final double[] edgeProbability;
    /** Per edge, its timing; null when untimed (every timing {@link DurationStats#NONE}). */
    private final DurationStats[] edgeTiming;
    private final long journeys;
    /** What is derived from this graph alone, kept with it: with the snapshot, for the memoized default graph. */
    private final Map<Object, Object> derived = new ConcurrentHashMap<>(2);

    /** The edges are given by source, then target id; probabilities sum to 1 per source. */
    private TransitionGraph(String[] names, int startNode, int[] edgeFrom, int[] edgeTo, long[] edgeCount,
            long[] edgeJourneys, double[] edgeProbability, DurationStats[] edgeTiming, long journeys) {
        this.names = names;
        this.edgeFrom = edgeFrom;
        this.edgeTo = edgeTo;
        this.edgeCount = edgeCount;
        this.edgeJourneys = edgeJourneys;
        this.edgeProbability = edgeProbability;
        this.edgeTiming = edgeTiming;
        this.journeys = journeys;
        outStart = new int[names.length + 1];
        for (int source : edgeFrom) {
            outStart[source + 1]++;
        }
        for (int node = 0; node < names.length; node++) {
            outStart[node + 1] += outStart[node];
        }
        boolean[] placed = new boolean[names.length];
        int[] order = new int[names.length];
        int placedCount = place(startNode, placed, order, 0);
        for (int node : edgeTo) {
            placedCount = place(node, placed, order, placedCount);
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isFinished()) {
                placedCount = place(Arrays.binarySearch(names, outcome.nodeName()), placed, order, placedCount);
            }
        }
        // every source is the start node, an outcome node's namesake or reached by an edge: none is left here
        for (int node : edgeFrom) {
            placedCount = place(node, placed, order, placedCount);
        }
        vertices = Arrays.copyOf(order, placedCount);
    }

    /** Appends {@code node} to {@code order} unless it is placed already; the new count. */
    private static int place(int node, boolean[] placed, int[] order, int count) {
        if (placed[node]) {
            return count;
        }
        placed[node] = true;
        order[count] = node;
        return count + 1;
    }

    /** O(events + edges) plus the timing selections. */
    public static TransitionGraph of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping) {
        return of(snapshot, selection, shaping, true);
    }

    /**
     * As {@link #of(JourneySnapshot, JourneySelection, PathShaping)}, but every edge's {@link TransitionEdge#timing()}
     * is {@link DurationStats#NONE}: for the path and chain analyses, which only need counts and probabilities. Saves
     * collecting and sorting one duration per event; O(events + edges · log edges). The graph of all journeys at raw
     * touchpoints, the default question, is computed once per snapshot ({@link JourneySnapshot#memo}).
     */
    public static TransitionGraph withoutTimings(JourneySnapshot snapshot, JourneySelection selection,
            PathShaping shaping) {
        if (isMemoized(selection, shaping)) {
            return snapshot.memo(UNFILTERED_WITHOUT_TIMINGS, TransitionGraph.class,
                    () -> of(snapshot, selection, shaping, false));
        }
        return of(snapshot, selection, shaping, false);
    }

    /**
     * The graph for the chain and the likely paths, which read only the edges' counts and probabilities: as
     * {@link #withoutTimings}, but a selection's graph at raw touchpoint level counts its step edges alone (one long
     * per edge, {@link TransitionCounts#forChain}), so its edges' journeys are not known and the edge views
     * ({@link #graph()}, {@link #edges()}, {@link #edge}) are refused. The same probabilities to the bit, so the same
     * chain and paths.
     */
    public static TransitionGraph forChain(JourneySnapshot snapshot, JourneySelection selection,
            PathShaping shaping) {
        if (isMemoized(selection, shaping)) {
            return withoutTimings(snapshot, selection, shaping);
        }
        return of(TransitionCounts.forChain(snapshot, selection, shaping), false);
    }

    /** Whether {@link #withoutTimings} keeps the graph (and its chain) with the snapshot: all journeys, touchpoints. */
    public static boolean isMemoized(JourneySelection selection, PathShaping shaping) {
        return selection.equals(JourneySelection.all()) && shaping.equals(PathShaping.touchpoints());
    }

    /**
     * The graph of the paths to purchase: at raw touchpoint level counted from the step column by edge id
     * ({@link TransitionCounts}, no hash probe per step), other shapings through {@link EdgeTallies}.
     */
    private static TransitionGraph of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            boolean timed) {
        if (!TransitionCounts.countsFromColumn(snapshot, shaping)) {
            return of(snapshot, selection, shaping.shaper(snapshot), true, timed, TwoHalves.PARALLEL_FROM);
        }
        return of(TransitionCounts.of(snapshot, selection, shaping, false), timed);
    }

    /**
     * The graph of counted paths to purchase, untimed, or timed as {@link #of(JourneySnapshot, JourneySelection,
     * PathShaping)}: the same graph as counting them again. Post-purchase transitions are left out.
     */
    public static TransitionGraph of(TransitionCounts counts, boolean timed) {
        int[] order = Arrays.stream(counts.bySourceThenTarget()).filter(t -> !counts.postPurchase(t)).toArray();
        String[] names = new String[counts.nodeCount()];
        Arrays.setAll(names, counts::nodeName);
        return ofEdges(names, Arrays.binarySearch(names, START), order, counts::from, counts::to, counts::count,
                counts.journeysCounted() ? counts::journeys : null, counts::probability,
                timed ? counts.timings(order) : null, counts.journeys());
    }

    /**
     * The graph of the counted edges {@code order} (by source, then target), their timings in that order or null;
     * {@code taking} null when the edges' journeys were not counted.
     */
    private static TransitionGraph ofEdges(String[] names, int startNode, int[] order, IntUnaryOperator source,
            IntUnaryOperator target, IntToLongFunction count, IntToLongFunction taking,
            IntToDoubleFunction probability, DurationStats[] timing, long selectedJourneys) {
        int size = order.length;
        int[] from = new int[size];
        int[] to = new int[size];
        long[] counts = new long[size];
        long[] journeys = taking == null ? null : new long[size];
        double[] probabilities = new double[size];
        for (int i = 0; i < size; i++) {
            int edge = order[i];
            from[i] = source.applyAsInt(edge);
            to[i] = target.applyAsInt(edge);
            counts[i] = count.applyAsLong(edge);
            if (journeys != null) {
                journeys[i] = taking.applyAsLong(edge);
            }
            probabilities[i] = probability.applyAsDouble(edge);
        }
        return new TransitionGraph(names, startNode, from, to, counts, journeys, probabilities, timing,
                selectedJourneys);
    }

    /**
     * One pass over the records counting the selected ones' transitions between node ids in {@link EdgeTallies}:
     * labels and the start and outcome nodes are numbered by name, so that the graph gets its vertices and edges in
     * name order, as sorted maps of names would give them, and a label named like a start or outcome node shares that
     * node. From {@code parallelFrom} records on, the two halves are counted on two cores and merged
     * ({@link TwoHalves}). The paths are shaped from the snapshot's {@link StepEdges} and the records selected by
     * position ({@link JourneySelection#positions}): a few arrays read in order instead of every record's own, the
     * timings too (the column's gaps).
     */
    static TransitionGraph of(JourneySnapshot snapshot, JourneySelection selection, PathShaper shaper,
            boolean toFirstPurchase, boolean timed, int parallelFrom) {
        Counted counted = count(snapshot, selection, shaper, toFirstPurchase, timed, parallelFrom);
        EdgeTallies tallies = counted.tallies();
        int[] order = tallies.bySourceThenTarget();
        long[] out = new long[counted.names().length];
        for (int edge = 0; edge < tallies.size(); edge++) {
            out[tallies.from[edge]] += tallies.count(edge);
        }
        DurationStats[] timing = null;
        if (timed) {
            timing = tallies.timings(order);
        }
        return ofEdges(counted.names(), counted.startNode(), order, tallies::from, tallies::to, tallies::count,
                tallies::journeys, edge -> (double) tallies.count(edge) / out[tallies.from[edge]], timing,
                counted.journeys());
    }

    /**
     * The tallies a graph is made of, before it is made.
     *
     * @param names     every node name in name order: the tallies' node ids index it
     * @param labelNode by the shaper's label id, the label's node id
     * @param journeys  selected journeys, weighted
     */
    record Counted(String[] names, int[] labelNode, int startNode, EdgeTallies tallies, long journeys) {
    }

    /** The counting pass of {@link #of(JourneySnapshot, JourneySelection, PathShaper, boolean, boolean, int)}. */
    static Counted count(JourneySnapshot snapshot, JourneySelection selection, PathShaper shaper,
            boolean toFirstPurchase, boolean timed, int parallelFrom) {
        TreeSet<String> nameSet = new TreeSet<>();
        for (int label = 0; label < shaper.labelCount(); label++) {
            nameSet.add(shaper.labelName(label));
        }
        nameSet.add(START);
        for (Outcome outcome : Outcome.values()) {
            nameSet.add(outcome.nodeName());
        }
        String[] names = nameSet.toArray(String[]::new);
        int[] labelNode = new int[shaper.labelCount()];
        for (int label = 0; label < labelNode.length; label++) {
            labelNode[label] = Arrays.binarySearch(names, shaper.labelName(label));
        }
        int startNode = Arrays.binarySearch(names, START);
        int[] outcomeNode = new int[Outcome.values().length];
        for (Outcome outcome : Outcome.values()) {
            outcomeNode[outcome.ordinal()] = Arrays.binarySearch(names, outcome.nodeName());
        }
        List<Journey> records = snapshot.journeys();
        IntPredicate selected = selection.positions(snapshot);
        StepEdges edges = StepEdges.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        Steps counted = TwoHalves.count(records.size(), parallelFrom, (from, to) -> {
            Steps steps = new Steps(new EdgeTallies(names.length, timed));
            LabelPath path = new LabelPath();
            for (int position = from; position < to; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                shaper.shape(edges, position, toFirstPurchase, path, Integer.MAX_VALUE);
                boolean timedPath = timed && columns.isTimed(position);
                if (timedPath) {
                    path.timesOf(edges, position, records);
                }
                steps.add(path, columns.weight(position), labelNode, startNode,
                        outcomeNode[columns.outcome(position)], timedPath);
            }
            return steps;
        }, Steps::add);
        return new Counted(names, labelNode, startNode, counted.tallies, counted.journeys);
    }

    /** The transitions of some of the selected journeys, and how many they are (weighted). */
    private static final class Steps {
        final EdgeTallies tallies;
        long journeys;

        Steps(EdgeTallies tallies) {
            this.tallies = tallies;
        }

        /** Adds a shaped path's transitions: start → first label → ... → last label → outcome node. */
        void add(LabelPath path, int weight, int[] labelNode, int startNode, int outcomeNode, boolean timedPath) {
            journeys += weight;
            tallies.startJourney();
            int previous = startNode;
            for (int i = 0; i < path.length; i++) {
                int next = labelNode[path.labels[i]];
                int edge = tallies.add(previous, next, weight);
                if (timedPath && i > 0) {
                    tallies.addDuration(edge, path.gapMillis(i - 1), weight);
                }
                previous = next;
            }
            tallies.add(previous, outcomeNode, weight);
        }

        /** Adds the transitions of the records after these. */
        Steps add(Steps later) {
            tallies.addAll(later.tallies);
            journeys += later.journeys;
            return this;
        }
    }

    /**
     * The graph's absorbing chain ({@link AbsorbingChain#of}), solved on first use and kept with the graph, so that
     * the default graph's chain is solved once per snapshot.
     *
     * @throws com.journeyexplorer.analysis.chain.ChainNotSolvedException as {@link AbsorbingChain#of}
     */
    public AbsorbingChain absorbingChain() {
        return derived(AbsorbingChain.class, AbsorbingChain.class, () -> AbsorbingChain.of(this));
    }

    /** {@code compute}'s value for {@code key}, computed once per graph (an exception is not kept). */
    <T> T derived(Object key, Class<T> type, Supplier<T> compute) {
        Object value = derived.get(key);
        if (value == null) {
            value = compute.get();
            Object earlier = derived.putIfAbsent(key, value);
            value = earlier == null ? value : earlier;
        }
        return type.cast(value);
    }

    /**
     * The graph as a JGraphT graph (unmodifiable), for the exporters and JGraphT's algorithms: vertices in
     * {@link #vertexOrder()}, each node's edges by target name. Built on first use and kept with the graph.
     */
    @SuppressWarnings("unchecked")
    public Graph<String, TransitionEdge> graph() {
        return (Graph<String, TransitionEdge>) derived(JGRAPHT_VIEW, Graph.class, this::jgraphtView);
    }

    private Graph<String, TransitionEdge> jgraphtView() {
        if (edgeJourneys == null) {
            throw new IllegalStateException("a graph counted for its chain alone has no edge views: its edges' "
                    + "journeys were not counted");
        }
        Graph<String, TransitionEdge> graph = new DefaultDirectedWeightedGraph<>(TransitionEdge.class);
        for (int node : vertices) {
            graph.addVertex(names[node]);
        }
        for (int edge = 0; edge < edgeFrom.length; edge++) {
            TransitionEdge transition = new TransitionEdge(names[edgeFrom[edge]], names[edgeTo[edge]],
                    edgeCount[edge], edgeJourneys[edge], edgeProbability[edge],
                    edgeTiming == null ? DurationStats.NONE : edgeTiming[edge]);
            graph.addEdge(transition.from(), transition.to(), transition);
            graph.setEdgeWeight(transition, weight(edge));
        }
        return new AsUnmodifiableGraph<>(graph);
    }

    /** How many nodes are numbered, in name order: the graph's and possibly some without an edge. */
    int nodeCount() {
        return names.length;
    }

    String nodeName(int node) {
        return names[node];
    }

    /** The node's id, or -1 if no node has that name. */
    int node(String name) {
        int node = Arrays.binarySearch(names, name);
        return node >= 0 ? node : -1;
    }

    /** The graph's nodes in vertex order (not to be modified). */
    int[] vertexOrder() {
        return vertices;
    }

    /** The first of the node's edges; they end before {@code edgesFrom(node + 1)}. */
    int edgesFrom(int node) {
        return outStart[node];
    }

    int edgeCount() {
        return edgeFrom.length;
    }

    int edgeFrom(int edge) {
        return edgeFrom[edge];
    }

    int edgeTo(int edge) {
        return edgeTo[edge];
    }

    double probability(int edge) {
        return edgeProbability[edge];
    }

    /** How often the edge was taken, weighted. */
    long count(int edge) {
        return edgeCount[edge];
    }

    /** {@code -log P}: shortest paths are the most probable. */
    double weight(int edge) {
        return 0.0 - Math.log(edgeProbability[edge]);
    }

    /** Selected journeys, weighted. */
    public long journeys() {
        return journeys;
    }

    public Optional<TransitionEdge> edge(String from, String to) {
        Graph<String, TransitionEdge> graph = graph();
        if (!graph.containsVertex(from) || !graph.containsVertex(to)) {
            return Optional.empty();
        }
        return Optional.ofNullable(graph.getEdge(from, to));
    }

    /** Every edge, by source, descending count, then target. */
    public List<TransitionEdge> edges() {
        List<TransitionEdge> edges = new ArrayList<>(graph().edgeSet());
        edges.sort(Comparator.comparing(TransitionEdge::from).thenComparing(TransitionStats.ORDER));
        return edges;
    }

    static boolean isOutcomeNode(String node) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome.nodeName().equals(node)) {
                return true;
            }
        }
        return false;
    }
}
