package com.journeyexplorer.graph;

/**
 * A query of the read-only Cypher endpoint that Neo4j could not run: a syntax error, an unknown function, a
 * parameter it cannot take, the time limit or the memory limit; or that the app stopped because it is shutting down.
 * The message is Neo4j's, cut to its first lines, or the app's own.
 */
public class CypherFailedException extends RuntimeException {

    /** Why a query failed. */
    public enum Kind { INVALID, TIMEOUT, MEMORY, SHUTTING_DOWN }

    private final Kind kind;

    public CypherFailedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
