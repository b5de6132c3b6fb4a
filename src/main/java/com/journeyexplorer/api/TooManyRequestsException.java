package com.journeyexplorer.api;

/** A heavy request found every turn taken for longer than the queue wait; answered 429 with Retry-After. */
class TooManyRequestsException extends RuntimeException {

    private final int concurrency;
    private final long retryAfterSeconds;

    TooManyRequestsException(int concurrency, long retryAfterSeconds) {
        this("the server is already computing " + concurrency + " analysis or Cypher requests "
                + "(journeys.analysis.max-concurrent); try again in " + retryAfterSeconds + " s", concurrency,
                retryAfterSeconds);
    }

    private TooManyRequestsException(String message, int concurrency, long retryAfterSeconds) {
        super(message, null, false, false);
        this.concurrency = concurrency;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Every turn of the status call and the look-ups ({@code GET /api/stats} ...) taken, not the analyses' turns. */
    static TooManyRequestsException status(int turns, long retryAfterSeconds) {
        return new TooManyRequestsException("the server is already answering " + turns + " requests for "
                + "/api/stats, /api/touchpoints or /api/journeys; try again in " + retryAfterSeconds + " s", turns,
                retryAfterSeconds);
    }

    int concurrency() {
        return concurrency;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
