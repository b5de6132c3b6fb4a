package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyChanges;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.graph.NotStoredException;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Changes what stored journeys mean without importing them again: the outcome rules (which events are purchases,
 * which touchpoints are competitors') and a touchpoint's channel, stage and owner. Every journey whose events or
 * outcome change is rewritten, in Neo4j and in the projection, with the aggregated TRANSITION graph, journaled like an
 * import: all or nothing, and undoable with {@code DELETE /api/imports/{id}}. Cost: one pass over every stored event.
 */
@Service
public class Redefinitions {

    private final JourneyGraph graph;

    Redefinitions(JourneyGraph graph) {
        this.graph = graph;
    }

    /**
     * What a redefinition did.
     *
     * @param importId           its journal entry, or null when nothing changed
     * @param purchaseEvents     stored events that are purchases now (weighted)
     * @param competitors        touchpoints that are competitors' now
     * @param journeysChanged    journey records rewritten
     * @param outcomesBefore     journeys by outcome before (weighted)
     * @param outcomesAfter      and after
     */
    public record Result(String importId, long purchaseEvents, long competitors, long journeysChanged,
            Map<Outcome, Long> outcomesBefore, Map<Outcome, Long> outcomesAfter) {
    }

    /**
     * Applies new outcome rules to every stored journey. {@code purchases}: the touchpoints whose events are
     * purchases, replacing however purchases were defined before (rule or {@code type} column); null keeps them.
     * {@code competitor}: which touchpoints are competitors' (every other one becomes own); null keeps the owners.
     */
    public Result redefineOutcomes(Set<String> purchases, Predicate<String> competitor) {
        return apply("outcomes", before -> {
            List<Touchpoint> touchpoints = new ArrayList<>(before.touchpoints());
            List<Touchpoint> changed = new ArrayList<>();
            if (competitor != null) {
                for (int i = 0; i < touchpoints.size(); i++) {
                    Touchpoint t = touchpoints.get(i);
                    Owner owner = competitor.test(t.name()) ? Owner.COMPETITOR : Owner.OWN;
                    if (owner != t.owner()) {
                        Touchpoint next = new Touchpoint(t.id(), t.name(), t.channel(), t.stage(), owner);
                        touchpoints.set(i, next);
                        changed.add(next);
                    }
                }
            }
            boolean[] purchase = null;
            if (purchases != null) {
                purchase = new boolean[touchpoints.size()];
                for (Touchpoint t : touchpoints) {
                    purchase[t.id()] = purchases.contains(t.name());
                }
            }
            return plan(before, touchpoints, changed, purchase);
        });
    }

    /**
     * Sets a touchpoint's metadata; null leaves a field as it is, an empty channel or stage clears it. A change of
     * owner recomputes the outcome of the journeys that end there.
     *
     * @throws NotStoredException when no touchpoint has that name
     */
    public Result setTouchpoint(String name, String channel, String stage, Owner owner) {
        return apply("touchpoint", before -> {
            Touchpoint current = before.touchpoint(name).orElseThrow(() -> new NotStoredException("touchpoint", name));
            Touchpoint next = new Touchpoint(current.id(), name, channel == null ? current.channel() : channel,
                    stage == null ? current.stage() : stage, owner == null ? current.owner() : owner);
            if (next.equals(current)) {
                return new JourneyChanges(before.touchpoints(), List.of(), List.of(), List.of(), Map.of(), 0, 0, 0,
                        0);
            }
            List<Touchpoint> touchpoints = new ArrayList<>(before.touchpoints());
            touchpoints.set(current.id(), next);
            return plan(before, touchpoints, List.of(next), null);
        });
    }

    private Result apply(String kind, java.util.function.Function<JourneySnapshot, JourneyChanges> planner) {
        Map<Outcome, Long> outcomesBefore = new EnumMap<>(Outcome.class);
        return graph.change(kind, before -> {
            outcomesBefore.putAll(outcomes(before));
            return planner.apply(before);
        }, (changes, after, importId) -> new Result(importId, purchaseEvents(after), competitors(after),
                changes.upserts().size(), outcomesBefore, outcomes(after)));
    }

    /**
     * The journeys whose events (when {@code purchase} is given: purchase where the touchpoint says so, an ordinary
     * touchpoint where a purchase was; abandon events stay) or outcome differ under {@code touchpoints}.
     */
    private static JourneyChanges plan(JourneySnapshot before, List<Touchpoint> touchpoints,
            List<Touchpoint> changedTouchpoints, boolean[] purchase) {
        List<Journey> upserts = new ArrayList<>();
        Map<String, Journey> previous = new HashMap<>();
        byte purchaseCode = EventType.PURCHASE.code();
        byte touchpointCode = EventType.TOUCHPOINT.code();
        for (Journey journey : before.journeys()) {
            byte[] types = journey.types();
            if (purchase != null) {
                byte[] retyped = null;
                for (int i = 0; i < types.length; i++) {
                    byte type = types[i];
                    byte next = purchase[journey.steps()[i]] ? purchaseCode
                            : type == purchaseCode ? touchpointCode : type;
                    if (next != type) {
                        if (retyped == null) {
                            retyped = Arrays.copyOf(types, types.length);
                        }
                        retyped[i] = next;
                    }
                }
                if (retyped != null) {
                    types = retyped;
                }
            }
            Journey next = journey.withTypes(types, touchpoints);
            if (types != journey.types() || next.outcome() != journey.outcome()) {
                upserts.add(next);
                previous.put(journey.id(), journey);
            }
        }
        return new JourneyChanges(touchpoints, changedTouchpoints, upserts, List.of(), previous, 0, 0, 0,
                upserts.size());
    }

    private static Map<Outcome, Long> outcomes(JourneySnapshot snapshot) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0L);
        }
        for (Journey journey : snapshot.journeys()) {
            counts.merge(journey.outcome(), (long) journey.weight(), Long::sum);
        }
        return counts;
    }

    private static long purchaseEvents(JourneySnapshot snapshot) {
        long count = 0;
        for (Journey journey : snapshot.journeys()) {
            for (byte type : journey.types()) {
                if (type == EventType.PURCHASE.code()) {
                    count += journey.weight();
                }
            }
        }
        return count;
    }

    private static long competitors(JourneySnapshot snapshot) {
        return snapshot.touchpoints().stream().filter(Touchpoint::isCompetitor).count();
    }
}
