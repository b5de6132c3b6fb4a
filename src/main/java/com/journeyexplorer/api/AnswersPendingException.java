package com.journeyexplorer.api;

/** The answers waiting for slow clients hold more than their limit; answered 503 with Retry-After. */
class AnswersPendingException extends RuntimeException {

    private final long limitBytes;
    private final long retryAfterSeconds;

    AnswersPendingException(long pendingBytes, long limitBytes, long retryAfterSeconds) {
        super("the server holds " + pendingBytes + " bytes of answers that clients have not read yet, more than "
                + "the limit of " + limitBytes + " bytes (journeys.analysis.max-pending-answers); try again in "
                + retryAfterSeconds + " s", null, false, false);
        this.limitBytes = limitBytes;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long limitBytes() {
        return limitBytes;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
