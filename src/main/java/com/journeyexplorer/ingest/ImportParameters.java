package com.journeyexplorer.ingest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;


import com.journeyexplorer.journey.NameList;
import com.journeyexplorer.journey.NamePattern;
import com.journeyexplorer.journey.PatternBudget;
import com.journeyexplorer.journey.Scale;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The options of an event import as text, as the query parameters of {@code POST /api/events} and the options of
 * the command-line import name them: column names, outcome rules, formats and error handling. Bound by
 * Spring MVC from parameters of the same names, except {@code purchase}, {@code competitor}, {@code frustration},
 * {@code rewrite} and the rules by event name ({@code events}, {@code purchaseEvent}, {@code frustrationEvent},
 * {@code abandonEvent}), which the controller sets from the raw values ({@link #withRules}, {@link #withEventRules})
 * so that names with commas survive.
 *
 * <p>A list parameter ({@code purchase}, {@code competitor}, {@code frustration}, the rules by event name) given once
 * is a comma list with CSV quoting: {@code purchase="Pay, now",Other} is two names. Given several times, each value is
 * one whole name: {@code purchase=Pay, now&purchase=Other}. {@code journeyColumn} lists columns the same way: the
 * columns whose values name a journey together ({@code user_pseudo_id,ga_session_id}, see {@link #withJourneyColumn}),
 * and {@code orderColumn} the columns whose values order a journey's events of one time, first column first
 * ({@code batch_ordering_id,batch_event_index}, see {@link #withOrderColumn}).
 */
public record ImportParameters(
        @Parameter(description = "The column of the journey id; a comma list (CSV quoting) or the parameter given "
                + "several times names the columns whose values name a journey together (XES: case:concept:name)",
                schema = @Schema(defaultValue = "journey_id"))
        String journeyColumn,
        @Parameter(description = "The column of the event's time (XES: time:timestamp)",
                schema = @Schema(defaultValue = "timestamp"))
        String timestampColumn,
        @Parameter(description = "The column of the touchpoint's name (XES: concept:name)",
                schema = @Schema(defaultValue = "touchpoint"))
        String touchpointColumn,
        @Parameter(description = "The column of the touchpoint's channel", schema = @Schema(defaultValue = "channel"))
        String channelColumn,
        @Parameter(description = "The column of the touchpoint's stage", schema = @Schema(defaultValue = "stage"))
        String stageColumn,
        @Parameter(description = "The column of the customer id", schema = @Schema(defaultValue = "customer_id"))
        String customerColumn,
        @Parameter(description = "The column of the owner (own or competitor)", schema = @Schema(defaultValue = "owner"))
        String ownerColumn,
        @Parameter(description = "The column of the event type (touchpoint, purchase, abandon or frustration)", schema = @Schema(defaultValue = "type"))
        String typeColumn,
        @Parameter(description = "The column of a purchase's order value", schema = @Schema(defaultValue = "value"))
        String valueColumn,
        @Parameter(description = "The column of the journey's segment", schema = @Schema(defaultValue = "segment"))
        String segmentColumn,
        @Parameter(description = "The column of the journey's device", schema = @Schema(defaultValue = "device"))
        String deviceColumn,
        @Parameter(description = "The column of the event's identity", schema = @Schema(defaultValue = "event_id"))
        String eventIdColumn,
        @Parameter(description = "The column of an inline survey score", schema = @Schema(defaultValue = "score"))
        String scoreColumn,
        @Parameter(description = "The column of an inline survey score's scale", schema = @Schema(defaultValue = "scale"))
        String scaleColumn,
        @Parameter(description = "The column of an inline survey comment", schema = @Schema(defaultValue = "comment"))
        String commentColumn,
        @Parameter(description = "The scale of inline scores of rows without one: nps, csat, ces, rating or "
                + "sentiment")
        String scale,
        @Parameter(description = "Touchpoints whose events are purchases; one value is a comma list (CSV quoting), "
                + "several are one name each")
        List<String> purchase,
        @Parameter(description = "Competitor touchpoints: one value is a comma list of names or a regular "
                + "expression, several are one name or expression each")
        List<String> competitor,
        @Parameter(description = "reject refuses the upload at any bad row, skip imports the good rows",
                schema = @Schema(allowableValues = {"reject", "skip"}, defaultValue = "reject"))
        String onError,
        @Parameter(description = "The CSV delimiter, one character or tab; detected from the header when absent")
        String delimiter,
        @Parameter(description = "Events of a customer without a journey id further apart than this start a new "
                + "journey (30m, 2h, PT45M); default the setting journeys.ingest.session-gap, 30m unless set",
                schema = @Schema(defaultValue = "30m"))
        String sessionGap,
        @Parameter(description = "auto, iso, epoch-seconds, epoch-millis, epoch-micros, epoch-nanos or a "
                + "DateTimeFormatter pattern such as dd/MM/yyyy HH:mm:ss", schema = @Schema(defaultValue = "auto"))
        String timestampFormat,
        @Parameter(description = "The time zone of the times without an offset: an IANA zone (Europe/Paris), an "
                + "offset (+02:00) or UTC; default the setting journeys.ingest.default-zone")
        String zone,
        @Parameter(description = "comma reads values written 12,50 or 1.234,50",
                schema = @Schema(allowableValues = {"point", "comma"}, defaultValue = "point"))
        String decimal,
        @Parameter(description = "customer splits every customer's events into journeys at sessionGap, the "
                + "journey id column not read; journey takes the journey id and splits only rows without one",
                schema = @Schema(allowableValues = {"journey", "customer"}, defaultValue = "journey"))
        String sessionize,
        @Parameter(description = "The input format when the content type does not say it; else sniffed ({ first is "
                + "NDJSON, < first is XES)", schema = @Schema(allowableValues = {"csv", "ndjson", "xes"}))
        String format,
        @Parameter(description = "A journey without purchase whose last event is less than this before the data's "
                + "latest event stays open (30d, 12h; 0 for a finished log); default the setting "
                + "journeys.open-horizon, 30d unless set", schema = @Schema(defaultValue = "30d"))
        String openHorizon,
        @Parameter(description = "Touchpoints whose events are frustration signals, listed as purchase")
        List<String> frustration,
        @Parameter(description = "path or host-path: a touchpoint that is a page address is named by its path (and "
                + "host), without query string or fragment", schema = @Schema(allowableValues = {"path", "host-path"}))
        String urls,
        @Parameter(description = "REGEX -> TEXT, repeatable: rewrite rules applied to each touchpoint's name in "
                + "order, after urls", example = "/product/\\d+ -> /product/:id")
        List<String> rewrite,
        @Parameter(description = "The columns whose values order a journey's events of one time, first column "
                + "first (a comma list, or the parameter given several times)")
        String orderColumn,
        @Parameter(description = "The column of the event's name (event_name for GA4, event for PostHog and "
                + "Segment, event_type for Amplitude), which the rules by event name read")
        String eventColumn,
        @Parameter(description = "The event names kept as steps (needs eventColumn), listed as purchase")
        List<String> events,
        @Parameter(description = "The event names that are purchases (needs eventColumn), listed as purchase")
        List<String> purchaseEvent,
        @Parameter(description = "The event names that are frustration signals (needs eventColumn), listed as "
                + "purchase")
        List<String> frustrationEvent,
        @Parameter(description = "The event names that are abandon events (needs eventColumn), listed as "
                + "purchase")
        List<String> abandonEvent) {

    /** The zone ids a {@code zone} may name in another case: the region ids and the fixed ones without an offset. */
    private static final List<String> ZONE_IDS_IN_ANY_CASE = Stream.concat(ZoneId.getAvailableZoneIds().stream(),
            Stream.of("UTC", "GMT", "UT", "Z")).toList();

    /** Regular-expression characters that do not occur in ordinary touchpoint names. */
    private static final Pattern REGEX_HINT = Pattern.compile("[*+?\\[\\]^$|\\\\]");

    /** These parameters with the rules' raw values (each as sent; null when absent). */
    public ImportParameters withRules(String[] purchaseValues, String[] competitorValues,
            String[] frustrationValues, String[] rewriteValues) {
        return new ImportParameters(journeyColumn, timestampColumn, touchpointColumn, channelColumn, stageColumn,
                customerColumn, ownerColumn, typeColumn, valueColumn, segmentColumn, deviceColumn, eventIdColumn,
                scoreColumn, scaleColumn, commentColumn, scale, purchaseValues == null ? null : List.of(purchaseValues),
                competitorValues == null ? null : List.of(competitorValues), onError, delimiter, sessionGap,
                timestampFormat, zone, decimal, sessionize, format, openHorizon,
                frustrationValues == null ? null : List.of(frustrationValues), urls,
                rewriteValues == null ? null : List.of(rewriteValues), orderColumn, eventColumn, events, purchaseEvent,
                frustrationEvent, abandonEvent);
    }

    /**
     * These parameters with the rules by event name as sent ({@code events}, {@code purchaseEvent},
     * {@code frustrationEvent}, {@code abandonEvent}; each null when absent), lists like {@code purchase}.
     */
    public ImportParameters withEventRules(String[] eventsValues, String[] purchaseEventValues,
            String[] frustrationEventValues, String[] abandonEventValues) {
        return new ImportParameters(journeyColumn, timestampColumn, touchpointColumn, channelColumn, stageColumn,
                customerColumn, ownerColumn, typeColumn, valueColumn, segmentColumn, deviceColumn, eventIdColumn,
                scoreColumn, scaleColumn, commentColumn, scale, purchase, competitor, onError, delimiter, sessionGap,
                timestampFormat, zone, decimal, sessionize, format, openHorizon, frustration, urls, rewrite,
                orderColumn, eventColumn, listOf(eventsValues), listOf(purchaseEventValues),
                listOf(frustrationEventValues), listOf(abandonEventValues));
    }

    private static List<String> listOf(String[] values) {
        return values == null ? null : List.of(values);
    }

    /**
     * These parameters with the journey's column as sent ({@code values}, null when absent): one value is a comma
     * list with CSV quoting of the key's columns, several are one column each ({@link JourneyKey}).
     */
    public ImportParameters withJourneyColumn(String[] values) {
        return new ImportParameters(JourneyKey.text(values), timestampColumn, touchpointColumn, channelColumn,
                stageColumn, customerColumn, ownerColumn, typeColumn, valueColumn, segmentColumn, deviceColumn,
                eventIdColumn, scoreColumn, scaleColumn, commentColumn, scale, purchase, competitor, onError, delimiter,
                sessionGap, timestampFormat, zone, decimal, sessionize, format, openHorizon, frustration, urls, rewrite,
                orderColumn, eventColumn, events, purchaseEvent, frustrationEvent, abandonEvent);
    }

    /**
     * These parameters with the order column as sent ({@code values}, null when absent): one value is a comma list with
     * CSV quoting of the columns, first column first; several are one column each, as {@link #withJourneyColumn}.
     */
    public ImportParameters withOrderColumn(String[] values) {
        return new ImportParameters(journeyColumn, timestampColumn, touchpointColumn, channelColumn, stageColumn,
                customerColumn, ownerColumn, typeColumn, valueColumn, segmentColumn, deviceColumn, eventIdColumn,
                scoreColumn, scaleColumn, commentColumn, scale, purchase, competitor, onError, delimiter, sessionGap,
                timestampFormat, zone, decimal, sessionize, format, openHorizon, frustration, urls, rewrite,
                values == null ? orderColumn : JourneyKey.text(values), eventColumn, events, purchaseEvent,
                frustrationEvent, abandonEvent);
    }

    public ImportOptions toOptions(Duration defaultGap) {
        JourneyKey.columns(journeyColumn); // a quote not closed is a 400 naming journeyColumn
        ColumnMapping mapping = new ColumnMapping(journeyColumn, timestampColumn, touchpointColumn, channelColumn,
                stageColumn, customerColumn, ownerColumn, typeColumn, valueColumn, segmentColumn, deviceColumn,
                eventIdColumn, scoreColumn, scaleColumn, commentColumn);
        List<String> competitors = competitorNames(competitor);
        boolean regex = competitors.stream().anyMatch(name -> REGEX_HINT.matcher(name).find());
        // One budget for the work of every regular expression of the import: rewrite rules and the competitor's.
        PatternBudget budget = new PatternBudget();
        TouchpointCleaning cleaning = TouchpointCleaning.of(urls, rewrite, budget);
        // A quote not closed is a 400 naming orderColumn; so is a column that a field reads.
        List<String> orderColumns = orderColumn == null ? List.of() : names("orderColumn", List.of(orderColumn));
        String order = orderColumns.isEmpty() ? null : orderColumn.strip();
        for (String column : orderColumns) {
            if (mapping.parameterOf(column) != null) {
                throw new InvalidImportOptionException("orderColumn", "'" + TimestampParser.abbreviate(column)
                        + "' is the column " + mapping.parameterOf(column) + " reads (by default where it is not "
                        + "given): an order column is one of its own, kept as an event attribute", column);
            }
        }
        // Each competitor name cleaned once, for the rule and for the report.
        Map<String, String> cleanedCompetitors = cleanedNames(competitors, cleaning);
        return new ImportOptions(mapping, new LinkedHashSet<>(names("purchase", purchase)),
                competitorPattern(cleanedCompetitors, budget), errorMode(onError), gap(sessionGap, defaultGap),
                delimiter(delimiter), regex ? Map.of() : cleanedCompetitors, timestampFormat(timestampFormat),
                decimalComma(decimal), sessionizeByCustomer(sessionize), horizon(openHorizon), scale(scale),
                new LinkedHashSet<>(names("frustration", frustration)), zone(zone), cleaning, order,
                eventNames(mapping));
    }

    /**
     * The rules by event name: {@code eventColumn} and the lists {@code events}, {@code purchaseEvent},
     * {@code frustrationEvent} and {@code abandonEvent}, which need the column.
     */
    private EventNames eventNames(ColumnMapping mapping) {
        String column = eventColumn == null || eventColumn.isBlank() ? null : eventColumn.strip();
        List<String> kept = names("events", events);
        List<String> purchases = names("purchaseEvent", purchaseEvent);
        List<String> frustrations = names("frustrationEvent", frustrationEvent);
        List<String> abandons = names("abandonEvent", abandonEvent);
        if (column == null) {
            for (var rule : List.of(Map.entry("events", kept), Map.entry("purchaseEvent", purchases),
                    Map.entry("frustrationEvent", frustrations), Map.entry("abandonEvent", abandons))) {
                if (!rule.getValue().isEmpty()) {
                    throw new InvalidImportOptionException(rule.getKey(), "names events by the column of their "
                            + "names, which eventColumn gives (eventColumn=event_name for GA4, event for PostHog and "
                            + "Segment, event_type for Amplitude)");
                }
            }
            return EventNames.NONE;
        }
        if (column.equals(mapping.timestamp()) || mapping.journeyColumns().contains(column)) {
            throw new InvalidImportOptionException("eventColumn", "'" + TimestampParser.abbreviate(column) + "' is "
                    + "the column " + mapping.parameterOf(column) + " reads (by default where it is not given): the "
                    + "event's name is a column of its own");
        }
        return new EventNames(column, new LinkedHashSet<>(kept), new LinkedHashSet<>(purchases),
                new LinkedHashSet<>(frustrations), new LinkedHashSet<>(abandons));
    }

    /**
     * {@code zone}: the time zone of the upload's times without an offset, an IANA zone ({@code Europe/Paris}) or an
     * offset ({@code +02:00}, {@code UTC}), as the analyses' {@code zone} takes it; null when absent, for the setting
     * {@code journeys.ingest.default-zone}.
     */
    public static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            // Zone ids are case-sensitive; a user who writes utc or europe/paris means UTC or Europe/Paris.
            for (String id : ZONE_IDS_IN_ANY_CASE) {
                if (id.equalsIgnoreCase(value.strip())) {
                    return ZoneId.of(id);
                }
            }
            // A '+' in a query string is a space: zone=+02:00 arrives as " 02:00", or stripped as "02:00".
            String plus = Character.isDigit(value.strip().charAt(0))
                    ? " (a + in a query string is a space: write it %2B, zone=%2B02:00)" : "";
            throw new InvalidImportOptionException("zone", "must be a time zone such as Europe/Paris, UTC or +02:00, "
                    + "was '" + TimestampParser.abbreviate(value) + "'" + plus);
        }
    }

    /** {@code scale}: the scale of scored rows that name none ({@code nps}, ...); null when absent. */
    static Scale scale(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Scale.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidImportOptionException("scale", e.getMessage());
        }
    }

    /** {@code openHorizon}: a duration ({@code 30d}, {@code 12h}, {@code PT0S}), 0 for none; null for the setting. */
    static Duration horizon(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DurationText.parse(value, "30d, 12h or PT0S (0: every journey is finished)");
        } catch (IllegalArgumentException e) {
            throw new InvalidImportOptionException("openHorizon", e.getMessage());
        }
    }

    /** The input format named by {@code format}, or null to take it from the content type or sniff it. */
    public EventImporter.Format inputFormat() {
        try {
            return EventImporter.Format.ofName(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidImportOptionException("format", e.getMessage());
        }
    }

    static TimestampFormat timestampFormat(String value) {
        try {
            return TimestampFormat.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidImportOptionException("timestampFormat", e.getMessage());
        }
    }

    static boolean decimalComma(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("point")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("comma")) {
            return true;
        }
        throw new InvalidImportOptionException("decimal", "must be point or comma, was '" + value + "'");
    }

    static boolean sessionizeByCustomer(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("journey")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("customer")) {
            return true;
        }
        throw new InvalidImportOptionException("sessionize", "must be journey (a journey id column wins, customers "
                + "without it are split by inactivity) or customer (split every customer's events by inactivity), "
                + "was '" + value + "'");
    }

    /**
     * The names of a list parameter, by the rule of {@link NameList}: a single value is a comma list with CSV quoting
     * ({@code "Pay, now",Other}), several values are one name each. The names of an upload are not known before it is
     * read, so no value counts as a stored name as a whole. Blank and repeated names are dropped.
     */
    public static List<String> names(String parameter, List<String> values) {
        try {
            return List.copyOf(new LinkedHashSet<>(NameList.parse(values, name -> false)));
        } catch (IllegalArgumentException e) {
            throw new InvalidImportOptionException(parameter, e.getMessage());
        }
    }

    /**
     * A comma list of names, or a regular expression when the value has regex operators ({@code * + ? [ ] ^ $ |}),
     * its work charged to {@code budget}.
     */
    public static NamePattern competitorPattern(String value, PatternBudget budget) {
        return value == null || value.isBlank() ? null
                : competitorPattern(competitorNames(List.of(value)), TouchpointCleaning.NONE, budget);
    }

    /**
     * The competitor rule of the parameter's values as sent ({@code values}, null when absent), read as an event
     * import reads them: one value is a comma list, or one regular expression; several are one name or expression
     * each. Each name (or an expression's own text) matches the name it cleans to under {@code cleaning} as well. Its
     * matches draw on {@code budget}.
     */
    public static NamePattern competitorRule(List<String> values, TouchpointCleaning cleaning, PatternBudget budget) {
        return values == null ? null : competitorPattern(competitorNames(values), cleaning, budget);
    }

    /** The competitor rule's names; a single value with regex operators stays one regular expression. */
    private static List<String> competitorNames(List<String> values) {
        if (values != null && values.size() == 1 && REGEX_HINT.matcher(values.get(0)).find()) {
            return List.of(values.get(0).strip());
        }
        return names("competitor", values);
    }

    /**
     * The competitor rule of several names: each is a name, or a regular expression when it has regex operators
     * ({@code * + ? [ ] ^ $ |}), which matches its own text as well; a single unquoted value with regex operators is
     * one expression even with commas. With {@code cleaning}, a name (or an expression's own text) matches the name
     * it cleans to as well, so that an address written with its query string names its page.
     */
    static NamePattern competitorPattern(List<String> names, TouchpointCleaning cleaning, PatternBudget budget) {
        return competitorPattern(cleanedNames(names, cleaning), budget);
    }

    /** Each of {@code names} with the name {@code cleaning} cleans it to (itself without cleaning), in order. */
    private static Map<String, String> cleanedNames(List<String> names, TouchpointCleaning cleaning) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        for (String name : names) {
            cleaned.putIfAbsent(name, cleaning.isNone() ? name : cleaning.apply(name));
        }
        return cleaned;
    }

    /** The competitor rule of {@code names}, each with the name it cleans to, which it matches as well. */
    private static NamePattern competitorPattern(Map<String, String> names, PatternBudget budget) {
        if (names.isEmpty()) {
            return null;
        }
        List<String> alternatives = new ArrayList<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getKey();
            if (REGEX_HINT.matcher(name).find()) {
                try {
                    Pattern.compile(name);
                } catch (PatternSyntaxException e) {
                    throw new InvalidImportOptionException("competitor", "is not a valid regular expression: "
                            + e.getDescription());
                }
                // A page address with a query string has '?': the expression matches its own text too, so that it
                // names that page, as it would as a stored touchpoint's name in POST /api/outcomes.
                alternatives.add("(?:" + name + ")|" + Pattern.quote(name));
            } else {
                alternatives.add(Pattern.quote(name));
            }
            if (!entry.getValue().equals(name)) {
                alternatives.add(Pattern.quote(entry.getValue()));
            }
        }
        return new NamePattern("competitor", String.join(",", names.keySet()),
                Pattern.compile(String.join("|", alternatives)), budget);
    }

    /** Whether a rule value is a regular expression rather than a comma list of names. */
    public static boolean isRegex(String value) {
        return value != null && REGEX_HINT.matcher(value).find();
    }

    public static ImportOptions.ErrorMode errorMode(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("reject")) {
            return ImportOptions.ErrorMode.REJECT;
        }
        if (value.equalsIgnoreCase("skip")) {
            return ImportOptions.ErrorMode.SKIP;
        }
        throw new InvalidImportOptionException("onError", "must be reject or skip, was '" + value + "'");
    }

    public static char delimiter(String value) {
        if (value == null || value.isEmpty()) {
            return ',';
        }
        if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new InvalidImportOptionException("delimiter", "must be one character other than a quote or a line "
                    + "break (or 'tab'), was '" + value + "'");
        }
        return value.charAt(0);
    }

    static Duration gap(String value, Duration defaultGap) {
        if (value == null || value.isBlank()) {
            return defaultGap;
        }
        Duration gap;
        try {
            gap = DurationText.parse(value, "30m, 2h or PT45M");
        } catch (IllegalArgumentException e) {
            throw new InvalidImportOptionException("sessionGap", e.getMessage());
        }
        if (gap.isZero()) {
            throw new InvalidImportOptionException("sessionGap", "must be positive, was '" + value + "'");
        }
        return gap;
    }
}
