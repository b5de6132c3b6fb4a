package com.journeyexplorer.ingest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column mapping suggested for an upload's header: for each role of {@link ColumnMapping} (journey, timestamp,
 * touchpoint, ...) the column that an import with these parameters should read. One rule, in this order:
 * <ol>
 * <li>the column the upload's parameter names ({@code journeyColumn=...}), whether or not the header has it;</li>
 * <li>the column the importer reads when the parameter is absent ({@link ColumnMapping#CANONICAL}, or for an XES log
 * {@link ColumnMapping#withXesDefaults()}), when the header has it;</li>
 * <li>an alias: for journey, timestamp and touchpoint the XES names that process logs use in CSV and NDJSON too
 * ({@code case:concept:name}, {@code time:timestamp}, {@code concept:name}); for every role the default name written
 * another way (case, {@code _}, {@code -}, spaces and dots ignored: {@code Journey ID}, {@code journeyId},
 * {@code TimeStamp}).</li>
 * </ol>
 * A GA4 export's header ({@code user_pseudo_id} and {@code ga_session_id}, GA4's {@code ga_session_id} being unique
 * per user only) without the default journey column gets both as the journey's key
 * ({@code user_pseudo_id,ga_session_id}, {@link JourneyKey}), and its {@code batch_ordering_id} and
 * {@code batch_event_index}, where present, as the order columns of the events of one time (the batch a page sent,
 * then the event's place in it: {@code batch_ordering_id,batch_event_index}; {@code batch_event_index} alone where
 * the header has no {@code batch_ordering_id}), and its {@code event_timestamp} and {@code page_location} (else
 * {@code event_name}) as the time and the touchpoint where the header has not the default columns, all suggested by
 * {@code ga4}; an {@code orderColumn} parameter is the order column suggested by {@code parameter}, one column or a
 * comma list of several, and given empty is none (events of one time keep file order as the import keeps them), GA4's
 * suggested none either. The order columns are no role
 * of the mapping: they stay event attributes. So is the event name's column ({@link #EVENT}): the {@code eventColumn}
 * parameter's, else GA4's {@code event_name} beside {@code page_location} ({@code ga4}, with
 * {@code purchaseEvent=purchase}) or PostHog's {@code event} beside {@code $current_url} ({@code posthog}), where no
 * role reads it; {@code eventColumn} given empty is none, suggested none as the import reads none.
 * A column serves one role at most (the roles are matched in the order of {@link ColumnMapping#byField()}). An alias
 * is a suggestion only: the importer itself reads no alias, so {@link #parameters()} names every column that is not the
 * importer's default, and importing with those parameters reads exactly the suggested columns. Cost: O(roles ×
 * columns).
 *
 * @param columns     role ({@code journey}, {@code timestamp}, ...) to its column, for the roles that have one, in the
 *                    order of {@link ColumnMapping#byField()}, then {@link #ORDER} for the order column if any
 * @param suggestedBy role to why that column: {@code parameter}, {@code default}, {@code alias} or {@code ga4}
 * @param mapping     the mapping to read the upload with: the suggested columns, the importer's defaults elsewhere
 */
public record ColumnSuggestion(Map<String, String> columns, Map<String, String> suggestedBy, ColumnMapping mapping) {

    /** Roles in the order of {@link ColumnMapping#byField()}, each with its query parameter {@code <role>Column}. */
    public static final List<String> ROLES = List.of("journey", "timestamp", "touchpoint", "channel", "stage",
            "customer", "owner", "type", "value", "segment", "device", "eventId", "score", "scale", "comment");

    /** The key of the order column ({@code orderColumn}) in {@link #columns()} and {@link #suggestedBy()}. */
    public static final String ORDER = "order";

    /** The key of the event name's column ({@code eventColumn}) in {@link #columns()} and {@link #suggestedBy()}. */
    public static final String EVENT = "event";

    /**
     * The event name's column of web exports that name the page in another column, with the page's column and the
     * reason suggested: GA4's {@code event_name} beside {@code page_location}, PostHog's {@code event} beside
     * {@code $current_url}.
     */
    private static final List<List<String>> EVENT_COLUMNS = List.of(
            List.of("event_name", "page_location", "ga4"),
            List.of("event", "$current_url", "posthog"));

    /** GA4's purchase event, suggested as {@code purchaseEvent} with its event column. */
    static final String GA4_PURCHASE = "purchase";

    /** The columns of a GA4 export that key a journey together: a user's session ids are unique per user only. */
    private static final List<String> GA4_KEY = List.of("user_pseudo_id", "ga_session_id");
    /**
     * The columns of a GA4 export that order the events of one time: the batch of events a page sent (a number
     * incremented for each request), then an event's place within its batch.
     */
    private static final List<String> GA4_ORDER = List.of("batch_ordering_id", "batch_event_index");
    /**
     * The columns of a GA4 export that serve a role, in order of preference: the event's time in epoch microseconds,
     * the page's address (cleaned by {@code urls=path}), else the event's name where the export has no address, the
     * purchase's revenue, and its transaction id as the event's id: GA4 sends a purchase again when the thank-you page
     * is reloaded, with the same transaction id, and without the id its revenue would count twice.
     */
    private static final Map<String, List<String>> GA4_ROLES = Map.of(
            "timestamp", List.of("event_timestamp"),
            "touchpoint", List.of("page_location", "event_name"),
            "value", List.of("purchase_revenue", "ecommerce.purchase_revenue"),
            "eventId", List.of("transaction_id", "ecommerce.transaction_id"));

    /** The XES names process logs use for a case, an activity and its time, read as aliases in CSV and NDJSON. */
    private static final Map<String, String> XES_ALIASES = Map.of(
            "journey", "case:concept:name",
            "timestamp", "time:timestamp",
            "touchpoint", "concept:name");

    public ColumnSuggestion {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        suggestedBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(suggestedBy));
    }

    /**
     * The suggestion for {@code header} (the upload's columns in order) under the columns the parameters name.
     *
     * @param format the upload's format: an XES log's defaults are the XES names
     */
    public static ColumnSuggestion of(List<String> header, ImportParameters parameters, EventImporter.Format format) {
        Map<String, String> given = given(parameters);
        ColumnMapping defaults = format == EventImporter.Format.XES ? ColumnMapping.CANONICAL.withXesDefaults()
                : ColumnMapping.CANONICAL;
        List<String> defaultColumns = List.copyOf(defaults.byField().values());
        Set<String> present = new HashSet<>(header);
        Set<String> taken = new HashSet<>();
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        // Named columns first, so that no default or alias takes a column a parameter gave to another role.
        // The columns of a journey key of several columns given as a parameter that no other parameter names: a role
        // whose default column is one of them still reads it (journeyColumn=journey_id,touchpoint keys by the
        // touchpoint too). A key of one column serves no other role.
        Set<String> keyOnly = new HashSet<>();
        given.forEach((role, column) -> {
            columns.put(role, column);
            why.put(role, "parameter");
            List<String> named = role.equals("journey") ? JourneyKey.columns(column) : List.of(column);
            if (role.equals("journey") && named.size() > 1) {
                keyOnly.addAll(named);
            } else {
                keyOnly.removeAll(named);
            }
            taken.addAll(named);
        });
        String order = parameters.orderColumn() == null || parameters.orderColumn().isBlank() ? null
                : parameters.orderColumn().strip();
        if (order != null) {
            taken.addAll(ImportParameters.names("orderColumn", List.of(order)));
        }
        boolean ga4 = present.containsAll(GA4_KEY);
        if (ga4 && !columns.containsKey("journey") && !present.contains(defaultColumns.get(0))
                && GA4_KEY.stream().noneMatch(taken::contains)) {
            columns.put("journey", String.join(",", GA4_KEY));
            why.put("journey", "ga4");
            taken.addAll(GA4_KEY);
        }
        for (int i = 0; i < ROLES.size(); i++) {
            String role = ROLES.get(i);
            if (columns.containsKey(role)) {
                continue;
            }
            String column = defaultColumns.get(i);
            String reason = "default";
            if (present.contains(column) && keyOnly.remove(column)) {
                // Read by the import as this role's default column, besides being a part of the journey key.
                columns.put(role, column);
                why.put(role, reason);
                continue;
            }
            if ((!present.contains(column) || taken.contains(column)) && ga4) {
                column = GA4_ROLES.getOrDefault(role, List.of()).stream()
                        .filter(candidate -> present.contains(candidate) && !taken.contains(candidate))
                        .findFirst().orElse(null);
                reason = "ga4";
            }
            if (column == null || !present.contains(column) || taken.contains(column)) {
                column = alias(role, defaultColumns.get(i), header, taken, format);
                reason = "alias";
            }
            if (column != null) {
                columns.put(role, column);
                why.put(role, reason);
                taken.add(column);
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        Map<String, String> orderedWhy = new LinkedHashMap<>();
        for (String role : ROLES) {
            if (columns.containsKey(role)) {
                ordered.put(role, columns.get(role));
                orderedWhy.put(role, why.get(role));
            }
        }
        ColumnMapping mapping = mappingOf(ordered, defaults);
        String event = parameters.eventColumn() == null || parameters.eventColumn().isBlank() ? null
                : parameters.eventColumn().strip();
        String eventWhy = event == null ? null : "parameter";
        // eventColumn given empty is none: no rule by name, as the import reads it, and none suggested either.
        boolean noEvent = parameters.eventColumn() != null && event == null;
        for (List<String> export : EVENT_COLUMNS) {
            if (event == null && !noEvent && present.contains(export.get(0)) && present.contains(export.get(1))
                    && mapping.parameterOf(export.get(0)) == null) {
                event = export.get(0);
                eventWhy = export.get(2);
            }
        }
        // orderColumn given empty is none: events of one time keep file order, as the import reads it, and none
        // suggested either.
        boolean noOrder = parameters.orderColumn() != null && order == null;
        if (order != null) {
            ordered.put(ORDER, order);
            orderedWhy.put(ORDER, "parameter");
        } else if (ga4 && !noOrder) {
            List<String> free = GA4_ORDER.stream().filter(column -> present.contains(column)
                    && !taken.contains(column) && mapping.parameterOf(column) == null).toList();
            // batch_event_index, after batch_ordering_id where the header has it; the batch alone is no suggestion.
            if (free.contains(GA4_ORDER.get(1))) {
                ordered.put(ORDER, String.join(",", free));
                orderedWhy.put(ORDER, "ga4");
            }
        }
        if (event != null) {
            ordered.put(EVENT, event);
            orderedWhy.put(EVENT, eventWhy);
        }
        return new ColumnSuggestion(ordered, orderedWhy, mapping);
    }

    /** The event name's column suggested ({@code eventColumn}), or null for none. */
    public String eventColumn() {
        return columns.get(EVENT);
    }

    /**
     * The rules by event name to preview with: those of {@code given} with the column suggested, and GA4's
     * {@code purchase} as the purchase event when the GA4 header suggested the column and no {@code purchaseEvent} was
     * given; {@code given} as it is without a suggested column.
     */
    EventNames eventNames(EventNames given) {
        String column = eventColumn();
        if (column == null || !given.isNone()) {
            return given;
        }
        return new EventNames(column, Set.of(), "ga4".equals(suggestedBy.get(EVENT)) ? Set.of(GA4_PURCHASE)
                : Set.of(), Set.of(), Set.of());
    }

    /**
     * The order column suggested ({@code orderColumn}), a comma list for several, or null for none: events of one time
     * keep file order.
     */
    public String orderColumn() {
        return columns.get(ORDER);
    }

    /** Role to the column its parameter names, for the parameters given (not blank). */
    private static Map<String, String> given(ImportParameters parameters) {
        List<String> values = java.util.Arrays.asList(parameters.journeyColumn(), parameters.timestampColumn(),
                parameters.touchpointColumn(), parameters.channelColumn(), parameters.stageColumn(),
                parameters.customerColumn(), parameters.ownerColumn(), parameters.typeColumn(),
                parameters.valueColumn(), parameters.segmentColumn(), parameters.deviceColumn(),
                parameters.eventIdColumn(), parameters.scoreColumn(), parameters.scaleColumn(),
                parameters.commentColumn());
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < ROLES.size(); i++) {
            if (values.get(i) != null && !values.get(i).isBlank()) {
                given.put(ROLES.get(i), values.get(i));
            }
        }
        return given;
    }

    /** The header's column that is an alias of {@code role}, not yet taken, or null. */
    private static String alias(String role, String defaultColumn, List<String> header, Set<String> taken,
            EventImporter.Format format) {
        String xes = XES_ALIASES.get(role);
        if (xes != null && format != EventImporter.Format.XES && header.contains(xes) && !taken.contains(xes)) {
            return xes;
        }
        String wanted = squeezed(defaultColumn);
        for (String column : header) {
            if (!taken.contains(column) && !column.isEmpty() && squeezed(column).equals(wanted)) {
                return column;
            }
        }
        return null;
    }

    /** A name without case, {@code _}, {@code -}, spaces and dots: {@code Journey ID} and {@code journey_id} agree. */
    static String squeezed(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s.]", "");
    }

    private static ColumnMapping mappingOf(Map<String, String> columns, ColumnMapping defaults) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> defaultColumns = List.copyOf(defaults.byField().values());
        for (int i = 0; i < ROLES.size(); i++) {
            fields.put(ROLES.get(i), columns.getOrDefault(ROLES.get(i), defaultColumns.get(i)));
        }
        return new ColumnMapping(fields.get("journey"), fields.get("timestamp"), fields.get("touchpoint"),
                fields.get("channel"), fields.get("stage"), fields.get("customer"), fields.get("owner"),
                fields.get("type"), fields.get("value"), fields.get("segment"), fields.get("device"),
                fields.get("eventId"), fields.get("score"), fields.get("scale"), fields.get("comment"));
    }

    /**
     * The query parameters that make {@code POST /api/events} read the suggested columns: {@code <role>Column} for
     * every role whose column is not the one the importer reads by default, and {@code orderColumn} for the order
     * column.
     */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> defaults = List.copyOf(ColumnMapping.CANONICAL.byField().values());
        columns.forEach((role, column) -> {
            if (role.equals(ORDER) || role.equals(EVENT) || !column.equals(defaults.get(ROLES.indexOf(role)))) {
                parameters.put(role + "Column", column);
            }
        });
        if ("ga4".equals(suggestedBy.get(EVENT))) {
            parameters.put("purchaseEvent", GA4_PURCHASE);
        }
        return parameters;
    }

    /**
     * The header's columns that no role reads: they become journey or event attributes (an unnamed one is left out),
     * the order column among them.
     */
    public List<String> attributes(List<String> header) {
        Set<String> used = new HashSet<>();
        columns.forEach((role, column) -> {
            if (!role.equals(ORDER) && !role.equals(EVENT)) {
                used.add(column);
            }
        });
        if (columns.containsKey("journey")) {
            used.addAll(JourneyKey.columns(columns.get("journey")));
        }
        return header.stream().filter(column -> !column.isEmpty() && !used.contains(column)).toList();
    }
}
