package com.journeyexplorer.graph;

import java.time.Instant;

/**
 * One entry of the journal: an import, or another change of the stored journeys.
 *
 * @param kind     {@code import} (events or aggregated paths), {@code feedback} (survey responses),
 *                 {@code outcomes} (outcome rules redefined), {@code touchpoint} (metadata set), {@code undo} (an
 *                 entry undone) or {@code erasure} (a customer's journeys and survey responses erased)
 * @param status   {@code running}, {@code done}, {@code rolled back} (failed, nothing kept) or {@code undone}
 * @param journeys journeys written (an import, outcomes, touchpoint) or put back (an undo)
 * @param events   events the entry added to the store (an import's new events, an undo's events put back); null
 *                 for an import job that waits or reads (not known yet)
 * @param responses survey responses a feedback import stored, or that an undo or erasure deleted; null as
 *                 {@code events}
 * @param undoes   for an undo, the entry it undid
 * @param undoneBy for an undone entry, the undo
 * @param journeysCreated journeys the entry created (for an undo, those it put back that were gone): journey
 *                 records after = before + this - {@code journeysRemoved}; null for an entry journaled before
 *                 creations were counted
 * @param journeysRemoved journeys deleted (an undo of the journeys an entry created, an erasure, sessions re-split);
 *                 null for an entry journaled before removals were counted
 * @param eventsRemoved events the entry took out of the store: events after = before + {@code events} - this. An
 *                 event moved between a customer's sessions is neither added nor removed; an aggregated path counts
 *                 its events once per journey it stands for. Null as {@code journeysRemoved}
 * @param undoable whether the journal can still undo the entry: it is done, neither an undo nor an erasure, and not
 *                 older than {@code journeys.journal.undo-retention} (by its age, whether or not a write has dropped
 *                 its copies yet); a later entry that changed what it wrote still makes its undo wait for theirs.
 *                 Null for an import job not written yet
 */
public record ImportEntry(String id, String kind, String status, Instant startedAt, Instant finishedAt,
        long journeys, Long events, Long responses, String undoes, String undoneBy, Long journeysCreated,
        Long journeysRemoved, Long eventsRemoved, Boolean undoable) {
}
