package com.journeyexplorer.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
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
        /** An absent stage is null, not empty text. */
        public Diversion {
            stage = stage == null || stage.isEmpty() ? null : stage;
        }
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
     * O(events) for the counts, one pass over the journeys' touchpoint ids, plus Edmonds–Karp on the touchpoint
     * transition graph, O(n · m²) for n touchpoints and m transitions, with a super-sink joined from every competitor
     * touchpoint by capacity above any cut.
     *
     * @param limit how many diversions to list, at least 0
     */
    public static Diversions of(JourneySnapshot snapshot, JourneySelection selection, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        Counts counts = Counts.of(snapshot, selection.predicate(snapshot));
        List<Diversion> diversions = new ArrayList<>(counts.lost.size());
        for (int edge = 0; edge < counts.lost.size(); edge++) {
            Touchpoint own = snapshot.touchpoint(counts.lost.from[edge]);
            Touchpoint competitor = snapshot.touchpoint(counts.lost.to[edge]);
            long journeys = counts.lost.count[edge];
            diversions.add(new Diversion(own.name(), own.stage(), competitor.name(), journeys,
                    LabelCount.share(journeys, counts.visitors[own.id()]), counts.cameBack[edge],
                    counts.boughtAfterReturn[edge]));
        }
        diversions.sort(Comparator.comparingLong(Diversion::journeys).reversed()
                .thenComparing(Diversion::touchpoint).thenComparing(Diversion::competitor));
        return new Diversions(diversions.subList(0, Math.min(limit, diversions.size())),
                minimumCut(snapshot, counts.capacities(snapshot), counts.total));
    }

    /** The capacities of the minimum-cut network: journeys taking each transition, by source then target name. */
    static Map<String, Map<String, Long>> capacities(JourneySnapshot snapshot, JourneySelection selection) {
        return Counts.of(snapshot, selection.predicate(snapshot)).capacities(snapshot);
    }

    /**
     * Everything one pass over the selected journeys counts. {@code lost}: own → competitor transitions, each journey
     * once (its count is journeys); {@code cameBack} and {@code boughtAfterReturn} by the same edge ids.
     * {@code transitions}: between the start node (id n, or the touchpoint named like it) and touchpoints, consecutive
     * nodes differing, each journey once per transition (its {@code journeys} are the capacities).
     */
    private static final class Counts {
        final long[] visitors;
        final EdgeTallies lost;
        final EdgeTallies transitions;
        long[] cameBack = new long[16];
        long[] boughtAfterReturn = new long[16];
        long total;

        private Counts(int n) {
            visitors = new long[n];
            lost = new EdgeTallies(n, false);
            transitions = new EdgeTallies(n + 1, false);
        }

        static Counts of(JourneySnapshot snapshot, Predicate<Journey> filter) {
            int n = snapshot.touchpoints().size();
            boolean[] competitor = new boolean[n];
            for (Touchpoint touchpoint : snapshot.touchpoints()) {
                competitor[touchpoint.id()] = touchpoint.isCompetitor();
            }
            int start = snapshot.touchpoint(TransitionGraph.START).map(Touchpoint::id).orElse(n);
            Counts counts = new Counts(n);
            int[] visited = new int[n];
            int[] diverted = new int[8];
            int stamp = 0;
            for (Journey journey : snapshot.journeys()) {
                if (!filter.test(journey)) {
                    continue;
                }
                stamp++;
                int[] steps = journey.steps();
                int weight = journey.weight();
                counts.total += weight;
                counts.transitions.startJourney();
                int previous = start;
                int divertedCount = 0;
                for (int i = 0; i < steps.length; i++) {
                    int step = steps[i];
                    if (visited[step] != stamp) {
                        visited[step] = stamp;
                        counts.visitors[step] += weight;
                    }
                    if (previous != step) {
                        counts.transitions.add(previous, step, weight);
                    }
                    previous = step;
                    if (i > 0 && !competitor[steps[i - 1]] && competitor[step]) {
                        int pair = steps[i - 1] * n + step;
                        if (!contains(diverted, divertedCount, pair)) {
                            if (divertedCount == diverted.length) {
                                diverted = Arrays.copyOf(diverted, divertedCount * 2);
                            }
                            diverted[divertedCount++] = pair;
                            counts.divert(journey, steps[i - 1], i, competitor);
                        }
                    }
                }
            }
            return counts;
        }

        /** Counts a journey's first transition into the competitor at {@code competitorIndex}. */
        private void divert(Journey journey, int own, int competitorIndex, boolean[] competitor) {
            int[] steps = journey.steps();
            int weight = journey.weight();
            int edge = lost.add(own, steps[competitorIndex], weight);
            if (edge == cameBack.length) {
                cameBack = Arrays.copyOf(cameBack, edge * 2);
                boughtAfterReturn = Arrays.copyOf(boughtAfterReturn, edge * 2);
            }
            for (int j = competitorIndex + 1; j < steps.length; j++) {
                if (!competitor[steps[j]]) {
                    cameBack[edge] += weight;
                    if (journey.purchaseIndex() > competitorIndex) {
                        boughtAfterReturn[edge] += weight;
                    }
                    break;
                }
            }
        }

        Map<String, Map<String, Long>> capacities(JourneySnapshot snapshot) {
            int n = snapshot.touchpoints().size();
            Map<String, Map<String, Long>> capacities = new TreeMap<>();
            for (int edge = 0; edge < transitions.size(); edge++) {
                int from = transitions.from[edge];
                String source = from == n ? TransitionGraph.START : snapshot.touchpoint(from).name();
                capacities.computeIfAbsent(source, k -> new TreeMap<>())
                        .put(snapshot.touchpoint(transitions.to[edge]).name(), transitions.journeys[edge]);
            }
            return capacities;
        }

        private static boolean contains(int[] values, int size, int value) {
            for (int i = 0; i < size; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }
    }

    private static MinimumCut minimumCut(JourneySnapshot snapshot, Map<String, Map<String, Long>> capacities,
            long total) {
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
