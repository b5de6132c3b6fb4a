package com.journeyexplorer.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the app, under the prefix {@code journeys}. The README's configuration table documents each one.
 *
 * @param dataDir     where the embedded Neo4j keeps its store (and the generated API key)
 * @param openHorizon a journey without purchase whose last event is less than this before the data's latest event is
 *                    still in progress (OPEN), not abandoned; 0 turns it off. An import may set its own.
 * @param instance    this app instance among several on one Neo4j: its name and how it follows the journal
 * @param journal     how long the journal keeps what undoes its entries
 */
@ConfigurationProperties("journeys")
public record JourneysProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Neo4j neo4j,
        @DefaultValue Demo demo,
        @DefaultValue Ingest ingest,
        @DefaultValue Security security,
        @DefaultValue Cypher cypher,
        @DefaultValue Analysis analysis,
        @DefaultValue Cors cors,
        @DefaultValue("30d") Duration openHorizon,
        @DefaultValue Instance instance,
        @DefaultValue Journal journal) {

    public JourneysProperties {
        if (openHorizon.isNegative()) {
            throw new IllegalArgumentException("journeys.open-horizon must not be negative");
        }
    }

    public record Neo4j(@DefaultValue Embedded embedded, @DefaultValue("500") int writeBatchSize) {
        public Neo4j {
            if (writeBatchSize < 1) {
                throw new IllegalArgumentException("journeys.neo4j.write-batch-size must be at least 1");
            }
        }
    }

    /**
     * @param enabled       run Neo4j inside the app (ignored when {@code spring.neo4j.uri} is set)
     * @param boltPort      Bolt port on localhost; 0 picks a free port
     * @param pageCacheSize Neo4j page cache
     * @param directWrites  write imported journeys through Neo4j's Java API (faster) rather than Cypher over Bolt
     * @param boltAddress   interface Bolt listens on; anything but a loopback address needs a {@code password}
     * @param password      password of Neo4j's user {@code neo4j}; when set, Bolt requires authentication
     * @param transactionMaxMemory most heap one transaction may hold (Neo4j's {@code db.memory.transaction.max}):
     *                      a Cypher user's query that would build more is stopped with an error instead of
     *                      exhausting the heap; imports write in small batches and stay far below it
     */
    public record Embedded(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("7687") int boltPort,
            @DefaultValue("512MB") DataSize pageCacheSize,
            @DefaultValue("true") boolean directWrites,
            @DefaultValue("true") boolean preallocateTransactionLogs,
            @DefaultValue("localhost") String boltAddress,
            String password,
            @DefaultValue("1GB") DataSize transactionMaxMemory) {
        public Embedded {
            if (boltPort < 0 || boltPort > 65535) {
                throw new IllegalArgumentException("journeys.neo4j.embedded.bolt-port must be 0..65535, was " + boltPort);
            }
            if (password != null && password.isEmpty()) {
                password = null;
            }
            if (password != null && password.length() < 8) {
                throw new IllegalArgumentException("journeys.neo4j.embedded.password must have at least 8 characters "
                        + "(Neo4j's minimum)");
            }
            if (enabled && password == null && !isLoopback(boltAddress)) {
                throw new IllegalArgumentException("journeys.neo4j.embedded.bolt-address is '" + boltAddress
                        + "', which other machines can reach, but Neo4j authentication is off: set "
                        + "journeys.neo4j.embedded.password (8+ characters) or keep the address on localhost");
            }
        }

        /** Whether Bolt requires a user name and password. */
        public boolean authEnabled() {
            return password != null;
        }

        private static boolean isLoopback(String address) {
            try {
                return InetAddress.getByName(address).isLoopbackAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("journeys.neo4j.embedded.bolt-address '" + address
                        + "' is not a known host or address");
            }
        }
    }

    /**
     * @param loadOnStart load the demo store into an empty database at start-up
     * @param journeys    how many demo journeys to load
     * @param seed        the generator's seed: the same seed gives the same journeys
     */
    public record Demo(
            @DefaultValue("true") boolean loadOnStart,
            @DefaultValue("20000") int journeys,
            @DefaultValue("42") long seed) {
    }

    /**
     * @param maxUploadSize     largest accepted upload body
     * @param sessionGap        inactivity that splits a customer's events into journeys when no journey id is given
     * @param defaultZone       time zone of timestamps that carry no offset
     * @param maxReportedErrors how many rejected rows a response lists (the rest are counted)
     * @param maxJourneyLength  longest accepted journey, in events
     */
    public record Ingest(
            @DefaultValue("2GB") DataSize maxUploadSize,
            @DefaultValue("30m") Duration sessionGap,
            @DefaultValue("UTC") ZoneId defaultZone,
            @DefaultValue("100") int maxReportedErrors,
            @DefaultValue("100000") int maxJourneyLength) {
    }

    /**
     * @param apiKey       key that writes (every non-GET under /api/ but the Cypher endpoint) require; when blank, one
     *                     is generated at first start into {@code <data-dir>/api-key}
     * @param protectReads require the key for reads (GET /api/** and POST /api/cypher) too
     */
    public record Security(String apiKey, @DefaultValue("false") boolean protectReads) {
        public Security {
            if (apiKey != null && apiKey.isBlank()) {
                apiKey = null;
            }
        }
    }

    /**
     * @param timeout        longest a query of POST /api/cypher may run
     * @param maxRows        most rows returned; more are cut and the answer says {@code truncated}
     * @param maxQueryLength longest accepted query text, in characters
     * @param openToReaders  whether POST /api/cypher is open without the API key like the GETs; off by default, since
     *                       one arbitrary query can keep a core busy for its whole time limit
     */
    public record Cypher(
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("10000") int maxRows,
            @DefaultValue("10000") int maxQueryLength,
            @DefaultValue("false") boolean openToReaders) {
        public Cypher {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("journeys.cypher.timeout must be positive");
            }
            if (maxRows < 1 || maxQueryLength < 1) {
                throw new IllegalArgumentException("journeys.cypher.max-rows and max-query-length must be at least 1");
            }
        }
    }

    /**
     * Bounds on the analysis endpoints and the Cypher endpoint, so that no request or client can take the machine.
     *
     * @param timeBudget    longest an analysis may compute before it is stopped with a 503 problem
     * @param maxConcurrent how many analysis or Cypher requests run at once; 0 means one per processor
     * @param queueWait     how long a request beyond that waits for a turn before a 429 problem with Retry-After
     * @param maxPendingAnswers most bytes of computed answers that may wait for slow clients to read them before
     *                      further analyses are refused with a 503 problem; 0 means an eighth of the maximum heap
     */
    public record Analysis(
            @DefaultValue("30s") Duration timeBudget,
            @DefaultValue("0") int maxConcurrent,
            @DefaultValue("10s") Duration queueWait,
            @DefaultValue("0") DataSize maxPendingAnswers) {
        public Analysis {
            if (timeBudget.isNegative() || timeBudget.isZero()) {
                throw new IllegalArgumentException("journeys.analysis.time-budget must be positive");
            }
            if (maxConcurrent < 0) {
                throw new IllegalArgumentException("journeys.analysis.max-concurrent must be 0 (one per processor) or more");
            }
            if (queueWait.isNegative()) {
                throw new IllegalArgumentException("journeys.analysis.queue-wait must not be negative");
            }
            if (maxPendingAnswers.isNegative()) {
                throw new IllegalArgumentException("journeys.analysis.max-pending-answers must not be negative");
            }
        }

        /** The bytes of answers that may wait for their clients at once. */
        public long pendingAnswerBytes() {
            long bytes = maxPendingAnswers.toBytes();
            return bytes > 0 ? bytes : Runtime.getRuntime().maxMemory() / 8;
        }

        /** The number of requests that may run at once. */
        public int concurrency() {
            return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        }
    }

    /** @param allowedOrigins origins (e.g. {@code http://localhost:5173}) that may call GET /api/** from a browser */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * The journal of changes (docs/adr/0006-journal-undo-and-erasure.md).
     *
     * @param undoRetention how long after an entry finished the journal keeps the copies of what it replaced, which
     *                      undo it; an older entry can no longer be undone, and the next write drops them.
     *                      0 keeps them for ever
     */
    public record Journal(@DefaultValue("90d") Duration undoRetention) {
        public Journal {
            if (undoRetention.isNegative()) {
                throw new IllegalArgumentException("journeys.journal.undo-retention must not be negative");
            }
        }
    }

    /**
     * This app instance among several that share one Neo4j (see the README, "Running several instances").
     *
     * @param name           names the instance in the journal entries it opens and in the imports lease; at start-up
     *                       an instance takes over the lease of a dead predecessor of its name at once and rolls back
     *                       what it left unfinished. Default: the host name. Instances need different names.
     * @param followInterval how often the instance asks the journal for entries other instances finished, and
     *                       applies them to its projection; 0 turns following off
     * @param consistencyWait longest a read that sends a consistency token waits for this instance to catch up with
     *                       it before a 503 problem
     * @param importLease    how long the imports lease that serializes writes across instances lasts without a
     *                       renewal (renewed every third of it while held): how soon another instance rolls back the
     *                       unfinished change of one that died
     * @param importWait     longest a change waits for another instance's lease before a 503 problem
     * @param changeRetention how long the journal keeps the ids of the journeys each entry changed, which other
     *                       instances read back to follow it; an instance that fell further behind reloads its
     *                       projection in full. 0 keeps them for ever
     * @param writeStall     how long a write of this instance may go without a write transaction of it reaching its
     *                       end before readiness goes down (its database may be dead); 0 never
     */
    public record Instance(
            String name,
            @DefaultValue("500ms") Duration followInterval,
            @DefaultValue("5s") Duration consistencyWait,
            @DefaultValue("15s") Duration importLease,
            @DefaultValue("30s") Duration importWait,
            @DefaultValue("7d") Duration changeRetention,
            @DefaultValue("2m") Duration writeStall) {
        public Instance {
            if (name == null || name.isBlank()) {
                name = hostName();
            }
            if (followInterval.isNegative()) {
                throw new IllegalArgumentException("journeys.instance.follow-interval must not be negative");
            }
            if (consistencyWait.isNegative()) {
                throw new IllegalArgumentException("journeys.instance.consistency-wait must not be negative");
            }
            if (importLease.toMillis() < 300) {
                throw new IllegalArgumentException("journeys.instance.import-lease must be at least 300ms");
            }
            if (importWait.isNegative()) {
                throw new IllegalArgumentException("journeys.instance.import-wait must not be negative");
            }
            if (changeRetention.isNegative()) {
                throw new IllegalArgumentException("journeys.instance.change-retention must not be negative");
            }
            if (writeStall.isNegative()) {
                throw new IllegalArgumentException("journeys.instance.write-stall must not be negative");
            }
        }

        private static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
