package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The journal of changes to the stored journeys and survey responses: one {@code (:Import)} node per import (of events
 * or of survey responses, which carry its id), outcome redefinition, undo or erasure,
 * holding copies of the journey versions ({@code :PreviousVersion}) and touchpoint metadata
 * ({@code :PreviousTouchpoint}) it replaced. An entry is opened before its writes and finished after them; one left
 * running by a stopped process is rolled back from its copies ({@link #rollBack}). A finished entry keeps its copies
 * so that it can be undone, for {@code journeys.journal.undo-retention} ({@link #dropOldCopies}); what it created,
 * replaced and what later entries changed are read here for that. See
 * docs/adr/0006-journal-undo-and-erasure.md.
 */
@Repository
class ImportJournal {

    private static final Logger log = LoggerFactory.getLogger(ImportJournal.class);

    private static final String BEGIN_IMPORT = """
            CREATE (i:Import {id: $importId, kind: $kind, status: 'running', startedAt: datetime(),
                              journeys: $journeys, events: $events, responses: $responses,
                              journeysCreated: $journeysCreated, journeysRemoved: $journeysRemoved,
                              eventsRemoved: $eventsRemoved})
            SET i.undoes = $undoes, i.created = $created, i.instance = $instance, i.lease = $lease
            """;

    /** A copy of the stored node, its {@code importId} included: the version's provenance, which undo checks. */
    private static final String STASH_PREVIOUS_VERSIONS = """
            MATCH (i:Import {id: $importId})
            UNWIND $ids AS id
            MATCH (j:Journey {id: id})
            CREATE (i)-[:REPLACED]->(p:PreviousVersion)
            SET p = properties(j)
            """;

    private static final String STASH_PREVIOUS_TOUCHPOINTS = """
            MATCH (i:Import {id: $importId})
            UNWIND $touchpoints AS t
            CREATE (i)-[:REPLACED]->(p:PreviousTouchpoint)
            SET p = t
            """;

    private static final String LOAD_PREVIOUS_VERSIONS = """
            MATCH (:Import {id: $importId})-[:REPLACED]->(j:PreviousVersion)
            """ + JourneyProperties.JOURNEY_COLUMNS;

    private static final String PREVIOUS_VERSION_WRITERS = """
            MATCH (:Import {id: $importId})-[:REPLACED]->(p:PreviousVersion)
            RETURN p.id AS id, p.importId AS importId
            """;

    private static final String LOAD_PREVIOUS_TOUCHPOINTS = """
            MATCH (:Import {id: $importId})-[:REPLACED]->(p:PreviousTouchpoint)
            RETURN p.name AS name, p.index AS index, p.channel AS channel, p.stage AS stage, p.owner AS owner
            """;

    /** Of the named touchpoints, those created by the entry {@code $importId} or by an entry undone before. */
    private static final String TOUCHPOINTS_CREATED_BY_UNDONE = """
            UNWIND $names AS name
            MATCH (t:Touchpoint {name: name})
            WHERE t.createdByImport = $importId
               OR EXISTS { MATCH (:Import {id: t.createdByImport, status: 'undone'}) }
            RETURN t.name AS name
            """;

    /**
     * Finishing an entry numbers it: the journal head's sequence is incremented under its write lock (taken by the
     * first SET, before the read, so that no two entries get one number), which is held until the transaction commits,
     * so the numbers follow the commit order without gaps. Instances follow the journal by these numbers.
     */
    private static final String FINISH_IMPORT = """
            MATCH (i:Import {id: $importId})
            MERGE (h:JournalHead {id: 'journal'})
            SET h.locked = true
            WITH i, h
            SET h.sequence = coalesce(h.sequence, 0) + 1
            REMOVE h.locked
            SET i.status = $status, i.finishedAt = datetime(), i.sequence = h.sequence
            REMOVE i.lease
            """;

    /** Index seek on {@code import_status}. */
    private static final String ANY_UNFINISHED = """
            RETURN EXISTS { MATCH (i:Import {status: 'running'}) } AS found
            """;

    private static final String ANY_RUNNING_UNDER_LEASE = """
            RETURN EXISTS { MATCH (i:Import {status: 'running'}) WHERE i.lease IS NOT NULL } AS found
            """;

    private static final String RUNNING_UNDER_LEASE = """
            MATCH (i:Import {status: 'running'}) WHERE i.lease IS NOT NULL
            RETURN i.id AS id
            """;

    private static final String HEAD = """
            OPTIONAL MATCH (h:JournalHead {id: 'journal'})
            RETURN coalesce(h.sequence, 0) AS sequence
            """;

    /** The head and, in the same lookup, whether the imports lease is held past its expiry (by the database's clock). */
    private static final String HEAD_AND_LEASE = """
            OPTIONAL MATCH (h:JournalHead {id: 'journal'})
            OPTIONAL MATCH (l:ImportLease {id: 'imports'})
            RETURN coalesce(h.sequence, 0) AS sequence, coalesce(h.changesFrom, 0) AS changesFrom,
                   coalesce(l.token IS NOT NULL AND l.expiresAt < datetime.realtime().epochMillis, false)
                     AS leaseExpired
            """;

    /**
     * The oldest entries whose change records are kept, by sequence (an index range), with whether each finished
     * before the retention's cutoff (by the database's clock).
     */
    private static final String OLDEST_KEPT_CHANGES = """
            OPTIONAL MATCH (h:JournalHead {id: 'journal'})
            WITH coalesce(h.changesFrom, 0) AS from
            MATCH (i:Import) WHERE i.sequence >= from
            WITH i ORDER BY i.sequence LIMIT $limit
            RETURN i.id AS id, i.sequence AS sequence,
                   i.finishedAt < datetime.realtime() - duration({milliseconds: $retention}) AS old
            """;

    /** Deletes the change records of entries up to a sequence number and moves the journal head's mark past them. */
    private static final String DROP_CHANGES = """
            MATCH (h:JournalHead {id: 'journal'})
            SET h.changesFrom = $next
            WITH h
            UNWIND $ids AS id
            MATCH (:Import {id: id})-[:CHANGED]->(c:JourneyChange)
            DETACH DELETE c
            """;

    /** Index seek on {@code import_sequence}. */
    private static final String FINISHED_SINCE = """
            MATCH (i:Import) WHERE i.sequence > $after
            RETURN i.id AS id, coalesce(i.kind, 'import') AS kind, i.sequence AS sequence,
                   coalesce(i.responses, 0) AS responses
            ORDER BY i.sequence
            """;

    /** One node per batch of ids; a follower reads them all in one query. */
    private static final String RECORD_CHANGED = """
            MATCH (i:Import {id: $importId})
            CREATE (i)-[:CHANGED]->(:JourneyChange {ids: $ids})
            """;

    private static final String CHANGED_JOURNEYS = """
            MATCH (:Import {id: $importId})-[:CHANGED]->(c:JourneyChange)
            UNWIND c.ids AS id
            RETURN DISTINCT id
            """;

    /** How many ids one {@code :JourneyChange} node holds. */
    private static final int CHANGE_BATCH = 10_000;

    /** The undone entry is marked in the same transaction that finishes the undo. */
    private static final String MARK_UNDONE = """
            MATCH (u:Import {id: $importId}), (x:Import {id: $undoes})
            SET x.status = 'undone', x.undoneBy = u.id
            """;

    /**
     * Erasure keeps no copy of what it erased, nor any older version of the customer's journeys in the journal, under
     * whichever entry (an undo keeps the versions it removed, so a customer may be left with copies alone); in the
     * transaction that finishes it, so that an erasure that committed has left no trace of the customer. The versions
     * of the erased journeys ({@code $journeyIds}) go whatever customer id they have: a journey stored without one
     * takes it from a later import, whose copy of the version before has none, and whose undo would put back the
     * erased events.
     */
    private static final String FORGET_CUSTOMER = """
            MATCH (p:PreviousVersion)
            WHERE p.customerId = $customerId OR p.id IN $journeyIds
            WITH p, p.id AS id
            DETACH DELETE p
            RETURN DISTINCT id
            """;

    /**
     * Of the erased journeys and copies, the ids that no stored journey has: an id may be reused by another
     * customer's journey (one undone, then imported again), which followers must still read back.
     */
    private static final String IDS_NOT_STORED = """
            UNWIND $ids AS id
            WITH id WHERE NOT EXISTS { MATCH (:Journey {id: id}) }
            RETURN id
            """;

    /**
     * The erased journeys' ids leave the change records of earlier entries (a journey id may name its customer:
     * {@code customerId@start}). A follower that has yet to apply such an entry loses nothing: the journey is gone,
     * and the erasure's removals are found by comparing ids. A scan of the records kept: O(the journeys changed
     * within {@code journeys.instance.change-retention}).
     */
    private static final String FORGET_CHANGED_IDS = """
            MATCH (c:JourneyChange) WHERE any(id IN c.ids WHERE id IN $ids)
            WITH c, [id IN c.ids WHERE NOT id IN $ids] AS kept
            SET c.ids = kept
            WITH c, kept WHERE size(kept) = 0
            DETACH DELETE c
            """;

    /** The same for the journeys an undo put back where none was, which only a rollback of a running undo reads. */
    private static final String FORGET_CREATED_IDS = """
            MATCH (i:Import) WHERE any(id IN i.created WHERE id IN $ids)
            WITH i, [id IN i.created WHERE NOT id IN $ids] AS kept
            SET i.created = CASE WHEN size(kept) > 0 THEN kept END
            """;

    /**
     * Of the touchpoints {@code $names}, those the journal names: visited by a copy that {@link #FORGET_CUSTOMER} keeps
     * (an undo would write it back), or with a metadata copy (an entry changed the touchpoint, and its undo puts the
     * metadata back). A scan of the copies, as that deletion is.
     */
    private static final String TOUCHPOINTS_IN_JOURNAL = """
            CALL () {
              MATCH (p:PreviousVersion)
              WHERE NOT (coalesce(p.customerId = $customerId, false) OR p.id IN $journeyIds)
              UNWIND p.path AS name
              WITH DISTINCT name WHERE name IN $names
              RETURN name
              UNION
              UNWIND $names AS name
              MATCH (:PreviousTouchpoint {name: name})
              RETURN name
            }
            RETURN DISTINCT name
            """;

    /** The metadata copies of the touchpoints an erasure deleted, which it keeps no more than the journeys. */
    private static final String FORGET_ERASED_TOUCHPOINTS = """
            MATCH (:Import {id: $importId})-[:REPLACED]->(t:PreviousTouchpoint)
            DETACH DELETE t
            """;

    /**
     * The touchpoints an erasure keeps in their place (ids are list positions) under a name that tells nothing: their
     * metadata goes with their name (the entry that created one still undoes it, as it would have).
     */
    private static final String RENAME_ERASED_TOUCHPOINTS = """
            UNWIND $renames AS rename
            MATCH (t:Touchpoint {name: rename.from})
            SET t.name = rename.to, t.owner = 'own'
            REMOVE t.channel, t.stage
            """;

    /**
     * The copies {@link #FORGET_CUSTOMER} deletes. A scan of the copies (no index: it would cost every copy's write,
     * and erasures are rare), as that deletion is.
     */
    private static final String COPIES_OF_CUSTOMER = """
            MATCH (p:PreviousVersion)
            WHERE p.customerId = $customerId OR p.id IN $journeyIds
            RETURN count(p) AS copies
            """;

    /**
     * The ids of the survey answers an entry stored, which its undo deletes. The {@code ANSWERED} relationships are
     * found by a scan of that type (no index: it would cost every answer's write), O(all answers), 0.15 s for the
     * 109,157 of 1,000,000 demo journeys; the nodes of the rare answers that matched no journey by their label.
     */
    private static final String ANSWER_IDS_OF = """
            CALL () {
              MATCH ()-[a:ANSWERED {importId: $importId}]->()
              RETURN a.id AS id
              UNION ALL
              MATCH (r:Response {importId: $importId})
              RETURN r.id AS id
            }
            RETURN id
            """;

    /**
     * An undone entry whose answers are still being deleted (in batches, after the undo committed): the load of
     * answers leaves them out, and the next start deletes what a crash left.
     */
    private static final String MARK_ANSWERS_LEFT = """
            MATCH (x:Import {id: $undoes})
            SET x.answersLeft = true
            """;

    private static final String ANSWERS_DELETED = """
            MATCH (x:Import {id: $importId})
            REMOVE x.answersLeft
            """;

    private static final String LEFTOVER_ANSWERS = """
            MATCH (i:Import {answersLeft: true})
            RETURN i.id AS id
            """;

    private static final String DELETE_ANSWERED_IN_BATCHES = """
            MATCH ()-[a:ANSWERED {importId: $importId}]->()
            CALL (a) { DELETE a } IN TRANSACTIONS OF $perTransaction ROWS
            """;

    private static final String DELETE_RESPONSES_IN_BATCHES = """
            MATCH (r:Response {importId: $importId})
            CALL (r) { DETACH DELETE r } IN TRANSACTIONS OF $perTransaction ROWS
            """;

    /**
     * A customer's survey answers stored as nodes: those with the customer id and those joined to the customer's
     * erased journeys (a response joined by journey id may have no customer id; the erased journeys' answers became
     * nodes when the journeys were deleted, see {@link JourneyWrites}). Index seeks ({@code response_customer},
     * {@code response_journey}): O(the customer's responses and journeys).
     */
    private static final String FORGET_CUSTOMER_RESPONSES = """
            CALL () {
              MATCH (r:Response {customerId: $customerId})
              RETURN r
              UNION
              UNWIND $journeyIds AS journeyId
              MATCH (r:Response {journeyId: journeyId})
              RETURN r
            }
            WITH r, r.id AS id
            DETACH DELETE r
            RETURN id
            """;

    /**
     * The answers with the customer's id joined to journeys that are not the customer's (a file may name a journey
     * and another customer), found from the journeys the in-memory answers name: O(the customer's answers).
     */
    private static final String FORGET_CUSTOMER_ANSWERED = """
            UNWIND $answeredJourneys AS journeyId
            MATCH (:Journey {id: journeyId})-[a:ANSWERED {customerId: $customerId}]->()
            WITH a, a.id AS id
            DELETE a
            RETURN id
            """;

    private static final String COUNT_RESPONSES = """
            MATCH (i:Import {id: $importId})
            SET i.responses = $responses
            """;

    private static final String DROP_PREVIOUS_VERSIONS = """
            UNWIND $importIds AS importId
            MATCH (:Import {id: importId})-[:REPLACED]->(p)
            CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF $perTransaction ROWS
            """;

    /**
     * Whether entry {@code i} finished longer than the undo retention ({@code $retention} milliseconds, more than 0)
     * ago, by the database's clock; null when it has not finished. The one test of an entry's age that the dropping
     * of copies, the listing and the undo all use, so that they agree.
     */
    private static final String FINISHED_BEFORE_UNDO_RETENTION =
            "i.finishedAt < datetime.realtime() - duration({milliseconds: $retention})";

    /**
     * The oldest entries that may still be undone, by sequence (an index range), with how many copies each holds (a
     * degree) and whether it finished before the retention's cutoff.
     */
    private static final String OLDEST_UNDOABLE = """
            OPTIONAL MATCH (h:JournalHead {id: 'journal'})
            WITH coalesce(h.undoFrom, 0) AS from
            MATCH (i:Import) WHERE i.sequence >= from
            WITH i ORDER BY i.sequence LIMIT $limit
            RETURN i.id AS id, i.sequence AS sequence, COUNT { (i)-[:REPLACED]->() } AS copies,
            """ + FINISHED_BEFORE_UNDO_RETENTION + " AS old\n";

    /** Entries before {@code $next} can no longer be undone: their copies may go. */
    private static final String MOVE_UNDO_FROM = """
            MATCH (h:JournalHead {id: 'journal'})
            SET h.undoFrom = $next
            """;

    /** Those of this instance (or of versions that did not name one), or every one when {@code $all}. */
    private static final String UNFINISHED_IMPORTS = """
            MATCH (i:Import) WHERE i.status = 'running'
              AND ($all OR i.instance IS NULL OR i.instance = $instance)
            RETURN i.id AS id ORDER BY i.startedAt
            """;

    private static final String OTHERS_UNFINISHED = """
            MATCH (i:Import) WHERE i.status = 'running' AND i.instance <> $instance
            RETURN i.id AS id, i.instance AS instance ORDER BY i.startedAt
            """;

    /**
     * A finished entry keeps its previous versions (they undo it) unless it was rolled back, undone or erased, or is
     * older than the undo retention (before the journal head's {@code undoFrom}; an entry finished before entries were
     * numbered is older than every numbered one).
     */
    private static final String LEFTOVER_PREVIOUS_VERSIONS = """
            OPTIONAL MATCH (h:JournalHead {id: 'journal'})
            WITH coalesce(h.undoFrom, 0) AS undoFrom
            MATCH (i:Import)-[:REPLACED]->()
            WHERE i.status IN ['rolled back', 'undone'] OR (i.kind = 'erasure' AND i.status <> 'running')
               OR (i.status <> 'running' AND coalesce(i.sequence, 0) < undoFrom)
            RETURN DISTINCT i.id AS id
            """;

    /**
     * Journeys an entry wrote (those it created and those it replaced), plus those an undo put back where none was
     * (listed on the entry, since they keep the id of the entry that first wrote them). {@link #journeysCreatedBy}
     * takes the replaced ones out in memory: a Cypher {@code NOT EXISTS} of the entry's {@code REPLACED} versions
     * per journey expanded all of them for each, O(journeys²): the undo of 100,000 updates had not planned in 5 min.
     */
    private static final String JOURNEYS_WRITTEN_BY = """
            MATCH (i:Import {id: $importId})
            CALL (i) {
              MATCH (j:Journey {importId: i.id})
              RETURN j.id AS id, true AS written
              UNION
              UNWIND coalesce(i.created, []) AS id
              MATCH (j:Journey {id: id})
              RETURN j.id AS id, false AS written
            }
            RETURN id, written
            """;

    /**
     * An entry is undoable while done, neither an undo nor an erasure, not before {@code undoFrom} (its copies were
     * dropped) and not finished before the retention ({@code $retention}, 0 for ever): an entry past it is refused
     * at once, before a write drops its copies ({@link #dropOldCopies}, by the same test).
     */
    private static final String ENTRY_COLUMNS = """
            RETURN i.id AS id, coalesce(i.kind, 'import') AS kind, i.status AS status, i.startedAt AS startedAt,
                   i.finishedAt AS finishedAt, i.journeys AS journeys, i.events AS events,
                   coalesce(i.responses, 0) AS responses, i.undoes AS undoes,
                   i.undoneBy AS undoneBy, i.journeysCreated AS journeysCreated,
                   i.journeysRemoved AS journeysRemoved, i.eventsRemoved AS eventsRemoved,
                   i.status = 'done' AND NOT coalesce(i.kind, 'import') IN ['undo', 'erasure']
                     AND coalesce(i.sequence, 0) >= undoFrom
                     AND NOT ($retention > 0 AND coalesce(
            """ + FINISHED_BEFORE_UNDO_RETENTION + ", false)) AS undoable\n";

    /** The first entry whose copies are kept: those before it are older than the undo retention. */
    private static final String UNDO_FROM = """
            OPTIONAL MATCH (h:JournalHead {id: 'journal'})
            WITH coalesce(h.undoFrom, 0) AS undoFrom
            """;

    private static final String IMPORT_ENTRY = UNDO_FROM + "MATCH (i:Import {id: $importId})\n" + ENTRY_COLUMNS;

    private static final String LIST_IMPORTS = UNDO_FROM + """
            MATCH (i:Import)
            WITH i, undoFrom ORDER BY i.startedAt DESC LIMIT $limit
            """ + ENTRY_COLUMNS;

    /**
     * Finished entries that changed what {@code $importId} wrote: they replaced or removed a journey version it wrote,
     * wrote a journey it had removed, or changed a touchpoint it had changed later.
     */
    private static final String LATER_CHANGES = """
            MATCH (x:Import {id: $importId})
            CALL (x) {
              MATCH (y:Import {status: 'done'})-[:REPLACED]->(:PreviousVersion {importId: x.id})
              WHERE y.id <> x.id
              RETURN y.id AS id
              UNION
              MATCH (x)-[:REPLACED]->(p:PreviousVersion)
              MATCH (j:Journey {id: p.id}) WHERE j.importId <> x.id
              RETURN j.importId AS id
              UNION
              MATCH (x)-[:REPLACED]->(mine:PreviousTouchpoint)
              MATCH (y:Import {status: 'done'})-[:REPLACED]->(:PreviousTouchpoint {name: mine.name})
              WHERE y.startedAt > x.startedAt
              RETURN y.id AS id
            }
            WITH DISTINCT id
            MATCH (y:Import {id: id})
            RETURN y.id AS id ORDER BY y.startedAt DESC
            """;

    private final Driver driver;
    private final ImportLease lease;
    private final JourneyWrites writes;
    private final StoreLoader loader;
    private final String instance;
    /** Whether the database runs in this process, so that no other instance can have opened an entry. */
    private final boolean embedded;
    /**
     * Deletions of answers and copies per transaction: 20 write batches, 10,000 by default, each far below Neo4j's
     * memory bound per transaction; a lower bound is met with smaller write batches.
     */
    private final int deletesPerTransaction;

    ImportJournal(Driver driver, ImportLease lease, JourneyWrites writes, StoreLoader loader,
            JourneysProperties properties, ObjectProvider<DatabaseManagementService> embeddedDatabase) {
        this.driver = driver;
        this.lease = lease;
        this.writes = writes;
        this.loader = loader;
        this.instance = properties.instance().name();
        this.embedded = embeddedDatabase.getIfAvailable() != null;
        this.deletesPerTransaction = 20 * properties.neo4j().writeBatchSize();
    }

    /**
     * Opens the journal entry of an import (or any other change of the stored journeys, named by {@code kind}): until
     * it is finished, a restart rolls it back. {@code created} lists journeys it puts back under their earlier
     * entry's id (an undo), which a rollback must delete although they do not carry this entry's id.
     */
    void beginImport(String importId, String kind, String undoes, long journeys, long events,
            Collection<String> created) {
        beginImport(importId, kind, undoes, journeys, events, created, 0);
    }

    /** As {@link #beginImport(String, String, String, long, long, Collection)}, for an entry that stores responses. */
    void beginImport(String importId, String kind, String undoes, long journeys, long events,
            Collection<String> created, long responses) {
        beginImport(importId, kind, undoes, journeys, events, created, responses, 0, 0, 0);
    }

    /**
     * As {@link #beginImport(String, String, String, long, long, Collection, long)}, for an entry that changes
     * journeys: besides the journeys written and the events added, the journeys it creates (for an undo, those it
     * puts back that were not stored), and the journeys and events it removes (an undo, an erasure, sessions
     * re-split, an aggregated path's count lowered), so that the store's totals reconcile with the entry.
     */
    void beginImport(String importId, String kind, String undoes, long journeys, long events,
            Collection<String> created, long responses, long journeysCreated, long journeysRemoved,
            long eventsRemoved) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("journeysCreated", journeysCreated);
        parameters.put("journeysRemoved", journeysRemoved);
        parameters.put("eventsRemoved", eventsRemoved);
        parameters.put("responses", responses);
        parameters.put("importId", importId);
        parameters.put("kind", kind);
        parameters.put("undoes", undoes);
        parameters.put("journeys", journeys);
        parameters.put("events", events);
        parameters.put("created", created.isEmpty() ? null : List.copyOf(created));
        parameters.put("instance", instance);
        parameters.put("lease", lease.heldToken());
        lease.writeFenced(driver, BEGIN_IMPORT, parameters);
    }

    /**
     * Keeps a copy of the stored versions an import replaces or removes: {@link #rollBack} puts them back after a
     * failure, and they stay with the finished entry so that it can be undone later. One transaction per batch.
     */
    void stashPreviousVersions(String importId, Collection<String> ids, int batchSize) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += batchSize) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + batchSize));
            lease.writeFenced(driver, STASH_PREVIOUS_VERSIONS, Map.of("importId", importId, "ids", batch));
        }
    }

    /** Keeps the channel, stage and owner that an import changes on existing touchpoints. */
    void stashPreviousTouchpoints(String importId, List<Touchpoint> previous) {
        if (previous.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = previous.stream().map(JourneyProperties::ofTouchpoint).toList();
        lease.writeFenced(driver, STASH_PREVIOUS_TOUCHPOINTS, Map.of("importId", importId, "touchpoints", rows));
    }

    /** Marks an import done in one transaction; its previous versions stay, so that it can be undone. */
    void finishImport(String importId, String status) {
        finishImport(importId, status, -1);
    }

    /**
     * Marks an import done in one transaction that also counts the survey {@code responses} it stored (answers given
     * on its events; a negative count leaves the entry's count as it was opened).
     */
    void finishImport(String importId, String status, int responses) {
        try (Session session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                if (responses >= 0) {
                    tx.run(COUNT_RESPONSES, Map.of("importId", importId, "responses", responses)).consume();
                }
                tx.run(FINISH_IMPORT, Map.of("importId", importId, "status", status)).consume();
                lease.fence(tx);
            });
        }
        if (!"done".equals(status)) {
            dropPreviousVersions(importId);
        }
    }

    /**
     * Finishes an undo and marks the entry it undid as undone, in one transaction, then deletes the survey answers
     * the undone entry stored (none unless it stored answers; their count is kept on the undo) and that entry's
     * copies. The answers are deleted in batches after the undo committed ({@link #deleteResponsesOf}), not in its
     * transaction: a million answers in one transaction exceed Neo4j's memory bound per transaction.
     * Until they are gone the undone entry is marked {@code answersLeft}, which hides them from every load of answers;
     * a crash in between leaves them to the next start ({@link #deleteLeftoverAnswers}).
     *
     * @return the ids of the answers deleted
     */
    List<String> finishUndo(String importId, String undone) {
        List<String> ids;
        try (Session session = CausalSessions.open(driver)) {
            // Nothing adds answers under a finished entry's id, and the lease is held: the ids stay these.
            ids = session.executeRead(tx -> tx.run(ANSWER_IDS_OF, Map.of("importId", undone))
                    .list(row -> row.get("id").asString()));
            session.executeWriteWithoutResult(tx -> {
                tx.run(COUNT_RESPONSES, Map.of("importId", importId, "responses", ids.size())).consume();
                tx.run(FINISH_IMPORT, Map.of("importId", importId, "status", "done")).consume();
                tx.run(MARK_UNDONE, Map.of("importId", importId, "undoes", undone)).consume();
                if (!ids.isEmpty()) {
                    tx.run(MARK_ANSWERS_LEFT, Map.of("undoes", undone)).consume();
                }
                lease.fence(tx);
            });
        }
        // The undo has committed: a failure from here on is logged, and the next start finishes the clean-up.
        try {
            if (!ids.isEmpty()) {
                deleteLeftoverAnswers(undone);
            }
            dropPreviousVersions(undone);
        } catch (RuntimeException e) {
            log.warn("Undo {} is done, but deleting what entry {} stored failed; the next start deletes it: {}",
                    importId, undone, e.getMessage());
        }
        return ids;
    }

    /** Deletes the answers of an undone entry marked {@code answersLeft}, in batches, then the mark. Idempotent. */
    void deleteLeftoverAnswers(String importId) {
        deleteResponsesOf(importId);
        try (Session session = CausalSessions.open(driver)) {
            session.run(ANSWERS_DELETED, Map.of("importId", importId)).consume();
        }
    }

    /** Undone entries whose answers were not all deleted yet (the process stopped just after the undo). */
    List<String> importsWithLeftoverAnswers() {
        try (Session session = CausalSessions.open(driver)) {
            return session.run(LEFTOVER_ANSWERS).list(row -> row.get("id").asString());
        }
    }

    /**
     * How many copies of a customer's journeys the journal holds, under any entry: those an erasure of the stored
     * {@code journeyIds} deletes.
     */
    long copiesOf(String customerId, Collection<String> journeyIds) {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(tx -> tx.run(COPIES_OF_CUSTOMER, Map.of("customerId", customerId,
                    "journeyIds", List.copyOf(journeyIds))).single().get("copies").asLong());
        }
    }

    /**
     * Of {@code names}, the touchpoints that a copy in the journal visits or whose metadata an entry changed, the
     * copies that the erasure of {@code customerId} and {@code journeyIds} deletes left out.
     */
    Set<String> touchpointsInJournal(List<String> names, String customerId, Collection<String> journeyIds) {
        try (Session session = CausalSessions.open(driver)) {
            return new HashSet<>(session.run(TOUCHPOINTS_IN_JOURNAL, Map.of("names", names, "customerId", customerId,
                    "journeyIds", List.copyOf(journeyIds))).list(row -> row.get("name").asString()));
        }
    }

    /**
     * Finishes an erasure and, in the same transaction, deletes every copy of the customer's journeys that the
     * journal held (its own, older versions kept by earlier imports, versions an undo removed, and every version of
     * {@code journeyIds}, the erased journeys) and the customer's survey responses (by customer id, or joined to one
     * of the erased journeys); their count is kept on the entry. The ids of the erased journeys and copies leave the
     * journal's other records too, so that no trace of the customer is left. {@code answeredJourneys}: the journeys
     * the stored answers with that customer id are joined to (the in-memory answers know them), where those answers
     * are relationships. {@code renamedTouchpoints}, old name to new, are the touchpoints the erasure keeps in their
     * place under a name that tells nothing: renamed, without their metadata, in that transaction too.
     *
     * @return the ids of the responses deleted
     */
    List<String> finishErasure(String importId, String customerId, Collection<String> journeyIds,
            Collection<String> answeredJourneys, Map<String, String> renamedTouchpoints) {
        List<String> removed;
        try (Session session = CausalSessions.open(driver)) {
            removed = session.executeWrite(tx -> {
                List<String> ids = new ArrayList<>(tx.run(FORGET_CUSTOMER_RESPONSES, Map.of("customerId",
                        customerId, "journeyIds", List.copyOf(journeyIds))).list(row -> row.get("id").asString()));
                ids.addAll(tx.run(FORGET_CUSTOMER_ANSWERED, Map.of("customerId", customerId, "answeredJourneys",
                        List.copyOf(answeredJourneys))).list(row -> row.get("id").asString()));
                tx.run(COUNT_RESPONSES, Map.of("importId", importId, "responses", ids.size())).consume();
                tx.run(FINISH_IMPORT, Map.of("importId", importId, "status", "done")).consume();
                tx.run(FORGET_ERASED_TOUCHPOINTS, Map.of("importId", importId)).consume();
                if (!renamedTouchpoints.isEmpty()) {
                    List<Map<String, String>> renames = new ArrayList<>();
                    renamedTouchpoints.forEach((from, to) -> renames.add(Map.of("from", from, "to", to)));
                    tx.run(RENAME_ERASED_TOUCHPOINTS, Map.of("renames", renames)).consume();
                }
                Set<String> erased = new HashSet<>(journeyIds);
                erased.addAll(tx.run(FORGET_CUSTOMER, Map.of("customerId", customerId, "journeyIds",
                        List.copyOf(journeyIds))).list(row -> row.get("id").asString()));
                List<String> gone = tx.run(IDS_NOT_STORED, Map.of("ids", List.copyOf(erased)))
                        .list(row -> row.get("id").asString());
                if (!gone.isEmpty()) {
                    tx.run(FORGET_CHANGED_IDS, Map.of("ids", gone)).consume();
                    tx.run(FORGET_CREATED_IDS, Map.of("ids", gone)).consume();
                }
                lease.fence(tx);
                return ids;
            });
        }
        dropPreviousVersions(importId);
        return removed;
    }

    /**
     * Deletes the survey responses an entry stored, in transactions of 10,000 by default (an import of answers is
     * written in several, and one transaction for all of a large one would exceed Neo4j's memory bound); none for an
     * entry of journeys. Idempotent, as the rollback that calls it.
     */
    void deleteResponsesOf(String importId) {
        try (Session session = CausalSessions.open(driver)) {
            // Not fenced (each batch commits on its own): deleting an entry's answers is what its rollback wants,
            // whichever instance holds the lease.
            Map<String, Object> parameters = Map.of("importId", importId, "perTransaction", deletesPerTransaction);
            session.run(DELETE_ANSWERED_IN_BATCHES, parameters).consume();
            session.run(DELETE_RESPONSES_IN_BATCHES, parameters).consume();
        }
    }

    /** Deletes the copies an entry kept, in transactions of 10,000 by default. */
    void dropPreviousVersions(String importId) {
        dropPreviousVersions(List.of(importId));
    }

    /** Deletes the copies the entries kept, in transactions of 10,000 by default. */
    void dropPreviousVersions(List<String> importIds) {
        try (Session session = CausalSessions.open(driver)) {
            session.run(DROP_PREVIOUS_VERSIONS, Map.of("importIds", importIds, "perTransaction",
                    deletesPerTransaction)).consume();
        }
    }

    /**
     * Makes the oldest entries finished longer than {@code retention} ago permanent, oldest first and without gaps:
     * marks on the journal head where the entries that may be undone begin (one fenced transaction, so an undo
     * planned under the lease sees either all of an entry's copies or the mark), then deletes their copies in
     * transactions of 10,000. At most {@code limit} entries per call, and no more once {@code copyBudget} copies are
     * taken (the first old entry always goes whole), so that a long backlog is worked off over several writes.
     * O(limit) index reads, nothing written when none is old. A crash between mark and deletion leaves the copies to
     * the next start ({@link #importsWithLeftoverVersions}).
     *
     * @return the ids of the entries made permanent
     */
    List<String> dropOldCopies(java.time.Duration retention, int limit, long copyBudget) {
        List<String> ids = new ArrayList<>();
        try (Session session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                ids.clear();
                long next = -1;
                long copies = 0;
                for (Record row : tx.run(OLDEST_UNDOABLE, Map.of("limit", limit, "retention",
                        retention.toMillis())).list()) {
                    long held = row.get("copies").asLong();
                    if (!row.get("old").asBoolean(false) || (!ids.isEmpty() && copies + held > copyBudget)) {
                        break;
                    }
                    ids.add(row.get("id").asString());
                    copies += held;
                    next = row.get("sequence").asLong() + 1;
                }
                if (!ids.isEmpty()) {
                    tx.run(MOVE_UNDO_FROM, Map.of("next", next)).consume();
                    lease.fence(tx);
                }
            });
        }
        if (!ids.isEmpty()) {
            dropPreviousVersions(ids);
        }
        return ids;
    }

    /**
     * A journal entry, or empty when there is none with that id; {@code undoRetention} (0: for ever) decides whether
     * it is still undoable, as {@link #dropOldCopies} decides which copies to drop.
     */
    Optional<ImportEntry> importEntry(String importId, java.time.Duration undoRetention) {
        try (Session session = CausalSessions.open(driver)) {
            return session.run(IMPORT_ENTRY, Map.of("importId", importId, "retention", undoRetention.toMillis()))
                    .list(ImportJournal::entryOf).stream().findFirst();
        }
    }

    /** The newest {@code limit} journal entries, newest first; undoable as {@link #importEntry} tells. */
    List<ImportEntry> importEntries(int limit, java.time.Duration undoRetention) {
        try (Session session = CausalSessions.open(driver)) {
            return session.run(LIST_IMPORTS, Map.of("limit", limit, "retention", undoRetention.toMillis()))
                    .list(ImportJournal::entryOf);
        }
    }

    private static ImportEntry entryOf(Record row) {
        return new ImportEntry(row.get("id").asString(), row.get("kind").asString(), row.get("status").asString(),
                row.get("startedAt").isNull() ? null : row.get("startedAt").asZonedDateTime().toInstant(),
                row.get("finishedAt").isNull() ? null : row.get("finishedAt").asZonedDateTime().toInstant(),
                row.get("journeys").asLong(0), row.get("events").asLong(0), row.get("responses").asLong(0),
                row.get("undoes").asString(null),
                row.get("undoneBy").asString(null), nullableLong(row.get("journeysCreated")),
                nullableLong(row.get("journeysRemoved")),
                nullableLong(row.get("eventsRemoved")), row.get("undoable").asBoolean(false));
    }

    /** An entry journaled before a count was kept has none: unknown, not 0. */
    private static Long nullableLong(Value value) {
        return value.isNull() ? null : value.asLong();
    }

    /**
     * Imports that this instance left unfinished when it stopped, oldest first: with an embedded database every
     * unfinished one; on a shared server those opened under this instance's name, since another instance's may still be
     * running.
     */
    List<String> unfinishedImports() {
        try (Session session = CausalSessions.open(driver)) {
            return session.run(UNFINISHED_IMPORTS, Map.of("all", embedded, "instance", instance))
                    .list(row -> row.get("id").asString());
        }
    }

    /** Whether any journal entry is unfinished, of any instance. */
    boolean anyUnfinished() {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(tx -> tx.run(ANY_UNFINISHED).single().get("found").asBoolean());
        }
    }

    /**
     * Whether an entry opened under the imports lease is running: a change in the middle of being written, or left by
     * a holder that is gone (until whoever takes the lease next rolls it back).
     */
    boolean anyRunningUnderLease() {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(tx -> tx.run(ANY_RUNNING_UNDER_LEASE).single().get("found").asBoolean());
        }
    }

    /** The ids of the entries opened under the imports lease that are running ({@link #anyRunningUnderLease}). */
    Set<String> runningUnderLease() {
        try (Session session = CausalSessions.open(driver)) {
            return Set.copyOf(session.executeRead(tx -> tx.run(RUNNING_UNDER_LEASE).list(row -> row.get("id")
                    .asString())));
        }
    }

    /** Unfinished entries of other instances, as "id (instance)": left to them (see the README on several instances). */
    List<String> othersUnfinished() {
        if (embedded) {
            return List.of();
        }
        try (Session session = CausalSessions.open(driver)) {
            return session.run(OTHERS_UNFINISHED, Map.of("instance", instance))
                    .list(row -> row.get("id").asString() + " (" + row.get("instance").asString() + ")");
        }
    }

    /** The sequence number of the newest finished entry; 0 before the first. One lookup by a unique constraint. */
    long head() {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(tx -> tx.run(HEAD).single().get("sequence").asLong());
        }
    }

    /**
     * The journal's head; the first entry whose change records are kept (those before it were dropped by
     * {@link #dropOldChanges}); and whether the imports lease has expired while held (its holder may be dead).
     */
    record Head(long sequence, long changesFrom, boolean leaseExpired) {
    }

    /**
     * Drops the change records of the oldest entries finished longer than {@code retention} ago, at most
     * {@code limit} entries per call, oldest first and without gaps, and marks on the journal head where the kept ones
     * begin, in one transaction (under the imports lease). O(limit) index reads, nothing written when none is old.
     */
    void dropOldChanges(java.time.Duration retention, int limit) {
        try (Session session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                List<String> ids = new ArrayList<>();
                long next = -1;
                for (Record row : tx.run(OLDEST_KEPT_CHANGES, Map.of("limit", limit, "retention",
                        retention.toMillis())).list()) {
                    if (!row.get("old").asBoolean(false)) {
                        break;
                    }
                    ids.add(row.get("id").asString());
                    next = row.get("sequence").asLong() + 1;
                }
                if (!ids.isEmpty()) {
                    tx.run(DROP_CHANGES, Map.of("ids", ids, "next", next)).consume();
                    lease.fence(tx);
                }
            });
        }
    }

    /** {@link #head()} and the lease's expiry in one lookup (two by unique constraints): what a follower polls. */
    Head headAndLease() {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(tx -> {
                Record row = tx.run(HEAD_AND_LEASE).single();
                return new Head(row.get("sequence").asLong(), row.get("changesFrom").asLong(),
                        row.get("leaseExpired").asBoolean());
            });
        }
    }

    /** Whether the database runs in this process. */
    boolean embedded() {
        return embedded;
    }

    /** An entry as the journal's followers see it: numbered in the order the entries finished. */
    record Finished(String id, String kind, long sequence, long responses) {
    }

    /** The entries finished after sequence number {@code after}, in order. An index seek. */
    List<Finished> finishedSince(long after) {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(tx -> tx.run(FINISHED_SINCE, Map.of("after", after))
                    .list(row -> new Finished(row.get("id").asString(), row.get("kind").asString(),
                            row.get("sequence").asLong(), row.get("responses").asLong())));
        }
    }

    /**
     * Records the ids of the journeys an entry wrote or removed, for other instances to read them back: one node per
     * 10,000 ids, one transaction each; written before the entry is finished.
     */
    void recordChanged(String importId, Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHANGE_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + CHANGE_BATCH));
            lease.writeFenced(driver, RECORD_CHANGED, Map.of("importId", importId, "ids", batch));
        }
    }

    /** The ids recorded by {@link #recordChanged} for an entry. */
    List<String> changedJourneys(String importId) {
        try (Session session = CausalSessions.open(driver)) {
            return session.executeRead(tx -> tx.run(CHANGED_JOURNEYS, Map.of("importId", importId))
                    .list(row -> row.get("id").asString()));
        }
    }

    /** Finished imports whose stashed versions were not dropped yet (the process stopped just after finishing). */
    List<String> importsWithLeftoverVersions() {
        try (Session session = CausalSessions.open(driver)) {
            return session.run(LEFTOVER_PREVIOUS_VERSIONS).list(row -> row.get("id").asString());
        }
    }

    /** The touchpoint metadata an entry replaced: name to touchpoint (with its stored index as id). */
    Map<String, Touchpoint> previousTouchpoints(String importId) {
        Map<String, Touchpoint> previous = new LinkedHashMap<>();
        try (Session session = CausalSessions.open(driver)) {
            session.run(LOAD_PREVIOUS_TOUCHPOINTS, Map.of("importId", importId)).forEachRemaining(row -> previous.put(
                    row.get("name").asString(), JourneyProperties.touchpointOf(row, row.get("index").asInt(0))));
        }
        return previous;
    }

    /**
     * Of the touchpoints {@code names}, those that the entry {@code importId} created or that an entry undone before
     * it created: what its undo may delete once nothing visits them.
     */
    Set<String> touchpointsCreatedByUndone(String importId, Collection<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        try (Session session = CausalSessions.open(driver)) {
            return new HashSet<>(session.run(TOUCHPOINTS_CREATED_BY_UNDONE, Map.of("importId", importId, "names",
                    List.copyOf(names))).list(row -> row.get("name").asString()));
        }
    }

    /** Finished entries that changed what {@code importId} wrote, so that undoing it would undo them too. */
    List<String> laterChanges(String importId) {
        try (Session session = CausalSessions.open(driver)) {
            return session.run(LATER_CHANGES, Map.of("importId", importId)).list(row -> row.get("id").asString());
        }
    }

    /**
     * Ids of the journeys an entry created: those it wrote that are not a version it replaced, and those an undo put
     * back where none was ({@link #JOURNEYS_WRITTEN_BY}). O(journeys it wrote and replaced).
     */
    List<String> journeysCreatedBy(String importId) {
        try (Session session = CausalSessions.open(driver)) {
            Set<String> replaced = new HashSet<>();
            session.run(PREVIOUS_VERSION_WRITERS, Map.of("importId", importId))
                    .forEachRemaining(row -> replaced.add(row.get("id").asString()));
            Set<String> created = new LinkedHashSet<>();
            session.run(JOURNEYS_WRITTEN_BY, Map.of("importId", importId)).forEachRemaining(row -> {
                String id = row.get("id").asString();
                if (!row.get("written").asBoolean() || !replaced.contains(id)) {
                    created.add(id);
                }
            });
            return new ArrayList<>(created);
        }
    }

    /** The versions an entry replaced or removed, read against {@code touchpoints}, with the entry that wrote each. */
    VersionsBefore previousVersions(String importId, List<Touchpoint> touchpoints) {
        Map<String, Integer> ids = StoreLoader.idsByName(touchpoints);
        List<Journey> journeys = new ArrayList<>();
        Map<String, String> writers = new HashMap<>();
        try (Session session = CausalSessions.open(driver)) {
            session.run(LOAD_PREVIOUS_VERSIONS, Map.of("importId", importId, "prefix",
                    JourneyProperties.ATTRIBUTE_PREFIX))
                    .forEachRemaining(row -> journeys.add(JourneyProperties.journeyOf(row, ids, touchpoints)));
            session.run(PREVIOUS_VERSION_WRITERS, Map.of("importId", importId)).forEachRemaining(row -> {
                if (!row.get("importId").isNull()) {
                    writers.put(row.get("id").asString(), row.get("importId").asString());
                }
            });
        }
        return new VersionsBefore(journeys, writers);
    }

    /** Stored versions of journeys, and the entry that wrote each (where known). */
    record VersionsBefore(List<Journey> journeys, Map<String, String> writtenBy) {
    }

    /**
     * Undoes an unfinished entry: deletes the journeys it created, writes back the versions it replaced or removed
     * (keeping the id of the entry that wrote each), deletes the touchpoints it created, puts back the touchpoint
     * metadata it replaced, deletes the survey responses it stored, and marks it rolled back. Idempotent: a rollback
     * that is itself interrupted is simply run again. Batches of {@code batchSize} journeys, one transaction each.
     */
    void rollBack(String importId, int batchSize) {
        deleteResponsesOf(importId);
        List<String> created = journeysCreatedBy(importId);
        // Other instances read the journeys back once the rollback is finished: the deleted and the restored ones.
        Set<String> changed = new HashSet<>(created);
        try (Session session = CausalSessions.open(driver)) {
            session.run(PREVIOUS_VERSION_WRITERS, Map.of("importId", importId))
                    .forEachRemaining(row -> changed.add(row.get("id").asString()));
        }
        recordChanged(importId, changed);
        for (int from = 0; from < created.size(); from += batchSize) {
            writes.deleteJourneys(created.subList(from, Math.min(created.size(), from + batchSize)));
        }
        writes.deleteTouchpointsCreatedBy(importId);
        writes.restoreTouchpoints(previousTouchpoints(importId).values());
        List<Touchpoint> touchpoints = loader.loadTouchpoints();
        VersionsBefore previous = previousVersions(importId, touchpoints);
        for (int from = 0; from < previous.journeys().size(); from += batchSize) {
            List<Journey> batch = previous.journeys().subList(from,
                    Math.min(previous.journeys().size(), from + batchSize));
            writes.writeJourneys(batch, batch.stream().map(Journey::id).toList(), touchpoints, importId + "-undo",
                    previous.writtenBy());
        }
        finishImport(importId, "rolled back");
    }
}
