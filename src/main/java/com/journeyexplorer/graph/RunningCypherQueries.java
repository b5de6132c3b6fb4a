package com.journeyexplorer.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The read-only Cypher queries this instance runs, ended at shutdown so that they do not hold it: the web server's
 * graceful shutdown waits for its requests, and a runaway query ran until its time limit ({@code
 * journeys.cypher.timeout}). Stopped before that wait: from then on a query is refused, and the transactions of the
 * running ones, found by the metadata each carries, are terminated in Neo4j ({@code TERMINATE TRANSACTIONS}, which an
 * embedded database and a server both take); their clients get a 503 {@code shutting-down} problem.
 */
@Component
class RunningCypherQueries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunningCypherQueries.class);

    /** The metadata key that marks a Cypher user's transaction, its value this instance's id. */
    private static final String MARK = "journeysCypher";
    /** For finding and terminating the transactions: both are quick unless the database is in trouble. */
    private static final TransactionConfig TERMINATION = TransactionConfig.builder()
            .withTimeout(Duration.ofSeconds(5)).build();

    private final Driver driver;
    /** Other instances on the same Neo4j server keep their queries. */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean started;

    RunningCypherQueries(Driver driver) {
        this.driver = driver;
    }

    /** The metadata of a Cypher user's transaction, by which {@link #stop()} finds it. */
    Map<String, Object> metadata() {
        return Map.of(MARK, instance);
    }

    /** Counts a query in, for {@link #leave()}; throws when the app is shutting down. */
    void enter() {
        running.incrementAndGet();
        if (stopping) {
            running.decrementAndGet();
            throw shuttingDown();
        }
    }

    void leave() {
        running.decrementAndGet();
    }

    /**
     * Throws when the app is shutting down; called once the query's transaction has begun in Neo4j, so that a stop
     * either finds the transaction or is seen here.
     */
    void checkNotStopping() {
        if (stopping) {
            throw shuttingDown();
        }
    }

    boolean stopping() {
        return stopping;
    }

    static CypherFailedException shuttingDown() {
        return new CypherFailedException(CypherFailedException.Kind.SHUTTING_DOWN, "the server is shutting down and "
                + "stopped this query; try again on another instance or later");
    }

    @Override
    public void start() {
        stopping = false;
        started = true;
    }

    @Override
    public void stop() {
        stopping = true;
        started = false;
        // Nothing to find when no query runs: a shutdown then does not touch a database that may be gone.
        if (running.get() > 0) {
            terminate();
        }
    }

    private void terminate() {
        try (var session = driver.session()) {
            List<String> ids = session.run("""
                    SHOW TRANSACTIONS YIELD transactionId, metaData
                    WHERE metaData[$mark] = $instance
                    RETURN transactionId""", Map.of("mark", MARK, "instance", instance), TERMINATION)
                    .list(row -> row.get("transactionId").asString());
            if (!ids.isEmpty()) {
                session.run("TERMINATE TRANSACTIONS $ids", Map.of("ids", ids), TERMINATION).consume();
                log.info("Shutting down: terminated {} running Cypher quer{}", ids.size(),
                        ids.size() == 1 ? "y" : "ies");
            }
        } catch (Neo4jException e) {
            log.warn("Shutting down: could not terminate the running Cypher queries, which may hold the shutdown "
                    + "until their time limit (journeys.cypher.timeout): {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        // Stopped first, with the analyses (RequestBounds): lifecycles stop in descending phase order, and the web
        // server's graceful shutdown, which waits for the requests, comes later.
        return Integer.MAX_VALUE;
    }
}
