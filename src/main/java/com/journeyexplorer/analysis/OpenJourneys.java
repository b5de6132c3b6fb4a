package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which journeys are still in progress. A journey is {@link Outcome#OPEN} when it has no purchase and no abandon
 * event and its last event lies within its open horizon of the latest event of the data: {@code latest - endedAt
 * < horizon}, where the horizon is the journey's own ({@link Journey#openHorizon()}, set by the import that wrote it)
 * or the default. Untimed (aggregated) journeys and a horizon of 0 are never open, and the journeys of a horizon of 0
 * (a finished log) do not count towards the latest event ({@link JourneySnapshot#movesTheClock}): an unrelated
 * finished file leaves the status of other imports' journeys as it was. Since the latest event moves with every
 * import, the status is derived for each snapshot when it is built, never stored.
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

    /** What a change made of a snapshot: the next one, and the ids of the journeys whose status moved besides. */
    public record Changed(JourneySnapshot snapshot, Set<String> statusMoved) {
    }

    /**
     * {@code before.withChanges(touchpoints, upserts, removals)} with every journey's status derived anew, and the ids
     * of the journeys not among {@code upserts} whose status that moved. Without removals, when the latest event does
     * not move back, only the open journeys and the upserts can change status (a finished journey stays finished as
     * the latest event moves on): O(upserts + open journeys) besides the copies of
     * {@link JourneySnapshot#withChanges}. Otherwise O(journeys).
     *
     * @param before a snapshot whose statuses are derived ({@link #apply}), as every published snapshot is
     */
    public static Changed applyChanges(JourneySnapshot before, List<Touchpoint> touchpoints,
            Collection<Journey> upserts, Collection<String> removals, long defaultHorizon) {
        if (defaultHorizon < 0) {
            throw new IllegalArgumentException("the open horizon must not be negative");
        }
        JourneySnapshot next = before.withChanges(touchpoints, upserts, removals);
        Set<String> upserted = new HashSet<>();
        for (Journey journey : upserts) {
            upserted.add(journey.id());
        }
        if (!removals.isEmpty() || next.latestEvent() < before.latestEvent()
                || next.journeys().size() < before.journeys().size()) {
            JourneySnapshot derived = apply(next, defaultHorizon);
            Set<String> moved = new HashSet<>();
            for (int position = 0; derived != next && position < next.journeys().size(); position++) {
                Journey journey = derived.journeys().get(position);
                if (journey != next.journeys().get(position) && !upserted.contains(journey.id())) {
                    moved.add(journey.id());
                }
            }
            return new Changed(derived, moved);
        }
        long latest = next.latestEvent();
        Set<Integer> candidates = new TreeSet<>();
        for (int position : next.openPositions()) {
            candidates.add(position);
        }
        for (String id : upserted) {
            candidates.add(next.positionOf(id));
        }
        List<Integer> positions = new ArrayList<>();
        List<Journey> replacements = new ArrayList<>();
        Set<String> moved = new HashSet<>();
        for (int position : candidates) {
            Journey journey = next.journeys().get(position);
            Outcome status = status(journey, latest, defaultHorizon, next.touchpoints());
            if (status != journey.outcome()) {
                positions.add(position);
                replacements.add(journey.withOutcome(status));
                if (!upserted.contains(journey.id())) {
                    moved.add(journey.id());
                }
            }
        }
        if (positions.isEmpty()) {
            return new Changed(next, moved);
        }
        return new Changed(next.withReplaced(positions.stream().mapToInt(Integer::intValue).toArray(), replacements),
                moved);
    }

    /** The time of the latest event of the timed journeys, epoch milliseconds; {@link Long#MIN_VALUE} for none. */
    public static long latestEvent(JourneySnapshot snapshot) {
        return snapshot.latestEvent();
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
