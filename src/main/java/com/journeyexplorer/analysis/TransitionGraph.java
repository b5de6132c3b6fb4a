package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;

/**
 * The absorbing Markov chain of the selected journeys' shaped paths, as a JGraphT graph. Nodes are
 * {@value NodeSpace#START_NAME}, the shaped labels and the three outcome nodes ({@link Outcome#nodeName()}); each
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

    private final Graph<String, TransitionEdge> graph;
    private final long journeys;

    private TransitionGraph(Graph<String, TransitionEdge> graph, long journeys) {
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.journeys = journeys;
    }

    /** O(events + edges) plus the timing sorts. */
    public static TransitionGraph of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping) {
        return of(snapshot, selection.predicate(snapshot), shaping.shaper(snapshot), true);
    }

    static TransitionGraph of(JourneySnapshot snapshot, Predicate<Journey> filter, PathShaper shaper,
            boolean toFirstPurchase) {
        Map<String, Map<String, Tally>> tallies = new TreeMap<>();
        long journeys = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            journeys += journey.weight();
            ShapedPath path = shaper.shape(journey, toFirstPurchase);
            String previous = START;
            for (int i = 0; i <= path.length(); i++) {
                String next = i < path.length() ? path.step(i) : journey.outcome().nodeName();
                Tally tally = tallies.computeIfAbsent(previous, key -> new TreeMap<>())
                        .computeIfAbsent(next, key -> new Tally());
                tally.count += journey.weight();
                if (tally.lastJourney != journey) {
                    tally.lastJourney = journey;
                    tally.journeys += journey.weight();
                }
                if (i > 0 && i < path.length() && path.isTimed()) {
                    tally.durations.add(path.gapMillis(i - 1), journey.weight());
                }
                previous = next;
            }
        }
        Graph<String, TransitionEdge> graph = new DefaultDirectedWeightedGraph<>(TransitionEdge.class);
        graph.addVertex(START);
        tallies.values().forEach(targets -> targets.keySet().forEach(graph::addVertex));
        for (Outcome outcome : Outcome.values()) {
            graph.addVertex(outcome.nodeName());
        }
        tallies.forEach((from, targets) -> {
            long out = targets.values().stream().mapToLong(tally -> tally.count).sum();
            targets.forEach((to, tally) -> {
                double probability = (double) tally.count / out;
                TransitionEdge edge = new TransitionEdge(from, to, tally.count, tally.journeys, probability,
                        tally.durations.stats());
                graph.addEdge(from, to, edge);
                graph.setEdgeWeight(edge, 0.0 - Math.log(probability));
            });
        });
        return new TransitionGraph(graph, journeys);
    }

    /** The graph, read-only. */
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

    /** Edges leaving {@code node}, by descending count then target; empty for unknown nodes. */
    public List<TransitionEdge> outgoing(String node) {
        if (!graph.containsVertex(node)) {
            return List.of();
        }
        List<TransitionEdge> edges = new ArrayList<>(graph.outgoingEdgesOf(node));
        edges.sort(TransitionStats.ORDER);
        return edges;
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

    private static final class Tally {
        long count;
        long journeys;
        Journey lastJourney;
        final Durations durations = new Durations();
    }
}
