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
import java.util.function.Supplier;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;

/**
 * The absorbing Markov chain of the selected journeys' shaped paths, as a JGraphT graph. Nodes are
 * {@value NodeSpace#START_NAME}, the shaped labels and the outcome nodes ({@link Outcome#nodeName()}; {@code (open)}
 * only when open journeys are selected); each
 * journey adds start → first label, label → next label and last label → its outcome node, with paths to purchase
 * ending at the first purchase. For every node with outgoing edges the edge probabilities sum to 1; outcome nodes
 * have none (absorbing). Edge weight is {@code -log P}, so shortest paths are most probable paths.
 *
 * <p>A {@link DefaultDirectedWeightedGraph} (one edge per ordered pair, self-loops allowed): without collapsing,
 * {@code A A} is a loop on A, which JGraphT's simple graphs and multigraphs reject. A path cut by
 * {@link PathShaping#maxSteps()} goes from its last kept label to its outcome node. A touchpoint or group named like
 * a start or outcome node would share that node.
 */
public final class TransitionGraph {

    public static final String START = NodeSpace.START_NAME;

    private static final Object UNFILTERED_WITHOUT_TIMINGS = new Object();

    private final Graph<String, TransitionEdge> graph;
    private final long journeys;
    /** What is derived from this graph alone, kept with it: with the snapshot, for the memoized default graph. */
    private final Map<Object, Object> derived = new ConcurrentHashMap<>(2);

    private TransitionGraph(Graph<String, TransitionEdge> graph, long journeys) {
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.journeys = journeys;
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
        if (selection.equals(JourneySelection.all()) && shaping.equals(PathShaping.touchpoints())) {
            return snapshot.memo(UNFILTERED_WITHOUT_TIMINGS, TransitionGraph.class,
                    () -> of(snapshot, selection, shaping, false));
        }
        return of(snapshot, selection, shaping, false);
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
        TransitionCounts counts = TransitionCounts.of(snapshot, selection, shaping, false);
        Graph<String, TransitionEdge> graph = new DefaultDirectedWeightedGraph<>(TransitionEdge.class);
        graph.addVertex(START);
        List<TransitionStats.Transition> edges = counts.transitions(counts.bySourceThenTarget(), timed);
        for (TransitionStats.Transition edge : edges) {
            graph.addVertex(edge.to());
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isFinished()) {
                graph.addVertex(outcome.nodeName());
            }
        }
        for (TransitionStats.Transition edge : edges) {
            TransitionEdge transition = new TransitionEdge(edge.from(), edge.to(), edge.count(), edge.journeys(),
                    edge.probability(), edge.timing());
            graph.addEdge(edge.from(), edge.to(), transition);
            graph.setEdgeWeight(transition, 0.0 - Math.log(edge.probability()));
        }
        return new TransitionGraph(graph, counts.journeys());
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
        return new TransitionGraph(graph(counted.names(), counted.startNode(), counted.tallies()),
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

    /** The JGraphT graph of the tallied edges, vertices and edges added in name order. */
    private static Graph<String, TransitionEdge> graph(String[] names, int startNode, EdgeTallies tallies) {
        int[] order = tallies.bySourceThenTarget();
        long[] out = new long[names.length];
        for (int edge = 0; edge < tallies.size(); edge++) {
            out[tallies.from[edge]] += tallies.count(edge);
        }
        Graph<String, TransitionEdge> graph = new DefaultDirectedWeightedGraph<>(TransitionEdge.class);
        graph.addVertex(names[startNode]);
        for (int edge : order) {
            graph.addVertex(names[tallies.to[edge]]);
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isFinished()) {
                graph.addVertex(outcome.nodeName());
            }
        }
        for (int edge : order) {
            String from = names[tallies.from[edge]];
            String to = names[tallies.to[edge]];
            double probability = (double) tallies.count(edge) / out[tallies.from[edge]];
            TransitionEdge transition = new TransitionEdge(from, to, tallies.count(edge), tallies.journeys(edge),
                    probability, tallies.timing(edge));
            graph.addEdge(from, to, transition);
            graph.setEdgeWeight(transition, 0.0 - Math.log(probability));
        }
        return graph;
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

    public Graph<String, TransitionEdge> graph() {
        return graph;
    }

    /** Selected journeys, weighted. */
    public long journeys() {
        return journeys;
    }

    public Optional<TransitionEdge> edge(String from, String to) {
        if (!graph.containsVertex(from) || !graph.containsVertex(to)) {
            return Optional.empty();
        }
        return Optional.ofNullable(graph.getEdge(from, to));
    }

    /** Every edge, by source, descending count, then target. */
    public List<TransitionEdge> edges() {
        List<TransitionEdge> edges = new ArrayList<>(graph.edgeSet());
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
