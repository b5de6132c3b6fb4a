package com.journeyexplorer.graph;

import java.util.List;

/**
 * An entry that can no longer be undone: it finished longer than {@code journeys.journal.undo-retention} ago, so the
 * journal drops (or dropped) the copies that would undo it. Nothing was changed: 409.
 */
public class UndoExpiredException extends UndoConflictException {

    private final String retention;

    public UndoExpiredException(String importId, String message, String retention) {
        super(importId, message, List.of());
        this.retention = retention;
    }

    /** The retention as configured, e.g. {@code 90d}. */
    public String retention() {
        return retention;
    }
}
