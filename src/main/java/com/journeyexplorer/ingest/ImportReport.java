package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyChanges;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/**
 * What an import did.
 *
 * @param rowsRead         data rows read (header excluded)
 * @param emptyRows        rows passed over because every cell was empty or white space (a spreadsheet's cleared rows,
 *                         {@code ,,,,}), not counted in {@code rowsRead}; in the JSON only when not 0
 * @param eventsImported   events added to the store: the upload's new events (duplicates of stored events
 *                         excluded); of aggregated paths, those by which a path's count rose, one per journey
 * @param duplicateEvents  events already stored, or repeated in the upload, counted once
 * @param journeysCreated  journeys (records) created: the store's journey records after = before + this -
 *                         {@code journeysRemoved}
 * @param journeysRemoved  journeys deleted: a customer's sessions re-split into fewer, aggregated paths the upload
 *                         leaves out
 * @param eventsRemoved    events taken out of the store: the store's events after = before + {@code eventsImported}
 *                         - this. An event moved from one session to another is neither; of aggregated paths, those by
 *                         which a path's count fell or that went with its path
 * @param journeysImported journeys created or updated
 * @param journeysHorizonChanged of the journeys updated, those whose events are as stored, written again only for the
 *                         import's open horizon ({@code openHorizon}), which differs from the one they were stored
 *                         with; in the JSON only when not 0
 * @param journeysClosed   of the journeys updated, those open before the import and finished after it (a shorter
 *                         horizon, {@code openHorizon=0}, or the events the import added); in the JSON only when not 0
 * @param journeysReopened of the journeys updated, those finished before the import and open after it (a longer
 *                         horizon); in the JSON only when not 0
 * @param rowsRejected     rows skipped because they were bad ({@code onError=skip})
 * @param errors           the first rejected rows
 * @param outcomeRules     per outcome rule given ({@code purchase}, {@code competitor}), the events it matched
 * @param warnings         what was imported but looks unintended (implausible timestamps, a rule that matched nothing)
 * @param importId         the journal entry of the import ({@code DELETE /api/imports/{id}} undoes it), or null when
 *                         the upload changed nothing
 * @param answersStored    survey answers given on the rows ({@code score}) stored with the import, under its entry
 * @param answersUnmatched of those, the answers that matched no journey (stored, left out of the analyses)
 * @param duplicateAnswers answers given on the rows that were stored already, or repeated in the upload
 * @param zone             the time zone the upload's times without an offset were read in, when the {@code zone}
 *                         parameter gave it; null (left out) for the setting {@code journeys.ingest.default-zone}
 * @param cleaning         what cleaning the touchpoint names ({@code urls}, {@code rewrite}) did, or null without it
 * @param rowsSkippedByEventName rows passed over because {@code events} does not list their event name (not errors,
 *                         counted in {@code rowsRead}); null (left out) without {@code events}
 * @param skippedEventNames the most frequent names of those rows (at most 10), with their rows; null without
 *                         {@code events}
 */
public record ImportReport(
        long rowsRead,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long emptyRows,
        long eventsImported,
        long duplicateEvents,
        long journeysImported,
        long journeysCreated,
        long journeysUpdated,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long journeysHorizonChanged,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long journeysClosed,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long journeysReopened,
        long journeysRemoved,
        long eventsRemoved,
        long rowsRejected,
        List<RowError> errors,
        long totalJourneys,
        long totalEvents,
        long millis,
        List<RuleMatches> outcomeRules,
        List<ImportWarning> warnings,
        String importId,
        long answersStored,
        long answersUnmatched,
        long duplicateAnswers,
        String zone,
        Cleaning cleaning,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long rowsSkippedByEventName,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EventCount> skippedEventNames) {

    /**
     * What cleaning the touchpoint names did to the events imported (the accepted rows, duplicates included).
     *
     * @param names         distinct touchpoint names as written in the upload
     * @param touchpoints   distinct touchpoints they became
     * @param renamedEvents events whose name the cleaning changed
     */
    public record Cleaning(long names, long touchpoints, long renamedEvents) {
    }

    /** An event name and the rows of it. */
    public record EventCount(String name, long rows) {
    }

    public ImportReport {
        errors = List.copyOf(errors);
        outcomeRules = outcomeRules == null ? List.of() : List.copyOf(outcomeRules);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        skippedEventNames = skippedEventNames == null ? null : List.copyOf(skippedEventNames);
    }

    /** A report without outcome rules, warnings and journal entry. */
    public ImportReport(long rowsRead, long eventsImported, long duplicateEvents, long journeysImported,
            long journeysCreated, long journeysUpdated, long journeysRemoved, long rowsRejected, List<RowError> errors,
            long totalJourneys, long totalEvents, long millis) {
        this(rowsRead, 0, eventsImported, duplicateEvents, journeysImported, journeysCreated, journeysUpdated, 0, 0,
                0, journeysRemoved, 0, rowsRejected, errors, totalJourneys, totalEvents, millis, List.of(), List.of(),
                null, 0, 0, 0, null, null, null, null);
    }

    /** This report saying that the times without an offset were read in {@code zone} (null: the setting's). */
    ImportReport withZone(java.time.ZoneId zone) {
        return new ImportReport(rowsRead, emptyRows, eventsImported, duplicateEvents, journeysImported,
                journeysCreated, journeysUpdated, journeysHorizonChanged, journeysClosed, journeysReopened,
                journeysRemoved, eventsRemoved, rowsRejected, errors, totalJourneys, totalEvents, millis, outcomeRules,
                warnings, importId, answersStored, answersUnmatched, duplicateAnswers,
                zone == null ? null : zone.getId(), cleaning, rowsSkippedByEventName, skippedEventNames);
    }

    /** This report with what cleaning the touchpoint names did, or as it is for null. */
    ImportReport withCleaning(Cleaning names) {
        return names == null ? this : new ImportReport(rowsRead, emptyRows, eventsImported, duplicateEvents,
                journeysImported, journeysCreated, journeysUpdated, journeysHorizonChanged, journeysClosed,
                journeysReopened, journeysRemoved, eventsRemoved, rowsRejected, errors, totalJourneys, totalEvents,
                millis, outcomeRules, warnings, importId, answersStored, answersUnmatched, duplicateAnswers, zone,
                names, rowsSkippedByEventName, skippedEventNames);
    }

    /**
     * This report with the rows {@code events} skipped and their most frequent names, or as it is for a null
     * {@code tally} (no {@code events}).
     */
    ImportReport withSkippedEvents(EventNameTally tally) {
        return tally == null || tally.keptMatches().isEmpty() ? this : new ImportReport(rowsRead, emptyRows,
                eventsImported, duplicateEvents, journeysImported, journeysCreated, journeysUpdated,
                journeysHorizonChanged, journeysClosed, journeysReopened, journeysRemoved, eventsRemoved, rowsRejected,
                errors, totalJourneys, totalEvents, millis, outcomeRules, warnings, importId, answersStored,
                answersUnmatched, duplicateAnswers, zone, cleaning, tally.skippedRows(), tally.skippedNames());
    }

    /**
     * The report of an applied import, the same for every kind of upload: what {@code changes} did, the rows read,
     * passed over as empty and rejected, the totals of the snapshot {@code after} it, and the time since
     * {@code startedNanos}.
     */
    static ImportReport of(JourneyChanges changes, JourneySnapshot after, long rows, long emptyRows,
            ErrorCollector errors, List<RuleMatches> outcomeRules, List<ImportWarning> warnings, long startedNanos,
            String importId) {
        return of(changes, after, rows, emptyRows, errors, outcomeRules, warnings, startedNanos, importId,
                new FeedbackGraph.Added(null, List.of(), 0, 0));
    }

    /** As above, for an import whose rows carried survey answers: {@code answers} is what became of them. */
    static ImportReport of(JourneyChanges changes, JourneySnapshot after, long rows, long emptyRows,
            ErrorCollector errors, List<RuleMatches> outcomeRules, List<ImportWarning> warnings, long startedNanos,
            String importId, FeedbackGraph.Added answers) {
        long unmatched = answers.stored().stream().filter(response -> !response.isMatched()).count();
        ImportWarning open = openJourneys(changes, after);
        if (open != null) {
            warnings = new ArrayList<>(warnings);
            warnings.add(open);
        }
        long horizonChanged = 0;
        long closed = 0;
        long reopened = 0;
        for (Journey written : changes.upserts()) {
            Journey stored = changes.previousVersions().get(written.id());
            Journey now = after.journey(written.id()).orElse(null);
            if (stored == null || now == null) {
                continue;
            }
            if (stored.openHorizon() != written.openHorizon() && sameEvents(stored, written)) {
                horizonChanged++;
            }
            boolean wasOpen = stored.outcome() == Outcome.OPEN;
            boolean isOpen = now.outcome() == Outcome.OPEN;
            closed += wasOpen && !isOpen ? 1 : 0;
            reopened += !wasOpen && isOpen ? 1 : 0;
        }
        return new ImportReport(rows, emptyRows, changes.newEvents(), changes.duplicateEvents(),
                changes.journeysCreated() + changes.journeysUpdated(), changes.journeysCreated(),
                changes.journeysUpdated(), horizonChanged, closed, reopened, changes.removals().size(),
                changes.eventsRemoved(), errors.rejectedRows(), errors.errors(),
                after.journeyCount(), after.eventCount(), (System.nanoTime() - startedNanos) / 1_000_000,
                outcomeRules, warnings, importId, answers.stored().size(), unmatched, answers.duplicates(), null,
                null, null, null);
    }

    /** Whether a stored journey and the version an import wrote hold the same events, steps and attributes. */
    private static boolean sameEvents(Journey stored, Journey written) {
        return java.util.Arrays.equals(stored.steps(), written.steps()) && stored.sameTimes(written)
                && java.util.Arrays.equals(stored.types(), written.types())
                && stored.attributes().equals(written.attributes()) && stored.events().equals(written.events());
    }

    /**
     * The warning that journeys the import wrote are still open, so that the analyses, which count finished journeys,
     * leave them out: a short export (a week of web analytics) under the default horizon of 30 days has every journey
     * without a purchase open, and its purchase rate counts the purchases alone. Null when none is open.
     */
    private static ImportWarning openJourneys(JourneyChanges changes, JourneySnapshot after) {
        long open = 0;
        for (Journey written : changes.upserts()) {
            if (after.journey(written.id()).map(journey -> journey.outcome() == Outcome.OPEN).orElse(false)) {
                open++;
            }
        }
        if (open == 0) {
            return null;
        }
        int written = changes.upserts().size();
        String which = written == 1 ? "The journey written is open"
                : ImportWarning.number(open) + " of the " + ImportWarning.number(written) + " journeys written "
                        + (open == 1 ? "is" : "are") + " open";
        return new ImportWarning("journeys-open", which + ": without a purchase or abandon event, their last event "
                + "lies within the open horizon of the latest event of the data, so the analyses leave them out "
                + "until later data ends them (their purchase "
                + "rates count the finished journeys, which lean towards purchases); a finished export is imported "
                + "with openHorizon=0, or with a horizon as long as a visit may pause (openHorizon=30m)", open,
                List.of());
    }
}
