package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Where the selected journeys go from our touchpoints to competitors', at raw touchpoint level over whole journeys
 * (not cut at the purchase), and the cheapest set of transitions that separates the start from every competitor.
 *
 * @param diversions own → competitor transitions, most journeys lost first, ties by touchpoint then competitor
 * @param minimumCut the minimum cut between {@value NodeSpace#START_NAME} and the competitor touchpoints, its busiest
 *                   transitions listed as many as the diversions may be, or more when asked for those of a map
 */
public record Diversions(List<Diversion> diversions, MinimumCut minimumCut) {

    /**
     * One own → competitor transition. {@code journeys}: selected journeys taking it at least once (weighted);
     * {@code rate}: their share of the journeys that visit {@code touchpoint}; {@code cameBack}: of them, those that
     * visit an own touchpoint after their first such transition; {@code boughtAfterReturn}: of those, the ones whose
     * first purchase comes after that transition; {@code inCut}: whether the transition is in the minimum cut, listed
     * there or not.
     */
    public record Diversion(String touchpoint, String stage, String competitor, long journeys, double rate,
            long cameBack, long boughtAfterReturn, boolean inCut) {
        /** An absent stage is null, not empty text. */
        public Diversion {
            stage = stage == null || stage.isEmpty() ? null : stage;
        }

        /** This diversion, marked in the minimum cut or not. */
        Diversion inCut(boolean in) {
            return new Diversion(touchpoint, stage, competitor, journeys, rate, cameBack, boughtAfterReturn, in);
        }
    }

    /** A transition in the minimum cut and the journeys that take it (its capacity). */
    public record CutEdge(String from, String to, long journeys) {
    }

    /**
     * The smallest set of transitions (by journeys taking them) whose removal leaves no path from the start to a
     * competitor touchpoint; {@code journeys} is its total capacity (= the maximum flow), of every transition in it,
     * listed or not. Of several minimum cuts, the one nearest the competitors. Empty when there are no competitor
     * touchpoints.
     *
     * @param edges      the busiest transitions of the cut, most journeys first, ties by source then target name
     * @param edgesTotal the transitions of the whole cut, at least as many as {@code edges}
     * @param journeys   the journeys of the whole cut
     */
    public record MinimumCut(List<CutEdge> edges, int edgesTotal, long journeys) {
        public MinimumCut {
            edges = List.copyOf(edges);
            if (edgesTotal < edges.size()) {
                throw new IllegalArgumentException("edgesTotal must count at least the edges listed");
            }
        }

        /** The whole cut, every transition listed. */
        public MinimumCut(List<CutEdge> edges, long journeys) {
            this(edges, edges.size(), journeys);
        }

        /** This cut with its {@code limit} busiest transitions listed, the totals kept. */
        MinimumCut busiest(int limit) {
            return edges.size() <= limit ? this
                    : new MinimumCut(edges.subList(0, limit), edgesTotal, journeys);
        }

        /**
         * This cut with its {@code limit} busiest transitions listed, and beyond them every one of at least
         * {@code minJourneys} journeys, {@code atMost} in all; the totals kept. O(listed).
         */
        MinimumCut busiest(int limit, long minJourneys, int atMost) {
            int listed = Math.min(limit, edges.size());
            while (listed < Math.min(atMost, edges.size()) && edges.get(listed).journeys() >= minJourneys) {
                listed++;
            }
            return busiest(listed);
        }
    }

    public Diversions {
        diversions = List.copyOf(diversions);
    }

    /**
     * O(events) for the counts, one pass over the journeys' touchpoint ids, plus a maximum flow by Dinic's algorithm
     * on the touchpoint transition network ({@link DinicMaxFlow}: arrays of the m transitions, O(n² · m) at worst and
     * far less in practice), with a super-sink joined from every competitor touchpoint by capacity above any cut.
     * From {@value TwoHalves#PARALLEL_FROM} records on, the halves are counted on two cores and merged.
     *
     * @param limit how many diversions, and how many transitions of the minimum cut, to list, at least 0
     */
    public static Diversions of(JourneySnapshot snapshot, JourneySelection selection, int limit) {
        return of(snapshot, selection, limit, TwoHalves.PARALLEL_FROM);
    }

    /**
     * As {@link #of(JourneySnapshot, JourneySelection, int)}, the minimum cut listing beyond its {@code limit}
     * busiest transitions every one taken by at least {@code cutMinJourneys} journeys, {@code cutAtMost} in all: so
     * that a map of links of at least that many journeys can mark each transition of the cut it draws, the cut's
     * transitions it cannot draw left out.
     */
    public static Diversions of(JourneySnapshot snapshot, JourneySelection selection, int limit,
            long cutMinJourneys, int cutAtMost) {
        return of(snapshot, selection, limit, cutMinJourneys, cutAtMost, TwoHalves.PARALLEL_FROM);
    }

    /** As {@link #of(JourneySnapshot, JourneySelection, int)}, in halves from {@code parallelFrom} records on. */
    static Diversions of(JourneySnapshot snapshot, JourneySelection selection, int limit, int parallelFrom) {
        return of(snapshot, selection, limit, Long.MAX_VALUE, limit, parallelFrom);
    }

    private static Diversions of(JourneySnapshot snapshot, JourneySelection selection, int limit,
            long cutMinJourneys, int cutAtMost, int parallelFrom) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        Network network = Network.of(snapshot);
        Counts counts = Counts.of(snapshot, network, selection, parallelFrom);
        List<Diversion> diversions = new ArrayList<>(network.lostEdges);
        for (int lostEdge = 0; lostEdge < network.lostEdges; lostEdge++) {
            long journeys = counts.lost[lostEdge];
            if (journeys == 0) {
                continue;
            }
            int edge = network.lostEdge[lostEdge];
            Touchpoint own = snapshot.touchpoint(network.edges.from(edge));
            Touchpoint competitor = snapshot.touchpoint(network.edges.to(edge));
            diversions.add(new Diversion(own.name(), own.stage(), competitor.name(), journeys,
                    LabelCount.share(journeys, counts.visitors[own.id()]), counts.cameBack[lostEdge],
                    counts.boughtAfterReturn[lostEdge], false));
        }
        diversions.sort(Comparator.comparingLong(Diversion::journeys).reversed()
                .thenComparing(Diversion::touchpoint).thenComparing(Diversion::competitor));
        MinimumCut cut = minimumCut(snapshot, network, counts);
        return new Diversions(inCut(diversions.subList(0, Math.min(limit, diversions.size())), cut),
                cut.busiest(limit, cutMinJourneys, cutAtMost));
    }

    /**
     * The {@code diversions} marked in the whole {@code cut} or not, so that a row is marked whether or not its
     * transition is among the cut's busiest listed. O(cut + diversions).
     */
    private static List<Diversion> inCut(List<Diversion> diversions, MinimumCut cut) {
        Set<List<String>> edges = new HashSet<>();
        cut.edges().forEach(edge -> edges.add(List.of(edge.from(), edge.to())));
        return diversions.stream()
                .map(row -> row.inCut(edges.contains(List.of(row.touchpoint(), row.competitor())))).toList();
    }

    /** The capacities of the minimum-cut network: journeys taking each transition, by source then target name. */
    static Map<String, Map<String, Long>> capacities(JourneySnapshot snapshot, JourneySelection selection) {
        return capacities(snapshot, selection, TwoHalves.PARALLEL_FROM);
    }

    /** As {@link #capacities(JourneySnapshot, JourneySelection)}, counted in halves from {@code parallelFrom} on. */
    static Map<String, Map<String, Long>> capacities(JourneySnapshot snapshot, JourneySelection selection,
            int parallelFrom) {
        Network network = Network.of(snapshot);
        return Counts.of(snapshot, network, selection, parallelFrom).capacities(snapshot, network);
    }

    /**
     * Everything one pass over the selected journeys counts, by the ids of the snapshot's {@link StepEdges}.
     * {@code visitors}: per touchpoint, journeys visiting it. Per edge between distinct touchpoints, journeys taking it
     * (each once): the capacities; {@code startJourneys}: per touchpoint, journeys starting there, where the start node
     * is not itself a touchpoint with that edge (then it counts on the edge). {@code lost}: per own → competitor edge
     * (numbered by the network's lost index), journeys taking it, with {@code cameBack} and {@code boughtAfterReturn}.
     */
    private static final class Counts {
        /**
         * Per edge, side by side (16 bytes, never split across cache lines): the number of the last journey that took
         * it in the high half and the edge's {@link Network#step} code in the low half (0 while no journey took it,
         * as journeys are numbered from 1), then the journeys taking it. So a step reads and writes one cache line:
         * the edges of a clickstream outgrow the core's cache, and a step that read the target, the flags and the
         * counter from separate arrays by edge id missed it several times.
         */
        private static final int STRIDE = 2;
        private static final long CODE = 0xFFFF_FFFFL;

        final long[] visitors;
        final long[] edges;
        final long[] startJourneys;
        final long[] lost;
        final long[] cameBack;
        final long[] boughtAfterReturn;
        long total;

        private Counts(int n, int edgeCount, int lostEdges) {
            visitors = new long[n];
            edges = new long[edgeCount * STRIDE];
            startJourneys = new long[n];
            lost = new long[lostEdges];
            cameBack = new long[lostEdges];
            boughtAfterReturn = new long[lostEdges];
        }

        long transitionJourneys(int edge) {
            return edges[edge * STRIDE + 1];
        }

        /** Counts the selected records of {@code snapshot}, in two halves from {@code parallelFrom} records on. */
        static Counts of(JourneySnapshot snapshot, Network network, JourneySelection selection, int parallelFrom) {
            IntPredicate selected = selection.positions(snapshot);
            JourneyColumns columns = JourneyColumns.of(snapshot);
            return TwoHalves.count(snapshot.journeys().size(), parallelFrom,
                    (from, to) -> of(network, columns, from, to, selected), Counts::add);
        }

        /**
         * Counts the selected records among positions {@code [from, to)}. A step along an edge the journey took
         * before changes nothing (its target is visited, its diversion counted), except the journey's first
         * transition from a start touchpoint to a competitor, which is no diversion until the journey steps along it.
         */
        private static Counts of(Network network, JourneyColumns columns, int from, int to, IntPredicate selected) {
            StepEdges steps = network.edges;
            int[] codes = network.step;
            int n = network.competitor.length;
            Counts counts = new Counts(n, steps.edgeCount(), network.lostEdges);
            long[] edges = counts.edges;
            long[] visitors = counts.visitors;
            int[] visited = new int[n];
            int journey = 0;
            for (int position = from; position < to; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                journey++;
                long stamp = (long) journey << 32;
                int weight = columns.weight(position);
                counts.total += weight;
                int step = steps.first(position);
                visited[step] = journey;
                visitors[step] += weight;
                int startLost = -1;
                if (step != network.start) {
                    int edge = network.startEdge[step];
                    if (edge >= 0) {
                        int at = edge * STRIDE;
                        int code = edges[at] == 0 ? codes[edge] : (int) edges[at];
                        edges[at] = stamp | code & CODE;
                        edges[at + 1] += weight;
                        startLost = code < 0 ? edge : -1;
                    } else {
                        counts.startJourneys[step] += weight;
                    }
                }
                int start = steps.start(position);
                int end = steps.end(position);
                for (int k = start; k < end; k++) {
                    int edge = steps.edgeAt(k);
                    int at = edge * STRIDE;
                    long taken = edges[at];
                    if ((int) (taken >>> 32) == journey) {
                        if (edge == startLost) {
                            startLost = -1;
                            counts.divert(position, ~(int) taken, k + 1 - start, k, end, steps,
                                    network.competitor, weight);
                        }
                        continue;
                    }
                    int code = taken == 0 ? codes[edge] : (int) taken;
                    edges[at] = stamp | code & CODE;
                    if (code >= 0) {
                        step = code;
                    } else if (code != Network.SELF_LOOP) {
                        step = network.lostTarget[~code];
                        counts.divert(position, ~code, k + 1 - start, k, end, steps, network.competitor,
                                weight);
                    } else {
                        continue;
                    }
                    edges[at + 1] += weight;
                    if (visited[step] != journey) {
                        visited[step] = journey;
                        visitors[step] += weight;
                    }
                }
            }
            return counts;
        }

        /**
         * Counts the first transition of the record at {@code position} into the competitor at step
         * {@code competitorStep}, column index {@code k}: whether it comes back to an own touchpoint later, and buys
         * after that transition (its purchase index read from the step column, not from the record: a record is a
         * cache miss, and on a clickstream a journey in four diverts).
         */
        private void divert(int position, int lostEdge, int competitorStep, int k, int end, StepEdges edges,
                boolean[] competitor, int weight) {
            lost[lostEdge] += weight;
            for (int later = k + 1; later < end; later++) {
                if (!competitor[edges.to(edges.edgeAt(later))]) {
                    cameBack[lostEdge] += weight;
                    if (edges.purchaseIndex(position) > competitorStep) {
                        boughtAfterReturn[lostEdge] += weight;
                    }
                    break;
                }
            }
        }

        /** Adds the counts of {@code later}, the records after this one's. */
        Counts add(Counts later) {
            for (int id = 0; id < visitors.length; id++) {
                visitors[id] += later.visitors[id];
                startJourneys[id] += later.startJourneys[id];
            }
            for (int at = 1; at < edges.length; at += STRIDE) {
                edges[at] += later.edges[at];
            }
            for (int edge = 0; edge < lost.length; edge++) {
                lost[edge] += later.lost[edge];
                cameBack[edge] += later.cameBack[edge];
                boughtAfterReturn[edge] += later.boughtAfterReturn[edge];
            }
            total += later.total;
            return this;
        }

        /** The capacities, by source then target name. */
        Map<String, Map<String, Long>> capacities(JourneySnapshot snapshot, Network network) {
            Map<String, Map<String, Long>> capacities = new TreeMap<>();
            network.forEachTransition(this, (source, target, journeys) -> capacities
                    .computeIfAbsent(network.name(snapshot, source), k -> new TreeMap<>())
                    .put(network.name(snapshot, target), journeys));
            return capacities;
        }
    }

    /** A transition of the network and the journeys taking it. */
    @FunctionalInterface
    private interface TransitionVisitor {
        void visit(int source, int target, long journeys);
    }

    /**
     * The transition network over the snapshot's {@link StepEdges}: the start node (id n, or the touchpoint named like
     * it), for each touchpoint the edge from the start node when the start is a touchpoint, and per edge what a step
     * along it does ({@link #step}): own → competitor edges are numbered {@code [0, lostEdges)}. It depends on the
     * snapshot alone, so it is built once, O(touchpoints + edges), and kept with the snapshot (4 bytes per edge).
     */
    private static final class Network {
        /** The {@link #step} code of an edge from a touchpoint to itself: no transition of the network. */
        static final int SELF_LOOP = Integer.MIN_VALUE;

        final StepEdges edges;
        final boolean[] competitor;
        final int start;
        final int[] startEdge;
        /**
         * Per edge: its target touchpoint, or for an own → competitor edge the complement {@code ~lostIndex} of its
         * lost index, or {@link #SELF_LOOP}; so one int tells a step where it goes and whether it diverts.
         */
        final int[] step;
        /** By lost index, the edge id and its target. */
        final int[] lostEdge;
        final int[] lostTarget;
        final int lostEdges;

        private Network(JourneySnapshot snapshot) {
            edges = StepEdges.of(snapshot);
            int n = snapshot.touchpoints().size();
            competitor = new boolean[n];
            for (Touchpoint touchpoint : snapshot.touchpoints()) {
                competitor[touchpoint.id()] = touchpoint.isCompetitor();
            }
            start = snapshot.touchpoint(TransitionGraph.START).map(Touchpoint::id).orElse(n);
            startEdge = new int[n];
            Arrays.fill(startEdge, -1);
            step = new int[edges.edgeCount()];
            int lostCount = 0;
            for (int edge = 0; edge < edges.edgeCount(); edge++) {
                int source = edges.from(edge);
                int target = edges.to(edge);
                if (source == target) {
                    step[edge] = SELF_LOOP;
                    continue;
                }
                if (source == start) {
                    startEdge[target] = edge;
                }
                step[edge] = !competitor[source] && competitor[target] ? ~lostCount++ : target;
            }
            lostEdges = lostCount;
            lostEdge = new int[lostCount];
            lostTarget = new int[lostCount];
            for (int edge = 0; edge < edges.edgeCount(); edge++) {
                if (step[edge] < 0 && step[edge] != SELF_LOOP) {
                    lostEdge[~step[edge]] = edge;
                    lostTarget[~step[edge]] = edges.to(edge);
                }
            }
        }

        /** The network of {@code snapshot}, built on first use and kept with it. */
        static Network of(JourneySnapshot snapshot) {
            return snapshot.memo(Network.class, Network.class, () -> new Network(snapshot));
        }

        String name(JourneySnapshot snapshot, int node) {
            return node == competitor.length ? TransitionGraph.START : snapshot.touchpoint(node).name();
        }

        /** How many transitions {@link #forEachTransition} visits. */
        int transitionCount(Counts counts) {
            int count = 0;
            for (long journeys : counts.startJourneys) {
                count += journeys > 0 ? 1 : 0;
            }
            for (int edge = 0; edge < edges.edgeCount(); edge++) {
                count += counts.transitionJourneys(edge) > 0 ? 1 : 0;
            }
            return count;
        }

        /** Every transition some selected journey takes: from the start node, then between touchpoints. */
        void forEachTransition(Counts counts, TransitionVisitor visitor) {
            for (int target = 0; target < counts.startJourneys.length; target++) {
                if (counts.startJourneys[target] > 0) {
                    visitor.visit(start, target, counts.startJourneys[target]);
                }
            }
            for (int edge = 0; edge < edges.edgeCount(); edge++) {
                long journeys = counts.transitionJourneys(edge);
                if (journeys > 0) {
                    visitor.visit(edges.from(edge), edges.to(edge), journeys);
                }
            }
        }
    }

    /**
     * The minimum cut of the transition network: touchpoints and the start node, each transition with the journeys
     * taking it as capacity, and a super-sink joined from every competitor touchpoint with a transition by capacity
     * above any cut.
     */
    private static MinimumCut minimumCut(JourneySnapshot snapshot, Network network, Counts counts) {
        int n = snapshot.touchpoints().size();
        int sink = n + 1;
        int transitions = network.transitionCount(counts);
        DinicMaxFlow flow = new DinicMaxFlow(n + 2, transitions + n);
        boolean[] inNetwork = new boolean[n + 1];
        // per arc added for a transition: its source, its target and its index in the network
        int[] arcs = new int[3 * transitions];
        int[] added = new int[1];
        network.forEachTransition(counts, (source, target, journeys) -> {
            int at = 3 * added[0]++;
            arcs[at] = source;
            arcs[at + 1] = target;
            arcs[at + 2] = flow.addArc(source, target, journeys);
            inNetwork[source] = true;
            inNetwork[target] = true;
        });
        boolean anyCompetitor = false;
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            if (touchpoint.isCompetitor() && inNetwork[touchpoint.id()]) {
                flow.addArc(touchpoint.id(), sink, counts.total + 1);
                anyCompetitor = true;
            }
        }
        if (!anyCompetitor) {
            return new MinimumCut(List.of(), 0);
        }
        long value = flow.maximumFlow(network.start, sink);
        boolean[] sinkSide = flow.sinkSide(sink);
        List<CutEdge> edges = new ArrayList<>();
        for (int at = 0; at < arcs.length; at += 3) {
            if (!sinkSide[arcs[at]] && sinkSide[arcs[at + 1]]) {
                edges.add(new CutEdge(network.name(snapshot, arcs[at]), network.name(snapshot, arcs[at + 1]),
                        flow.arcCapacity(arcs[at + 2])));
            }
        }
        edges.sort(Comparator.comparingLong(CutEdge::journeys).reversed().thenComparing(CutEdge::from)
                .thenComparing(CutEdge::to));
        return new MinimumCut(edges, value);
    }
}
