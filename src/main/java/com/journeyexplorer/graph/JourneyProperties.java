package com.journeyexplorer.graph;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import com.journeyexplorer.journey.EventAttributes;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The one mapping between the domain model and what Neo4j stores: the properties of a {@code :Journey} node, of each
 * of its {@code VISITED} relationships and of a {@code :Touchpoint} node, and a stored row read back into a
 * {@link Journey} or {@link Touchpoint}. Both journey writers ({@link CypherJourneyWriter}, {@link EmbeddedJourneyWriter})
 * write exactly these properties, so the two cannot store different graphs. Values are Java arrays and
 * {@link java.time.ZonedDateTime}s, which the embedded API stores as they are and the Bolt driver sends as lists and
 * datetimes. See docs/adr/0001-graph-model.md. Each mapping is O(steps · event-attribute columns).
 */
final class JourneyProperties {

    /** Prefix of a journey attribute on a Journey node, and of an event attribute on a VISITED relationship. */
    static final String ATTRIBUTE_PREFIX = "attr.";

    /** Prefix of a Journey's event-attribute arrays (one value per step, "" where an event has none). */
    static final String EVENT_ATTRIBUTE_PREFIX = "event.";

    /**
     * The columns a query returns for {@link #journeyOf}, of the node bound to {@code j}; {@code $prefix} is
     * {@link #ATTRIBUTE_PREFIX}.
     */
    static final String JOURNEY_COLUMNS = """
            RETURN j.id AS id, j.customerId AS customerId, j.path AS path, j.times AS times,
                   j.stepTypes AS stepTypes, j.eventIds AS eventIds, j.value AS value, j.weight AS weight,
                   j.segment AS segment, j.device AS device, j.openHorizon AS openHorizon,
                   [k IN keys(j) WHERE k STARTS WITH $prefix | [substring(k, size($prefix)), toString(j[k])]] AS attributes,
                   [k IN keys(j) WHERE k STARTS WITH 'event.' | [substring(k, 6), j[k]]] AS eventAttributes
            """;

    private static final String[] TYPE_NAMES = typeNames();

    private JourneyProperties() {
    }

    /**
     * The properties of a journey's {@code :Journey} node, {@code importId} (the journal entry that wrote it)
     * included. An absent customer id, segment or device is left out rather than stored as "", so that
     * {@code j.segment IS NULL} finds every journey without one; {@link #journeyOf} reads it as "". Neo4j lists hold
     * no nulls: a step without an event id or an event-attribute value stores "".
     */
    static Map<String, Object> ofJourney(Journey journey, List<Touchpoint> touchpoints, String importId) {
        int length = journey.length();
        String[] path = new String[length];
        int[] types = new int[length];
        for (int i = 0; i < length; i++) {
            path[i] = touchpoints.get(journey.steps()[i]).name();
            types[i] = journey.types()[i];
        }
        Map<String, Object> props = new HashMap<>();
        props.put("id", journey.id());
        putIfAny(props, "customerId", journey.customerId());
        props.put("outcome", storedOutcome(journey, touchpoints).name());
        props.put("path", path);
        props.put("times", journey.times());
        props.put("stepTypes", types);
        props.put("steps", length);
        props.put("purchaseIndex", journey.purchaseIndex());
        props.put("value", journey.value());
        props.put("weight", journey.weight());
        putIfAny(props, "segment", journey.segment());
        putIfAny(props, "device", journey.device());
        if (journey.isTimed()) {
            props.put("startedAt", Instant.ofEpochMilli(journey.startedAt()).atZone(ZoneOffset.UTC));
            props.put("endedAt", Instant.ofEpochMilli(journey.endedAt()).atZone(ZoneOffset.UTC));
        }
        if (journey.eventIds() != null) {
            String[] ids = new String[length];
            for (int i = 0; i < length; i++) {
                ids[i] = journey.eventIds()[i] == null ? "" : journey.eventIds()[i];
            }
            props.put("eventIds", ids);
        }
        journey.attributes().forEach((name, value) -> props.put(ATTRIBUTE_PREFIX + name, value));
        for (String column : journey.events().columns()) {
            props.put(EVENT_ATTRIBUTE_PREFIX + column, storedValues(journey.events(), column));
        }
        if (journey.openHorizon() >= 0) {
            props.put("openHorizon", journey.openHorizon());
        }
        props.put("importId", importId);
        return props;
    }

    private static void putIfAny(Map<String, Object> props, String key, String text) {
        if (!text.isEmpty()) {
            props.put(key, text);
        }
    }

    /**
     * The properties of the {@code VISITED} relationship of step {@code step}: its index, the event type unless it is
     * a plain touchpoint visit, the time, the event id and the event's attributes, each only where the event has one.
     */
    static Map<String, Object> ofStep(Journey journey, int step) {
        Map<String, Object> props = new HashMap<>();
        props.put("index", step);
        EventType type = journey.type(step);
        if (type != EventType.TOUCHPOINT) {
            props.put("type", TYPE_NAMES[type.ordinal()]);
        }
        if (journey.isTimed()) {
            props.put("at", Instant.ofEpochMilli(journey.time(step)).atZone(ZoneOffset.UTC));
        }
        String eventId = journey.eventId(step);
        if (eventId != null) {
            props.put("eventId", eventId);
        }
        for (String column : journey.events().columns()) {
            String value = journey.events().value(column, step);
            if (value != null && !value.isEmpty()) {
                props.put(ATTRIBUTE_PREFIX + column, value);
            }
        }
        return props;
    }

    /**
     * The properties of a {@code :Touchpoint} node: name, projection index, channel, stage and owner. An unknown
     * channel or stage is left out rather than stored as "" (a Cypher {@code SET n.channel = t.channel} then removes
     * it), so that {@code t.stage IS NULL} finds every touchpoint without one; {@link #touchpointOf} reads it as "".
     */
    static Map<String, Object> ofTouchpoint(Touchpoint touchpoint) {
        Map<String, Object> props = new HashMap<>();
        props.put("name", touchpoint.name());
        props.put("index", touchpoint.id());
        props.put("owner", touchpoint.owner().label());
        if (!touchpoint.channel().isEmpty()) {
            props.put("channel", touchpoint.channel());
        }
        if (!touchpoint.stage().isEmpty()) {
            props.put("stage", touchpoint.stage());
        }
        return props;
    }

    /**
     * The outcome kept on a Journey node: how the journey ends as its events stand. Whether it is still open depends
     * on the latest event of all the data, so it is derived for each snapshot and never stored.
     */
    static Outcome storedOutcome(Journey journey, List<Touchpoint> touchpoints) {
        return journey.outcome() == Outcome.OPEN
                ? OutcomeRule.outcomeOf(journey.steps(), journey.types(), touchpoints)
                : journey.outcome();
    }

    /** An event-attribute column by step, "" where an event has no value (Neo4j lists hold no nulls). */
    static String[] storedValues(EventAttributes events, String column) {
        String[] values = events.values(column);
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] == null ? "" : values[i];
        }
        return values;
    }

    /**
     * Whether a row of {@link #JOURNEY_COLUMNS} keeps an absent customer id, segment or device as {@code ""}, as
     * versions before they were left out wrote them ({@link StoreSchema#removeEmptyJourneyTexts}).
     */
    static boolean keepsEmptyText(Record row) {
        return "".equals(row.get("customerId").asString(null)) || "".equals(row.get("segment").asString(null))
                || "".equals(row.get("device").asString(null));
    }

    /**
     * A journey read back from a row of {@link #JOURNEY_COLUMNS}, its steps resolved through {@code ids} (touchpoint
     * name to id); the outcome is derived from its events, as on every load.
     *
     * @throws IllegalStateException when it visits a touchpoint that {@code ids} does not know
     */
    static Journey journeyOf(Record row, Map<String, Integer> ids, List<Touchpoint> touchpoints) {
        List<Object> path = row.get("path").asList();
        int[] steps = new int[path.size()];
        for (int i = 0; i < steps.length; i++) {
            Integer id = ids.get((String) path.get(i));
            if (id == null) {
                throw new IllegalStateException("journey " + row.get("id").asString() + " visits touchpoint '"
                        + path.get(i) + "' that has no :Touchpoint node");
            }
            steps[i] = id;
        }
        List<Object> timeList = row.get("times").isNull() ? List.of() : row.get("times").asList();
        long[] times = new long[timeList.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = ((Number) timeList.get(i)).longValue();
        }
        List<Object> typeList = row.get("stepTypes").asList();
        byte[] types = new byte[typeList.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = ((Number) typeList.get(i)).byteValue();
        }
        String[] eventIds = null;
        Value eventIdValue = row.get("eventIds");
        if (!eventIdValue.isNull()) {
            eventIds = eventIdValue.asList(value -> value.asString().isEmpty() ? null : value.asString())
                    .toArray(String[]::new);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object pair : row.get("attributes").asList()) {
            List<?> entry = (List<?>) pair;
            attributes.put((String) entry.get(0), (String) entry.get(1));
        }
        Map<String, String[]> eventValues = new LinkedHashMap<>();
        for (Object pair : row.get("eventAttributes").asList()) {
            List<?> entry = (List<?>) pair;
            List<?> values = (List<?>) entry.get(1);
            String[] column = new String[values.size()];
            for (int i = 0; i < column.length; i++) {
                String value = (String) values.get(i);
                column[i] = value.isEmpty() ? null : value.intern();
            }
            eventValues.put((String) entry.get(0), column);
        }
        return new Journey(row.get("id").asString(), row.get("customerId").asString(""), steps, times, types, eventIds,
                OutcomeRule.outcomeOf(steps, types, touchpoints), OutcomeRule.firstPurchase(types),
                row.get("value").asDouble(0), row.get("weight").asInt(1), row.get("segment").asString("").intern(),
                row.get("device").asString("").intern(), attributes.isEmpty() ? Map.of() : attributes,
                EventAttributes.of(eventValues, steps.length), row.get("openHorizon").asLong(-1));
    }

    /** A touchpoint read back from a row with {@code name}, {@code channel}, {@code stage}, {@code owner}. */
    static Touchpoint touchpointOf(Record row, int id) {
        return new Touchpoint(id, row.get("name").asString(), row.get("channel").asString(""),
                row.get("stage").asString(""),
                "competitor".equals(row.get("owner").asString("own")) ? Owner.COMPETITOR : Owner.OWN);
    }

    private static String[] typeNames() {
        EventType[] types = EventType.values();
        String[] names = new String[types.length];
        for (EventType type : types) {
            names[type.ordinal()] = type.name().toLowerCase(Locale.ROOT);
        }
        return names;
    }
}
