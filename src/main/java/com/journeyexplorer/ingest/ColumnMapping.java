package com.journeyexplorer.ingest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which input column holds each canonical field. Defaults are the canonical names ({@code journey_id},
 * {@code timestamp}, {@code touchpoint}, ...), so files in the canonical format need no mapping; a foreign event log
 * names its own columns (for instance {@code case:concept:name} for the journey id). The journey's column may be
 * several, as the parameter writes them ({@code user_pseudo_id,ga_session_id}: {@link #journeyColumns()}).
 */
public record ColumnMapping(
        String journey,
        String timestamp,
        String touchpoint,
        String channel,
        String stage,
        String customer,
        String owner,
        String type,
        String value,
        String segment,
        String device,
        String eventId,
        String score,
        String scale,
        String comment) {

    public static final ColumnMapping CANONICAL = new ColumnMapping("journey_id", "timestamp", "touchpoint", "channel",
            "stage", "customer_id", "owner", "type", "value", "segment", "device", "event_id", "score", "scale",
            "comment");

    public ColumnMapping {
        journey = orDefault(journey, "journey_id");
        timestamp = orDefault(timestamp, "timestamp");
        touchpoint = orDefault(touchpoint, "touchpoint");
        channel = orDefault(channel, "channel");
        stage = orDefault(stage, "stage");
        customer = orDefault(customer, "customer_id");
        owner = orDefault(owner, "owner");
        type = orDefault(type, "type");
        value = orDefault(value, "value");
        segment = orDefault(segment, "segment");
        device = orDefault(device, "device");
        eventId = orDefault(eventId, "event_id");
        score = orDefault(score, "score");
        scale = orDefault(scale, "scale");
        comment = orDefault(comment, "comment");
    }

    /**
     * For an XES log: the trace's name as the journey id, the event's {@code concept:name} as the touchpoint and its
     * {@code time:timestamp} as the time, where the upload did not name other columns for them.
     */
    public ColumnMapping withXesDefaults() {
        return new ColumnMapping(journey.equals(CANONICAL.journey) ? "case:concept:name" : journey,
                timestamp.equals(CANONICAL.timestamp) ? "time:timestamp" : timestamp,
                touchpoint.equals(CANONICAL.touchpoint) ? "concept:name" : touchpoint,
                channel, stage, customer, owner, type, value, segment, device, eventId, score, scale, comment);
    }

    private static String orDefault(String column, String canonical) {
        return column == null || column.isBlank() ? canonical : column;
    }

    /** Canonical field name to column name, in a fixed order. */
    public Map<String, String> byField() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("journey_id", journey);
        fields.put("timestamp", timestamp);
        fields.put("touchpoint", touchpoint);
        fields.put("channel", channel);
        fields.put("stage", stage);
        fields.put("customer_id", customer);
        fields.put("owner", owner);
        fields.put("type", type);
        fields.put("value", value);
        fields.put("segment", segment);
        fields.put("device", device);
        fields.put("event_id", eventId);
        fields.put("score", score);
        fields.put("scale", scale);
        fields.put("comment", comment);
        return fields;
    }

    /**
     * The columns of the journey's key ({@code journey} as a comma list with CSV quoting, see {@link JourneyKey}): one
     * for a single column, the default {@code journey_id} included.
     */
    public List<String> journeyColumns() {
        return JourneyKey.columns(journey);
    }

    /**
     * The columns named by a parameter rather than by default, each with the parameter's name ({@code stars} by
     * {@code scoreColumn}; each column of a journey key of several by {@code journeyColumn}): a CSV header must have
     * each, since a misspelt name would otherwise leave its field empty without a word (the answers of a
     * {@code scoreColumn=Stars} import silently not stored).
     */
    public Map<String, String> renamedColumns() {
        Map<String, String> renamed = new LinkedHashMap<>();
        Map<String, String> canonical = CANONICAL.byField();
        byField().forEach((field, column) -> {
            if (field.equals("journey_id")) {
                if (!column.equals(canonical.get(field))) {
                    journeyColumns().forEach(part -> renamed.putIfAbsent(part, PARAMETERS.get(field)));
                }
            } else if (!column.equals(canonical.get(field))) {
                renamed.putIfAbsent(column, PARAMETERS.get(field));
            }
        });
        return renamed;
    }

    /** The query parameter that names the column of the field that reads {@code column} ({@code typeColumn}). */
    public String parameterOf(String column) {
        if (journeyColumns().contains(column)) {
            return PARAMETERS.get("journey_id");
        }
        return byField().entrySet().stream().filter(field -> field.getValue().equals(column))
                .map(field -> PARAMETERS.get(field.getKey())).findFirst().orElse(null);
    }

    /** Canonical field name to the query parameter that names its column. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("journey_id", "journeyColumn"),
            Map.entry("timestamp", "timestampColumn"), Map.entry("touchpoint", "touchpointColumn"),
            Map.entry("channel", "channelColumn"), Map.entry("stage", "stageColumn"),
            Map.entry("customer_id", "customerColumn"), Map.entry("owner", "ownerColumn"),
            Map.entry("type", "typeColumn"), Map.entry("value", "valueColumn"), Map.entry("segment", "segmentColumn"),
            Map.entry("device", "deviceColumn"), Map.entry("event_id", "eventIdColumn"),
            Map.entry("score", "scoreColumn"), Map.entry("scale", "scaleColumn"),
            Map.entry("comment", "commentColumn"));

    /** Columns that feed a canonical field; every other column is kept as a journey attribute. */
    public Set<String> mappedColumns() {
        Set<String> columns = new HashSet<>(byField().values());
        columns.remove(journey);
        columns.addAll(journeyColumns());
        return Set.copyOf(columns);
    }
}
