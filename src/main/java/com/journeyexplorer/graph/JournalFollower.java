package com.journeyexplorer.graph;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.journeyexplorer.config.JourneysProperties;

/**
 * Keeps this instance's projection following the journal in Neo4j, so that what other instances import shows in its
 * answers: every {@code journeys.instance.follow-interval} (500 ms by default) it asks for entries finished since the
 * last one applied, one indexed lookup when there are none, and applies them ({@link JourneyGraph#catchUpUnlessWriting});
 * when the same lookup finds the imports lease expired, it rolls back what its dead holder left unfinished
 * ({@link JourneyGraph#recoverExpiredLease}); when a write of the TRANSITION graph failed and left it part-written,
 * it rewrites it ({@link JourneyGraph#repairTransitions}), which it also does, every second, when not following
 * ({@code follow-interval=0}). Starts
 * after the projection is loaded, before the web server. As the health component {@code journalFollower}, part of
 * readiness, it is down while the journal cannot be read (the database is unreachable): the instance is then
 * behind, and recovers by itself when the database answers again; and while a write of this instance has gone
 * longer than {@code journeys.instance.write-stall} without a write transaction reaching its end (stuck on a
 * database that does not answer), until it moves on or ends.
 */
@Component
class JournalFollower implements SmartLifecycle, HealthIndicator, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(JournalFollower.class);

    /** The longest wait between two rewrites of a part-written TRANSITION graph that fail. */
    private static final long MAX_REPAIR_WAIT_MILLIS = 300_000;

    /**
     * How often, when not following ({@code follow-interval=0}), it looks whether a failed write left the TRANSITION
     * graph part-written: a read of a flag, nothing else.
     */
    private static final long REPAIR_CHECK_MILLIS = 1_000;

    /** After {@link ProjectionStartup}, before the web server. */
    private static final int PHASE = 1;

    private final JourneyGraph graph;
    private final Duration interval;
    private final Duration writeStall;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    /** Null while the last poll succeeded; else why it failed. */
    private volatile String failure;
    /** When a poll last succeeded (System.nanoTime()); a poll can block for long on a database that is gone. */
    private volatile long lastFollowed = System.nanoTime();
    /** When the next rewrite of a part-written TRANSITION graph may start (System.nanoTime()), after a failed one. */
    private long nextRepair = System.nanoTime();
    /** The wait after the last failed rewrite of a part-written TRANSITION graph; 0 after a success. */
    private long repairWaitMillis;

    JournalFollower(JourneyGraph graph, JourneysProperties properties) {
        this.graph = graph;
        this.interval = properties.instance().followInterval();
        this.writeStall = properties.instance().writeStall();
    }

    @Override
    public void start() {
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "journal-follower");
            thread.setDaemon(true);
            return thread;
        });
        if (interval.isZero()) {
            log.info("Not following the journal (journeys.instance.follow-interval=0): imports through other "
                    + "instances show after a restart");
            // No change of another instance is applied, but a TRANSITION graph that a failed write of this one left
            // part-written is still rewritten, as when following, rather than only by the next change.
            scheduler.scheduleWithFixedDelay(this::repairTransitions, REPAIR_CHECK_MILLIS, REPAIR_CHECK_MILLIS,
                    TimeUnit.MILLISECONDS);
            return;
        }
        scheduler.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at the journal; a failure is logged once, and then again when it recovers. */
    void poll() {
        try {
            // While this instance writes, its write follows the journal: the poll need not wait for it.
            graph.catchUpUnlessWriting();
            lastFollowed = System.nanoTime();
            if (failure != null) {
                log.info("Following the journal again, at entry {}", graph.appliedPosition());
                failure = null;
            }
            // An instance that died holding the imports lease: its unfinished change is rolled back here.
            graph.recoverExpiredLease();
        } catch (RuntimeException e) {
            if (!running) {
                return;
            }
            if (failure == null) {
                log.warn("Cannot follow the journal (will retry every {} ms): {}", interval.toMillis(),
                        e.getMessage());
            }
            failure = e.getClass().getSimpleName();
            return;
        }
        repairTransitions();
    }

    /**
     * After a poll that read the journal (the database answers), or every second when not following: rewrites the
     * TRANSITION graph that a failed write left part-written, at once and then, while that fails too, after a wait
     * that doubles from one second (or the follow interval) up to {@value #MAX_REPAIR_WAIT_MILLIS} ms; each failure
     * and the success are logged.
     */
    private void repairTransitions() {
        if (!graph.transitionsPartWritten() || System.nanoTime() - nextRepair < 0) {
            return;
        }
        try {
            if (graph.repairTransitions()) {
                log.info("Rewrote the TRANSITION graph, which a failed write had left part-written");
            }
            repairWaitMillis = 0;
        } catch (RuntimeException e) {
            if (!running) {
                return;
            }
            repairWaitMillis = repairWaitMillis == 0 ? Math.max(1_000, interval.toMillis())
                    : Math.min(MAX_REPAIR_WAIT_MILLIS, 2 * repairWaitMillis);
            nextRepair = System.nanoTime() + repairWaitMillis * 1_000_000;
            log.warn("Cannot rewrite the TRANSITION graph that a failed write left part-written (will retry in {} ms):"
                    + " {}", repairWaitMillis, e.getMessage());
        }
    }

    /**
     * The instance's lag, for {@code /actuator/prometheus}: the journal position applied, the finished entries seen
     * but not applied yet, and (when following) the seconds since the journal was last read.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("journeys.journal.applied", graph, JourneyGraph::appliedPosition)
                .description("Journal position this instance's projection reflects").register(registry);
        Gauge.builder("journeys.journal.behind", graph, JourneyGraph::entriesBehind)
                .description("Finished journal entries seen but not yet applied to the projection").register(registry);
        Gauge.builder("journeys.transitions.part.written", graph, g -> g.transitionsPartWritten() ? 1 : 0)
                .description("1 while a failed write may have left the stored TRANSITION graph part-written")
                .register(registry);
        if (interval.isZero()) {
            return;
        }
        Gauge.builder("journeys.journal.unread", this, follower -> (System.nanoTime() - follower.lastFollowed) / 1e9)
                .description("Seconds since the journal was last read").baseUnit("seconds").register(registry);
    }

    @Override
    public Health health() {
        // A poll waiting on an unreachable database fails only when the driver gives up (tens of seconds): a journal
        // not read for ten intervals (at least 5 s) is as good as a failure.
        long silentMillis = (System.nanoTime() - lastFollowed) / 1_000_000;
        boolean silent = !interval.isZero() && silentMillis > Math.max(5_000, 10 * interval.toMillis());
        // While this instance writes, the poll leaves the journal to the write: a write stuck on a dead database
        // would leave the instance ready, its answers falling behind the other instances' for as long.
        long stalledMillis = graph.writeStalledMillis();
        boolean stalled = !writeStall.isZero() && stalledMillis > writeStall.toMillis();
        Health.Builder health = failure != null ? Health.down().withDetail("error", failure)
                : stalled ? Health.down().withDetail("error", "a write of this instance has waited on the database "
                        + "for " + stalledMillis + " ms, longer than journeys.instance.write-stall ("
                        + JourneyGraph.durationText(writeStall) + ")")
                : silent ? Health.down().withDetail("error", "no answer from the journal for " + silentMillis + " ms")
                : Health.up();
        return health.withDetail("position", graph.appliedPosition())
                .withDetail("following", !interval.isZero()).build();
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
