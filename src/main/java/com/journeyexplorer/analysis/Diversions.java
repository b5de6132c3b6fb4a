package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

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

    public Diversions {
        diversions = List.copyOf(diversions);
    }

    /**
     * O(events) for the counts, one pass over the journeys' touchpoint ids, plus a maximum flow by Dinic's algorithm
     * on the touchpoint transition network ({@link DinicMaxFlow}: arrays of the m transitions, O(n² · m) at worst and
     * far less in practice), with a super-sink joined from every competitor touchpoint by capacity above any cut.
     * From {@value TwoHalves#PARALLEL_FROM} records on, the halves are counted on two cores and merged.
     *
     * @param limit how many diversions to list, at least 0
     */
    public static Diversions of(JourneySnapshot snapshot, JourneySelection selection, int limit) {
        return of(snapshot, selection, limit, TwoHalves.PARALLEL_FROM);
    }

    /** As {@link #of(JourneySnapshot, JourneySelection, int)}, in halves from {@code parallelFrom} records on. */
    static Diversions of(JourneySnapshot snapshot, JourneySelection selection, int limit, int parallelFrom) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        Counts counts = Counts.of(snapshot, selection.predicate(snapshot), parallelFrom);
        List<Diversion> diversions = new ArrayList<>(counts.lost.size());
        for (int edge = 0; edge < counts.lost.size(); edge++) {
            Touchpoint own = snapshot.touchpoint(counts.lost.from[edge]);
            Touchpoint competitor = snapshot.touchpoint(counts.lost.to[edge]);
            long journeys = counts.lost.count(edge);
            diversions.add(new Diversion(own.name(), own.stage(), competitor.name(), journeys,
                    LabelCount.share(journeys, counts.visitors[own.id()]), counts.cameBack[edge],
                    counts.boughtAfterReturn[edge]));
        }
        diversions.sort(Comparator.comparingLong(Diversion::journeys).reversed()
                .thenComparing(Diversion::touchpoint).thenComparing(Diversion::competitor));
        return new Diversions(diversions.subList(0, Math.min(limit, diversions.size())),
                minimumCut(snapshot, counts));
    }

    /** The capacities of the minimum-cut network: journeys taking each transition, by source then target name. */
    static Map<String, Map<String, Long>> capacities(JourneySnapshot snapshot, JourneySelection selection) {
        return capacities(snapshot, selection, TwoHalves.PARALLEL_FROM);
    }

    /** As {@link #capacities(JourneySnapshot, JourneySelection)}, counted in halves from {@code parallelFrom} on. */
    static Map<String, Map<String, Long>> capacities(JourneySnapshot snapshot, JourneySelection selection,
            int parallelFrom) {
        return Counts.of(snapshot, selection.predicate(snapshot), parallelFrom).capacities(snapshot);
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
        int start;

        private Counts(int n) {
            visitors = new long[n];
            lost = new EdgeTallies(n, false);
            transitions = new EdgeTallies(n + 1, false);
        }

        /** Counts the selected records of {@code snapshot}, in two halves from {@code parallelFrom} records on. */
        static Counts of(JourneySnapshot snapshot, Predicate<Journey> filter, int parallelFrom) {
            int n = snapshot.touchpoints().size();
            boolean[] competitor = new boolean[n];
            for (Touchpoint touchpoint : snapshot.touchpoints()) {
                competitor[touchpoint.id()] = touchpoint.isCompetitor();
            }
            int start = snapshot.touchpoint(TransitionGraph.START).map(Touchpoint::id).orElse(n);
            List<Journey> journeys = snapshot.journeys();
            return TwoHalves.count(journeys.size(), parallelFrom,
                    (from, to) -> of(journeys, from, to, filter, competitor, start), Counts::add);
        }

        /** Counts the selected records among positions {@code [from, to)}. */
        private static Counts of(List<Journey> journeys, int from, int to, Predicate<Journey> filter,
                boolean[] competitor, int start) {
            int n = competitor.length;
            Counts counts = new Counts(n);
            counts.start = start;
            int[] visited = new int[n];
            int[] diverted = new int[8];
            int stamp = 0;
            for (int position = from; position < to; position++) {
                Journey journey = journeys.get(position);
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

        /**
         * Adds the counts of {@code later}, the records after this one's: its lost edges' cameBack and
         * boughtAfterReturn go to the same edges here, and the edges keep the ids one pass would give them.
         */
        Counts add(Counts later) {
            for (int id = 0; id < visitors.length; id++) {
                visitors[id] += later.visitors[id];
            }
            int[] ids = lost.addAll(later.lost);
            if (cameBack.length < lost.size()) {
                cameBack = Arrays.copyOf(cameBack, lost.size());
                boughtAfterReturn = Arrays.copyOf(boughtAfterReturn, lost.size());
            }
            for (int edge = 0; edge < ids.length; edge++) {
                cameBack[ids[edge]] += later.cameBack[edge];
                boughtAfterReturn[ids[edge]] += later.boughtAfterReturn[edge];
            }
            transitions.addAll(later.transitions);
            total += later.total;
            return this;
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
                        .put(snapshot.touchpoint(transitions.to[edge]).name(), transitions.journeys(edge));
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

    /**
     * The minimum cut of the transition network: touchpoints and the start node, each transition with the journeys
     * taking it as capacity, and a super-sink joined from every competitor touchpoint with a transition by capacity
     * above any cut.
     */
    private static MinimumCut minimumCut(JourneySnapshot snapshot, Counts counts) {
        int n = snapshot.touchpoints().size();
        int sink = n + 1;
        EdgeTallies transitions = counts.transitions;
        DinicMaxFlow network = new DinicMaxFlow(n + 2);
        boolean[] inNetwork = new boolean[n + 1];
        int[] arcs = new int[transitions.size()];
        for (int edge = 0; edge < transitions.size(); edge++) {
            arcs[edge] = network.addArc(transitions.from[edge], transitions.to[edge], transitions.journeys(edge));
            inNetwork[transitions.from[edge]] = true;
            inNetwork[transitions.to[edge]] = true;
        }
        boolean anyCompetitor = false;
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            if (touchpoint.isCompetitor() && inNetwork[touchpoint.id()]) {
                network.addArc(touchpoint.id(), sink, counts.total + 1);
                anyCompetitor = true;
            }
        }
        if (!anyCompetitor) {
            return new MinimumCut(List.of(), 0);
        }
        long value = network.maximumFlow(counts.start, sink);
        boolean[] sinkSide = network.sinkSide(sink);
        List<CutEdge> edges = new ArrayList<>();
        for (int edge = 0; edge < transitions.size(); edge++) {
            int from = transitions.from[edge];
            int to = transitions.to[edge];
            if (!sinkSide[from] && sinkSide[to]) {
                edges.add(new CutEdge(from == n ? TransitionGraph.START : snapshot.touchpoint(from).name(),
                        snapshot.touchpoint(to).name(), network.arcCapacity(arcs[edge])));
            }
        }
        edges.sort(Comparator.comparingLong(CutEdge::journeys).reversed().thenComparing(CutEdge::from)
                .thenComparing(CutEdge::to));
        return new MinimumCut(edges, value);
    }
}
