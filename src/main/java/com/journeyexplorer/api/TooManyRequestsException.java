package com.journeyexplorer.api;

/** A heavy request found every turn taken for longer than the queue wait; answered 429 with Retry-After. */
class TooManyRequestsException extends RuntimeException {

    private final int concurrency;
    private final long retryAfterSeconds;

    TooManyRequestsException(int concurrency, long retryAfterSeconds) {
        super("the server is already computing " + concurrency + " analysis or Cypher requests "
                + "(journeys.analysis.max-concurrent); try again in " + retryAfterSeconds + " s", null, false, false);
        this.concurrency = concurrency;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int concurrency() {
        return concurrency;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
