package com.journeyexplorer.graph;

import java.time.Duration;

/**
 * Another instance held the imports lease ({@link ImportLease}) for the whole of {@code journeys.instance.import-wait}:
 * the change was not started, nothing was written. Answered 503 with Retry-After.
 */
public class ImportsBusyException extends RuntimeException {

    private final transient String holder;

    ImportsBusyException(String holder, Duration waited) {
        super("another instance" + (holder == null ? "" : " (" + holder + ")") + " has been writing to the store for "
                + "the whole " + waited.toMillis() + " ms this change waited; nothing was changed, try again shortly");
        this.holder = holder;
    }

    /** The instance that held the lease, or null when unknown. */
    public String holder() {
        return holder;
    }
}
