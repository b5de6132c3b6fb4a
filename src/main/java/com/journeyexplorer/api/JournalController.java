package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.graph.ImportEntry;
import com.journeyexplorer.graph.JourneyGraph;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The journal of changes and the import jobs: {@code GET /api/imports} lists the jobs that wait or run and the
 * journal, {@code GET /api/imports/{id}} tells one job (or journal entry), {@code DELETE /api/imports/{id}} cancels a
 * job that waits or runs, or undoes a finished entry (an import of events or of survey responses, or another change),
 * {@code DELETE /api/customers/{id}} erases a customer's journeys and survey responses (the right to erasure).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Imports")
class JournalController {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    /** How long {@code DELETE} waits for a running job to stop before it answers 202. */
    static final long CANCEL_WAIT_MILLIS = 2_000;

    private final JourneyGraph graph;
    private final ImportJobs jobs;

    JournalController(JourneyGraph graph, ImportJobs jobs) {
        this.graph = graph;
        this.jobs = jobs;
    }

    @GetMapping("/imports")
    @Operation(summary = "Import jobs and the journal, newest first", description = "First the import jobs that "
            + "wait or run (`status` queued, reading or writing; `journeys`: written so far; no `events` and "
            + "`responses`, unknown until the journal entry is written), then the journal's "
            + "entries (`status` running, done, rolled back or undone). A job that is writing has its journal entry "
            + "too, listed as running. `undoable`: whether the journal can still undo an entry (false for an undo, an "
            + "erasure, an entry not done, and one older than `journeys.journal.undo-retention`, as soon as it is, "
            + "before a write drops its copies). An entry's figures reconcile with the store's totals "
            + "(`GET /api/stats`): events after = before + `events` (added) - `eventsRemoved` (taken out), journey "
            + "records after = before + `journeysCreated` - `journeysRemoved`; an undo's mirror the entry it undid. "
            + "At most `limit` rows in all.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "At most this many rows", schema = @Schema(
            type = "integer", minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
    List<ImportEntry> imports(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            HttpServletRequest request) {
        KnownParameters.require(request, Set.of("limit"), null);
        // Read as every analysis reads its numbers: Spring's conversion would take 0x10 as 16 and answer a vague
        // "Failed to convert" for anything else it cannot read.
        int n = JourneyQuery.integer(parameters, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<ImportEntry> listed = new ArrayList<>();
        for (ImportJob job : jobs.unfinished()) {
            if (listed.size() < n) {
                ImportJobStatus status = job.status();
                listed.add(new ImportEntry(status.id(), "import", status.status(),
                        status.startedAt() != null ? status.startedAt() : status.submittedAt(), null,
                        status.journeysWritten(), null, null, null, null, null, null, null, null));
            }
        }
        if (listed.size() < n) {
            listed.addAll(graph.imports(n - listed.size()));
        }
        return listed;
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "One import job, or journal entry", description = "An import job (from an upload sent with "
            + "`Prefer: respond-async`): its status (queued, reading, writing, done, failed, cancelled), bytes and "
            + "rows read, journeys written, rate and an estimate of the seconds left, and at the end the report (or "
            + "the problem) the synchronous import answers; status `undone` (with the `entry`) once its import was "
            + "undone. Once finished, `undoable`: whether the journal can still undo its import, as "
            + "`GET /api/imports` lists its entry (false when it failed, was cancelled, changed nothing or was "
            + "undone). The last 100 finished jobs are kept in memory; an older id, or a journal entry of an earlier "
            + "run, is answered from the journal (with `entry`). Unknown: 404.")
    ImportJobStatus importJob(@PathVariable String id) {
        Optional<ImportJob> job = jobs.find(id);
        if (job.isPresent()) {
            return told(job.get());
        }
        return graph.importEntry(id).map(ImportJobStatus::ofEntry)
                .orElseThrow(() -> new NotFoundException("import", id));
    }

    /**
     * A finished job as the journal knows it: whether its import can still be undone, by its entry's
     * {@code undoable} (the listing's test, so the two agree), and whether it was undone since (by its id or its
     * entry's). A job without an entry (failed, cancelled, or it changed nothing) has nothing to undo.
     */
    private ImportJobStatus told(ImportJob job) {
        // The state first: once it is final, the status read after it is final too, with its report.
        boolean finished = job.state().finished();
        ImportJobStatus status = job.status();
        if (!finished) {
            return status;
        }
        String importId = status.report() == null ? null : status.report().importId();
        if (!status.status().equals("done") || importId == null) {
            return status.undoable(false);
        }
        return graph.importEntry(importId).map(entry -> entry.status().equals("undone") ? status.undone(entry)
                : status.undoable(entry.undoable())).orElse(status);
    }

    /**
     * {@code journeysRestored}: the journeys put back, of which {@code journeysRecreated} were gone (the journeys the
     * undone entry removed); {@code journeysRemoved}: those the undone entry created. {@code eventsRestored}: the
     * events put back into the store (those the undone entry removed), {@code eventsRemoved}: those taken out (those
     * it added), so that the store's events after = before + eventsRestored - eventsRemoved, and its journey records
     * after = before + journeysRecreated - journeysRemoved. {@code responsesRemoved}: the survey responses deleted,
     * when the undone entry was a feedback import.
     */
    record UndoAnswer(String importId, String undid, long journeysRestored, long journeysRecreated,
            long journeysRemoved, long eventsRestored, long eventsRemoved, long responsesRemoved, long totalJourneys,
            long totalEvents) {
    }

    @DeleteMapping("/imports/{id}")
    @Operation(summary = "Cancel an import job, or undo a finished import", description = "Two meanings, by what "
            + "the id names. An import job that waits or runs is cancelled: a queued job at once (200); a running "
            + "one stops at its next row or batch and what it wrote is rolled back (200 with status `cancelled`, or "
            + "202 with `cancelRequested` when it has not stopped within 2 s: poll it). A job that finished before it "
            + "could stop is 409 (undo it then). A finished import (a journal entry, or a job that is `done`: its "
            + "entry `report.importId`) is undone: the journeys it wrote are removed and those it replaced put back "
            + "(`journeysRestored`, of which `journeysRecreated` were gone; `journeysRemoved`; `eventsRestored` and "
            + "`eventsRemoved`, the events put back into the store and taken out of it: the import's "
            + "`eventsRemoved` and `eventsImported` mirrored, so that the store's events after = before + "
            + "eventsRestored - eventsRemoved, and its journey records after = before + journeysRecreated - "
            + "journeysRemoved). "
            + "An entry older than `journeys.journal.undo-retention` is a 409 `undo-expired`, whether or not a write "
            + "has dropped its copies yet.")
    @ApiResponse(responseCode = "200", description = "Undone, or the job cancelled",
            content = @Content(schema = @Schema(oneOf = {UndoAnswer.class, ImportJobStatus.class})))
    @ApiResponse(responseCode = "202", description = "The running job was asked to stop and has not yet",
            content = @Content(schema = @Schema(implementation = ImportJobStatus.class)))
    ResponseEntity<?> cancelOrUndo(@PathVariable String id) throws InterruptedException {
        Optional<ImportJob> found = jobs.find(id);
        if (found.isEmpty()) {
            return ResponseEntity.ok(undo(id));
        }
        ImportJob job = found.get();
        if (job.cancel()) {
            ImportJob.State state = job.awaitFinished(CANCEL_WAIT_MILLIS);
            if (!state.finished()) {
                return ResponseEntity.accepted().body(job.status());
            }
            if (state != ImportJob.State.DONE) {
                return ResponseEntity.ok(told(job));
            }
            return conflict("import-finished", "Import already finished", "Import job '" + id + "' finished "
                    + "before it could be cancelled" + undoHint(job));
        }
        return switch (job.state()) {
            case CANCELLED -> ResponseEntity.ok(told(job));
            case DONE -> job.report() != null && job.report().importId() != null
                    ? ResponseEntity.ok(undo(job.report().importId()))
                    : conflict("nothing-to-undo", "Nothing to undo", "Import job '" + id + "' changed nothing");
            default -> conflict("nothing-to-undo", "Nothing to undo", "Import job '" + id + "' failed; it "
                    + "changed nothing");
        };
    }

    private static String undoHint(ImportJob job) {
        String importId = job.report() == null ? null : job.report().importId();
        return importId == null ? "; it changed nothing" : "; DELETE /api/imports/" + importId + " (or this job's id "
                + "again) undoes it";
    }

    private static ResponseEntity<ProblemDetail> conflict(String type, String title, String detail) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemAdvice.problem(HttpStatus.CONFLICT, type, title, detail));
    }

    /** Undoes a finished journal entry, as before import jobs. */
    private UndoAnswer undo(String id) {
        UndoAnswer undone = graph.undo(id, (changes, after, importId) -> new UndoAnswer(importId, id,
                changes.upserts().size(), changes.journeysCreated(), changes.removals().size(), changes.newEvents(),
                changes.eventsRemoved(), 0, after.journeyCount(), after.eventCount()));
        return new UndoAnswer(undone.importId(), id, undone.journeysRestored(), undone.journeysRecreated(),
                undone.journeysRemoved(), undone.eventsRestored(), undone.eventsRemoved(),
                responsesOf(undone.importId()), undone.totalJourneys(), undone.totalEvents());
    }

    /**
     * {@code copiesErased}: the versions of the customer's journeys that the journal kept to undo its entries;
     * {@code touchpointsErased}: the touchpoints whose names went with the customer, as nothing else refers to them
     * once the journeys are gone (deleted at the end of the list, renamed {@code (erased <id>)} before others).
     */
    record ErasureAnswer(String importId, long journeysErased, long eventsErased, long copiesErased,
            long responsesErased, long touchpointsErased, long totalJourneys, long totalEvents) {
    }

    @DeleteMapping("/customers/{id}")
    ErasureAnswer erase(@PathVariable String id, HttpServletRequest request) {
        // An erasure cannot be undone: an option it does not know (a dry run, say) must not erase.
        KnownParameters.require(request, Set.of(), null);
        return erase(id);
    }

    /** The same by query parameter, which carries any customer id ({@code .} and {@code ..} cannot pass in a path). */
    @DeleteMapping("/customers")
    ErasureAnswer eraseById(@RequestParam(required = false) String id, HttpServletRequest request) {
        KnownParameters.require(request, Set.of("id"), null);
        return erase(GraphReadController.requiredId(id, "the customer's id: DELETE /api/customers?id=..."));
    }

    /**
     * Reads {@code id} as an import reads a customer id, without surrounding spaces, so that the id a data subject
     * gives finds the data imported under it. A blank id is refused: it would name every journey without a customer.
     */
    private ErasureAnswer erase(String id) {
        String customerId = id.strip();
        if (customerId.isEmpty()) {
            throw new InvalidParameterException("id", "is blank: the customer's id is required");
        }
        ErasureAnswer erased = graph.erase(customerId, (changes, after, importId, copies, touchpoints) ->
                new ErasureAnswer(importId, changes.removals().size(), changes.eventsRemoved(), copies, 0, touchpoints,
                        after.journeyCount(), after.eventCount()));
        return new ErasureAnswer(erased.importId(), erased.journeysErased(), erased.eventsErased(),
                erased.copiesErased(), responsesOf(erased.importId()), erased.touchpointsErased(),
                erased.totalJourneys(), erased.totalEvents());
    }

    /** The responses a finished undo or erasure deleted, as its journal entry counts them. */
    private long responsesOf(String importId) {
        return graph.importEntry(importId).map(ImportEntry::responses).orElse(0L);
    }
}
