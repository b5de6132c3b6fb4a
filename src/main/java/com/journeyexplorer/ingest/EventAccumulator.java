package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Validates the rows of an upload and groups their events by journey (or by customer, when rows have no journey id
 * or {@code sessionize=customer}), assigning touchpoint ids that extend the current snapshot's. A bad row is reported
 * with its line, field and reason, and contributes nothing. Along the way it counts what each outcome rule matched
 * and notes timestamps outside the plausible range, for the report's warnings.
 */
final class EventAccumulator {

    static final int MAX_NAME_LENGTH = 500;
    /** Longest value of an extra column (a journey attribute), so that one cell cannot fill the heap. */
    static final int MAX_ATTRIBUTE_LENGTH = 10_000;

    /** What a column is to the fingerprint of an event: left out (compared on its own), hashed, or an attribute. */
    private static final byte SKIPPED = 0;
    private static final byte HASHED = 1;
    private static final byte ATTRIBUTE = 2;
    /** A column of an answer on events: read into the answer where the row has a score, an attribute elsewhere. */
    private static final byte ANSWER = 3;

    private final ImportOptions options;
    /** The column or columns whose values name a row's journey. */
    private final JourneyKey journeyKey;
    /** The JSON types of the fields every row has, and of the scale and comment on a row with a score. */
    private final JsonFieldTypes fieldTypes = new JsonFieldTypes();
    private final JsonFieldTypes answerFieldTypes = new JsonFieldTypes();
    private final TimestampParser timestamps;
    private final ErrorCollector errors;
    private final int maxJourneyLength;
    private final Map<String, Byte> columnRoles = new HashMap<>();
    /** The roles of the columns of the row before, by position (see {@link #role}). */
    private final String[] roleColumns = new String[64];
    private final byte[] roles = new byte[64];
    private final List<Touchpoint> touchpoints;
    private final Map<String, Integer> touchpointIds = new HashMap<>();
    private final Set<Integer> changedTouchpoints = new LinkedHashSet<>();
    /**
     * With {@code onError=skip}, the journeys (j + id) and split customers (c + id) that rows were rejected from: they
     * are imported without those events, which may change their path and outcome, and the report says so.
     */
    private final Set<String> rejectedRowsOf = new LinkedHashSet<>();
    /** Of {@link #rejectedRowsOf}, how many were imported (have a draft), and the first few; once resolved. */
    private long journeysMissingRows = -1;
    private final List<String> journeysMissingRowsNamed = new ArrayList<>();
    /** The touchpoints the {@code frustration} rule names, by id. */
    private final BitSet frustrationSignals = new BitSet();
    private DraftStore drafts = new DraftStore();
    /** The draft of the previous accepted row: the rows of a journey mostly come together, and skip the look-up. */
    private int lastDraft = -1;
    private final List<FeedbackImporter.Draft> answers = new ArrayList<>();
    private final OutcomeRuleTally rules;
    /** The rules by event name and their counts, or null without {@code eventColumn}: rows then do no work for them. */
    private final EventNameTally eventNames;
    /** Whether the row accepted last was skipped for its event name ({@code events}); the preview shows it. */
    private boolean lastSkipped;
    /** The cleaning of touchpoint names and its counts, or null without one: the rows then do no work for it. */
    private final CleanedNames cleanedNames;
    /** The touchpoint, type and owner of the row accepted last ({@link #lastAccepted}). */
    private String lastTouchpoint;
    private EventType lastType;
    private Owner lastOwner;
    private final ImplausibleTimestamps implausible = new ImplausibleTimestamps();
    /** One instance of each extra-column value, so that a value repeated on many events costs one string. */
    private final Map<String, String> values = new HashMap<>();
    private long acceptedRows;
    /** The file the rows come from in a bulk load of several ({@link #nextFile}), else 0. */
    private int file;
    /** The lines of the rows refused for their value after they were accepted ({@link #refuseValue}). */
    private final Set<Long> valueRefusedLines = new java.util.HashSet<>();
    /** In the order refused, the file of each row {@link #refuseValue} refused. */
    private final List<Integer> valueRefusedFiles = new ArrayList<>();
    /** The new touchpoints of rows refused for their value, which the journeys built may not visit. */
    private final BitSet valueRefusedTouchpoints = new BitSet();
    private final int storedTouchpoints;
    private final Set<String> warned = new java.util.HashSet<>();
    private final List<String> metadataWarnings = new ArrayList<>();
    private long metadataWarningCount;
    static final int MAX_WARNINGS = 100;
    /** The mapped columns by their name squeezed ({@link ColumnSuggestion#squeezed}): {@code type} under "type". */
    private final Map<String, String> fieldColumns = new HashMap<>();
    /**
     * Attribute columns written like a mapped column (with it), not yet seen on a row with a value; and every
     * attribute column met, so that each is looked at once.
     */
    private final Map<String, String> uncomparedColumns = new java.util.LinkedHashMap<>();
    private final Set<String> comparedColumns = new java.util.HashSet<>();
    /** Columns kept as attributes although written like a mapped column the rows lack, with that column. */
    private final Map<String, String> lookalikeColumns = new java.util.LinkedHashMap<>();
    /** The first row of each of {@link #lookalikeColumns}, with the column and its value there. */
    private final List<ImportWarning.Example> lookalikeExamples = new ArrayList<>();
    /**
     * The header's columns without a name that hold a value in some row, by 1-based position, each with its first
     * such value: not read (no name to keep it under), and the report says so.
     */
    private final Map<Integer, ImportWarning.Example> unnamedColumns = new java.util.TreeMap<>();

    EventAccumulator(JourneySnapshot base, ImportOptions options, TimestampParser timestamps, ErrorCollector errors,
            int maxJourneyLength) {
        this.options = options;
        this.timestamps = timestamps;
        this.errors = errors;
        this.maxJourneyLength = maxJourneyLength;
        this.touchpoints = new ArrayList<>(base.touchpoints());
        this.storedTouchpoints = touchpoints.size();
        for (Touchpoint touchpoint : touchpoints) {
            touchpointIds.put(touchpoint.name(), touchpoint.id());
        }
        this.rules = new OutcomeRuleTally(options, touchpoints);
        this.eventNames = options.eventNames().isNone() ? null : new EventNameTally(options.eventNames());
        this.cleanedNames = options.cleaning().isNone() ? null : new CleanedNames(options.cleaning());
        ColumnMapping columns = options.mapping();
        this.journeyKey = JourneyKey.of(columns.journey());
        journeyKey.columns().forEach(column -> columnRoles.put(column, SKIPPED));
        for (String column : List.of(columns.timestamp(), columns.touchpoint(), columns.value(), columns.eventId())) {
            columnRoles.put(column, SKIPPED);
        }
        for (String column : List.of(columns.channel(), columns.stage(), columns.customer(), columns.owner(),
                columns.type(), columns.segment(), columns.device())) {
            columnRoles.putIfAbsent(column, HASHED);
        }
        for (String column : List.of(columns.score(), columns.scale(), columns.comment())) {
            columnRoles.putIfAbsent(column, ANSWER);
        }
        columns.byField().values().forEach(column -> fieldColumns.putIfAbsent(ColumnSuggestion.squeezed(column),
                column));
        if (!options.sessionizeByCustomer()) {
            fieldTypes.text(journeyKey.columns().toArray(String[]::new));
        }
        fieldTypes.time(columns.timestamp()).text(columns.touchpoint(), columns.channel(), columns.stage(),
                columns.customer(), columns.owner(), columns.type()).number(columns.value())
                .text(columns.segment(), columns.device(), columns.eventId()).number(columns.score());
        answerFieldTypes.text(columns.scale(), columns.comment());
        if (eventNames != null) {
            fieldTypes.text(eventNames.column());
        }
    }

    void accept(InputRow row) {
        ColumnMapping columns = options.mapping();
        long line = row.line();
        int errorsBefore = (int) errors.count();
        lastSkipped = false;
        String eventName = null;
        if (eventNames != null) {
            // A row of an event that is no step (a scroll, a page leave) is passed over before it is checked.
            eventName = eventNames.nameOf(row);
            if (row.jsonKind(eventNames.column()) == null && eventNames.skips(eventName)) {
                lastSkipped = true;
                return;
            }
        }
        if (row.hasJsonStructures() && !jsonFieldsValid(row)) {
            return;
        }

        String written = trimmed(row.get(columns.touchpoint()));
        // Cleaned (urls, rewrite) up to the length of an extra column: a longer name is refused as it is.
        String touchpoint = cleanedNames == null || written == null || written.length() > MAX_ATTRIBUTE_LENGTH
                ? written : trimmed(cleanedNames.clean(written));
        if (written == null) {
            errors.add(line, columns.touchpoint(), "is missing: every event needs a touchpoint"
                    + lookalikeOf(row, columns.touchpoint()));
        } else if (touchpoint == null) {
            errors.add(line, columns.touchpoint(), "'" + TimestampParser.abbreviate(written) + "' is empty once "
                    + "cleaned by the rewrite rules");
        } else if (touchpoint.length() > MAX_NAME_LENGTH) {
            errors.add(line, columns.touchpoint(), "is " + touchpoint.length() + " characters long"
                    + (touchpoint == written ? "" : " once cleaned") + "; the limit is " + MAX_NAME_LENGTH);
        } else if (!refusedIfReserved(line, columns.touchpoint(), touchpoint)) {
            checkCharacters(line, columns.touchpoint(), touchpoint);
        }

        long time = 0;
        String rawTime = row.get(columns.timestamp());
        if (rawTime == null || rawTime.isBlank()) {
            errors.add(line, columns.timestamp(), "is missing: every event needs a timestamp"
                    + lookalikeOf(row, columns.timestamp()));
        } else {
            try {
                time = timestamps.parse(rawTime);
            } catch (IllegalArgumentException e) {
                errors.add(line, columns.timestamp(), e.getMessage());
            }
        }

        String journeyId = options.sessionizeByCustomer() ? null : journeyKey.id(row);
        String customerId = trimmed(row.get(columns.customer()));
        String keyMissing = journeyId == null && journeyKey.isComposite() && !options.sessionizeByCustomer()
                ? journeyKey.missingPart(row) : null;
        if (keyMissing != null) {
            errors.add(line, keyMissing, journeyKey.missingMessage(row) + lookalikeOf(row, keyMissing));
        } else if (journeyId == null && customerId == null) {
            if (options.sessionizeByCustomer()) {
                errors.add(line, columns.customer(), "is missing: sessionize=customer splits each customer's events "
                        + "into journeys, so every event needs a customer id" + lookalikeOf(row, columns.customer()));
            } else {
                errors.add(line, journeyKey.written(), "is missing, and so is " + columns.customer()
                        + ": an event needs a journey id, or a customer id to split into journeys by inactivity"
                        + lookalikeOf(row, journeyKey.columns().get(0)));
            }
        } else if (journeyId != null && journeyId.length() > MAX_NAME_LENGTH) {
            errors.add(line, journeyKey.written(), "is longer than " + MAX_NAME_LENGTH + " characters");
        } else if (journeyId == null && customerId.length() > MAX_NAME_LENGTH) {
            errors.add(line, columns.customer(), "is longer than " + MAX_NAME_LENGTH + " characters");
        } else {
            checkCharacters(line, journeyKey.written(), journeyId);
            checkCharacters(line, columns.customer(), customerId);
        }
        String channel = trimmed(row.get(columns.channel()));
        String stage = trimmed(row.get(columns.stage()));
        // Under level=channel or level=stage the value becomes a step's label, and a reserved one its node.
        if (!refusedIfReserved(line, columns.channel(), channel)) {
            checkCharacters(line, columns.channel(), channel);
        }
        if (!refusedIfReserved(line, columns.stage(), stage)) {
            checkCharacters(line, columns.stage(), stage);
        }

        EventType type = EventType.TOUCHPOINT;
        String rawType = trimmed(row.get(columns.type()));
        if (rawType != null) {
            switch (rawType.toLowerCase(Locale.ROOT)) {
                case "touchpoint" -> type = EventType.TOUCHPOINT;
                case "purchase" -> type = EventType.PURCHASE;
                case "abandon" -> type = EventType.ABANDON;
                case "frustration" -> type = EventType.FRUSTRATION;
                default -> errors.add(line, columns.type(), "'" + TimestampParser.abbreviate(rawType)
                        + "' is not a type (expected touchpoint, purchase, abandon or frustration)");
            }
        }
        EventType byName = eventName == null ? null : eventNames.typeOf(eventName);
        if (byName != null) {
            // A purchase by any rule or the type column stays one; else the strongest type of them wins.
            type = EventNames.stronger(type, byName);
        }
        long[] purchaseMatch = touchpoint == null ? null : rules.purchaseCounter(touchpoint);
        if (purchaseMatch != null) {
            type = EventType.PURCHASE;
        }
        // A signal of the page the customer was on, moved there once the journey's events are in time order.
        long[] frustrationMatch = touchpoint == null || (type != EventType.TOUCHPOINT
                && type != EventType.FRUSTRATION) ? null : rules.frustrationCounter(touchpoint);
        if (frustrationMatch != null) {
            type = EventType.FRUSTRATION;
        }

        Owner owner = null;
        String rawOwner = trimmed(row.get(columns.owner()));
        if (rawOwner != null) {
            switch (rawOwner.toLowerCase(Locale.ROOT)) {
                case "own" -> owner = Owner.OWN;
                case "competitor" -> owner = Owner.COMPETITOR;
                default -> errors.add(line, columns.owner(), "'" + TimestampParser.abbreviate(rawOwner)
                        + "' is not an owner (expected own or competitor)");
            }
        }
        boolean competitorRule = touchpoint != null && rules.isCompetitor(touchpoint, written);
        if (competitorRule) {
            owner = Owner.COMPETITOR;
        }

        double value = 0;
        String rawValue = trimmed(row.get(columns.value()));
        if (rawValue != null) {
            value = number(rawValue, line, columns.value());
        }

        String eventId = trimmed(row.get(columns.eventId()));
        row.forEach((column, cell) -> {
            if (cell != null && cell.length() > MAX_ATTRIBUTE_LENGTH && !column.isEmpty()
                    && mayBeAttribute(column)) {
                errors.add(line, column, "is " + cell.length() + " characters long; the limit for an extra column is "
                        + MAX_ATTRIBUTE_LENGTH);
            }
        });
        ScoredAnswer answer = ScoredAnswer.read(row, columns.score(), columns.scale(), columns.comment(),
                options.defaultScale(), false, options.decimalComma(), errors);
        String key = journeyId != null ? journeyId : customerId;
        boolean byCustomer = journeyId == null;
        if (errors.count() > errorsBefore) {
            if (key != null && options.onError() == ImportOptions.ErrorMode.SKIP) {
                rejectedRowsOf.add((byCustomer ? "c" : "j") + key);
            }
            return;
        }

        int draft = lastDraft;
        if (draft < 0 || !drafts.is(draft, key, byCustomer)) {
            draft = drafts.find(key, byCustomer);
            if (draft < 0) {
                draft = drafts.create(key, byCustomer);
            }
            lastDraft = draft;
        }
        if (drafts.size(draft) >= maxJourneyLength) {
            errors.add(line, journeyKey.written(), "journey '" + TimestampParser.abbreviate(drafts.key(draft))
                    + "' has more than " + maxJourneyLength + " events, the limit");
            if (options.onError() == ImportOptions.ErrorMode.SKIP) {
                rejectedRowsOf.add((byCustomer ? "c" : "j") + key);
            }
            return;
        }
        implausible.check(line, columns.timestamp(), rawTime, time);
        if (purchaseMatch != null) {
            purchaseMatch[0]++;
        }
        if (frustrationMatch != null) {
            frustrationMatch[0]++;
        }
        if (competitorRule) {
            rules.countCompetitor(touchpoint);
        }
        if (eventName != null) {
            eventNames.kept(eventName);
        }
        int step = touchpointId(touchpoint, channel, stage, owner);
        if (frustrationMatch != null) {
            frustrationSignals.set(step);
        }
        // Revenue is the value of purchase events; the value on any other event is not revenue.
        double revenue = type == EventType.PURCHASE ? value : 0;
        drafts.add(draft, step, time, type.code(), revenue, eventId,
                eventId == null ? Double.doubleToLongBits(value) : 0, line, file);
        drafts.describe(draft, customerId, trimmed(row.get(columns.segment())), trimmed(row.get(columns.device())));
        describeColumns(row, eventId == null, answer != null);
        if (cleanedNames != null) {
            cleanedNames.count(written, touchpoint, step);
            if (eventId == null && !written.equals(touchpoint)) {
                // Two addresses of one page in the same second (two products) stay two events, as without cleaning.
                drafts.fingerprintCell(columns.touchpoint().hashCode(), written);
            }
        }
        if (type != EventType.PURCHASE && rawValue != null) {
            // Not revenue, but kept: an attribute of this event (or of the journey, when every event has the same).
            drafts.attribute(columns.value(), values.computeIfAbsent(rawValue, same -> same));
        }
        if (answer != null) {
            answers.add(FeedbackImporter.Draft.ofEvent(line, journeyId, customerId, time, touchpoint, stage, answer));
        }
        acceptedRows++;
        // Kept as they are, not as a record, so that an import allocates nothing per row for the preview.
        lastTouchpoint = touchpoint;
        lastType = type;
        lastOwner = owner;
    }

    /** The event of the row accepted last: its touchpoint (cleaned), type and owner, as rules and columns made them. */
    record Accepted(String touchpoint, EventType type, Owner owner) {
    }

    /** Whether the row given last was passed over for its event name ({@code events}): not an error, no event. */
    boolean lastSkipped() {
        return lastSkipped;
    }

    /** The rules by event name and what they did, or null without {@code eventColumn}. */
    EventNameTally eventNames() {
        return eventNames;
    }

    /** The event of the row accepted last, or null before the first; the preview shows it. */
    Accepted lastAccepted() {
        return lastTouchpoint == null ? null
                : new Accepted(lastTouchpoint, lastType, lastOwner == null ? Owner.OWN : lastOwner);
    }

    /**
     * Whether every field of an NDJSON row holds a string or a number ({@link JsonFieldTypes}); a row that does not is
     * rejected before its fields are read as text, and with {@code onError=skip} its journey (when its id is text) is
     * reported as imported without it. The scale and comment are fields on a row with a score only; elsewhere they
     * are extra columns, which may hold any value.
     */
    private boolean jsonFieldsValid(InputRow row) {
        ColumnMapping columns = options.mapping();
        boolean valid = fieldTypes.check(row, errors);
        if (trimmed(row.get(columns.score())) != null) {
            valid &= answerFieldTypes.check(row, errors);
        }
        if (!valid && options.onError() == ImportOptions.ErrorMode.SKIP) {
            boolean keyIsText = journeyKey.columns().stream().allMatch(column -> row.jsonKind(column) == null);
            String journeyId = options.sessionizeByCustomer() || !keyIsText ? null : journeyKey.id(row);
            String customerId = textField(row, columns.customer());
            if (journeyId != null) {
                rejectedRowsOf.add("j" + journeyId);
            } else if (customerId != null && (options.sessionizeByCustomer() || keyIsText)) {
                rejectedRowsOf.add("c" + customerId);
            }
        }
        return valid;
    }

    /** The trimmed value of a field that holds text or a number, else null. */
    private static String textField(InputRow row, String column) {
        return row.jsonKind(column) == null ? trimmed(row.get(column)) : null;
    }

    /**
     * The answers given on accepted rows (a score, its scale and comment), each with the event's journey id as given
     * (null when the events are split by customer), customer, time and touchpoint; in row order. Not those of rows
     * refused for their value once merged ({@link #refuseValue}).
     */
    List<FeedbackImporter.Draft> answers() {
        if (!valueRefusedLines.isEmpty() && !answers.isEmpty()) {
            answers.removeIf(answer -> valueRefusedLines.contains(answer.line()));
        }
        return answers;
    }

    /** The rows that follow are of the next file of a bulk load. */
    void nextFile() {
        file++;
    }

    /**
     * Refuses an accepted purchase row (event {@code event} of {@code draft}, at touchpoint {@code step}) whose value
     * makes the value of its journey, or of its customer's purchases, larger than the largest double, with the value
     * stored ({@code withStored}) and the rows before. {@link JourneyAssembler} finds such rows when it merges the
     * upload's events with the stored ones, where duplicates are known and counted once; the row is then reported as
     * any bad row, and its answer, rule matches (by page and by event name) and new touchpoint are dropped.
     */
    void refuseValue(JourneyDraft draft, int event, int step, boolean withStored) {
        long line = draft.line(event);
        int file = draft.file(event);
        errors.add(line, options.mapping().value(), "makes the value of " + (draft.byCustomer
                ? "the purchases of customer '" : "journey '") + TimestampParser.abbreviate(draft.key) + "', with "
                + (withStored ? "its stored value and " : "") + "the rows before, larger than the largest number "
                + "stored (" + Double.MAX_VALUE + ")");
        if (options.onError() == ImportOptions.ErrorMode.SKIP) {
            rejectedRowsOf.add((draft.byCustomer ? "c" : "j") + draft.key);
        }
        valueRefusedLines.add(line);
        valueRefusedFiles.add(file);
        acceptedRows--;
        Touchpoint touchpoint = touchpoints.get(step);
        long[] purchaseMatch = rules.purchaseCounter(touchpoint.name());
        if (purchaseMatch != null) {
            purchaseMatch[0]--;
        }
        if (rules.isCompetitor(touchpoint.name())) {
            rules.uncountCompetitor(touchpoint.name());
        }
        if (eventNames != null) {
            // The event's name is kept as an extra column of its draft, unless a field reads its column too.
            String[] names = draft.columns.get(eventNames.column());
            String name = names == null ? null : names[event];
            if (name != null) {
                eventNames.unkept(name.strip());
            }
        }
        if (step >= storedTouchpoints) {
            valueRefusedTouchpoints.set(step);
        }
    }

    /** In the order refused, the file ({@link #nextFile}) of each row {@link #refuseValue} refused. */
    List<Integer> valueRefusedFiles() {
        return valueRefusedFiles;
    }

    /** The new touchpoints of the rows {@link #refuseValue} refused: left out unless a journey built visits them. */
    BitSet valueRefusedTouchpoints() {
        return valueRefusedTouchpoints;
    }

    /**
     * Keeps the columns that are not mapped as journey attributes and, for an event without an id, folds every
     * column except journey, timestamp, touchpoint and value (compared on their own) into the event's fingerprint:
     * two events of a journey are the same event when their time, touchpoint and fingerprint are equal. The score,
     * scale and comment of a row that gave an answer ({@code answered}) are the answer's, not kept again as
     * attributes; on a row without a score they stay attributes, as any other column.
     */
    private void describeColumns(InputRow row, boolean fingerprint, boolean answered) {
        int[] position = {0};
        row.forEach((column, cell) -> {
            int at = position[0]++;
            if (column.isEmpty() && cell != null && !cell.isBlank() && !unnamedColumns.containsKey(at + 1)) {
                unnamedColumns.put(at + 1, new ImportWarning.Example(row.line(), "column " + (at + 1),
                        TimestampParser.abbreviate(cell)));
            }
            if (column.isEmpty() || cell == null) {
                return;
            }
            byte role = role(at, column);
            if (role == SKIPPED) {
                return;
            }
            if ((role == ATTRIBUTE || (role == ANSWER && !answered)) && !cell.isBlank()) {
                drafts.attribute(column, values.computeIfAbsent(cell, same -> same));
            }
            if (fingerprint) {
                drafts.fingerprintCell(column.hashCode(), cell);
            }
        });
        if (!uncomparedColumns.isEmpty()) {
            compareWithMappedColumns(row);
        }
    }

    /**
     * For the error of a missing field: the row's column written like the field's ({@code Timestamp} for
     * {@code timestamp}) and the parameter that would read it, or nothing. Runs on bad rows only.
     */
    private String lookalikeOf(InputRow row, String column) {
        String squeezed = ColumnSuggestion.squeezed(column);
        String[] found = new String[1];
        row.forEach((name, cell) -> {
            if (found[0] == null && cell != null && !cell.isBlank() && !name.equals(column)
                    && ColumnSuggestion.squeezed(name).equals(squeezed)) {
                found[0] = name;
            }
        });
        return found[0] == null ? "" : " (the row has '" + TimestampParser.abbreviate(found[0]) + "', but names match "
                + "exactly: " + options.mapping().parameterOf(column) + " names the column to read)";
    }

    /**
     * Notes the new attribute columns of {@code row} that are written like a mapped column the row lacks ({@code Type}
     * or {@code " type"} for {@code type}, {@code Customer ID} for {@code customer_id}): names match exactly, so their
     * values are kept as attributes, not read as the field, and the report warns of them. Once per column.
     */
    private void compareWithMappedColumns(InputRow row) {
        for (var columns = uncomparedColumns.entrySet().iterator(); columns.hasNext(); ) {
            var lookalike = columns.next();
            String column = lookalike.getKey();
            String field = lookalike.getValue();
            String cell = row.get(column);
            if (cell == null || cell.isBlank()) {
                continue; // compared on a row that has a value in it, for the warning's example
            }
            columns.remove();
            if (row.get(field) == null && lookalikeColumns.size() < MAX_WARNINGS) {
                lookalikeColumns.put(column, field);
                lookalikeExamples.add(new ImportWarning.Example(row.line(), column, TimestampParser.abbreviate(cell)));
            }
        }
    }

    /** Whether {@code column} is kept as an attribute on some rows: an unmapped column, or an answer's. */
    private boolean mayBeAttribute(String column) {
        Byte role = columnRoles.get(column);
        return role == null || role == ANSWER;
    }

    /**
     * The role of {@code column}, the {@code at}-th of its row: rows of a CSV upload name their columns with the same
     * strings in the same order, so the role found for a position is kept for the next row's same string.
     */
    private byte role(int at, String column) {
        if (at < roleColumns.length && roleColumns[at] == column) {
            return roles[at];
        }
        Byte known = columnRoles.get(column);
        byte role = known != null ? known : ATTRIBUTE;
        if (known == null && comparedColumns.add(column)) {
            // Once per column, so that the rows' loop squeezes no name.
            String field = fieldColumns.get(ColumnSuggestion.squeezed(column));
            if (field != null && !field.equals(column)) {
                uncomparedColumns.put(column, field);
            }
        }
        if (at < roleColumns.length) {
            roleColumns[at] = column;
            roles[at] = role;
        }
        return role;
    }

    /** The value as a number; with {@code decimal=comma}, {@code 1.234,50} and {@code 12,50} are read too. */
    private double number(String raw, long line, String field) {
        double value = PlainNumbers.read(raw, options.decimalComma(), line, field, errors);
        return Double.isNaN(value) ? 0 : value;
    }

    /** What cleaning the touchpoint names did to the accepted rows, or null without it. */
    ImportReport.Cleaning cleaning() {
        return cleanedNames == null ? null : cleanedNames.summary();
    }

    /** What each outcome rule matched, by name: those by touchpoint, then those by event name. */
    List<RuleMatches> ruleMatches() {
        List<RuleMatches> matches = rules.matches();
        if (eventNames != null) {
            matches.addAll(eventNames.matches());
        }
        return matches;
    }

    /** Resolves {@link #rejectedRowsOf} against the drafts, before they are let go. O(rejected journeys). */
    private void resolveJourneysMissingRows() {
        if (journeysMissingRows >= 0) {
            return;
        }
        journeysMissingRows = 0;
        for (String rejected : rejectedRowsOf) {
            String key = rejected.substring(1);
            if (drafts.find(key, rejected.charAt(0) == 'c') >= 0) {
                journeysMissingRows++;
                if (journeysMissingRowsNamed.size() < 5) {
                    journeysMissingRowsNamed.add("'" + TimestampParser.abbreviate(key) + "'");
                }
            }
        }
    }

    /** Warnings about rows that are valid but look unintended. */
    List<ImportWarning> warnings() {
        return warnings("this upload");
    }

    /**
     * As {@link #warnings()}, saying of a rule name that matched nothing that it matched no event of {@code rowsRead}
     * ({@code this upload}, or the rows a preview read when the upload goes on beyond them).
     */
    List<ImportWarning> warnings(String rowsRead) {
        List<ImportWarning> warnings = new ArrayList<>(implausible.warning("event"));
        if (cleanedNames != null) {
            warnings.addAll(cleanedNames.warnings());
        }
        List<RuleMatches> listed = ruleMatches();
        if (eventNames != null) {
            listed.addAll(eventNames.keptMatches());
        }
        for (RuleMatches rule : listed) {
            for (RuleMatches.NameMatches name : rule.names()) {
                if (name.matchedEvents() == 0) {
                    warnings.add(new ImportWarning("rule-matched-nothing", rule.rule() + " '"
                            + TimestampParser.abbreviate(name.name()) + "' matched no event of " + rowsRead
                            + (name.suggestion() == null ? "" : "; did you mean '"
                                    + TimestampParser.abbreviate(name.suggestion()) + "'?"
                                    + (name.suggestion().indexOf(',') >= 0 ? " (quote a name that has a comma: "
                                            + rule.rule() + "=\"" + TimestampParser.abbreviate(name.suggestion())
                                            + "\", or repeat the parameter)" : "")),
                            1, List.of()));
                }
            }
        }
        resolveJourneysMissingRows();
        if (journeysMissingRows > 0) {
            warnings.add(new ImportWarning("journeys-missing-rows", ImportWarning.number(journeysMissingRows)
                    + " journey(s) (by journey "
                    + "id, or customer id where rows have none) were imported without the rows rejected from them, "
                    + "which may change their paths and outcomes: " + String.join(", ", journeysMissingRowsNamed)
                    + (journeysMissingRows > journeysMissingRowsNamed.size() ? ", ..." : "") + " (onError=reject "
                    + "imports nothing from a file with a bad row)", journeysMissingRows, List.of()));
        }
        if (!unnamedColumns.isEmpty()) {
            warnings.add(new ImportWarning("unnamed-column", (unnamedColumns.size() == 1 ? "column "
                    : "columns ") + String.join(", ", unnamedColumns.keySet().stream().map(String::valueOf).toList())
                    + " of the header " + (unnamedColumns.size() == 1 ? "has" : "have") + " no name but values (the "
                    + "first: " + String.join(", ", unnamedColumns.values().stream().limit(5).map(example -> "'"
                            + example.value() + "' at line " + example.line()).toList()) + "), which were not read: "
                    + "name " + (unnamedColumns.size() == 1 ? "it" : "them") + " in the header to keep the values as "
                    + "attributes", unnamedColumns.size(), unnamedColumns.values().stream().limit(5).toList()));
        }
        if (!lookalikeColumns.isEmpty()) {
            warnings.add(new ImportWarning("column-not-read", lookalikeColumns.size() + " column(s) were kept as "
                    + "attributes although written like a field's column, as names match exactly: " + String.join(", ",
                            lookalikeColumns.entrySet().stream().map(column -> "'" + TimestampParser.abbreviate(
                                    column.getKey()) + "' (the column read is '" + column.getValue() + "')").toList())
                    + "; rename them, or name them with " + String.join(", ", lookalikeColumns.values().stream()
                            .map(options.mapping()::parameterOf).distinct().toList()),
                    lookalikeColumns.size(), lookalikeExamples.subList(0, Math.min(5, lookalikeExamples.size()))));
        }
        if (metadataWarningCount > 0) {
            String more = metadataWarningCount > metadataWarnings.size()
                    ? "; and " + ImportWarning.number(metadataWarningCount - metadataWarnings.size()) + " more" : "";
            warnings.add(new ImportWarning("touchpoint-metadata", ImportWarning.number(metadataWarningCount)
                    + " touchpoint field(s) "
                    + "have another value in the upload than the one kept: " + String.join("; ", metadataWarnings)
                    + more, metadataWarningCount, List.of()));
        }
        return warnings;
    }

    /**
     * The first character of {@code name} that names may not hold, described, or null ({@link
     * Touchpoint#forbiddenCharacter}); control characters would also reach terminals and logs as escape sequences.
     */
    static String forbiddenCharacter(String name) {
        return Touchpoint.forbiddenCharacter(name);
    }

    private void checkCharacters(long line, String column, String name) {
        String forbidden = name == null ? null : forbiddenCharacter(name);
        if (forbidden != null) {
            errors.add(line, column, "contains " + forbidden);
        }
    }

    /** Names of the graph's start and outcome nodes, which no touchpoint, channel or stage may take. */
    static boolean isReserved(String name) {
        return NodeSpace.isReservedName(name);
    }

    /** Reports {@code value} of {@code column} as a row error if it is a reserved name; whether it is. */
    private boolean refusedIfReserved(long line, String column, String value) {
        if (value == null || !isReserved(value)) {
            return false;
        }
        errors.add(line, column, "'" + value + "' is reserved for the graph's start and outcome nodes");
        return true;
    }

    /**
     * The touchpoint's id, created on first sight with the row's channel, stage and owner. An upload fills a stored
     * touchpoint's channel or stage only where it is unset, and never changes its owner (that would change the
     * outcome of stored journeys as a side effect): a different value is kept out and reported as a warning, once
     * per touchpoint and field. Metadata is set on purpose with {@code PUT /api/touchpoints} and
     * {@code POST /api/outcomes}.
     */
    private int touchpointId(String name, String channel, String stage, Owner owner) {
        Integer id = touchpointIds.get(name);
        if (id == null) {
            id = touchpoints.size();
            touchpoints.add(new Touchpoint(id, name, channel, stage, owner == null ? Owner.OWN : owner));
            touchpointIds.put(name, id);
            changedTouchpoints.add(id);
            return id;
        }
        Touchpoint known = touchpoints.get(id);
        boolean stored = id < storedTouchpoints;
        warnIfDifferent(known, "channel", known.channel(), channel, stored);
        warnIfDifferent(known, "stage", known.stage(), stage, stored);
        if (stored && owner != null) {
            // A new touchpoint named competitor's on any row is a competitor's (below): no value is dropped.
            warnIfDifferent(known, "owner", known.owner().label(), owner.label(), true);
        }
        if ((channel != null && known.channel().isEmpty()) || (stage != null && known.stage().isEmpty())
                || (!stored && owner == Owner.COMPETITOR && !known.isCompetitor())) {
            touchpoints.set(id, known.mergedWith(channel, stage, stored ? null : owner));
            changedTouchpoints.add(id);
        }
        return id;
    }

    /**
     * Lists a value of the upload that differs from the one kept: the stored touchpoint's ({@code stored}), or for a
     * touchpoint new in this upload the one of its first row that gave one.
     */
    private void warnIfDifferent(Touchpoint known, String field, String keptValue, String uploaded, boolean stored) {
        if (uploaded == null || keptValue.isEmpty() || keptValue.equals(uploaded)
                || !warned.add(known.id() + "\u0000" + field)) {
            return;
        }
        metadataWarningCount++;
        if (metadataWarnings.size() < MAX_WARNINGS) {
            String touchpoint = "touchpoint '" + TimestampParser.abbreviate(known.name()) + "': " + field + " '"
                    + TimestampParser.abbreviate(uploaded) + "'";
            metadataWarnings.add(stored
                    ? touchpoint + " in the upload differs from the stored '" + keptValue + "', which was kept (an "
                            + "import does not change a stored touchpoint's metadata; use PUT /api/touchpoints"
                            + (field.equals("owner") ? " or POST /api/outcomes?competitor=..." : "") + ")"
                    : touchpoint + " differs from '" + keptValue + "' on an earlier row of the upload, which was "
                            + "kept (a touchpoint has one " + field + "; use PUT /api/touchpoints to change it)");
        }
    }


    List<Touchpoint> touchpoints() {
        return touchpoints;
    }

    /**
     * The touchpoints the {@code frustration} rule named in this upload, by id: their events are frustration signals
     * of the page the customer was on, moved to the touchpoint of the event before them in time.
     */
    BitSet frustrationSignals() {
        return frustrationSignals;
    }

    /** Touchpoints that are new or got attributes from this upload. */
    List<Touchpoint> changedTouchpoints() {
        return changedTouchpoints.stream().map(touchpoints::get).toList();
    }

    /** The drafts in the order of their first row, each built as it is reached. */
    Iterable<JourneyDraft> drafts() {
        return drafts.drafts();
    }

    /** The customers whose events came without journey ids (their drafts are split into sessions). */
    Set<String> customerDraftKeys() {
        return drafts.customerKeys();
    }

    /**
     * Lets go of the drafts once the journeys are built from them, so that a large upload's events are not held
     * twice while the journeys are written; the answers, rule matches and warnings stay.
     */
    void releaseDrafts() {
        resolveJourneysMissingRows();
        drafts = new DraftStore();
        lastDraft = -1;
    }

    int draftCount() {
        return drafts.draftCount();
    }

    long acceptedRows() {
        return acceptedRows;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
