package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * How the selected journeys move through a list of stages, over whole journeys. A journey <em>reaches</em> stage
 * {@code s} if one of its steps is at a touchpoint whose stage equals {@code s} (ignoring case); for the stage named
 * {@code purchase}, also if its outcome is PURCHASE. Reaching is judged per stage, so a journey may reach a later stage
 * without an earlier one.
 *
 * @param total  selected journeys, weighted
 * @param stages in the order asked
 */
public record Funnel(long total, List<Stage> stages) {

    /**
     * One stage. {@code shareOfTotal}: its journeys' share of {@code total}, null when no journey is selected.
     * {@code conversion}: the share of the journeys reaching the previous stage that also reach this one
     * (for the first stage: its share of {@code total}; null when the previous stage, or for the first stage the
     * selection, has no journeys, where a rate would be 0/0). {@code droppedOut}: journeys reaching this stage but not
     * the next (0 for the last stage); of them, the ABANDONED ones by last touchpoint ({@code abandonedAt}) and the
     * DIVERTED ones by the competitor touchpoint they ended on ({@code divertedTo}), each top N with shares of
     * {@code droppedOut}; the rest of {@code droppedOut} purchased. {@code responses} and {@code meanScore}: the
     * survey responses about the selected journeys reaching the stage and their mean normalized score (0..1); null
     * where there are none.
     */
    public record Stage(String stage, long journeys, Double shareOfTotal, Double conversion, long droppedOut,
            List<LabelCount> abandonedAt, List<LabelCount> divertedTo, Long responses, Double meanScore) {
        public Stage {
            abandonedAt = List.copyOf(abandonedAt);
            divertedTo = List.copyOf(divertedTo);
        }

        public Stage(String stage, long journeys, Double shareOfTotal, Double conversion, long droppedOut,
                List<LabelCount> abandonedAt, List<LabelCount> divertedTo) {
            this(stage, journeys, shareOfTotal, conversion, droppedOut, abandonedAt, divertedTo, null, null);
        }
    }

    public Funnel {
        stages = List.copyOf(stages);
    }

    /**
     * O(events + journeys · stages).
     *
     * @param stages stage names, at least one, all different (ignoring case)
     * @param top    how many touchpoints to list per drop-out kind, at least 0
     */
    public static Funnel of(JourneySnapshot snapshot, JourneySelection selection, List<String> stages, int top) {
        return of(snapshot, selection, stages, top, ResponsesByPosition.none());
    }

    /**
     * As {@link #of(JourneySnapshot, JourneySelection, List, int)}, and each stage carries the responses about the
     * selected journeys reaching it and their mean normalized score: each response's journey is tested against the
     * selection and its stages are found again from its steps. O(events + journeys · stages + responses · (steps of
     * the answered journey + stages)).
     */
    public static Funnel of(JourneySnapshot snapshot, JourneySelection selection, List<String> stages, int top,
            ResponsesByPosition responses) {
        return of(snapshot, selection, stages, top, responses, TwoHalves.PARALLEL_FROM);
    }

    /**
     * As {@link #of(JourneySnapshot, JourneySelection, List, int, ResponsesByPosition)}, the journeys counted in two
     * halves on two cores from {@code parallelFrom} records on.
     */
    static Funnel of(JourneySnapshot snapshot, JourneySelection selection, List<String> stages, int top,
            ResponsesByPosition responses, int parallelFrom) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("stages must not be empty");
        }
        if (top < 0) {
            throw new IllegalArgumentException("top must be at least 0");
        }
        if (stages.stream().map(stage -> stage.toLowerCase(Locale.ROOT)).distinct().count() < stages.size()) {
            // Reaching is judged per stage, so a repeated stage would be reached by all of its journeys again, yet
            // the stage map below sends its touchpoints to the first of them only.
            throw new IllegalArgumentException("stages must differ (ignoring case): " + stages);
        }
        int k = stages.size();
        int[] stageOf = new int[snapshot.touchpoints().size()];
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            stageOf[touchpoint.id()] = -1;
            for (int s = 0; s < k; s++) {
                if (stages.get(s).equalsIgnoreCase(touchpoint.stage())) {
                    stageOf[touchpoint.id()] = s;
                    break;
                }
            }
        }
        int purchaseStage = -1;
        for (int s = 0; s < k; s++) {
            if (stages.get(s).toLowerCase(Locale.ROOT).equals("purchase")) {
                purchaseStage = s;
            }
        }
        Predicate<Journey> filter = selection.predicate(snapshot);
        IntPredicate selected = selection.positions(snapshot);
        StepEdges edges = StepEdges.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int purchase = purchaseStage;
        Reach counted = TwoHalves.count(snapshot.journeys().size(), parallelFrom,
                (from, to) -> Reach.of(snapshot, edges, columns, from, to, selected, stageOf, purchase, k),
                Reach::add);
        long total = counted.total;
        long[] reached = counted.reached;
        long[] both = counted.both;
        long[] dropped = counted.dropped;
        List<Map<String, Long>> abandoned = counted.byName(counted.abandoned, snapshot);
        List<Map<String, Long>> diverted = counted.byName(counted.diverted, snapshot);
        ExperienceScore.Tally experience = new ExperienceScore.Tally(k);
        boolean[] reaches = new boolean[k];
        for (int i = 0; i < responses.size(); i++) {
            Journey journey = snapshot.journeys().get(responses.position(i));
            if (!filter.test(journey)) {
                continue;
            }
            Arrays.fill(reaches, false);
            reach(journey, stageOf, purchaseStage, reaches);
            for (int s = 0; s < k; s++) {
                if (reaches[s]) {
                    experience.add(s, responses.normalized(i));
                }
            }
        }
        List<Stage> result = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            long previous = s == 0 ? total : reached[s - 1];
            Double conversion = previous == 0 ? null : LabelCount.share(s == 0 ? reached[0] : both[s], previous);
            ExperienceScore score = experience.score(s);
            result.add(new Stage(stages.get(s), reached[s], LabelCount.shareOfSome(reached[s], total), conversion,
                    dropped[s], LabelCount.top(abandoned.get(s), dropped[s], top),
                    LabelCount.top(diverted.get(s), dropped[s], top),
                    score == null ? null : score.responses(), score == null ? null : score.meanScore()));
        }
        return new Funnel(total, result);
    }

    /** What one pass counts per stage: journeys reaching it, reaching the previous one too, dropping out, and where. */
    private static final class Reach {
        final long[] reached;
        final long[] both;
        final long[] dropped;
        /** Per stage, the journeys dropping out after it by the touchpoint id they ended at. */
        final long[][] abandoned;
        final long[][] diverted;
        long total;

        private Reach(int k, int touchpoints) {
            reached = new long[k];
            both = new long[k];
            dropped = new long[k];
            abandoned = new long[k][touchpoints];
            diverted = new long[k][touchpoints];
        }

        /** Each stage's non-zero counts by touchpoint name. */
        List<Map<String, Long>> byName(long[][] byTouchpoint, JourneySnapshot snapshot) {
            List<Map<String, Long>> named = new ArrayList<>(byTouchpoint.length);
            for (long[] counts : byTouchpoint) {
                Map<String, Long> stage = new HashMap<>();
                for (int touchpoint = 0; touchpoint < counts.length; touchpoint++) {
                    if (counts[touchpoint] != 0) {
                        stage.put(snapshot.touchpoint(touchpoint).name(), counts[touchpoint]);
                    }
                }
                named.add(stage);
            }
            return named;
        }

        /**
         * Counts the selected records among positions {@code [from, to)}, their steps read from the step column: the
         * first step, then each pair's target.
         */
        static Reach of(JourneySnapshot snapshot, StepEdges edges, JourneyColumns columns, int from, int to,
                IntPredicate selected, int[] stageOf, int purchaseStage, int k) {
            Reach counts = new Reach(k, snapshot.touchpoints().size());
            boolean[] reaches = new boolean[k];
            int purchased = Outcome.PURCHASE.ordinal();
            int abandonedOutcome = Outcome.ABANDONED.ordinal();
            int divertedOutcome = Outcome.DIVERTED.ordinal();
            for (int position = from; position < to; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                int weight = columns.weight(position);
                int outcome = columns.outcome(position);
                counts.total += weight;
                Arrays.fill(reaches, false);
                int last = edges.first(position);
                if (stageOf[last] >= 0) {
                    reaches[stageOf[last]] = true;
                }
                int end = edges.end(position);
                for (int pair = edges.start(position); pair < end; pair++) {
                    last = edges.to(edges.edgeAt(pair));
                    if (stageOf[last] >= 0) {
                        reaches[stageOf[last]] = true;
                    }
                }
                if (purchaseStage >= 0 && outcome == purchased) {
                    reaches[purchaseStage] = true;
                }
                for (int s = 0; s < k; s++) {
                    if (!reaches[s]) {
                        continue;
                    }
                    counts.reached[s] += weight;
                    if (s > 0 && reaches[s - 1]) {
                        counts.both[s] += weight;
                    }
                    if (s + 1 < k && !reaches[s + 1]) {
                        counts.dropped[s] += weight;
                        if (outcome == abandonedOutcome || outcome == divertedOutcome) {
                            (outcome == abandonedOutcome ? counts.abandoned : counts.diverted)[s][last] += weight;
                        }
                    }
                }
            }
            return counts;
        }

        /** Adds the counts of {@code later}. */
        Reach add(Reach later) {
            for (int s = 0; s < reached.length; s++) {
                reached[s] += later.reached[s];
                both[s] += later.both[s];
                dropped[s] += later.dropped[s];
                for (int touchpoint = 0; touchpoint < abandoned[s].length; touchpoint++) {
                    abandoned[s][touchpoint] += later.abandoned[s][touchpoint];
                    diverted[s][touchpoint] += later.diverted[s][touchpoint];
                }
            }
            total += later.total;
            return this;
        }
    }

    /** Marks in {@code reaches} the stages the journey reaches (the purchase stage also by its outcome). */
    private static void reach(Journey journey, int[] stageOf, int purchaseStage, boolean[] reaches) {
        for (int step : journey.steps()) {
            if (stageOf[step] >= 0) {
                reaches[stageOf[step]] = true;
            }
        }
        if (purchaseStage >= 0 && journey.outcome() == Outcome.PURCHASE) {
            reaches[purchaseStage] = true;
        }
    }
}
