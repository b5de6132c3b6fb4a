package com.journeyexplorer.graph;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * Neo4j refused a write because a transaction needed more memory than it may hold: the bound of one transaction
 * ({@code db.memory.transaction.max}; for the embedded database {@code journeys.neo4j.embedded.transaction-max-memory})
 * or the pool of all transactions together ({@code db.memory.transaction.total.max}). Neo4j calls the error transient,
 * but the same work meets the same bound again, so it is not retried (see {@link CausalSessions}): the change fails at
 * once, and was undone. Maps to 413 (one transaction's bound) or 503 (the pool, full of other transactions).
 */
public class TransactionMemoryExceededException extends GraphWriteException {

    /** Which of Neo4j's memory bounds was exceeded. */
    public enum Bound {
        /** One transaction's: {@code db.memory.transaction.max}. */
        TRANSACTION("db.memory.transaction.max"),
        /** All transactions' together: {@code db.memory.transaction.total.max}. */
        POOL("db.memory.transaction.total.max");

        private final String setting;

        Bound(String setting) {
            this.setting = setting;
        }

        /** The Neo4j setting that raises the bound. */
        public String setting() {
            return setting;
        }
    }

    private final Bound bound;

    TransactionMemoryExceededException(String message, Bound bound, Throwable cause) {
        super(message, cause);
        this.bound = bound;
    }

    public Bound bound() {
        return bound;
    }

    /**
     * The bound that {@code failure} or one of its causes reports exceeded, as the driver (a status code) or the
     * embedded database ({@link Status.HasStatus}) says it; null when it is another failure. Neo4j gives one
     * transaction's bound and the pool's the same code ({@code MemoryPoolOutOfMemoryError}) and names the setting in
     * the message.
     */
    static Bound exceededBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionMemoryExceededException exceeded) {
                return exceeded.bound;
            }
            String code = cause instanceof Neo4jException driver ? driver.code()
                    : cause instanceof Status.HasStatus embedded && embedded.status() != null
                            ? embedded.status().code().serialize() : null;
            if (code != null && (code.endsWith("TransactionOutOfMemoryError") || code.endsWith("TransactionMemoryLimit")
                    || code.endsWith("MemoryPoolOutOfMemoryError"))) {
                String message = String.valueOf(cause.getMessage());
                return message.contains(Bound.POOL.setting()) ? Bound.POOL
                        : message.contains(Bound.TRANSACTION.setting()) || !code.endsWith("MemoryPoolOutOfMemoryError")
                                ? Bound.TRANSACTION : Bound.POOL;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /**
     * {@code failure} as the refusal of {@code what} (an import, survey responses) for a memory bound, saying what to
     * do; null when {@code failure} is not one.
     */
    static TransactionMemoryExceededException of(String what, Throwable failure) {
        Bound bound = exceededBy(failure);
        if (bound == null) {
            return null;
        }
        String detail = switch (bound) {
            case TRANSACTION -> "the database refused " + what + ": one of its transactions needed more memory than "
                    + "Neo4j allows one transaction (db.memory.transaction.max; for the embedded database "
                    + "journeys.neo4j.embedded.transaction-max-memory), and trying again would meet the same bound; "
                    + "nothing was changed. Send smaller files, or have the operator lower "
                    + "journeys.neo4j.write-batch-size or raise that bound";
            case POOL -> "the database refused " + what + ": the transactions running together needed more memory "
                    + "than Neo4j allows them all (db.memory.transaction.total.max); nothing was changed. Try again "
                    + "when fewer imports or queries run, or have the operator raise that bound";
        };
        return new TransactionMemoryExceededException(detail, bound, failure);
    }
}
