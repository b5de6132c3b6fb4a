package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Per shaped label of the selected journeys' whole paths: the journeys that pass through it (each once) and its
 * visits, weighted; the outcome nodes count the journeys that end in them. Counts by label id in one pass, with
 * per-label marks holding the number of the journey that set them, so a journey costs O(steps) whatever the number
 * of labels: O(events + labels) in all. A label named like an outcome node counts together with it.
 */
public final class LabelVisits {

    private LabelVisits() {
    }

    /**
     * By label or outcome node name: {@code {journeys, visits}}; labels no selected journey visits are left out. The
     * records are selected by position and shaped from the step column, in two halves from
     * {@value TwoHalves#PARALLEL_FROM} records on.
     */
    public static Map<String, long[]> of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping) {
        return of(snapshot, selection, shaping, TwoHalves.PARALLEL_FROM);
    }

    /** As {@link #of(JourneySnapshot, JourneySelection, PathShaping)}, in halves from {@code parallelFrom} on. */
    static Map<String, long[]> of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            int parallelFrom) {
        IntPredicate selected = selection.positions(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        StepEdges edges = StepEdges.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int labels = shaper.labelCount();
        Visits counted = TwoHalves.count(snapshot.journeys().size(), parallelFrom, (from, to) -> {
            Visits part = new Visits(labels);
            int[] seenBy = new int[labels];
            LabelPath path = new LabelPath();
            int stamp = 0;
            for (int position = from; position < to; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                stamp++;
                int weight = columns.weight(position);
                shaper.shape(edges, position, false, path, Integer.MAX_VALUE);
                for (int i = 0; i < path.length; i++) {
                    int label = path.labels[i];
                    part.visits[label] += weight;
                    if (seenBy[label] != stamp) {
                        seenBy[label] = stamp;
                        part.journeys[label] += weight;
                    }
                }
                part.outcomes[columns.outcome(position)] += weight;
            }
            return part;
        }, Visits::add);
        long[] journeys = counted.journeys;
        long[] visits = counted.visits;
        long[] outcomes = counted.outcomes;
        Map<String, long[]> result = new HashMap<>();
        for (int label = 0; label < labels; label++) {
            if (journeys[label] > 0) {
                result.put(shaper.labelName(label), new long[] {journeys[label], visits[label]});
            }
        }
        for (Outcome outcome : Outcome.values()) {
            long count = outcomes[outcome.ordinal()];
            if (count > 0) {
                // a label named like an outcome node counts together with it
                result.merge(outcome.nodeName(), new long[] {count, count},
                        (label, node) -> new long[] {label[0] + node[0], label[1] + node[1]});
            }
        }
        return result;
    }

    /** Journeys and visits per label and journeys per outcome, of some of the selected records. */
    private static final class Visits {
        final long[] journeys;
        final long[] visits;
        final long[] outcomes = new long[Outcome.values().length];

        Visits(int labels) {
            journeys = new long[labels];
            visits = new long[labels];
        }

        /** Adds the counts of the records after these. */
        Visits add(Visits later) {
            for (int label = 0; label < journeys.length; label++) {
                journeys[label] += later.journeys[label];
                visits[label] += later.visits[label];
            }
            for (int outcome = 0; outcome < outcomes.length; outcome++) {
                outcomes[outcome] += later.outcomes[outcome];
            }
            return this;
        }
    }

    /**
     * Per shaped label of the selected journeys' whole paths, as {@link #of} counts journeys: the survey responses
     * about the selected journeys passing through it (each response once per label, unweighted) and their mean
     * normalized score; the outcome nodes have those of the journeys ending in them, and {@link TransitionGraph#START}
     * all of them. Labels without responses are left out. Each response's journey is tested against the selection and
     * shaped again: O(responses · steps of the answered journey + labels).
     */
    public static Map<String, ExperienceScore> experience(JourneySnapshot snapshot, JourneySelection selection,
            PathShaping shaping, ResponsesByPosition responses) {
        if (responses.isEmpty()) {
            return Map.of();
        }
        Predicate<Journey> filter = selection.predicate(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        int labels = shaper.labelCount();
        int outcomes = Outcome.values().length;
        // rows: the labels, then the outcome nodes, then (start)
        ExperienceScore.Tally tally = new ExperienceScore.Tally(labels + outcomes + 1);
        int[] seenBy = new int[labels];
        LabelPath path = new LabelPath();
        for (int i = 0; i < responses.size(); i++) {
            Journey journey = snapshot.journeys().get(responses.position(i));
            if (!filter.test(journey)) {
                continue;
            }
            double score = responses.normalized(i);
            int stamp = i + 1;
            shaper.shape(journey, false, path);
            for (int step = 0; step < path.length; step++) {
                int label = path.labels[step];
                if (seenBy[label] != stamp) {
                    seenBy[label] = stamp;
                    tally.add(label, score);
                }
            }
            tally.add(labels + journey.outcome().ordinal(), score);
            tally.add(labels + outcomes, score);
        }
        Map<String, ExperienceScore> result = new HashMap<>();
        for (int label = 0; label < labels; label++) {
            ExperienceScore score = tally.score(label);
            if (score != null) {
                result.put(shaper.labelName(label), score);
            }
        }
        for (Outcome outcome : Outcome.values()) {
            ExperienceScore score = tally.score(labels + outcome.ordinal());
            if (score != null) {
                // a label named like an outcome node counts together with it
                result.merge(outcome.nodeName(), score, ExperienceScore::plus);
            }
        }
        ExperienceScore all = tally.score(labels + outcomes);
        if (all != null) {
            result.put(TransitionGraph.START, all);
        }
        return result;
    }
}
