package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Which journeys are still in progress. A journey is {@link Outcome#OPEN} when it has no purchase and no abandon
 * event and its last event lies within its open horizon of the latest event of all the data: {@code latest - endedAt
 * < horizon}, where the horizon is the journey's own ({@link Journey#openHorizon()}, set by the import that wrote it)
 * or the default. Untimed (aggregated) journeys and a horizon of 0 are never open. Since the latest event moves with
 * every import, the status is derived for each snapshot when it is built, never stored.
 */
public final class OpenJourneys {

    private OpenJourneys() {
    }

    /**
     * {@code snapshot} with every journey's status derived anew: the same snapshot when nothing changes, else a new
     * one of the same version in which the changed journeys are replaced. O(journeys).
     *
     * @param defaultHorizon milliseconds, for journeys imported without a horizon of their own; 0 turns it off
     */
    public static JourneySnapshot apply(JourneySnapshot snapshot, long defaultHorizon) {
        if (defaultHorizon < 0) {
            throw new IllegalArgumentException("the open horizon must not be negative");
        }
        long latest = latestEvent(snapshot);
        List<Journey> journeys = snapshot.journeys();
        List<Journey> next = null;
        for (int position = 0; position < journeys.size(); position++) {
            Journey journey = journeys.get(position);
            Outcome status = status(journey, latest, defaultHorizon, snapshot.touchpoints());
            if (status != journey.outcome()) {
                if (next == null) {
                    next = new ArrayList<>(journeys);
                }
                next.set(position, journey.withOutcome(status));
            }
        }
        return next == null ? snapshot : new JourneySnapshot(snapshot.touchpoints(), next, snapshot.version());
    }

    /** The time of the latest event of the timed journeys, epoch milliseconds; {@link Long#MIN_VALUE} for none. */
    public static long latestEvent(JourneySnapshot snapshot) {
        long latest = Long.MIN_VALUE;
        for (Journey journey : snapshot.journeys()) {
            if (journey.isTimed() && journey.endedAt() > latest) {
                latest = journey.endedAt();
            }
        }
        return latest;
    }

    /** The outcome of {@code journey} given the data's latest event. */
    static Outcome status(Journey journey, long latest, long defaultHorizon, List<Touchpoint> touchpoints) {
        long horizon = journey.openHorizon() >= 0 ? journey.openHorizon() : defaultHorizon;
        boolean open = journey.isTimed() && journey.purchaseIndex() < 0 && horizon > 0
                && latest - journey.endedAt() < horizon && !journey.hasAbandonEvent();
        if (open) {
            return Outcome.OPEN;
        }
        return journey.outcome() == Outcome.OPEN
                ? OutcomeRule.outcomeOf(journey.steps(), journey.types(), touchpoints)
                : journey.outcome();
    }
}
