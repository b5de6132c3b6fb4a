package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import java.util.HashMap;
import java.util.Map;
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

    /** By label or outcome node name: {@code {journeys, visits}}; labels no selected journey visits are left out. */
    public static Map<String, long[]> of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping) {
        Predicate<Journey> filter = selection.predicate(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        int labels = shaper.labelCount();
        long[] journeys = new long[labels];
        long[] visits = new long[labels];
        int[] seenBy = new int[labels];
        long[] outcomes = new long[Outcome.values().length];
        LabelPath path = new LabelPath();
        int stamp = 0;
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            stamp++;
            int weight = journey.weight();
            shaper.shape(journey, false, path);
            for (int i = 0; i < path.length; i++) {
                int label = path.labels[i];
                visits[label] += weight;
                if (seenBy[label] != stamp) {
                    seenBy[label] = stamp;
                    journeys[label] += weight;
                }
            }
            outcomes[journey.outcome().ordinal()] += weight;
        }
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
}
