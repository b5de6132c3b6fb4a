package com.journeyexplorer.ingest;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import com.journeyexplorer.journey.NamePattern;
import com.journeyexplorer.journey.Scale;

/**
 * How to read one upload of events.
 *
 * @param mapping             input columns of each field
 * @param purchases           touchpoint names whose events are purchases (besides rows whose type says so), in the
 *                            order given
 * @param competitor          touchpoint names that are competitors' (besides rows whose owner says so), or null
 * @param onError             reject the whole upload on any bad row, or import the good rows
 * @param sessionGap          inactivity that splits a customer's events into journeys when there is no journey id
 * @param delimiter           CSV delimiter
 * @param competitorNames     the names {@code competitor} was built from, each with the name it cleans to (itself
 *                            when cleaning leaves it), in the order given, for the report, which so cleans none of
 *                            them again; empty when it is a regular expression
 * @param timestampFormat     how timestamps are written
 * @param decimalComma        values are written with a decimal comma ({@code 12,50})
 * @param sessionizeByCustomer split each customer's events into journeys by inactivity even when rows have a journey
 *                            id ({@code sessionize=customer}); the journey id column is then not read
 * @param openHorizon         the open horizon of the journeys this upload writes (see {@code OpenJourneys}), or null
 *                            for the setting {@code journeys.open-horizon}; kept with each journey
 * @param defaultScale        the scale of rows with a score but no scale, or null: such rows must name theirs
 * @param frustrations        touchpoint names whose events are frustration signals at the page the customer was on
 *                            (a rage click, an error event of a clickstream), in the order given
 * @param zone                the time zone of the times without an offset ({@code zone}), or null for the setting
 *                            {@code journeys.ingest.default-zone}
 * @param cleaning            how touchpoint names are cleaned before they name touchpoints ({@code urls},
 *                            {@code rewrite}); the outcome rules match the cleaned names
 * @param orderColumn         the column that orders a journey's events of the same time ({@code orderColumn}), or
 *                            a comma list with CSV quoting of the columns that do, first column first
 *                            ({@link #orderColumns()}); null: they keep file order; extra columns like any other
 *                            besides
 * @param eventNames          the rules by the event's name ({@code eventColumn}, {@code events}, {@code purchaseEvent},
 *                            {@code frustrationEvent}, {@code abandonEvent}); its column is an extra column like any
 *                            other besides
 */
public record ImportOptions(
        ColumnMapping mapping,
        Set<String> purchases,
        NamePattern competitor,
        ErrorMode onError,
        Duration sessionGap,
        char delimiter,
        Map<String, String> competitorNames,
        TimestampFormat timestampFormat,
        boolean decimalComma,
        boolean sessionizeByCustomer,
        Duration openHorizon,
        Scale defaultScale,
        Set<String> frustrations,
        ZoneId zone,
        TouchpointCleaning cleaning,
        String orderColumn,
        EventNames eventNames) {

    /** What to do with bad rows. */
    public enum ErrorMode {
        /** Any bad row rejects the upload; nothing is written. */
        REJECT,
        /** Good rows are imported; bad rows are reported. */
        SKIP
    }

    public ImportOptions {
        Objects.requireNonNull(mapping, "mapping");
        purchases = purchases == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(purchases));
        frustrations = frustrations == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(frustrations));
        onError = onError == null ? ErrorMode.REJECT : onError;
        Objects.requireNonNull(sessionGap, "sessionGap");
        competitorNames = competitorNames == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(competitorNames));
        timestampFormat = timestampFormat == null ? TimestampFormat.AUTO : timestampFormat;
        cleaning = cleaning == null ? TouchpointCleaning.NONE : cleaning;
        orderColumn = orderColumn == null || orderColumn.isBlank() ? null : orderColumn;
        eventNames = eventNames == null ? EventNames.NONE : eventNames;
        if (openHorizon != null && openHorizon.isNegative()) {
            throw new IllegalArgumentException("openHorizon must not be negative");
        }
    }

    /** Options with the default timestamp format, decimal point and sessions. */
    public ImportOptions(ColumnMapping mapping, Set<String> purchases, NamePattern competitor, ErrorMode onError,
            Duration sessionGap, char delimiter) {
        this(mapping, purchases, competitor, onError, sessionGap, delimiter, Map.of(), TimestampFormat.AUTO, false,
                false, null, null, null, null, null, null, null);
    }

    /** These options with another session gap: the settings' default, for options read before the settings. */
    public ImportOptions withSessionGap(Duration gap) {
        return new ImportOptions(mapping, purchases, competitor, onError, gap, delimiter, competitorNames,
                timestampFormat, decimalComma, sessionizeByCustomer, openHorizon, defaultScale, frustrations, zone,
                cleaning, orderColumn, eventNames);
    }

    /** These options with the journeys' own open horizon. */
    public ImportOptions withOpenHorizon(Duration horizon) {
        return new ImportOptions(mapping, purchases, competitor, onError, sessionGap, delimiter, competitorNames,
                timestampFormat, decimalComma, sessionizeByCustomer, horizon, defaultScale, frustrations, zone,
                cleaning, orderColumn, eventNames);
    }

    /** The open horizon in milliseconds for the journeys written, -1 for the setting's. */
    long openHorizonMillis() {
        return openHorizon == null ? -1 : openHorizon.toMillis();
    }

    public static ImportOptions defaults(Duration sessionGap) {
        return new ImportOptions(ColumnMapping.CANONICAL, Set.of(), null, ErrorMode.REJECT, sessionGap, ',');
    }

    /** These options reading other columns. */
    public ImportOptions withMapping(ColumnMapping other) {
        return new ImportOptions(other, purchases, competitor, onError, sessionGap, delimiter, competitorNames,
                timestampFormat, decimalComma, sessionizeByCustomer, openHorizon, defaultScale, frustrations,
                zone, cleaning, orderColumn, eventNames);
    }

    /** These options ordering the events of one time by {@code column}, a comma list (null: file order). */
    public ImportOptions withOrderColumn(String column) {
        return new ImportOptions(mapping, purchases, competitor, onError, sessionGap, delimiter, competitorNames,
                timestampFormat, decimalComma, sessionizeByCustomer, openHorizon, defaultScale, frustrations, zone,
                cleaning, column, eventNames);
    }

    /** These options with the rules by event name {@code names}. */
    public ImportOptions withEventNames(EventNames names) {
        return new ImportOptions(mapping, purchases, competitor, onError, sessionGap, delimiter, competitorNames,
                timestampFormat, decimalComma, sessionizeByCustomer, openHorizon, defaultScale, frustrations, zone,
                cleaning, orderColumn, names);
    }

    /**
     * The columns that order a journey's events of the same time, first column first ({@code orderColumn} as a comma
     * list with CSV quoting, {@link ImportParameters#names}); empty for none.
     */
    public List<String> orderColumns() {
        return orderColumn == null ? List.of() : ImportParameters.names("orderColumn", List.of(orderColumn));
    }

    /**
     * The columns the upload's parameters name, each with its parameter: the mapping's renamed ones
     * ({@link ColumnMapping#renamedColumns()}), each column of the {@code orderColumn} and the {@code eventColumn}. A
     * header must have each.
     */
    Map<String, String> namedColumns() {
        Map<String, String> named = mapping.renamedColumns();
        orderColumns().forEach(column -> named.putIfAbsent(column, "orderColumn"));
        if (!eventNames.isNone()) {
            named.putIfAbsent(eventNames.column(), "eventColumn");
        }
        return named;
    }

    /** The time zone of the times without an offset: {@code zone}, else {@code defaultZone} (the setting's). */
    ZoneId zoneOr(ZoneId defaultZone) {
        return zone == null ? defaultZone : zone;
    }

    boolean isCompetitor(String touchpoint) {
        return competitor != null && competitor.matches(touchpoint);
    }
}
