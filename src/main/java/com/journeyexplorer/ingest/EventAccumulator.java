package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.journeyexplorer.analysis.EventType;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.Outcome;
import com.journeyexplorer.analysis.Owner;
import com.journeyexplorer.analysis.Touchpoint;

/**
 * Validates the rows of an upload and groups their events by journey (or by customer, when rows have no journey id),
 * assigning touchpoint ids that extend the current snapshot's. A bad row is reported with its line, field and reason,
 * and contributes nothing.
 */
final class EventAccumulator {

    static final int MAX_NAME_LENGTH = 500;
    /** Longest value of an extra column (a journey attribute), so that one cell cannot fill the heap. */
    static final int MAX_ATTRIBUTE_LENGTH = 10_000;
    private static final Set<String> RESERVED_NAMES = reservedNames();

    private final ImportOptions options;
    private final TimestampParser timestamps;
    private final ErrorCollector errors;
    private final int maxJourneyLength;
    private final Set<String> mapped;
    private final List<Touchpoint> touchpoints;
    private final Map<String, Integer> touchpointIds = new HashMap<>();
    private final Set<Integer> changedTouchpoints = new LinkedHashSet<>();
    private final Map<String, JourneyDraft> drafts = new LinkedHashMap<>();
    private long acceptedRows;
    private final int storedTouchpoints;
    private final Set<String> warned = new java.util.HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private long warningCount;
    static final int MAX_WARNINGS = 100;

    EventAccumulator(JourneySnapshot base, ImportOptions options, TimestampParser timestamps, ErrorCollector errors,
            int maxJourneyLength) {
        this.options = options;
        this.timestamps = timestamps;
        this.errors = errors;
        this.maxJourneyLength = maxJourneyLength;
        this.mapped = options.mapping().mappedColumns();
        this.touchpoints = new ArrayList<>(base.touchpoints());
        this.storedTouchpoints = touchpoints.size();
        for (Touchpoint touchpoint : touchpoints) {
            touchpointIds.put(touchpoint.name(), touchpoint.id());
        }
    }

    void accept(InputRow row) {
        ColumnMapping columns = options.mapping();
        long line = row.line();
        int errorsBefore = (int) errors.count();

        String touchpoint = trimmed(row.get(columns.touchpoint()));
        if (touchpoint == null) {
            errors.add(line, columns.touchpoint(), "is missing: every event needs a touchpoint");
        } else if (touchpoint.length() > MAX_NAME_LENGTH) {
            errors.add(line, columns.touchpoint(), "is " + touchpoint.length() + " characters long; the limit is "
                    + MAX_NAME_LENGTH);
        } else if (RESERVED_NAMES.contains(touchpoint)) {
            errors.add(line, columns.touchpoint(), "'" + touchpoint + "' is reserved for the graph's start and outcome nodes");
        } else {
            checkCharacters(line, columns.touchpoint(), touchpoint);
        }

        long time = 0;
        String rawTime = row.get(columns.timestamp());
        if (rawTime == null || rawTime.isBlank()) {
            errors.add(line, columns.timestamp(), "is missing: every event needs a timestamp");
        } else {
            try {
                time = timestamps.parse(rawTime);
            } catch (IllegalArgumentException e) {
                errors.add(line, columns.timestamp(), e.getMessage());
            }
        }

        String journeyId = trimmed(row.get(columns.journey()));
        String customerId = trimmed(row.get(columns.customer()));
        if (journeyId == null && customerId == null) {
            errors.add(line, columns.journey(), "is missing, and so is " + columns.customer()
                    + ": an event needs a journey id, or a customer id to split into journeys by inactivity");
        } else if (journeyId != null && journeyId.length() > MAX_NAME_LENGTH) {
            errors.add(line, columns.journey(), "is longer than " + MAX_NAME_LENGTH + " characters");
        } else if (journeyId == null && customerId.length() > MAX_NAME_LENGTH) {
            errors.add(line, columns.customer(), "is longer than " + MAX_NAME_LENGTH + " characters");
        } else {
            checkCharacters(line, columns.journey(), journeyId);
            checkCharacters(line, columns.customer(), customerId);
        }
        String channel = trimmed(row.get(columns.channel()));
        String stage = trimmed(row.get(columns.stage()));
        checkCharacters(line, columns.channel(), channel);
        checkCharacters(line, columns.stage(), stage);

        EventType type = EventType.TOUCHPOINT;
        String rawType = trimmed(row.get(columns.type()));
        if (rawType != null) {
            switch (rawType.toLowerCase(Locale.ROOT)) {
                case "touchpoint" -> type = EventType.TOUCHPOINT;
                case "purchase" -> type = EventType.PURCHASE;
                case "abandon" -> type = EventType.ABANDON;
                default -> errors.add(line, columns.type(), "'" + TimestampParser.abbreviate(rawType)
                        + "' is not a type (expected touchpoint, purchase or abandon)");
            }
        }
        if (touchpoint != null && options.purchases().contains(touchpoint)) {
            type = EventType.PURCHASE;
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
        if (touchpoint != null && options.isCompetitor(touchpoint)) {
            owner = Owner.COMPETITOR;
        }

        double value = 0;
        String rawValue = trimmed(row.get(columns.value()));
        if (rawValue != null) {
            try {
                value = Double.parseDouble(rawValue);
                if (!Double.isFinite(value)) {
                    errors.add(line, columns.value(), "must be a finite number");
                }
            } catch (NumberFormatException e) {
                errors.add(line, columns.value(), "'" + TimestampParser.abbreviate(rawValue) + "' is not a number");
            }
        }

        String eventId = trimmed(row.get(columns.eventId()));
        row.forEach((column, cell) -> {
            if (!column.isEmpty() && !mapped.contains(column) && cell != null && cell.length() > MAX_ATTRIBUTE_LENGTH) {
                errors.add(line, column, "is " + cell.length() + " characters long; the limit for an extra column is "
                        + MAX_ATTRIBUTE_LENGTH);
            }
        });
        if (errors.count() > errorsBefore) {
            return;
        }

        String key = journeyId != null ? "j:" + journeyId : "c:" + customerId;
        JourneyDraft draft = drafts.get(key);
        if (draft == null) {
            draft = new JourneyDraft(journeyId != null ? journeyId : customerId, journeyId == null);
            drafts.put(key, draft);
        }
        if (draft.size >= maxJourneyLength) {
            errors.add(line, columns.journey(), "journey '" + TimestampParser.abbreviate(draft.key) + "' has more than "
                    + maxJourneyLength + " events, the limit");
            return;
        }
        int step = touchpointId(touchpoint, channel, stage, owner);
        draft.add(step, time, type.code(), value, eventId);
        draft.describe(customerId, trimmed(row.get(columns.segment())), trimmed(row.get(columns.device())));
        JourneyDraft target = draft;
        row.forEach((column, cell) -> {
            if (!column.isEmpty() && !mapped.contains(column) && cell != null && !cell.isBlank()) {
                target.attribute(column, cell);
            }
        });
        acceptedRows++;
    }

    /**
     * The first control character of {@code name} that XML 1.0 cannot hold (U+0000 to U+001F except tab, line feed and
     * carriage return), as {@code U+0000}, or null when there is none. Names with one could not be written to the
     * GraphML and GEXF exports, and would reach terminals and logs as escape sequences.
     */
    static String forbiddenCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return String.format(Locale.ROOT, "U+%04X", (int) c);
            }
        }
        return null;
    }

    private void checkCharacters(long line, String column, String name) {
        String forbidden = name == null ? null : forbiddenCharacter(name);
        if (forbidden != null) {
            errors.add(line, column, "contains the control character " + forbidden
                    + " (only tab, line feed and carriage return are allowed)");
        }
    }

    /** Names of the graph's start and outcome nodes, which no touchpoint may take. */
    static boolean isReserved(String name) {
        return RESERVED_NAMES.contains(name);
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
        if (stored) {
            warnIfDifferent(known, "channel", known.channel(), channel);
            warnIfDifferent(known, "stage", known.stage(), stage);
            if (owner != null) {
                warnIfDifferent(known, "owner", known.owner().label(), owner.label());
            }
        }
        if ((channel != null && known.channel().isEmpty()) || (stage != null && known.stage().isEmpty())
                || (!stored && owner == Owner.COMPETITOR && !known.isCompetitor())) {
            touchpoints.set(id, known.mergedWith(channel, stage, stored ? null : owner));
            changedTouchpoints.add(id);
        }
        return id;
    }

    private void warnIfDifferent(Touchpoint known, String field, String storedValue, String uploaded) {
        if (uploaded == null || storedValue.isEmpty() || storedValue.equals(uploaded)
                || !warned.add(known.id() + "\u0000" + field)) {
            return;
        }
        warningCount++;
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add("touchpoint '" + TimestampParser.abbreviate(known.name()) + "': " + field + " '"
                    + TimestampParser.abbreviate(uploaded) + "' in the upload differs from the stored '" + storedValue
                    + "', which was kept (an import does not change a stored touchpoint's metadata; use PUT "
                    + "/api/touchpoints" + (field.equals("owner") ? " or POST /api/outcomes?competitor=..." : "")
                    + ")");
        }
    }

    /** Warnings about the upload (bounded), and how many there were in all. */
    List<String> warnings() {
        if (warningCount > warnings.size()) {
            List<String> all = new ArrayList<>(warnings);
            all.add("... and " + (warningCount - warnings.size()) + " more warnings");
            return all;
        }
        return List.copyOf(warnings);
    }

    List<Touchpoint> touchpoints() {
        return touchpoints;
    }

    /** Touchpoints that are new or got attributes from this upload. */
    List<Touchpoint> changedTouchpoints() {
        return changedTouchpoints.stream().map(touchpoints::get).toList();
    }

    Iterable<JourneyDraft> drafts() {
        return drafts.values();
    }

    int draftCount() {
        return drafts.size();
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

    private static Set<String> reservedNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(NodeSpace.START_NAME);
        for (Outcome outcome : Outcome.values()) {
            names.add(outcome.nodeName());
        }
        return Set.copyOf(names);
    }
}
