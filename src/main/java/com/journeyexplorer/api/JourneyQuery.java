package com.journeyexplorer.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.util.MultiValueMap;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.ingest.ImportParameters;
import com.journeyexplorer.ingest.InvalidImportOptionException;
import com.journeyexplorer.journey.NameList;
import com.journeyexplorer.journey.NamePattern;
import com.journeyexplorer.journey.PatternBudget;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The filters and path shaping that every analysis endpoint takes, read from the query string with one clear 400 per
 * malformed or unknown parameter.
 *
 * <p>Filters: {@code from}, {@code to} (journey start; an ISO date, an instant with an offset, or a local date-time;
 * a date {@code to} includes its day, an instant {@code to} is exclusive; days and local times in {@code zone},
 * default UTC), {@code segment}, {@code channel},
 * {@code device}, {@code outcome}, {@code includeOpen}, {@code attr.<name>=value} (journey attribute),
 * {@code event.<name>=value} (some event has it), {@code startsWith}, {@code endsWith}, {@code contains},
 * {@code excludes} (lists of touchpoints, read as {@link NameList} says), {@code filterScope=journey|start|end}.
 * Shaping: {@code level=touchpoint|channel|stage}, {@code collapseRepeats}, {@code maxSteps}, {@code
 * group=Name:regex} (repeatable).
 */
public record JourneyQuery(JourneySelection selection, PathShaping shaping, MultiValueMap<String, String> parameters) {

    /** How every list parameter takes its names ({@link NameList}), for the OpenAPI descriptions. */
    static final String LIST_RULE = "one comma list (a name with a comma quoted, \"Pay, now\", or given whole), or "
            + "the parameter repeated with one name each";

    /** How a filter's value that no journey has is answered ({@link FilterWarnings}). */
    static final String UNKNOWN_VALUE = "; a value no journey has selects nothing, and the answer's meta.warnings "
            + "names it with the values there are";

    /** The journey filters every analysis endpoint takes, in the order the OpenAPI description lists them. */
    static final List<QueryParameter> FILTERS = List.of(
            QueryParameter.filter("from", "Journeys starting at or after this ISO date (its midnight in zone), "
                    + "instant, or local date-time (in zone); untimed journeys never match").example("2026-03-01"),
            QueryParameter.filter("to", "Journeys starting up to this ISO date, its day included, or before this "
                    + "instant or local date-time (exclusive)").example("2026-03-31"),
            QueryParameter.filter("zone", "Time zone of the day boundaries and local times of from and to")
                    .typed("string", "UTC").example("Europe/Paris"),
            QueryParameter.filter("segment", "Only journeys of this customer segment" + UNKNOWN_VALUE),
            QueryParameter.filter("channel", "Only journeys touching a touchpoint of this channel" + UNKNOWN_VALUE),
            QueryParameter.filter("device", "Only journeys on this device" + UNKNOWN_VALUE),
            QueryParameter.filter("outcome", "Only journeys with this outcome; 'open': only journeys still in "
                    + "progress").allowing(List.of("purchase", "abandoned", "diverted", "open", "any"), null),
            QueryParameter.filter("includeOpen", "Without an outcome, also analyse journeys still in progress (OPEN; "
                    + "they end at the (open) node, never as abandoned); by default only finished journeys count")
                    .typed("boolean", false),
            QueryParameter.filter("startsWith", "Touchpoints, " + LIST_RULE + "; the journey starts at one of them "
                    + "(404 for an unknown touchpoint)"),
            QueryParameter.filter("endsWith", "Touchpoints, " + LIST_RULE + "; the path ends at one of them"),
            QueryParameter.filter("contains", "Touchpoints, " + LIST_RULE + ", that must all occur, within "
                    + "filterScope"),
            QueryParameter.filter("excludes", "Touchpoints, " + LIST_RULE + ", that must not occur"),
            QueryParameter.filter("filterScope", "Where 'contains' looks")
                    .allowing(List.of("journey", "start", "end"), "journey"),
            QueryParameter.filter("attr.<name>", "Journey attribute equals value (an extra column with one value in "
                    + "the whole journey), e.g. attr.campaign=spring" + UNKNOWN_VALUE),
            QueryParameter.filter("event.<name>", "At least one event of the journey has this value in an extra "
                    + "column, e.g. event.resource=112" + UNKNOWN_VALUE));

    public static final int MAX_STEPS_LIMIT = 100;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");

    /** The path shaping of the endpoints working on paths, in the order the OpenAPI description lists them. */
    static final List<QueryParameter> SHAPING = List.of(
            QueryParameter.filter("level", "What a step is labelled by")
                    .allowing(List.of("touchpoint", "channel", "stage"), "touchpoint"),
            QueryParameter.filter("collapseRepeats", "Merge consecutive equal labels (A A B -> A B)")
                    .typed("boolean", false),
            QueryParameter.filter("maxSteps", "Cut paths to this many steps, 1.." + MAX_STEPS_LIMIT)
                    .typed("integer", null).bounded(1, MAX_STEPS_LIMIT),
            QueryParameter.filter("group", "Name:regex, repeatable; touchpoints whose whole name matches are "
                    + "labelled Name").example("Product pages:Product.*"));

    public static final Set<String> COMMON_PARAMETERS = names(FILTERS, SHAPING);
    public static final Set<String> SHAPING_PARAMETERS = names(SHAPING);
    private static final String ATTRIBUTE_PREFIX = "attr.";
    private static final String EVENT_ATTRIBUTE_PREFIX = "event.";

    /**
     * Reads the common parameters; any other parameter must be one of {@code endpointParameters}, so that a typo is a
     * 400 rather than a silently ignored filter.
     */
    public static JourneyQuery of(MultiValueMap<String, String> parameters, Set<String> endpointParameters) {
        requireKnown(parameters, endpointParameters);
        return read(parameters, name -> false);
    }

    /**
     * 400 for a parameter that is neither a filter, a shaping parameter, an {@code attr.}/{@code event.} name nor one
     * of {@code endpointParameters}.
     */
    static void requireKnown(MultiValueMap<String, String> parameters, Set<String> endpointParameters) {
        for (String name : parameters.keySet()) {
            if (!COMMON_PARAMETERS.contains(name) && !endpointParameters.contains(name)
                    && !name.startsWith(ATTRIBUTE_PREFIX) && !name.startsWith(EVENT_ATTRIBUTE_PREFIX)) {
                Set<String> known = new TreeSet<>(COMMON_PARAMETERS);
                known.addAll(endpointParameters);
                throw new InvalidParameterException(name, "is not a parameter of this endpoint (known: "
                        + String.join(", ", known) + ", attr.<name>, event.<name>)");
            }
        }
    }

    /**
     * Reads the filters and the shaping, each malformed one a 400 naming it; other parameters are not looked at.
     *
     * @param touchpointName whether a text is a stored touchpoint name, which a touchpoint list takes whole
     */
    static JourneyQuery read(MultiValueMap<String, String> parameters, Predicate<String> touchpointName) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> eventAttributes = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(ATTRIBUTE_PREFIX)) {
                if (name.length() == ATTRIBUTE_PREFIX.length()) {
                    throw new InvalidParameterException(name, "needs a column name: attr.<column>=value");
                }
                attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), onlyValue(parameters, name));
            } else if (name.startsWith(EVENT_ATTRIBUTE_PREFIX)) {
                if (name.length() == EVENT_ATTRIBUTE_PREFIX.length()) {
                    throw new InvalidParameterException(name, "needs a column name: event.<column>=value");
                }
                eventAttributes.put(name.substring(EVENT_ATTRIBUTE_PREFIX.length()), onlyValue(parameters, name));
            }
        });
        ZoneId zone = zone(parameters);
        Long from = instant(parameters, "from", zone, false);
        Long to = instant(parameters, "to", zone, true);
        // A date 'to' includes its day: from=2026-03-01T12:00&to=2026-03-01 is that afternoon, while
        // from=2026-03-02&to=2026-03-01 is backwards, although the day that 'to' includes ends on March 2.
        if (from != null && to != null && (from > to
                || from.equals(to) && !to.equals(instant(parameters, "to", zone, false)))) {
            throw new InvalidParameterException("from", "must not be after 'to'");
        }
        JourneySelection selection = new JourneySelection(from, to, single(parameters, "segment"),
                single(parameters, "channel"), single(parameters, "device"), outcome(parameters, "outcome"),
                attributes, list(parameters, "startsWith", touchpointName),
                list(parameters, "endsWith", touchpointName), list(parameters, "contains", touchpointName),
                list(parameters, "excludes", touchpointName),
                choice(parameters, "filterScope", JourneySelection.FilterScope.class), eventAttributes,
                bool(parameters, "includeOpen", false));
        return new JourneyQuery(selection, shaping(parameters), parameters);
    }

    /** The path shaping alone: {@code level}, {@code collapseRepeats}, {@code maxSteps}, {@code group}. */
    static PathShaping shaping(MultiValueMap<String, String> parameters) {
        Integer maxSteps = integer(parameters, "maxSteps", 1, MAX_STEPS_LIMIT, null);
        return new PathShaping(choice(parameters, "level", PathShaping.Level.class),
                bool(parameters, "collapseRepeats", false), maxSteps, groups(parameters));
    }

    /**
     * 404 for touchpoint names in the filters that the data does not have; 422 for {@code level=channel} or {@code
     * level=stage} when no touchpoint has a channel or stage, where every step would silently keep its touchpoint
     * name (with some touchpoints labelled, the others keep their names, as {@link PathShaping} says).
     */
    public JourneyQuery requireKnownTouchpoints(JourneySnapshot snapshot) {
        List<String> unknown = selection.unknownTouchpoints(snapshot);
        if (!unknown.isEmpty()) {
            throw new NotFoundException("touchpoint", unknown.get(0), filterNaming(unknown.get(0)),
                    knownTouchpoints(snapshot));
        }
        requireLevelData(shaping.level(), snapshot);
        return this;
    }

    /**
     * The touchpoint names of {@code snapshot}, sorted, to list with an unknown one (the problem shows the first
     * few; {@code GET /api/touchpoints} lists them all).
     */
    static List<String> knownTouchpoints(JourneySnapshot snapshot) {
        return snapshot.touchpoints().stream().map(Touchpoint::name).sorted().toList();
    }

    /** The touchpoint filter that names {@code touchpoint}, in the order they are checked. */
    private String filterNaming(String touchpoint) {
        if (selection.startsWith().contains(touchpoint)) {
            return "startsWith";
        }
        if (selection.endsWith().contains(touchpoint)) {
            return "endsWith";
        }
        return selection.contains().contains(touchpoint) ? "contains" : "excludes";
    }

    /** 422 when the data has no value at all for {@code level} (channel or stage) on any touchpoint. */
    static void requireLevelData(PathShaping.Level level, JourneySnapshot snapshot) {
        if (level == PathShaping.Level.TOUCHPOINT || snapshot.touchpoints().isEmpty()) {
            return;
        }
        boolean channel = level == PathShaping.Level.CHANNEL;
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            if (!(channel ? touchpoint.channel() : touchpoint.stage()).isEmpty()) {
                return;
            }
        }
        String what = channel ? "channel" : "stage";
        throw new MissingDataException("level", what, "No touchpoint has a " + what + ", so level=" + what
                + " would show the touchpoints themselves. Import events with a " + what + " column (" + what
                + "Column=<column> if it has another name), or ask for level=touchpoint");
    }

    public static String single(MultiValueMap<String, String> parameters, String name) {
        String value = onlyValue(parameters, name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The one value of {@code name}, or null: a parameter that takes one value given twice
     * ({@code segment=a&segment=b}) is a 400 rather than a filter on the first alone, which the caller could not tell
     * from an answer about both.
     */
    static String onlyValue(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw InvalidParameterException.givenTwice(name, values);
        }
        return values.get(0);
    }

    /**
     * The names of list parameter {@code name}, as {@link NameList} reads them: a value that is a stored name
     * ({@code storedName}) as a whole is that name, a repeated parameter has one name per value, a single value is
     * otherwise a comma list with CSV quoting; empty when absent. An unclosed quote is a 400.
     */
    public static List<String> list(MultiValueMap<String, String> parameters, String name,
            Predicate<String> storedName) {
        try {
            return NameList.parse(parameters.get(name), storedName);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, e.getMessage());
        }
    }

    /**
     * Whether a text is the name, channel or stage of a touchpoint of {@code snapshot}: what a label may be at any
     * level, for {@link #list}. O(touchpoints) per text with a comma or quote.
     */
    static Predicate<String> labelNames(JourneySnapshot snapshot) {
        return name -> snapshot.touchpoint(name).isPresent() || snapshot.touchpoints().stream()
                .anyMatch(touchpoint -> name.equals(touchpoint.channel()) || name.equals(touchpoint.stage()));
    }

    /** Whether a text is the name of a touchpoint of {@code snapshot}, for {@link #list}. */
    static Predicate<String> touchpointNames(JourneySnapshot snapshot) {
        return name -> snapshot.touchpoint(name).isPresent();
    }

    public static int integer(MultiValueMap<String, String> parameters, String name, int min, int max,
            int defaultValue) {
        return integer(parameters, name, min, max, (Integer) defaultValue);
    }

    public static Integer integer(MultiValueMap<String, String> parameters, String name, int min, int max,
            Integer defaultValue) {
        String value = single(parameters, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new InvalidParameterException(name, "must be between " + min + " and " + max + ", was "
                        + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be a whole number between " + min + " and " + max
                    + ", was '" + abbreviate(value) + "'");
        }
    }

    public static double decimal(MultiValueMap<String, String> parameters, String name, double min, double max,
            double defaultValue) {
        String value = single(parameters, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            double number = plainDecimal(value);
            if (!(number >= min && number <= max)) {
                throw new InvalidParameterException(name, "must be between " + min + " and " + max + ", was "
                        + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be a number between " + min + " and " + max
                    + ", was '" + abbreviate(value) + "'");
        }
    }

    /**
     * {@code value} read as a number written in decimals ({@code 0.9}, {@code -3}, {@code 1e3}, and {@code NaN} and
     * {@code Infinity}, which every range refuses, named): {@link Double#parseDouble} alone would also take Java's
     * {@code 0.9d} and {@code 7f} and the hexadecimal {@code 0x1p3}, and answer for a number the client did not write.
     *
     * @throws NumberFormatException for anything else
     */
    static double plainDecimal(String value) {
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw new NumberFormatException(value);
        }
        return Double.parseDouble(value);
    }

    public static boolean bool(MultiValueMap<String, String> parameters, String name, boolean defaultValue) {
        String value = single(parameters, name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new InvalidParameterException(name, "must be true or false, was '" + abbreviate(value)
                    + "'");
        };
    }

    public static <E extends Enum<E>> E choice(MultiValueMap<String, String> parameters, String name, Class<E> type) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        return parseChoice(name, value, type, constant -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static <E extends Enum<E>> E parseChoice(String name, String value, Class<E> type, Function<E, String> label) {
        for (E constant : type.getEnumConstants()) {
            if (label.apply(constant).equalsIgnoreCase(value) || constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new InvalidParameterException(name, "must be one of " + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(label).toList()) + ", was '" + abbreviate(value) + "'");
    }

    /** {@code purchase}, {@code abandoned}, {@code diverted}, {@code open}; {@code any} or absent: null. */
    public static Outcome outcome(MultiValueMap<String, String> parameters, String name) {
        String value = single(parameters, name);
        if (value == null || value.equalsIgnoreCase("any")) {
            return null;
        }
        return Outcome.parse(value).orElseThrow(() -> new InvalidParameterException(name,
                "must be one of purchase, abandoned, diverted, open, any, was '" + abbreviate(value) + "'"));
    }

    /** The time zone of the date filters' day boundaries and local times ({@code zone}); UTC when absent. */
    public static ZoneId zone(MultiValueMap<String, String> parameters) {
        String value = single(parameters, "zone");
        if (value == null) {
            return ZoneOffset.UTC;
        }
        try {
            // The uploads' zone, read and refused alike.
            return ImportParameters.zone(value);
        } catch (InvalidImportOptionException e) {
            throw new InvalidParameterException("zone", e.reason());
        }
    }

    /**
     * A date filter as epoch milliseconds: an ISO date is its midnight in {@code zone}, or for an {@code end} bound
     * the next midnight, so that {@code to=2026-03-31} includes March 31; an instant with an offset
     * ({@code 2026-03-01T10:00:00Z}) is that instant, and a local date-time ({@code 2026-03-01T10:00}) is read in
     * {@code zone}. Bounds are exclusive at the end. Years 0001 to 9999, as event times have: a year ISO allows
     * beyond them (+999999999) does not fit epoch milliseconds, and no journey starts there.
     */
    public static Long instant(MultiValueMap<String, String> parameters, String name, ZoneId zone, boolean end) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                requireFourDigitYear(name, value, day.getYear());
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from,
                    LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                requireFourDigitYear(name, value, offset.getYear());
                return offset.toInstant().toEpochMilli();
            }
            LocalDateTime local = (LocalDateTime) parsed;
            requireFourDigitYear(name, value, local.getYear());
            return local.atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw new InvalidParameterException(name, "must be an ISO date (2026-03-01), instant "
                    + "(2026-03-01T10:00:00Z) or local date-time (2026-03-01T10:00, in zone), was '"
                    + abbreviate(value) + "'");
        }
    }

    private static void requireFourDigitYear(String name, String value, int year) {
        if (year < 1 || year > 9999) {
            throw new InvalidParameterException(name, "must be in the years 0001 to 9999, as event times are, was '"
                    + abbreviate(value) + "'");
        }
    }

    /**
     * {@code group=Product pages:Product.*} merges every touchpoint whose name matches the regex. Checked here, once
     * for every endpoint: a blank name, one with a character a touchpoint name may not have (a control character or a
     * noncharacter), or one of the start and outcome nodes' names (its touchpoints would become that node) is a 400.
     */
    static List<PathShaping.Group> groups(MultiValueMap<String, String> parameters) {
        List<String> values = parameters.get("group");
        if (values == null) {
            return List.of();
        }
        List<PathShaping.Group> groups = new ArrayList<>();
        // One budget for the work of all the groups' expressions on the request's touchpoints, and each group keeps
        // its answer for a touchpoint: an analysis labels the touchpoints several times (the graph export for its
        // visits, transitions and labels), and each name is matched once per request however often it is labelled.
        // The groups, their budget and their answers belong to this request's shaping alone: the caches that outlive a
        // request keep either answers as bytes (the answer cache) or results of the shaping without groups
        // (PathShaping.touchpoints(), the snapshot's memos), so no request starts with another's spent budget.
        PatternBudget budget = new PatternBudget();
        for (String value : values) {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new InvalidParameterException("group", "must be Name:regular-expression, was '"
                        + abbreviate(value) + "'");
            }
            String name = value.substring(0, colon).strip();
            if (name.isEmpty()) {
                throw new InvalidParameterException("group", "must be Name:regular-expression, and a group's name "
                        + "must not be blank, was '" + abbreviate(value) + "'");
            }
            String forbidden = Touchpoint.forbiddenCharacter(name);
            if (forbidden != null) {
                throw new InvalidParameterException("group", "has a name with " + forbidden
                        + ", which touchpoint names may not hold either");
            }
            if (NodeSpace.isReservedName(name)) {
                throw new InvalidParameterException("group", "has the name '" + name + "', which is reserved for the "
                        + "graph's start and outcome nodes");
            }
            try {
                groups.add(new PathShaping.Group(name,
                        NamePattern.compile("group", value.substring(colon + 1), budget).rememberingAnswers()));
            } catch (PatternSyntaxException e) {
                throw new InvalidParameterException("group", "has an invalid regular expression: "
                        + e.getDescription());
            }
        }
        return groups;
    }

    /** The names of {@code declared}, families ({@code attr.<name>}) left out. */
    @SafeVarargs
    static Set<String> names(List<QueryParameter>... declared) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (List<QueryParameter> parameters : declared) {
            parameters.stream().filter(parameter -> !parameter.isPrefix()).map(QueryParameter::name)
                    .forEach(names::add);
        }
        return Set.copyOf(names);
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
