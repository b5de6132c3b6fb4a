package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Where the selected journeys leave, per raw touchpoint over whole journeys (each journey counted once per
 * touchpoint, weighted).
 *
 * @param touchpoints in the order of the {@link Ranking} asked for (most exits first by default), ties by name;
 *                    touchpoints no selected journey visits are left out
 */
public record Dropoff(List<TouchpointExits> touchpoints, long total) {

    /** What the touchpoints are ranked by, most first, ties by touchpoint name. */
    public enum Ranking {
        EXITS(Comparator.comparingLong(TouchpointExits::exits)),
        ABANDONMENT(Comparator.comparingLong(TouchpointExits::toAbandonment)),
        COMPETITORS(Comparator.comparingLong(TouchpointExits::toCompetitors)),
        EXIT_RATE(Comparator.comparingDouble(TouchpointExits::exitRate));

        private final Comparator<TouchpointExits> order;

        Ranking(Comparator<TouchpointExits> ascending) {
            this.order = ascending.reversed().thenComparing(TouchpointExits::touchpoint);
        }
    }

    /**
     * {@code journeys}: journeys visiting the touchpoint; {@code toAbandonment}: ABANDONED journeys whose last step it
     * is; {@code toCompetitors}: journeys in which a competitor touchpoint directly follows it at least once, or which
     * end DIVERTED on it; {@code exits} is their sum (a journey may count in both), and the rates are over
     * {@code journeys}.
     */
    public record TouchpointExits(String touchpoint, String stage, Owner owner, long journeys, long toAbandonment,
            long toCompetitors, long exits, double abandonmentRate, double competitorRate, double exitRate) {
    }

    public Dropoff {
        touchpoints = List.copyOf(touchpoints);
    }

    /** The {@code limit} touchpoints with the most exits, as {@link Ranking#EXITS} ranks them. */
    public static Dropoff of(JourneySnapshot snapshot, JourneySelection selection, int limit) {
        return of(snapshot, selection, Ranking.EXITS, limit);
    }

    /**
     * The {@code limit} touchpoints ranked first by {@code ranking}. O(events + touchpoints · log touchpoints):
     * per-touchpoint marks hold the number of the journey that set them, so nothing is cleared or allocated per
     * journey. From {@value TwoHalves#PARALLEL_FROM} records on, the halves are counted on two cores.
     *
     * @param limit how many touchpoints to list, at least 0
     */
    public static Dropoff of(JourneySnapshot snapshot, JourneySelection selection, Ranking ranking, int limit) {
        return of(snapshot, selection, ranking, limit, TwoHalves.PARALLEL_FROM);
    }

    /** As {@link #of(JourneySnapshot, JourneySelection, Ranking, int)}, in halves from {@code parallelFrom} on. */
    static Dropoff of(JourneySnapshot snapshot, JourneySelection selection, Ranking ranking, int limit,
            int parallelFrom) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        IntPredicate selected = selection.positions(snapshot);
        StepEdges edges = StepEdges.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int n = snapshot.touchpoints().size();
        boolean[] competitor = new boolean[n];
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            competitor[touchpoint.id()] = touchpoint.isCompetitor();
        }
        Exits exits = TwoHalves.count(snapshot.journeys().size(), parallelFrom,
                (from, to) -> Exits.of(edges, columns, from, to, selected, competitor), Exits::add);
        List<TouchpointExits> result = new ArrayList<>();
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            int id = touchpoint.id();
            long visitors = exits.journeys[id];
            if (visitors == 0) {
                continue;
            }
            long abandoned = exits.abandoned[id];
            long competitors = exits.competitors[id];
            result.add(new TouchpointExits(touchpoint.name(), touchpoint.stage(), touchpoint.owner(), visitors,
                    abandoned, competitors, abandoned + competitors, LabelCount.share(abandoned, visitors),
                    LabelCount.share(competitors, visitors), LabelCount.share(abandoned + competitors, visitors)));
        }
        result.sort(ranking.order);
        return new Dropoff(result.subList(0, Math.min(limit, result.size())), exits.total);
    }

    /** Per touchpoint, the weighted journeys visiting it and leaving from it to abandonment or to a competitor. */
    private static final class Exits {
        final long[] journeys;
        final long[] abandoned;
        final long[] competitors;
        long total;

        private Exits(int n) {
            journeys = new long[n];
            abandoned = new long[n];
            competitors = new long[n];
        }

        /**
         * Counts the selected records among positions {@code [from, to)}, their steps read from the step column: the
         * first step, then each pair's target.
         */
        static Exits of(StepEdges edges, JourneyColumns columns, int from, int to, IntPredicate selected,
                boolean[] competitor) {
            int n = competitor.length;
            Exits exits = new Exits(n);
            // the journey number that last visited, or last left for a competitor from, each touchpoint
            int[] visited = new int[n];
            int[] diverted = new int[n];
            int stamp = 0;
            int divertedOutcome = Outcome.DIVERTED.ordinal();
            for (int position = from; position < to; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                stamp++;
                int weight = columns.weight(position);
                exits.total += weight;
                int outcome = columns.outcome(position);
                int step = edges.first(position);
                int end = edges.end(position);
                for (int k = edges.start(position); k <= end; k++) {
                    int next = k < end ? edges.to(edges.edgeAt(k)) : -1;
                    if (visited[step] != stamp) {
                        visited[step] = stamp;
                        exits.journeys[step] += weight;
                    }
                    boolean toCompetitor = next >= 0 ? competitor[next] : outcome == divertedOutcome;
                    if (toCompetitor && diverted[step] != stamp) {
                        diverted[step] = stamp;
                        exits.competitors[step] += weight;
                    }
                    if (next >= 0) {
                        step = next;
                    }
                }
                if (outcome == Outcome.ABANDONED.ordinal()) {
                    exits.abandoned[step] += weight;
                }
            }
            return exits;
        }

        /** Adds the counts of {@code later}. */
        Exits add(Exits later) {
            for (int id = 0; id < journeys.length; id++) {
                journeys[id] += later.journeys[id];
                abandoned[id] += later.abandoned[id];
                competitors[id] += later.competitors[id];
            }
            total += later.total;
            return this;
        }
    }
}
