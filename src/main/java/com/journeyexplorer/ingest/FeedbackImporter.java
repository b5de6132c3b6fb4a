package com.journeyexplorer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.graph.FeedbackGraph;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/**
 * Imports survey responses (CSV or NDJSON): validates every row, joins each response to the journey it is about, and
 * stores them all or nothing ({@code onError=skip} stores the valid rows).
 *
 * <p>The join: a journey id names the journey (a stored one, else the response is unmatched). Without one, the
 * customer id and the timestamp pick that customer's journey in force at that time (started at or before it and
 * ended at or after it; of several, the one that started last), else the one that ended last before it, at most
 * {@code window} before (post-purchase surveys); else the response is unmatched. Ties go to the greater journey id.
 * Unmatched responses are stored and reported, not dropped. Cost: O(rows) to read, plus one pass over the stored
 * journeys when some row is joined by customer and time.
 */
@Service
public class FeedbackImporter {

    static final int MAX_NAME_LENGTH = 1000;

    private final JourneyGraph graph;
    private final FeedbackGraph feedback;
    private final JourneyProjection projection;
    private final JourneysProperties.Ingest settings;

    FeedbackImporter(JourneyGraph graph, FeedbackGraph feedback, JourneyProjection projection,
            JourneysProperties properties) {
        this.graph = graph;
        this.feedback = feedback;
        this.projection = projection;
        this.settings = properties.ingest();
    }

    /** A valid row, not yet joined. {@code at} is -1 when the row has no timestamp. */
    record Draft(long line, String id, String journeyId, String customerId, long at, String touchpoint,
            String stage, Scale scale, double score, String comment) {

        /** Whether {@code other} is the same answer, wherever it stands in the file. */
        boolean sameAnswer(Draft other) {
            return withLine(0).equals(other.withLine(0));
        }

        private Draft withLine(long newLine) {
            return new Draft(newLine, id, journeyId, customerId, at, touchpoint, stage, scale, score, comment);
        }

        /** An answer given on an event: its id derived from its content, so that a repeated import stores it once. */
        static Draft ofEvent(long line, String journeyId, String customerId, long at, String touchpoint, String stage,
                ScoredAnswer answer) {
            return new Draft(line, contentId(journeyId, customerId, at, touchpoint, stage, answer.scale(),
                    answer.score(), answer.comment()), journeyId, customerId, at, touchpoint, stage, answer.scale(),
                    answer.score(), answer.comment());
        }

        Draft withId(String newId) {
            return new Draft(line, newId, journeyId, customerId, at, touchpoint, stage, scale, score, comment);
        }

        Draft withStage(String newStage) {
            return new Draft(line, id, journeyId, customerId, at, touchpoint, newStage, scale, score, comment);
        }

        /** This answer about {@code page} instead, its stage left to be that page's; the id stays. */
        Draft atTouchpoint(String page) {
            return new Draft(line, id, journeyId, customerId, at, page, null, scale, score, comment);
        }
    }

    public FeedbackReport importFeedback(InputStream input, EventImporter.Format format, FeedbackOptions options) {
        long started = System.nanoTime();
        ErrorCollector errors = new ErrorCollector(settings.maxReportedErrors());
        RowReader reader = format == EventImporter.Format.NDJSON ? new NdjsonRowReader(options.renamedColumns())
                : new CsvRowReader(options.delimiter(), List.of(options.scoreColumn()), options.renamedColumns());
        if (format == EventImporter.Format.XES) {
            throw new InvalidImportOptionException("format", "survey responses are read from CSV or NDJSON, not XES");
        }
        JourneySnapshot snapshot = projection.current();
        Set<String> stages = new HashSet<>();
        Spellings spellings = new Spellings(new HashMap<>(), new HashMap<>());
        for (Touchpoint touchpoint : snapshot.touchpoints()) {
            stages.add(touchpoint.stage());
            spellings.touchpoints().putIfAbsent(touchpoint.name().toLowerCase(Locale.ROOT), touchpoint.name());
            spellings.stages().putIfAbsent(touchpoint.stage().toLowerCase(Locale.ROOT), touchpoint.stage());
        }
        TimestampParser timestamps = new TimestampParser(options.zone() == null ? settings.defaultZone()
                : options.zone(), options.timestampFormat());
        List<Draft> drafts = new ArrayList<>();
        BitSet derivedWithoutStage = new BitSet();
        Map<String, Draft> firstOfId = new HashMap<>();
        Map<String, Integer> repeats = new HashMap<>();
        ImplausibleTimestamps implausible = new ImplausibleTimestamps();
        JourneyKey key = JourneyKey.of(options.journeyColumn());
        JsonFieldTypes fieldTypes = new JsonFieldTypes().text(options.responseIdColumn())
                .text(key.columns().toArray(String[]::new)).text(options.customerColumn())
                .time(options.timestampColumn()).text(options.touchpointColumn(), options.stageColumn())
                .number(options.scoreColumn()).text(options.scaleColumn(), options.commentColumn());
        long[] rows = new long[1];
        boolean complete;
        try {
            complete = reader.read(input, row -> {
                rows[0]++;
                Draft draft = fieldTypes.check(row, errors)
                        ? parse(row, options, key, snapshot, stages, spellings, timestamps, errors, feedback::contains)
                        : null;
                boolean derived = draft != null && !present(row, options.responseIdColumn());
                boolean repeated = derived && firstOfId.containsKey(draft.id());
                if (repeated) {
                    // A row like an earlier one of the file is another answer (a respondent's questions answered
                    // alike, in an export with a row per question), numbered by its place among them: the file
                    // imported again keeps its ids.
                    draft = draft.withId(repeatedId(draft.id(), repeats.merge(draft.id(), 1, Integer::sum)));
                }
                Draft first = draft == null ? null : firstOfId.putIfAbsent(draft.id(), draft);
                if (first != null && !first.sameAnswer(draft)) {
                    // An export with a row per question and the respondent's id on each would lose all but the
                    // first answer as "duplicates": a row error says so instead.
                    errors.add(draft.line(), options.responseIdColumn(), "repeats the id of line " + first.line()
                            + " with another answer; an id names one answer (leave " + options.responseIdColumn()
                            + " out to derive ids from the rows' content)");
                } else if (draft != null) {
                    if (derived && !repeated && !present(row, options.stageColumn()) && draft.touchpoint() != null) {
                        derivedWithoutStage.set(drafts.size());
                    }
                    drafts.add(draft);
                    if (draft.at() >= 0) {
                        implausible.check(draft.line(), options.timestampColumn(),
                                row.get(options.timestampColumn()), draft.at());
                    }
                }
            }, errors);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the upload could not be read", e);
        }
        errors.rejectIfInvalid(complete, options.onError(), "store the valid rows");
        if (rows[0] == 0) {
            throw reader.noRows();
        }
        recogniseIdsDerivedWithAStage(drafts, derivedWithoutStage, snapshot, stages);
        List<SurveyResponse> responses = new ArrayList<>(drafts.size());
        Map<String, String> unmatchedReasons = new HashMap<>();
        Map<String, Long> lines = new HashMap<>();
        join(drafts, snapshot, options.window().toMillis(), responses, unmatchedReasons, lines);
        FeedbackGraph.Added added = graph.addResponses(responses);
        long matched = 0;
        List<FeedbackReport.Unmatched> unmatched = new ArrayList<>();
        for (SurveyResponse response : added.stored()) {
            if (!unmatchedReasons.containsKey(response.id())) {
                matched++;
            } else if (unmatched.size() < settings.maxReportedErrors()) {
                unmatched.add(new FeedbackReport.Unmatched(lines.get(response.id()), response.id(),
                        unmatchedReasons.get(response.id())));
            }
        }
        long[] duplicates = storedDuplicates(responses, added.stored(), snapshot);
        List<ImportWarning> warnings = new ArrayList<>(ImportWarning.unusedDelimiter(format, options.delimiter()));
        warnings.addAll(implausible.warning("answer"));
        warnings.addAll(otherCustomers(drafts, snapshot, options));
        return new FeedbackReport(added.importId(), rows[0], reader.emptyRows(), added.stored().size(),
                added.duplicates(), duplicates[0], duplicates[1], duplicates[2], matched,
                added.stored().size() - matched, errors.rejectedRows(), errors.errors(), unmatched, warnings,
                added.total(), (System.nanoTime() - started) / 1_000_000,
                options.zone() == null ? null : options.zone().getId());
    }

    /**
     * The warning, or none, of the rows that name a stored journey and a customer id other than that journey's: the
     * answer is joined by the journey id and keeps the customer id as written, so a mixed-up column or a row of
     * another respondent would count for a customer who did not give it. O(drafts).
     */
    private static List<ImportWarning> otherCustomers(List<Draft> drafts, JourneySnapshot snapshot,
            FeedbackOptions options) {
        long count = 0;
        List<ImportWarning.Example> examples = new ArrayList<>();
        for (Draft draft : drafts) {
            if (draft.journeyId() == null || draft.customerId() == null) {
                continue;
            }
            String owner = snapshot.journey(draft.journeyId()).map(Journey::customerId).orElse(null);
            if (owner != null && !owner.equals(draft.customerId())) {
                count++;
                if (examples.size() < ImplausibleTimestamps.EXAMPLES) {
                    examples.add(new ImportWarning.Example(draft.line(), options.customerColumn(),
                            TimestampParser.abbreviate(draft.customerId()) + " (journey '"
                                    + TimestampParser.abbreviate(draft.journeyId()) + "' belongs to customer '"
                                    + TimestampParser.abbreviate(owner) + "')"));
                }
            }
        }
        if (count == 0) {
            return List.of();
        }
        String counted = count == 1 ? "1 answer names" : ImportWarning.number(count) + " answers name";
        return List.of(new ImportWarning("journey-of-another-customer", counted + " a stored journey in "
                + options.journeyColumn() + " and another customer in " + options.customerColumn() + ": each is "
                + "joined to the journey and keeps the customer id as written; check that the two columns belong "
                + "together (DELETE /api/imports/{id} undoes the import)", count, examples));
    }

    /**
     * Of the {@code joined} answers that were not {@code stored} (duplicates): how many an earlier import stored
     * unmatched, how many of those match a journey now, and how many carry another answer than the one stored under
     * their id (a corrected file: the stored answer stays). O(stored answers) when there are duplicates.
     */
    private long[] storedDuplicates(List<SurveyResponse> joined, List<SurveyResponse> stored,
            JourneySnapshot snapshot) {
        if (joined.size() == stored.size()) {
            return new long[3];
        }
        Set<String> storedNow = new HashSet<>();
        stored.forEach(response -> storedNow.add(response.id()));
        Map<String, SurveyResponse> wanted = new HashMap<>();
        for (SurveyResponse response : joined) {
            if (!storedNow.contains(response.id())) {
                wanted.putIfAbsent(response.id(), response);
            }
        }
        long[] counts = new long[3];
        for (SurveyResponse before : feedback.responses()) {
            SurveyResponse again = wanted.get(before.id());
            if (again == null) {
                continue;
            }
            if (!isJoined(before, snapshot)) {
                counts[0]++;
                counts[1] += isJoined(again, snapshot) ? 1 : 0;
            }
            counts[2] += sameAnswer(before, again, snapshot) ? 0 : 1;
        }
        return counts;
    }

    /** Whether {@code response} is joined to a stored journey (one naming a journey not stored waits for it). */
    private static boolean isJoined(SurveyResponse response, JourneySnapshot snapshot) {
        return response.isMatched() && snapshot.positionOf(response.journeyId()) >= 0;
    }

    /**
     * Whether two answers say the same, wherever each was joined; a stage is compared as the answer counts it (one
     * stored before answers followed their touchpoint's stage names it).
     */
    private static boolean sameAnswer(SurveyResponse a, SurveyResponse b, JourneySnapshot snapshot) {
        return a.scale() == b.scale() && a.score() == b.score() && a.at() == b.at()
                && a.comment().equals(b.comment()) && a.touchpoint().equals(b.touchpoint())
                && stageOf(a, snapshot).equals(stageOf(b, snapshot));
    }

    /** The stage {@code response} counts under: its own, else its touchpoint's (as it is now), else "". */
    private static String stageOf(SurveyResponse response, JourneySnapshot snapshot) {
        return !response.stage().isEmpty() ? response.stage()
                : snapshot.touchpoint(response.touchpoint()).map(Touchpoint::stage).orElse("");
    }

    /** Whether {@code column} has a value in the row, valid or not (a too-long id is an error of its own). */
    private static boolean present(InputRow row, String column) {
        return trimmed(row.get(column)) != null;
    }

    /** The row as a draft, or null (with its errors collected) when a field is wrong. */
    private static Draft parse(InputRow row, FeedbackOptions options, JourneyKey key, JourneySnapshot snapshot,
            Set<String> stages, Spellings spellings, TimestampParser timestamps, ErrorCollector errors,
            Predicate<String> stored) {
        long line = row.line();
        long before = errors.count();
        String id = text(row, options.responseIdColumn(), MAX_NAME_LENGTH, line, errors);
        String journeyId = key.isComposite() ? journeyId(row, key, line, errors)
                : text(row, options.journeyColumn(), MAX_NAME_LENGTH, line, errors);
        String customerId = text(row, options.customerColumn(), MAX_NAME_LENGTH, line, errors);
        String touchpoint = text(row, options.touchpointColumn(), MAX_NAME_LENGTH, line, errors);
        String stage = text(row, options.stageColumn(), MAX_NAME_LENGTH, line, errors);
        String rawTime = trimmed(row.get(options.timestampColumn()));
        long at = -1;
        if (rawTime != null) {
            try {
                at = timestamps.parse(rawTime);
            } catch (IllegalArgumentException e) {
                errors.add(line, options.timestampColumn(), e.getMessage());
            }
        }
        boolean idsPresent = (key.isComposite() ? !key.given(row).isEmpty() : present(row, options.journeyColumn()))
                || present(row, options.customerColumn());
        if (journeyId == null && customerId == null && !idsPresent) {
            errors.add(line, key.written(), "is missing, and so is " + options.customerColumn()
                    + ": a response needs a journey id, or a customer id and a timestamp");
        } else if (journeyId == null && customerId != null && rawTime == null) {
            errors.add(line, options.timestampColumn(), "is missing: a response with a customer id but no journey "
                    + "id is joined to that customer's journey at its time");
        }
        ScoredAnswer answer = ScoredAnswer.read(row, options.scoreColumn(), options.scaleColumn(),
                options.commentColumn(), options.defaultScale(), true, options.decimalComma(), errors);
        String touchpointStage = null;
        if (touchpoint != null) {
            var known = snapshot.touchpoint(touchpoint);
            if (known.isEmpty()) {
                errors.add(line, options.touchpointColumn(), "'" + TimestampParser.abbreviate(touchpoint)
                        + "' is no stored touchpoint (names are case-sensitive" + Spellings.hint(
                                spellings.touchpoints(), touchpoint) + ")");
            } else if (!known.get().stage().isEmpty()) {
                touchpointStage = known.get().stage();
            }
        }
        if (stage != null && !stages.contains(stage)) {
            errors.add(line, options.stageColumn(), "'" + TimestampParser.abbreviate(stage) + "' is the stage of no "
                    + "stored touchpoint" + (spellings.stages().containsKey(stage.toLowerCase(Locale.ROOT))
                            ? " (names are case-sensitive" + Spellings.hint(spellings.stages(), stage) + ")" : ""));
        }
        if (errors.count() != before || answer == null) {
            return null;
        }
        Scale scale = answer.scale();
        double score = answer.score();
        String comment = answer.comment();
        if (id == null) {
            // From the row as written, not from its touchpoint's stage: a file imported again after a
            // PUT /api/touchpoints moved the touchpoint keeps its ids.
            id = contentId(journeyId, customerId, at, touchpoint, stage, scale, score, comment);
            if (score == 0 && !stored.test(id)) {
                id = storedNegativeZeroId(id, journeyId, customerId, at, touchpoint, stage, scale, comment, stored);
            }
        }
        return new Draft(line, id, journeyId, customerId, at, touchpoint, ownStage(stage, touchpointStage), scale,
                score, comment);
    }

    /**
     * Ids derived before ids came from the rows as written: an id-less row naming a touchpoint and no stage had its id
     * derived with its touchpoint's stage at that import. Each such draft ({@code derivedWithoutStage}, by index)
     * whose id is not stored, but whose content (touchpoint, time, scale, score, comment) a stored answer has, takes
     * that answer's id where it is the draft's id derived with the touchpoint's stage now, the answer's own stage or
     * another stage of the snapshot (the touchpoint may have moved since), so that the file is recognised as imported.
     * O(stored answers) once, and only when such a draft is not stored under its id; a hash per candidate stage for a
     * draft whose content a stored answer has.
     */
    private void recogniseIdsDerivedWithAStage(List<Draft> drafts, BitSet derivedWithoutStage,
            JourneySnapshot snapshot, Set<String> stages) {
        Map<ContentKey, List<SurveyResponse>> storedByContent = null;
        for (int i = derivedWithoutStage.nextSetBit(0); i >= 0; i = derivedWithoutStage.nextSetBit(i + 1)) {
            Draft draft = drafts.get(i);
            if (feedback.contains(draft.id())) {
                continue;
            }
            if (storedByContent == null) {
                storedByContent = new HashMap<>();
                for (SurveyResponse stored : feedback.responses()) {
                    if (!stored.touchpoint().isEmpty()) {
                        storedByContent.computeIfAbsent(ContentKey.of(stored.touchpoint(), stored.at(),
                                stored.scale(), stored.score(), stored.comment()), key -> new ArrayList<>(1))
                                .add(stored);
                    }
                }
            }
            List<SurveyResponse> same = storedByContent.get(ContentKey.of(draft.touchpoint(), draft.at(),
                    draft.scale(), draft.score(), draft.comment()));
            if (same == null) {
                continue;
            }
            Set<String> candidates = new java.util.LinkedHashSet<>();
            snapshot.touchpoint(draft.touchpoint()).map(Touchpoint::stage).ifPresent(candidates::add);
            same.forEach(stored -> candidates.add(stored.stage()));
            stages.stream().sorted().forEach(candidates::add);
            candidates.remove("");
            Set<String> storedIds = new HashSet<>();
            same.forEach(stored -> storedIds.add(stored.id()));
            for (String stage : candidates) {
                String id = contentId(draft.journeyId(), draft.customerId(), draft.at(), draft.touchpoint(), stage,
                        draft.scale(), draft.score(), draft.comment());
                if (storedIds.contains(id)) {
                    drafts.set(i, draft.withId(id));
                    break;
                }
            }
        }
    }

    /** The stored touchpoint names and stages by their lower case: what a name written in another case meant. */
    private record Spellings(Map<String, String> touchpoints, Map<String, String> stages) {

        /** ": did you mean 'Cart'?" for {@code cart} when {@code Cart} is stored, else "". */
        static String hint(Map<String, String> stored, String name) {
            String spelling = stored.get(name.toLowerCase(Locale.ROOT));
            return spelling == null ? "" : ": did you mean '" + TimestampParser.abbreviate(spelling) + "'?";
        }
    }

    /** What an answer says, less its stage and whom it is about: where to look for an id derived with a stage. */
    private record ContentKey(String touchpoint, long at, Scale scale, double score, String comment) {

        static ContentKey of(String touchpoint, long at, Scale scale, double score, String comment) {
            return new ContentKey(touchpoint, at, scale, score, comment == null ? "" : comment);
        }
    }

    /**
     * The stage an answer about a touchpoint keeps of its own: the one it names when that is not its touchpoint's
     * stage, else none, so that it counts under its touchpoint's stage as it is now (a {@code PUT /api/touchpoints}
     * moves it with the visits). Null for none.
     */
    static String ownStage(String named, String touchpointStage) {
        return named == null || named.equals(touchpointStage) ? null : named;
    }

    /**
     * Joins each draft to its journey (see the class comment) and adds it to {@code responses}; for an unmatched one
     * also its reason. O(drafts + journeys) when some draft joins by customer and time, O(drafts) otherwise.
     */
    static void join(List<Draft> drafts, JourneySnapshot snapshot, long window,
            List<SurveyResponse> responses, Map<String, String> unmatchedReasons, Map<String, Long> lines) {
        Map<String, List<Journey>> byCustomer = new HashMap<>();
        for (Draft draft : drafts) {
            if (draft.journeyId() == null) {
                byCustomer.put(draft.customerId(), new ArrayList<>());
            }
        }
        if (!byCustomer.isEmpty()) {
            // Compared by hash first: a journey's customer id is built as a string only where its hash is wanted.
            int[] wantedHashes = byCustomer.keySet().stream().filter(Objects::nonNull).mapToInt(String::hashCode)
                    .sorted().toArray();
            for (Journey journey : snapshot.journeys()) {
                if (!journey.isTimed() || Arrays.binarySearch(wantedHashes, journey.customerHash()) < 0) {
                    continue;
                }
                List<Journey> journeys = byCustomer.get(journey.customerId());
                if (journeys != null) {
                    journeys.add(journey);
                }
            }
        }
        for (Draft draft : drafts) {
            String journeyId = null;
            String reason = null;
            String customerId = draft.customerId();
            if (draft.journeyId() != null) {
                Journey journey = snapshot.journey(draft.journeyId()).orElse(null);
                if (journey == null) {
                    // Kept with the journey it names: joined when that journey's events are imported.
                    journeyId = draft.journeyId();
                    reason = "journey '" + TimestampParser.abbreviate(draft.journeyId()) + "' is not stored (yet: the "
                            + "answer is kept with its journey id and joined when that journey is imported)";
                } else {
                    journeyId = journey.id();
                    customerId = customerId == null ? journey.customerId() : customerId;
                }
            } else {
                Journey journey = journeyAt(byCustomer.get(customerId), draft.at(), window);
                if (journey != null) {
                    journeyId = journey.id();
                } else if (byCustomer.get(customerId).isEmpty()) {
                    reason = "customer '" + TimestampParser.abbreviate(customerId) + "' has no stored journey with "
                            + "times";
                } else {
                    reason = "no journey of customer '" + TimestampParser.abbreviate(customerId) + "' is in force "
                            + "at " + java.time.Instant.ofEpochMilli(draft.at()) + " or ended at most "
                            + java.time.Duration.ofMillis(window) + " before it";
                }
            }
            SurveyResponse response = new SurveyResponse(draft.id(), journeyId, customerId, draft.at(),
                    draft.touchpoint(), draft.stage(), draft.scale(), draft.score(), draft.comment());
            responses.add(response);
            lines.putIfAbsent(draft.id(), draft.line());
            if (reason != null) {
                unmatchedReasons.putIfAbsent(draft.id(), reason);
            }
        }
    }

    /**
     * The journey in force at {@code at} (started at or before, ended at or after; of several the one that started
     * last), else the one that ended last before {@code at}, at most {@code window} before; ties to the greater id.
     */
    static Journey journeyAt(List<Journey> journeys, long at, long window) {
        Journey inForce = null;
        Journey endedBefore = null;
        for (Journey journey : journeys) {
            if (journey.startedAt() <= at && journey.endedAt() >= at) {
                if (inForce == null || journey.startedAt() > inForce.startedAt()
                        || journey.startedAt() == inForce.startedAt() && journey.id().compareTo(inForce.id()) > 0) {
                    inForce = journey;
                }
            } else if (journey.endedAt() < at && at - journey.endedAt() <= window) {
                if (endedBefore == null || journey.endedAt() > endedBefore.endedAt()
                        || journey.endedAt() == endedBefore.endedAt()
                                && journey.id().compareTo(endedBefore.id()) > 0) {
                    endedBefore = journey;
                }
            }
        }
        return inForce != null ? inForce : endedBefore;
    }

    /** The stripped value of {@code column}, null when absent or blank; an error when longer than {@code max}. */
    /**
     * The journey id of a key of several columns ({@link JourneyKey}), or null: a row with some of them and not all
     * is an error naming the first missing, as is an id longer than {@link #MAX_NAME_LENGTH}.
     */
    private static String journeyId(InputRow row, JourneyKey key, long line, ErrorCollector errors) {
        String missing = key.missingPart(row);
        if (missing != null) {
            errors.add(line, missing, key.missingMessage(row));
            return null;
        }
        String id = key.id(row);
        if (id != null && id.length() > MAX_NAME_LENGTH) {
            errors.add(line, key.written(), "is longer than " + MAX_NAME_LENGTH + " characters");
            return null;
        }
        return id;
    }

    private static String text(InputRow row, String column, int max, long line, ErrorCollector errors) {
        String value = trimmed(row.get(column));
        if (value != null && value.length() > max) {
            errors.add(line, column, "is longer than " + max + " characters");
            return null;
        }
        return value;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /**
     * An id from the row's content, so that the same answer imported twice is stored once: {@code r-} + 32 hex. The
     * score is the number read ({@code -0} is read as 0), so that a score's spelling does not change the id.
     */
    static String contentId(String journeyId, String customerId, long at, String touchpoint, String stage,
            Scale scale, double score, String comment) {
        return digest(String.join("\u0000", String.valueOf(journeyId), String.valueOf(customerId),
                Long.toString(at), String.valueOf(touchpoint), String.valueOf(stage), scale.label(),
                Double.toString(score), String.valueOf(comment)));
    }

    /**
     * Ids were once derived from a score as written, and a score written {@code -0} had an id of its own: an answer of
     * 0 whose id ({@code id}) is not stored takes the id its row had when written {@code -0}, if that one is stored,
     * so that a file imported before with {@code -0} is recognised, and one written {@code 0} does not add it again.
     * One hash and one lookup, only for an answer of 0 not stored under its id.
     */
    private static String storedNegativeZeroId(String id, String journeyId, String customerId, long at,
            String touchpoint, String stage, Scale scale, String comment, Predicate<String> stored) {
        String negativeZero = contentId(journeyId, customerId, at, touchpoint, stage, scale, -0.0, comment);
        return stored.test(negativeZero) ? negativeZero : id;
    }

    /**
     * An answer given on an event ({@link Draft#ofEvent}) with the id its row had when written {@code -0}, if it is an
     * answer of 0 stored under that id only ({@link #storedNegativeZeroId}); else {@code draft} itself.
     */
    static Draft withStoredNegativeZeroId(Draft draft, Predicate<String> stored) {
        if (draft.score() != 0 || stored.test(draft.id())) {
            return draft;
        }
        String id = storedNegativeZeroId(draft.id(), draft.journeyId(), draft.customerId(), draft.at(),
                draft.touchpoint(), draft.stage(), draft.scale(), draft.comment(), stored);
        return id.equals(draft.id()) ? draft : draft.withId(id);
    }

    /** The id of the {@code occurrence}-th (1, 2, ...) row of a file like the one whose id is {@code id}. */
    static String repeatedId(String id, int occurrence) {
        return digest(id + "\u0000" + occurrence);
    }

    private static String digest(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
