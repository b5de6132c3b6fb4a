package com.journeyexplorer.api;

import java.time.Instant;
import java.util.Map;

import com.journeyexplorer.graph.ImportEntry;
import com.journeyexplorer.ingest.ImportReport;

/**
 * An import job as {@code GET /api/imports/{id}} answers it (and the 202 of an upload sent with {@code Prefer:
 * respond-async}). Fields without a value are left out.
 *
 * @param id              the job's id (or, for a finished import of an earlier run, its journal entry's id)
 * @param status          {@code queued}, {@code waiting}, {@code reading}, {@code writing}, {@code done},
 *                        {@code failed}, {@code cancelled} or {@code undone} (done, then undone); for a journal entry,
 *                        {@code done}, {@code failed} (rolled back), {@code writing} (still running) or {@code undone}
 * @param waitingFor      while {@code waiting}: the instance whose write (its imports lease) the job waits for
 * @param bytesRead       bytes of the upload read so far (as sent: compressed bytes for a gzip upload); null for a
 *                        journal entry, which does not keep them
 * @param bytesTotal      bytes of the upload; null for a journal entry
 * @param rowsRead        data rows read so far; null for a journal entry
 * @param journeysWritten journeys written so far
 * @param journeysTotal   journeys the import writes, known once the upload is read
 * @param eventsPerSecond rows read per second of reading
 * @param secondsLeft     estimate of the current phase's seconds left (reading: bytes left at the rate so far;
 *                        writing: journeys left at the rate so far); 0 once finished
 * @param submittedAt     when the upload was received
 * @param startedAt       when the job started (it waits in the queue until then)
 * @param finishedAt      when it ended
 * @param cancelRequested a cancellation was asked and the job has not stopped yet
 * @param undoable        once finished: whether the journal can still undo the import, its entry's {@code undoable} as
 *                        {@code GET /api/imports} lists it (false when it wrote nothing, failed, was cancelled or
 *                        undone); null while the job waits or runs
 * @param report          once {@code done}: the report the synchronous import answers
 * @param problem         once {@code failed}: the RFC 9457 problem the synchronous import answers (with its
 *                        {@code status}, e.g. 400 with {@code errors} naming line and field)
 * @param entry           for a journal entry of an earlier run, or a job whose import was undone: the entry, as
 *                        {@code GET /api/imports} lists it (with {@code undoneBy})
 */
record ImportJobStatus(String id, String status, String waitingFor, Long bytesRead, Long bytesTotal, Long rowsRead,
        long journeysWritten, long journeysTotal, Long eventsPerSecond, Long secondsLeft, Instant submittedAt,
        Instant startedAt, Instant finishedAt, boolean cancelRequested, Boolean undoable, ImportReport report,
        Map<String, Object> problem, ImportEntry entry) {

    /**
     * The job of an import undone since it finished: the job itself only knows it is done, the journal knows the rest.
     */
    ImportJobStatus undone(ImportEntry undoneEntry) {
        return new ImportJobStatus(id, "undone", null, bytesRead, bytesTotal, rowsRead, journeysWritten,
                journeysTotal, eventsPerSecond, secondsLeft, submittedAt, startedAt, finishedAt, cancelRequested,
                undoneEntry.undoable(), report, problem, undoneEntry);
    }

    /** The job, told whether the journal can still undo what it wrote. */
    ImportJobStatus undoable(boolean undoable) {
        return new ImportJobStatus(id, status, waitingFor, bytesRead, bytesTotal, rowsRead, journeysWritten,
                journeysTotal, eventsPerSecond, secondsLeft, submittedAt, startedAt, finishedAt, cancelRequested,
                undoable, report, problem, entry);
    }

    /**
     * A journal entry (an import of an earlier run, or any other change) told as a finished job. A rolled-back entry
     * keeps the journeys it planned to write ({@code journeysTotal}), of which none stayed written.
     */
    static ImportJobStatus ofEntry(ImportEntry entry) {
        String status = switch (entry.status()) {
            case "rolled back" -> "failed";
            case "running" -> "writing";
            default -> entry.status();
        };
        long written = entry.status().equals("rolled back") ? 0 : entry.journeys();
        return new ImportJobStatus(entry.id(), status, null, null, null, null, written, entry.journeys(), null,
                entry.finishedAt() == null ? null : 0L, null, entry.startedAt(), entry.finishedAt(), false,
                entry.undoable(), null, null, entry);
    }
}
