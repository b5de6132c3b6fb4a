package com.journeyexplorer.api;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.journeyexplorer.graph.ImportEntry;
import com.journeyexplorer.graph.JourneyGraph;

/**
 * The journal of changes: {@code GET /api/imports} lists it, {@code DELETE /api/imports/{id}} undoes one entry (an
 * import of events or of survey responses, or another change), {@code DELETE /api/customers/{id}} erases a customer's
 * journeys and survey responses (the right to erasure).
 */
@RestController
@RequestMapping("/api")
class JournalController {

    static final int MAX_LIMIT = 1000;

    private final JourneyGraph graph;

    JournalController(JourneyGraph graph) {
        this.graph = graph;
    }

    @GetMapping("/imports")
    List<ImportEntry> imports(@RequestParam(required = false) Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + n);
        }
        return graph.imports(n);
    }

    /** {@code responsesRemoved}: the survey responses deleted, when the undone entry was a feedback import. */
    record UndoAnswer(String importId, String undid, long journeysRestored, long journeysRemoved,
            long responsesRemoved, long totalJourneys, long totalEvents) {
    }

    @DeleteMapping("/imports/{id}")
    UndoAnswer undo(@PathVariable String id) {
        UndoAnswer undone = graph.undo(id, (changes, after, importId) -> new UndoAnswer(importId, id,
                changes.upserts().size(), changes.removals().size(), 0, after.journeyCount(), after.eventCount()));
        return new UndoAnswer(undone.importId(), id, undone.journeysRestored(), undone.journeysRemoved(),
                responsesOf(undone.importId()), undone.totalJourneys(), undone.totalEvents());
    }

    record ErasureAnswer(String importId, long journeysErased, long eventsErased, long responsesErased,
            long totalJourneys, long totalEvents) {
    }

    @DeleteMapping("/customers/{id}")
    ErasureAnswer erase(@PathVariable String id) {
        ErasureAnswer erased = graph.erase(id, (changes, after, importId) -> new ErasureAnswer(importId,
                changes.removals().size(),
                changes.previousVersions().values().stream().mapToLong(j -> (long) j.length() * j.weight()).sum(),
                0, after.journeyCount(), after.eventCount()));
        return new ErasureAnswer(erased.importId(), erased.journeysErased(), erased.eventsErased(),
                responsesOf(erased.importId()), erased.totalJourneys(), erased.totalEvents());
    }

    /** The responses a finished undo or erasure deleted, as its journal entry counts them. */
    private long responsesOf(String importId) {
        return graph.importEntry(importId).map(ImportEntry::responses).orElse(0L);
    }
}
