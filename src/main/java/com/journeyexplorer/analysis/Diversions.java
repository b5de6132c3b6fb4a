package com.journeyexplorer.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Where the selected journeys go from our touchpoints to competitors', at raw touchpoint level over whole journeys
 * (not cut at the purchase), and the cheapest set of transitions that separates the start from every competitor.
 *
 * @param diversions own → competitor transitions, most journeys lost first, ties by touchpoint then competitor
 * @param minimumCut the minimum cut between {@value NodeSpace#START_NAME} and the competitor touchpoints
 */
public record Diversions(List<Diversion> diversions, MinimumCut minimumCut) {

    /**
     * One own → competitor transition. {@code journeys}: selected journeys taking it at least once (weighted);
     * {@code rate}: their share of the journeys that visit {@code touchpoint}; {@code cameBack}: of them, those that
     * visit an own touchpoint after their first such transition; {@code boughtAfterReturn}: of those, the ones whose
     * first purchase comes after that transition.
     */
    public record Diversion(String touchpoint, String stage, String competitor, long journeys, double rate,
            long cameBack, long boughtAfterReturn) {
    }

    /** A transition in the minimum cut and the journeys that take it (its capacity). */
    public record CutEdge(String from, String to, long journeys) {
    }

    /**
     * The smallest set of transitions (by journeys taking them) whose removal leaves no path from the start to a
     * competitor touchpoint; {@code journeys} is its total capacity (= the maximum flow). Of several minimum cuts, the
     * one nearest the competitors. Empty when there are no competitor touchpoints.
     */
    public record MinimumCut(List<CutEdge> edges, long journeys) {
        public MinimumCut {
            edges = List.copyOf(edges);
        }
    }

    static final String SINK = "(competitors)";

    public Diversions {
        diversions = List.copyOf(diversions);
    }

    /**
     * O(events) for the counts, plus Edmonds–Karp on the touchpoint transition graph, O(n · m²) for n touchpoints
     * and m transitions, with a super-sink joined from every competitor touchpoint by capacity above any cut.
     *
     * @param limit how many diversions to list, at least 0
     */
    public static Diversions of(JourneySnapshot snapshot, JourneySelection selection, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        Predicate<Journey> filter = selection.predicate(snapshot);
        int n = snapshot.touchpoints().size();
        long[] visitors = new long[n];
        Map<Long, long[]> counts = new HashMap<>();
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            countJourney(snapshot, journey, n, visitors, counts);
        }
        List<Diversion> diversions = new ArrayList<>(counts.size());
        counts.forEach((key, tally) -> {
            Touchpoint own = snapshot.touchpoint((int) (key / n));
            Touchpoint competitor = snapshot.touchpoint((int) (key % n));
            diversions.add(new Diversion(own.name(), own.stage(), competitor.name(), tally[0],
                    LabelCount.share(tally[0], visitors[own.id()]), tally[1], tally[2]));
        });
        diversions.sort(Comparator.comparingLong(Diversion::journeys).reversed()
                .thenComparing(Diversion::touchpoint).thenComparing(Diversion::competitor));
        return new Diversions(diversions.subList(0, Math.min(limit, diversions.size())),
                minimumCut(snapshot, filter));
    }

    private static void countJourney(JourneySnapshot snapshot, Journey journey, int n, long[] visitors,
            Map<Long, long[]> counts) {
        int[] steps = journey.steps();
        int weight = journey.weight();
        boolean[] visited = new boolean[n];
        Map<Long, Integer> firstDiversion = new HashMap<>();
        for (int i = 0; i < steps.length; i++) {
            if (!visited[steps[i]]) {
                visited[steps[i]] = true;
                visitors[steps[i]] += weight;
            }
            if (i + 1 < steps.length && !snapshot.touchpoint(steps[i]).isCompetitor()
                    && snapshot.touchpoint(steps[i + 1]).isCompetitor()) {
                firstDiversion.putIfAbsent((long) steps[i] * n + steps[i + 1], i + 1);
            }
        }
        firstDiversion.forEach((key, competitorIndex) -> {
            long[] tally = counts.computeIfAbsent(key, k -> new long[3]);
            tally[0] += weight;
            for (int j = competitorIndex + 1; j < steps.length; j++) {
                if (!snapshot.touchpoint(steps[j]).isCompetitor()) {
                    tally[1] += weight;
                    if (journey.purchaseIndex() > competitorIndex) {
                        tally[2] += weight;
                    }
                    break;
                }
            }
        });
    }

    private static MinimumCut minimumCut(JourneySnapshot snapshot, Predicate<Journey> filter) {
        Map<String, Map<String, Long>> capacities = new TreeMap<>();
        long total = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            total += journey.weight();
            String previous = TransitionGraph.START;
            Set<String> seen = new HashSet<>();
            for (int step : journey.steps()) {
                String next = snapshot.touchpoint(step).name();
                if (!previous.equals(next) && seen.add(previous + "\u0000" + next)) {
                    capacities.computeIfAbsent(previous, k -> new TreeMap<>()).merge(next, (long) journey.weight(),
                            Long::sum);
                }
                previous = next;
            }
        }
        Graph<String, DefaultWeightedEdge> network = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        network.addVertex(TransitionGraph.START);
        network.addVertex(SINK);
        capacities.forEach((from, targets) -> targets.forEach((to, journeys) -> {
            network.addVertex(from);
            network.addVertex(to);
            network.setEdgeWeight(network.addEdge(from, to), journeys);
        }));
        boolean anyCompetitor = false;
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            if (touchpoint.isCompetitor() && network.containsVertex(touchpoint.name())) {
                network.setEdgeWeight(network.addEdge(touchpoint.name(), SINK), total + 1.0);
                anyCompetitor = true;
            }
        }
        if (!anyCompetitor) {
            return new MinimumCut(List.of(), 0);
        }
        EdmondsKarpMFImpl<String, DefaultWeightedEdge> flow = new EdmondsKarpMFImpl<>(network);
        double value = flow.getMaximumFlowValue(TransitionGraph.START, SINK);
        Set<String> sinkSide = sinkSide(network, flow.getFlowMap());
        List<CutEdge> edges = new ArrayList<>();
        for (DefaultWeightedEdge edge : network.edgeSet()) {
            String from = network.getEdgeSource(edge);
            String to = network.getEdgeTarget(edge);
            if (!sinkSide.contains(from) && sinkSide.contains(to)) {
                edges.add(new CutEdge(from, to, Math.round(network.getEdgeWeight(edge))));
            }
        }
        edges.sort(Comparator.comparingLong(CutEdge::journeys).reversed().thenComparing(CutEdge::from)
                .thenComparing(CutEdge::to));
        return new MinimumCut(edges, Math.round(value));
    }

    /**
     * The nodes that can still reach the sink in the residual network of a maximum flow. The edges into this set form
     * the minimum cut nearest the competitors, so the cut names transitions into competitors wherever a cut of the
     * same size allows it. O(n + m).
     */
    private static Set<String> sinkSide(Graph<String, DefaultWeightedEdge> network,
            Map<DefaultWeightedEdge, Double> flows) {
        Set<String> side = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        side.add(SINK);
        queue.add(SINK);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (DefaultWeightedEdge edge : network.incomingEdgesOf(node)) {
                double residual = network.getEdgeWeight(edge) - flows.getOrDefault(edge, 0.0);
                String from = network.getEdgeSource(edge);
                if (residual > 1e-9 && side.add(from)) {
                    queue.add(from);
                }
            }
            for (DefaultWeightedEdge edge : network.outgoingEdgesOf(node)) {
                String to = network.getEdgeTarget(edge);
                if (flows.getOrDefault(edge, 0.0) > 1e-9 && side.add(to)) {
                    queue.add(to);
                }
            }
        }
        return side;
    }
}
