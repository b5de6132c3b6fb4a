package com.journeyexplorer.graph;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Repository;

import com.journeyexplorer.config.JourneysProperties;

/**
 * The imports lease: one {@code (:ImportLease {id: 'imports'})} node in Neo4j that serializes every journaled write
 * (imports, survey responses, outcome rules, touchpoint metadata, undo, erasure) across all instances sharing the
 * database, so that each plans against every finished entry and the result equals running them one after another.
 * See docs/adr/0009-consistency-across-instances.md.
 *
 * <p>The node holds the owner (instance name), a random per-process token and {@code expiresAt} in milliseconds of
 * the database's clock ({@code datetime.realtime()}), so that instances' clocks do not matter. It is taken in a
 * short transaction of its own that first write-locks the node (a {@code SET} before the read); it is free, expired,
 * or taken anyway at start-up from a dead predecessor. A heartbeat renews it every third of
 * {@code journeys.instance.import-lease} while held. Fencing: every write transaction of a change ends with
 * {@link #fence}, which locks the node and checks the token before the commit, so an instance that was paused past its
 * lease and taken over cannot commit anything after the takeover. Within the process the holders take their turns
 * in the order they came, and a waiter may give up; the wait for another instance is bounded by
 * {@code journeys.instance.import-wait}.
 */
@Repository
class ImportLease implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportLease.class);

    /** How often a waiting instance looks at the lease again. */
    static final long POLL_MILLIS = 50;

    /** A lock-free look: whether another instance holds the lease and it has not expired. */
    private static final String HELD_BY_OTHER = """
            OPTIONAL MATCH (l:ImportLease {id: 'imports'})
            RETURN l.token IS NOT NULL AND l.token <> $token
                   AND l.expiresAt >= datetime.realtime().epochMillis AS held,
                   l.owner AS owner
            """;

    /**
     * Takes the lease when it is free, expired, already ours, or {@code $force}; the node is write-locked first, so
     * that two instances never both take it. Answers whether it was taken, and then the running journal entries that
     * were opened under a lease (by a holder that is gone: every holder finishes its entries before it lets go).
     */
    private static final String TAKE = """
            MERGE (l:ImportLease {id: 'imports'})
            SET l.locked = true
            REMOVE l.locked
            WITH l, datetime.realtime().epochMillis AS now
            WITH l, now, l.owner AS previousOwner, l.token AS previousToken,
                 l.token IS NULL OR l.token = $token OR l.expiresAt < now OR $force
                   OR ($ownName AND l.owner = $instance) AS free
            CALL (l, now, free) {
              WITH l WHERE free
              SET l.owner = $instance, l.token = $token, l.expiresAt = now + $millis, l.takenAt = now
            }
            RETURN free AS taken, previousOwner, previousToken,
                   CASE WHEN free THEN COLLECT {
                     MATCH (i:Import {status: 'running'}) WHERE i.lease IS NOT NULL
                     RETURN i.id ORDER BY i.startedAt
                   } ELSE [] END AS orphans
            """;

    private static final String RENEW = """
            MATCH (l:ImportLease {id: 'imports'}) WHERE l.token = $token
            SET l.expiresAt = datetime.realtime().epochMillis + $millis
            RETURN true AS renewed
            """;

    private static final String RELEASE = """
            MATCH (l:ImportLease {id: 'imports'}) WHERE l.token = $token
            SET l.owner = null, l.token = null, l.expiresAt = null
            """;

    /** Write-locks the lease node until the commit, then tells whether it is still ours. */
    static final String FENCE = """
            MATCH (l:ImportLease {id: 'imports'})
            SET l.locked = true
            REMOVE l.locked
            RETURN l.token = $token AS ours
            """;

    private final Driver driver;
    private final String instance;
    private final String token = UUID.randomUUID().toString();
    private final long leaseMillis;
    private final Duration wait;
    private final ReentrantLock local = new ReentrantLock(true);
    /**
     * This process's writers waiting for {@link #local} in {@link #acquire}, in the order they came: the first takes it
     * once it is free. A queue of their own rather than the lock's, so that a waiter can give up (a cancelled import
     * job) without losing the others their places. Also the monitor that a release notifies.
     */
    private final ArrayDeque<Thread> turns = new ArrayDeque<>();
    private final ScheduledExecutorService heartbeat;
    private ScheduledFuture<?> renewal;
    /** Whether this process holds the lease in the database: its writes are fenced then. */
    private volatile boolean held;
    /** When a write transaction of this process last reached its end, the fence (System.nanoTime()). */
    private volatile long lastFenced = System.nanoTime();

    ImportLease(Driver driver, JourneysProperties properties) {
        this.driver = driver;
        this.instance = properties.instance().name();
        this.leaseMillis = properties.instance().importLease().toMillis();
        this.wait = properties.instance().importWait();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "import-lease-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The lease, held by this thread until {@link Held#close}: running journal entries left by a holder that is gone
     * are in {@link Held#orphans}, for the caller to roll back before anything else.
     */
    record Held(ImportLease lease, List<String> orphans, String previousOwner) implements AutoCloseable {

        @Override
        public void close() {
            lease.release();
        }
    }

    /**
     * Takes the lease, waiting for this process's other holder without bound (as changes always queued behind each
     * other, first come first served) and for another instance's at most {@code journeys.instance.import-wait},
     * looking every 50 ms. Held already by this thread, it is taken again (released by the matching close). Cost
     * without contention: one short write transaction, and one more to let go.
     *
     * @throws ImportsBusyException when another instance held it for the whole wait
     */
    Held acquire() {
        return acquire(holder -> {
        });
    }

    /**
     * As {@link #acquire()}, telling {@code waiting} the instance whose write it waits for at every look (each
     * {@value #POLL_MILLIS} ms): this one's own name while another write of this process holds the lease, another's
     * while that one holds it; and null once the lease is taken after a wait, so that a job can report what it waits
     * for, and stop waiting when it is cancelled (an exception {@code waiting} throws ends the wait).
     */
    Held acquire(java.util.function.Consumer<String> waiting) {
        boolean waited = lockInTurn(waiting);
        if (local.getHoldCount() > 1) {
            return new Held(this, List.of(), null);
        }
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            String owner = null;
            String told = waited ? instance : null;
            while (true) {
                Held taken = take(false, false);
                if (taken != null) {
                    if (told != null) {
                        waiting.accept(null);
                    }
                    return taken;
                }
                owner = heldBy();
                if (System.nanoTime() > deadline) {
                    throw new ImportsBusyException(owner, wait);
                }
                if (owner != null) {
                    // Told at every look, not only when the holder changes: the waiter may give up (a cancelled
                    // import job throws from here).
                    waiting.accept(owner);
                    told = owner;
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unlockLocal();
            throw new ImportsBusyException(null, wait);
        } catch (RuntimeException e) {
            unlockLocal();
            throw e;
        }
    }

    /**
     * Takes this process's lock after the writers of this process that came first, telling {@code waiting} this
     * instance's name every {@value #POLL_MILLIS} ms while another holds it or comes first; an exception it throws
     * ends the wait, the lock not taken. Answers whether it waited.
     */
    private boolean lockInTurn(java.util.function.Consumer<String> waiting) {
        if (local.isHeldByCurrentThread()) {
            local.lock();
            return false;
        }
        Thread self = Thread.currentThread();
        synchronized (turns) {
            if (turns.isEmpty() && local.tryLock()) {
                return false;
            }
            turns.add(self);
        }
        try {
            while (true) {
                synchronized (turns) {
                    if (turns.peek() == self && local.tryLock()) {
                        return true;
                    }
                }
                waiting.accept(instance);
                synchronized (turns) {
                    if (turns.peek() == self && local.tryLock()) {
                        return true;
                    }
                    // Woken when the lock is let go, or when a writer ahead gives up.
                    turns.wait(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportsBusyException(null, wait);
        } finally {
            // Taken or given up: the next writer's turn.
            synchronized (turns) {
                turns.remove(self);
                turns.notifyAll();
            }
        }
    }

    /** Lets this process's lock go once, and wakes the writers waiting their turn for it. */
    private void unlockLocal() {
        local.unlock();
        synchronized (turns) {
            turns.notifyAll();
        }
    }

    /**
     * Takes the lease only when it is free or expired, without waiting (for rolling back the entries of an instance
     * that died, for rewriting a part-written TRANSITION graph): null when another holds it, in this process or
     * another, or when a writer of this process waits its turn for it.
     */
    Held acquireIfFree() {
        synchronized (turns) {
            // Free means that no writer of this process waits its turn either: one that came first is not overtaken.
            if (!turns.isEmpty() || !local.tryLock()) {
                return null;
            }
        }
        return takeOrUnlock(false, false);
    }

    /**
     * Takes the lease at start-up, after the writers of this process that came first (as {@link #acquire}): from a dead
     * predecessor of the same name at once, else only when free or expired.
     * Null when a live other instance holds it: with an embedded database too, whose Bolt server other instances reach
     * (and may take the lease through) before this one's start-up gets here.
     */
    Held acquireAtStart() {
        lockInTurn(holder -> {
        });
        return takeOrUnlock(false, true);
    }

    /** How many writers of this process wait their turn for its lock: for tests. */
    int waitingTurns() {
        synchronized (turns) {
            return turns.size();
        }
    }

    /** {@link #take}, with this process's lock held, which is let go again unless the lease was taken. */
    private Held takeOrUnlock(boolean force, boolean ownName) {
        try {
            Held taken = take(force, ownName);
            if (taken == null) {
                unlockLocal();
            }
            return taken;
        } catch (RuntimeException e) {
            unlockLocal();
            throw e;
        }
    }

    /** One attempt to take the lease in the database, with this process's lock held; null when not taken. */
    private Held take(boolean force, boolean ownName) {
        Record row;
        try (Session session = CausalSessions.open(driver)) {
            row = session.executeWrite(tx -> tx.run(TAKE, Map.of("token", token, "instance", instance,
                    "millis", leaseMillis, "force", force, "ownName", ownName)).single());
        }
        if (!row.get("taken").asBoolean()) {
            return null;
        }
        held = true;
        renewal = heartbeat.scheduleWithFixedDelay(this::renew, leaseMillis / 3, leaseMillis / 3,
                TimeUnit.MILLISECONDS);
        String previousToken = row.get("previousToken").asString(null);
        String previousOwner = token.equals(previousToken) ? null : row.get("previousOwner").asString(null);
        List<String> orphans = row.get("orphans").asList(value -> value.asString());
        if (previousOwner != null && !orphans.isEmpty()) {
            log.warn("Took the imports lease from {} (expired or gone), which left {} unfinished journal entries",
                    previousOwner, orphans.size());
        }
        return new Held(this, orphans, previousOwner);
    }

    /** Who holds the lease when another instance does and it has not expired; null when it can be taken. */
    private String heldBy() {
        try (Session session = CausalSessions.open(driver)) {
            Record row = session.executeRead(tx -> tx.run(HELD_BY_OTHER, Map.of("token", token)).single());
            return row.get("held").asBoolean(false) ? row.get("owner").asString("another instance") : null;
        }
    }

    private void renew() {
        if (!held) {
            return;
        }
        try (Session session = CausalSessions.open(driver)) {
            boolean renewed = session.executeWrite(tx -> tx.run(RENEW, Map.of("token", token, "millis", leaseMillis))
                    .hasNext());
            // Not renewed after this process let it go (a renewal that raced the release) is no takeover.
            if (!renewed && held) {
                log.warn("The imports lease was taken over by another instance: this instance's change will fail");
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the imports lease: {}", e.getMessage());
        }
    }

    private void release() {
        try {
            if (local.getHoldCount() > 1) {
                return;
            }
            held = false;
            if (renewal != null) {
                renewal.cancel(false);
                renewal = null;
            }
            try (Session session = CausalSessions.open(driver)) {
                session.executeWriteWithoutResult(tx -> tx.run(RELEASE, Map.of("token", token)).consume());
            } catch (RuntimeException e) {
                // It expires by itself.
                log.warn("Could not release the imports lease (it expires in {} ms): {}", leaseMillis,
                        e.getMessage());
            }
        } finally {
            unlockLocal();
        }
    }

    /**
     * Ends a write transaction of a change while this process holds the lease: write-locks the lease node until the
     * commit and fails (so the transaction rolls back) unless the lease is still this process's. A no-op when it does
     * not hold the lease. O(1): one lookup by a unique constraint.
     *
     * @throws LeaseLostException when another instance took the lease over
     */
    void fence(TransactionContext tx) {
        lastFenced = System.nanoTime();
        if (held && !tx.run(FENCE, Map.of("token", token)).single().get("ours").asBoolean(false)) {
            throw new LeaseLostException();
        }
    }

    /**
     * Runs one write statement in a transaction of its own on {@code driver}, {@link #fence fenced}: it commits only
     * while this process still holds the lease (when it holds one).
     */
    void writeFenced(Driver driver, String statement, Map<String, Object> parameters) {
        try (Session session = CausalSessions.open(driver)) {
            session.executeWriteWithoutResult(tx -> {
                tx.run(statement, parameters).consume();
                fence(tx);
            });
        }
    }

    /** {@link #fence(TransactionContext)} for a transaction of the embedded Java API. */
    void fence(org.neo4j.graphdb.Transaction tx) {
        lastFenced = System.nanoTime();
        if (!held) {
            return;
        }
        try (org.neo4j.graphdb.Result result = tx.execute(FENCE, Map.of("token", token))) {
            if (!result.hasNext() || !Boolean.TRUE.equals(result.next().get("ours"))) {
                throw new LeaseLostException();
            }
        }
    }

    /**
     * When a write transaction of this process last reached its end ({@link #fence}, called last in each transaction
     * of a change), as {@link System#nanoTime}: how a write's progress is told.
     */
    long lastFenced() {
        return lastFenced;
    }

    /** This process's token while it holds the lease (journal entries record it), else null. */
    String heldToken() {
        return held ? token : null;
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
    }

    /** Another instance took the lease over (this one was paused or cut off past its expiry): the write is refused. */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException() {
            super("another instance took the imports lease over: this change's writes are refused");
        }
    }
}
