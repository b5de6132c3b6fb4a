package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * The path analyses written plainly over shaped label lists and maps of objects, as they were before the analyses
 * moved to label ids and count arrays: the reference the fast implementations are checked against.
 */
final class ObjectPathAnalyses {

    private ObjectPathAnalyses() {
    }

    static TopPaths topPaths(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int limit) {
        boolean toFirstPurchase = true;
        Predicate<Journey> predicate = selection.predicate(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        Map<List<String>, PathTally> tallies = new HashMap<>();
        long total = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!predicate.test(journey)) {
                continue;
            }
            ShapedPath path = shaper.shape(journey, toFirstPurchase);
            PathTally tally = tallies.computeIfAbsent(path.steps(), steps -> new PathTally());
            tally.journeys += journey.weight();
            if (journey.outcome() == Outcome.PURCHASE) {
                tally.purchased += journey.weight();
            }
            if (path.isTimed()) {
                tally.durations.add(path.durationMillis(), journey.weight());
            }
            total += journey.weight();
        }
        List<Map.Entry<List<String>, PathTally>> ranked = new ArrayList<>(tallies.entrySet());
        ranked.sort(Comparator.<Map.Entry<List<String>, PathTally>>comparingLong(entry -> -entry.getValue().journeys)
                .thenComparing(Map.Entry::getKey, TopPaths.STEPS_ORDER));
        List<PathVariant> shown = new ArrayList<>();
        long shownJourneys = 0;
        for (Map.Entry<List<String>, PathTally> entry : ranked.subList(0, Math.min(limit, ranked.size()))) {
            PathTally tally = entry.getValue();
            shown.add(new PathVariant(entry.getKey(), tally.journeys, LabelCount.share(tally.journeys, total),
                    LabelCount.share(tally.purchased, tally.journeys), tally.durations.stats()));
            shownJourneys += tally.journeys;
        }
        long rest = total - shownJourneys;
        return new TopPaths(shown, new TopPaths.Other(ranked.size() - shown.size(), rest,
                LabelCount.share(rest, total)), total, ranked.size());
    }

    /** The edges of the transition graph, in the order the graph adds them, and the vertices in theirs. */
    record Transitions(List<String> vertices, List<TransitionStats.Transition> edges, long journeys) {
    }

    static Transitions transitions(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            boolean toFirstPurchase) {
        Predicate<Journey> filter = selection.predicate(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        Map<String, Map<String, EdgeTally>> tallies = new TreeMap<>();
        long journeys = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            journeys += journey.weight();
            ShapedPath path = shaper.shape(journey, toFirstPurchase);
            String previous = TransitionGraph.START;
            for (int i = 0; i <= path.length(); i++) {
                String next = i < path.length() ? path.step(i) : journey.outcome().nodeName();
                EdgeTally tally = tallies.computeIfAbsent(previous, key -> new TreeMap<>())
                        .computeIfAbsent(next, key -> new EdgeTally());
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
        Set<String> vertices = new java.util.LinkedHashSet<>();
        vertices.add(TransitionGraph.START);
        tallies.values().forEach(targets -> vertices.addAll(targets.keySet()));
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isFinished()) {
                vertices.add(outcome.nodeName());
            }
        }
        List<TransitionStats.Transition> edges = new ArrayList<>();
        tallies.forEach((from, targets) -> {
            long out = targets.values().stream().mapToLong(tally -> tally.count).sum();
            targets.forEach((to, tally) -> edges.add(new TransitionStats.Transition(from, to, tally.count,
                    tally.journeys, (double) tally.count / out, tally.durations.stats(), false)));
        });
        return new Transitions(List.copyOf(vertices), edges, journeys);
    }

    static Flows flows(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int steps,
            int topPerStep) {
        Predicate<Journey> filter = selection.predicate(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        List<ShapedPath> paths = new ArrayList<>();
        List<Map<String, Long>> perStep = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            perStep.add(new HashMap<>());
        }
        long total = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            ShapedPath path = shaper.shape(journey, true);
            paths.add(path);
            total += journey.weight();
            for (int i = 0; i < Math.min(steps, path.length()); i++) {
                perStep.get(i).merge(path.step(i), (long) journey.weight(), Long::sum);
            }
        }
        List<Set<String>> kept = new ArrayList<>(steps);
        List<String> merged = new ArrayList<>(steps);
        for (Map<String, Long> counts : perStep) {
            Set<String> labels = new HashSet<>();
            LabelCount.top(counts, 0, topPerStep).forEach(count -> labels.add(count.label()));
            kept.add(labels);
            merged.add(Flows.mergedName(labels));
        }
        Map<String, long[]> nodeTallies = new HashMap<>();
        Map<String, long[]> linkTallies = new TreeMap<>();
        for (ShapedPath path : paths) {
            int weight = path.weight();
            int shown = Math.min(steps, path.length());
            String previous = null;
            for (int i = 0; i < shown; i++) {
                String label = kept.get(i).contains(path.step(i)) ? path.step(i) : merged.get(i);
                long[] node = nodeTallies.computeIfAbsent(i + "\u0000" + label, key -> new long[6]);
                node[0] += weight;
                if (previous != null) {
                    linkTallies.computeIfAbsent((i - 1) + "\u0000" + previous + "\u0000" + label,
                            key -> new long[1])[0] += weight;
                }
                if (i == shown - 1) {
                    int slot = shown < path.length() ? 5 : 1 + path.outcome().ordinal();
                    node[slot] += weight;
                }
                previous = label;
            }
        }
        List<Flows.Node> nodes = new ArrayList<>(nodeTallies.size());
        nodeTallies.forEach((key, t) -> {
            String[] parts = key.split("\u0000", 2);
            int step = Integer.parseInt(parts[0]);
            nodes.add(new Flows.Node(step, parts[1], t[0], t[1], t[2], t[3], t[4], t[5],
                    parts[1].equals(merged.get(step))));
        });
        nodes.sort(Comparator.comparingInt(Flows.Node::step)
                .thenComparing(Flows.Node::merged)
                .thenComparing(Comparator.comparingLong(Flows.Node::journeys).reversed())
                .thenComparing(Flows.Node::label));
        List<Flows.Link> links = new ArrayList<>(linkTallies.size());
        linkTallies.forEach((key, t) -> {
            String[] parts = key.split("\u0000", 3);
            links.add(new Flows.Link(Integer.parseInt(parts[0]), parts[1], parts[2], t[0]));
        });
        links.sort(Comparator.comparingInt(Flows.Link::step)
                .thenComparing(Comparator.comparingLong(Flows.Link::journeys).reversed())
                .thenComparing(Flows.Link::from).thenComparing(Flows.Link::to));
        long[][] sums = new long[steps][6];
        for (Flows.Node node : nodes) {
            long[] step = sums[node.step()];
            step[0] += node.journeys();
            step[1] += node.purchased();
            step[2] += node.abandoned();
            step[3] += node.diverted();
            step[4] += node.open();
            step[5] += node.beyond();
        }
        List<Flows.StepDropoff> dropoffs = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            dropoffs.add(new Flows.StepDropoff(i, sums[i][0], sums[i][1], sums[i][2], sums[i][3], sums[i][4],
                    sums[i][5]));
        }
        return new Flows(nodes, links, dropoffs, total);
    }

    /** Own → competitor diversions, all of them, in the order of {@link Diversions#diversions()}. */
    static List<Diversions.Diversion> diversions(JourneySnapshot snapshot, JourneySelection selection) {
        Predicate<Journey> filter = selection.predicate(snapshot);
        int n = snapshot.touchpoints().size();
        long[] visitors = new long[n];
        Map<Long, long[]> counts = new HashMap<>();
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            int[] steps = journey.steps();
            int weight = journey.weight();
            boolean[] visited = new boolean[n];
            Map<Long, Integer> firstDiversion = new LinkedHashMap<>();
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
        Set<String> cut = new HashSet<>();
        minimumCut(snapshot, selection).edges().forEach(edge -> cut.add(edge.from() + "\u0000" + edge.to()));
        List<Diversions.Diversion> diversions = new ArrayList<>(counts.size());
        counts.forEach((key, tally) -> {
            Touchpoint own = snapshot.touchpoint((int) (key / n));
            Touchpoint competitor = snapshot.touchpoint((int) (key % n));
            diversions.add(new Diversions.Diversion(own.name(), own.stage(), competitor.name(), tally[0],
                    LabelCount.share(tally[0], visitors[own.id()]), tally[1], tally[2],
                    cut.contains(own.name() + "\u0000" + competitor.name())));
        });
        diversions.sort(Comparator.comparingLong(Diversions.Diversion::journeys).reversed()
                .thenComparing(Diversions.Diversion::touchpoint).thenComparing(Diversions.Diversion::competitor));
        return diversions;
    }

    /** The capacities of the minimum-cut network: journeys taking each transition between distinct nodes. */
    static Map<String, Map<String, Long>> capacities(JourneySnapshot snapshot, JourneySelection selection) {
        Predicate<Journey> filter = selection.predicate(snapshot);
        Map<String, Map<String, Long>> capacities = new TreeMap<>();
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
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
        return capacities;
    }

    /**
     * The minimum cut nearest the competitors by JGraphT's Edmonds–Karp on a graph of node names: the capacities of
     * {@link #capacities}, a super-sink joined from every competitor touchpoint by capacity above any cut.
     */
    static Diversions.MinimumCut minimumCut(JourneySnapshot snapshot, JourneySelection selection) {
        Map<String, Map<String, Long>> capacities = capacities(snapshot, selection);
        Predicate<Journey> filter = selection.predicate(snapshot);
        long total = snapshot.journeys().stream().filter(filter).mapToLong(Journey::weight).sum();
        String sink = "\u0000sink";
        Graph<String, DefaultWeightedEdge> network = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        network.addVertex(TransitionGraph.START);
        network.addVertex(sink);
        capacities.forEach((from, targets) -> targets.forEach((to, journeys) -> {
            network.addVertex(from);
            network.addVertex(to);
            network.setEdgeWeight(network.addEdge(from, to), journeys);
        }));
        boolean anyCompetitor = false;
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            if (touchpoint.isCompetitor() && network.containsVertex(touchpoint.name())) {
                network.setEdgeWeight(network.addEdge(touchpoint.name(), sink), total + 1.0);
                anyCompetitor = true;
            }
        }
        if (!anyCompetitor) {
            return new Diversions.MinimumCut(List.of(), 0);
        }
        EdmondsKarpMFImpl<String, DefaultWeightedEdge> flow = new EdmondsKarpMFImpl<>(network);
        double value = flow.getMaximumFlowValue(TransitionGraph.START, sink);
        Map<DefaultWeightedEdge, Double> flows = flow.getFlowMap();
        Set<String> sinkSide = new HashSet<>(Set.of(sink));
        Deque<String> queue = new ArrayDeque<>(sinkSide);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (DefaultWeightedEdge edge : network.incomingEdgesOf(node)) {
                String from = network.getEdgeSource(edge);
                if (network.getEdgeWeight(edge) - flows.getOrDefault(edge, 0.0) > 1e-9 && sinkSide.add(from)) {
                    queue.add(from);
                }
            }
            for (DefaultWeightedEdge edge : network.outgoingEdgesOf(node)) {
                String to = network.getEdgeTarget(edge);
                if (flows.getOrDefault(edge, 0.0) > 1e-9 && sinkSide.add(to)) {
                    queue.add(to);
                }
            }
        }
        List<Diversions.CutEdge> edges = new ArrayList<>();
        for (DefaultWeightedEdge edge : network.edgeSet()) {
            String from = network.getEdgeSource(edge);
            String to = network.getEdgeTarget(edge);
            if (!sinkSide.contains(from) && sinkSide.contains(to)) {
                edges.add(new Diversions.CutEdge(from, to, Math.round(network.getEdgeWeight(edge))));
            }
        }
        edges.sort(Comparator.comparingLong(Diversions.CutEdge::journeys).reversed()
                .thenComparing(Diversions.CutEdge::from).thenComparing(Diversions.CutEdge::to));
        return new Diversions.MinimumCut(edges, Math.round(value));
    }

    /** Exits per touchpoint, all of them, in the order of {@link Dropoff#touchpoints()}, from sets of names. */
    static Dropoff dropoff(JourneySnapshot snapshot, JourneySelection selection) {
        Predicate<Journey> filter = selection.predicate(snapshot);
        Map<String, long[]> tallies = new HashMap<>();
        long total = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            total += journey.weight();
            Set<String> visited = new HashSet<>();
            Set<String> diverted = new HashSet<>();
            int[] steps = journey.steps();
            for (int i = 0; i < steps.length; i++) {
                String name = snapshot.touchpoint(steps[i]).name();
                if (visited.add(name)) {
                    tallies.computeIfAbsent(name, k -> new long[3])[0] += journey.weight();
                }
                boolean toCompetitor = i + 1 < steps.length ? snapshot.touchpoint(steps[i + 1]).isCompetitor()
                        : journey.outcome() == Outcome.DIVERTED;
                if (toCompetitor && diverted.add(name)) {
                    tallies.get(name)[2] += journey.weight();
                }
            }
            if (journey.outcome() == Outcome.ABANDONED) {
                tallies.get(snapshot.touchpoint(steps[steps.length - 1]).name())[1] += journey.weight();
            }
        }
        List<Dropoff.TouchpointExits> rows = new ArrayList<>();
        tallies.forEach((name, t) -> {
            Touchpoint touchpoint = snapshot.touchpoint(name).orElseThrow();
            long exits = t[1] + t[2];
            rows.add(new Dropoff.TouchpointExits(name, touchpoint.stage(), touchpoint.owner(), t[0], t[1], t[2], exits,
                    LabelCount.share(t[1], t[0]), LabelCount.share(t[2], t[0]), LabelCount.share(exits, t[0])));
        });
        rows.sort(Comparator.comparingLong(Dropoff.TouchpointExits::exits).reversed()
                .thenComparing(Dropoff.TouchpointExits::touchpoint));
        return new Dropoff(rows, total);
    }

    /** The neighbourhood of {@code label} from each selected journey's list of shaped labels. */
    static Neighbourhood neighbourhood(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            String label, int before, int after) {
        Predicate<Journey> filter = selection.predicate(snapshot);
        List<Map<String, Long>> back = new ArrayList<>();
        List<Map<String, Long>> ahead = new ArrayList<>();
        for (int d = 0; d < Math.max(before, after); d++) {
            back.add(new HashMap<>());
            ahead.add(new HashMap<>());
        }
        long journeys = 0;
        PathShaper shaper = shaping.shaper(snapshot);
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            List<String> path = shaper.shape(journey, true).steps();
            int at = path.indexOf(label);
            if (at < 0) {
                continue;
            }
            journeys += journey.weight();
            for (int d = 1; d <= before && at - d >= -1; d++) {
                back.get(d - 1).merge(at - d >= 0 ? path.get(at - d) : NodeSpace.START_NAME, (long) journey.weight(),
                        Long::sum);
            }
            for (int d = 1; d <= after && at + d <= path.size(); d++) {
                ahead.get(d - 1).merge(at + d < path.size() ? path.get(at + d) : journey.outcome().nodeName(),
                        (long) journey.weight(), Long::sum);
            }
        }
        return new Neighbourhood(label, journeys, offsets(back.subList(0, before), -1),
                offsets(ahead.subList(0, after), 1));
    }

    private static List<Neighbourhood.Offset> offsets(List<Map<String, Long>> counts, int sign) {
        List<Neighbourhood.Offset> offsets = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            long total = counts.get(i).values().stream().mapToLong(Long::longValue).sum();
            offsets.add(new Neighbourhood.Offset(sign * (i + 1), total,
                    LabelCount.top(counts.get(i), total, Integer.MAX_VALUE)));
        }
        return offsets;
    }

    /** Per label and outcome node of whole shaped paths: {journeys through it, visits}, from lists of labels. */
    static Map<String, List<Long>> labelVisits(JourneySnapshot snapshot, JourneySelection selection,
            PathShaping shaping) {
        Predicate<Journey> filter = selection.predicate(snapshot);
        Map<String, long[]> presence = new HashMap<>();
        PathShaper shaper = shaping.shaper(snapshot);
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (String label : shaper.shape(journey, false).steps()) {
                long[] tally = presence.computeIfAbsent(label, key -> new long[2]);
                tally[1] += journey.weight();
                if (seen.add(label)) {
                    tally[0] += journey.weight();
                }
            }
            long[] outcome = presence.computeIfAbsent(journey.outcome().nodeName(), key -> new long[2]);
            outcome[0] += journey.weight();
            outcome[1] += journey.weight();
        }
        Map<String, List<Long>> result = new TreeMap<>();
        presence.forEach((name, tally) -> result.put(name, List.of(tally[0], tally[1])));
        return result;
    }

    private static final class PathTally {
        long journeys;
        long purchased;
        final Durations durations = new Durations();
    }

    private static final class EdgeTally {
        long count;
        long journeys;
        Journey lastJourney;
        final Durations durations = new Durations();
    }
}
