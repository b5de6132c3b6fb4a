package com.journeyexplorer.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * How many journeys a selection holds, weights counted (an aggregated path of weight 40 counts 40), in total and per
 * outcome. One pass over the journeys, O(journeys).
 *
 * @param outcomes every outcome, in declaration order, with 0 for those no journey has
 */
public record JourneyCounts(long journeys, Map<Outcome, Long> outcomes) {

    public JourneyCounts {
        outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
    }

    /** The journeys of {@code snapshot} that pass {@code selected}. */
    public static JourneyCounts of(JourneySnapshot snapshot, Predicate<Journey> selected) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        long journeys = 0;
        for (Journey journey : snapshot.journeys()) {
            if (selected.test(journey)) {
                journeys += journey.weight();
                outcomes.merge(journey.outcome(), (long) journey.weight(), Long::sum);
            }
        }
        return new JourneyCounts(journeys, outcomes);
    }

    /** Every journey of {@code snapshot}. */
    public static JourneyCounts of(JourneySnapshot snapshot) {
        return of(snapshot, journey -> true);
    }

    /** The journeys ending in a purchase. */
    public long purchases() {
        return outcomes.get(Outcome.PURCHASE);
    }
}
