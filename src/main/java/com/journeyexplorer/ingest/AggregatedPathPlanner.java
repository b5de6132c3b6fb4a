package com.journeyexplorer.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyChanges;
import com.journeyexplorer.ingest.AggregatedPathReader.PathCounts;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Plans the journeys of aggregated path counts against the stored snapshot: each distinct path becomes at most two
 * journeys, one for its conversions (the path followed by a purchase event at the conversion touchpoint) and one for
 * its non-conversions, each with a {@link Journey#weight()} equal to its count, and an outcome by the domain's
 * {@link OutcomeRule}. A journey's id is made of the source, the outcome and a digest of the path, so importing a
 * source again replaces its counts instead of adding them; a path whose record would be the stored one (the same
 * count, value and outcome) is left as it is, so an unchanged upload writes nothing and leaves no journal entry.
 * Touchpoints not stored yet are created (the conversion touchpoint with stage {@code purchase}), those of the
 * journeys written only: a path counted 0 times creates none, nor does a path without conversions the conversion
 * touchpoint.
 * O(total steps of the distinct paths).
 */
final class AggregatedPathPlanner {

    private final AggregatedPathOptions options;

    AggregatedPathPlanner(AggregatedPathOptions options) {
        this.options = options;
    }

    JourneyChanges plan(JourneySnapshot snapshot, Collection<PathCounts> paths) {
        List<Touchpoint> touchpoints = new ArrayList<>(snapshot.touchpoints());
        Map<String, Integer> ids = new HashMap<>();
        touchpoints.forEach(t -> ids.put(t.name(), t.id()));
        Set<Touchpoint> changed = new LinkedHashSet<>();
        List<Journey> upserts = new ArrayList<>();
        Set<String> unchanged = new HashSet<>();
        Map<String, Journey> previous = new HashMap<>();
        long events = 0;
        int created = 0;
        int updated = 0;
        for (PathCounts counts : paths) {
            if (!counts.counted()) {
                // Counted 0 times: no journey, so no touchpoint either (one listed with 0 journeys).
                continue;
            }
            // The conversion touchpoint only for a path that converts: a touchpoint no journey visits is not made.
            int[] path = new int[counts.steps.size() + 1];
            for (int i = 0; i < (counts.conversions > 0 ? path.length : path.length - 1); i++) {
                String name = i < counts.steps.size() ? counts.steps.get(i) : options.conversionTouchpoint();
                Integer id = ids.get(name);
                if (id == null) {
                    id = touchpoints.size();
                    boolean competitor = options.competitor() != null && options.competitor().matches(name);
                    boolean conversion = i == counts.steps.size();
                    Touchpoint touchpoint = new Touchpoint(id, name, "", conversion ? "purchase" : "",
                            competitor ? Owner.COMPETITOR : Owner.OWN);
                    touchpoints.add(touchpoint);
                    ids.put(name, id);
                    changed.add(touchpoint);
                }
                path[i] = id;
            }
            for (boolean converted : new boolean[] {true, false}) {
                int[] steps = converted ? path : Arrays.copyOf(path, path.length - 1);
                long weight = converted ? counts.conversions : counts.nulls;
                if (weight == 0) {
                    continue;
                }
                byte[] types = new byte[steps.length];
                if (converted) {
                    types[steps.length - 1] = EventType.PURCHASE.code();
                }
                String id = "agg:" + options.source() + ":" + (converted ? "conversions" : "non-conversions") + ":"
                        + digest(counts.key());
                Journey journey = new Journey(id, "", steps, new long[0], types, null,
                        OutcomeRule.outcomeOf(steps, types, touchpoints), OutcomeRule.firstPurchase(types),
                        converted ? counts.value : 0, (int) weight, "", "",
                        Map.of("path", counts.key(), "source", options.source()));
                Journey old = snapshot.journey(id).orElse(null);
                if (old != null && sameRecord(old, journey)) {
                    // The same count, value and outcome again: nothing to write, and no copy for the undo to keep.
                    unchanged.add(id);
                    continue;
                }
                long oldEvents = 0;
                if (old == null) {
                    created++;
                } else {
                    updated++;
                    previous.put(id, old);
                    oldEvents = (long) old.weight() * old.length();
                }
                upserts.add(journey);
                // Events added: those by which the path's count rose (a count that fell removes events).
                events += Math.max(0, weight * steps.length - oldEvents);
            }
        }
        List<String> removals = replacedPaths(snapshot, upserts, unchanged, previous);
        return new JourneyChanges(touchpoints, List.copyOf(changed), upserts, removals, previous, events, 0,
                created, updated);
    }

    /**
     * The source's stored journeys that this upload does not write again: a path it leaves out, or counts 0 times,
     * goes, so that the source's counts are the upload's and not the upload's added to what was there. Adds them to
     * {@code previous}, for undo. O(stored journeys).
     */
    private List<String> replacedPaths(JourneySnapshot snapshot, List<Journey> upserts, Set<String> unchanged,
            Map<String, Journey> previous) {
        Set<String> kept = new HashSet<>(unchanged);
        upserts.forEach(journey -> kept.add(journey.id()));
        String prefix = "agg:" + options.source() + ":";
        List<String> removals = new ArrayList<>();
        for (Journey stored : snapshot.journeys()) {
            if (stored.id().startsWith(prefix) && !kept.contains(stored.id())
                    && options.source().equals(stored.attributes().get("source"))
                    && stored.attributes().containsKey("path")) {
                removals.add(stored.id());
                previous.put(stored.id(), stored);
            }
        }
        return removals;
    }

    /** Whether {@code stored} is already what {@code planned} would write: the same path, count, value and outcome. */
    private static boolean sameRecord(Journey stored, Journey planned) {
        return Arrays.equals(stored.steps(), planned.steps()) && Arrays.equals(stored.types(), planned.types())
                && stored.weight() == planned.weight()
                && Double.doubleToLongBits(stored.value()) == Double.doubleToLongBits(planned.value())
                && stored.outcome() == planned.outcome() && stored.purchaseIndex() == planned.purchaseIndex()
                && stored.attributes().equals(planned.attributes()) && !stored.isTimed();
    }

    /** The first 12 bytes of the path's SHA-256, in hex: a journey id of bounded length for any path. */
    private static String digest(String path) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
