package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.SharedJourneyParts;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Reads the stored touchpoints and journeys, from which the in-memory projection is built at start-up (and the
 * touchpoints again during a rollback). Streams one query per kind; O(touchpoints + events).
 */
@Repository
class StoreLoader {

    private static final String LOAD_TOUCHPOINTS = """
            MATCH (t:Touchpoint {kind: 'touchpoint'})
            RETURN t.name AS name, t.index AS index, t.channel AS channel, t.stage AS stage, t.owner AS owner
            ORDER BY t.index, t.name
            """;

    private static final String LOAD_JOURNEYS = "MATCH (j:Journey)\n" + JourneyProperties.JOURNEY_COLUMNS;

    private static final String LOAD_JOURNEYS_BY_ID = "UNWIND $ids AS id\nMATCH (j:Journey {id: id})\n"
            + JourneyProperties.JOURNEY_COLUMNS;

    private static final String JOURNEY_IDS = "MATCH (j:Journey) RETURN j.id AS id";

    /** Journeys read back by id in one query each this many. */
    private static final int READ_BATCH = 5_000;

    private final Driver driver;

    StoreLoader(Driver driver) {
        this.driver = driver;
    }

    /**
     * Touchpoints ordered by their projection index, and every journey; noting, at no extra read, whether a journey
     * keeps an absent customer id, segment or device as {@code ""}, as older versions wrote them.
     */
    LoadedGraph load() {
        List<Touchpoint> touchpoints = loadTouchpoints();
        Map<String, Integer> ids = idsByName(touchpoints);
        try (Session session = CausalSessions.open(driver)) {
            List<Journey> journeys = new ArrayList<>();
            boolean[] emptyTexts = {false};
            session.run(LOAD_JOURNEYS, Map.of("prefix", JourneyProperties.ATTRIBUTE_PREFIX)).forEachRemaining(row -> {
                journeys.add(JourneyProperties.journeyOf(row, ids, touchpoints));
                emptyTexts[0] |= JourneyProperties.keepsEmptyText(row);
            });
            SharedJourneyParts shared = new SharedJourneyParts();
            journeys.replaceAll(journey -> inRecordOrder(journey, shared));
            return new LoadedGraph(touchpoints, journeys, emptyTexts[0]);
        }
    }

    /**
     * The stored journeys among {@code ids} (those not stored are left out), read against {@code touchpoints}, the
     * stored touchpoints in projection order. Index seeks on {@code journey_id}: O(their events).
     */
    List<Journey> loadJourneys(Collection<String> ids, List<Touchpoint> touchpoints) {
        Map<String, Integer> byName = idsByName(touchpoints);
        List<String> all = List.copyOf(ids);
        List<Journey> journeys = new ArrayList<>();
        SharedJourneyParts shared = new SharedJourneyParts();
        try (Session session = CausalSessions.open(driver)) {
            for (int from = 0; from < all.size(); from += READ_BATCH) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + READ_BATCH));
                session.run(LOAD_JOURNEYS_BY_ID, Map.of("ids", batch, "prefix", JourneyProperties.ATTRIBUTE_PREFIX))
                        .forEachRemaining(row -> journeys.add(
                                shared.share(JourneyProperties.journeyOf(row, byName, touchpoints))));
            }
        }
        return journeys;
    }

    /** The id of every stored journey: O(journeys), ids only. */
    Set<String> journeyIds() {
        try (Session session = CausalSessions.open(driver)) {
            Set<String> ids = new HashSet<>();
            session.run(JOURNEY_IDS).forEachRemaining(row -> ids.add(row.get("id").asString()));
            return ids;
        }
    }

    /** The stored touchpoints by their projection index, each given its position in the list as id. */
    List<Touchpoint> loadTouchpoints() {
        try (Session session = CausalSessions.open(driver)) {
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (Record row : session.run(LOAD_TOUCHPOINTS).list()) {
                touchpoints.add(JourneyProperties.touchpointOf(row, touchpoints.size()));
            }
            return touchpoints;
        }
    }

    /** Touchpoint name to id. */
    static Map<String, Integer> idsByName(List<Touchpoint> touchpoints) {
        Map<String, Integer> ids = new HashMap<>();
        touchpoints.forEach(t -> ids.put(t.name(), t.id()));
        return ids;
    }

    /**
     * What {@link #load} read: the touchpoints in projection order and every journey.
     *
     * @param emptyTextsFound whether a journey node keeps an absent customer id, segment or device as {@code ""}
     */
    record LoadedGraph(List<Touchpoint> touchpoints, List<Journey> journeys, boolean emptyTextsFound) {
    }

    /**
     * A copy of {@code journey} and of the time array the analyses scan, made right after the previous
     * record's: the records are then laid out in memory in their order. Read from the driver, each record lies among
     * the garbage of its row (the driver's values, lists and boxed numbers), and the garbage collector keeps them
     * scattered; a pass over every record then waits on memory for each one. At a million demo journeys loaded from
     * the store, the Markov attribution's pass over the records took four times the samples it takes on the copies
     * (section "Records in their order after a load from the store" of BENCHMARKS.md). The copies cost a pass over the
     * events, once. The parts that journeys repeat (step arrays of the same path, copied at their first sight, type
     * arrays, customer ids, details with their attribute maps) are taken from {@code shared} instead: one copy each.
     */
    private static Journey inRecordOrder(Journey journey, SharedJourneyParts shared) {
        return shared.copyInOrder(journey);
    }
}
