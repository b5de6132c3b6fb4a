package com.journeyexplorer.config;

import java.net.BindException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the two usual reasons the embedded database cannot start (its folder is in use by another process, or the
 * Bolt port is taken) into a short message with the fix, instead of a page of nested bean-creation exceptions.
 */
public class EmbeddedNeo4jFailureAnalyzer implements FailureAnalyzer {

    /** Whether {@code cause} says a port was taken (Netty's native bind error is no {@link BindException}). */
    public static boolean isPortTaken(Throwable cause) {
        return cause instanceof BindException || String.valueOf(cause.getMessage()).contains("Address already in use");
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        boolean neo4j = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            neo4j |= message.contains("Neo4j") || cause.getClass().getName().startsWith("org.neo4j");
            if (isPortTaken(cause)) {
                return neo4j || message.contains("7687") ? new FailureAnalysis(
                        "The embedded Neo4j could not open its Bolt port: " + message,
                        "Another process (perhaps another Journey Explorer or a Neo4j server) uses the port. Stop it,"
                                + " or choose another port with --journeys.neo4j.embedded.bolt-port=7688 (0 picks a"
                                + " free port).", cause) : null;
            }
            if (neo4j && (message.contains("lock") || message.contains("Lock"))) {
                return new FailureAnalysis("The embedded Neo4j could not lock its store: " + message,
                        "Another Journey Explorer (or an import command) is using the same data directory. Stop it,"
                                + " or use another directory with --journeys.data-dir=...; to import into a running"
                                + " app, send the file over HTTP (POST /api/events).", cause);
            }
        }
        return null;
    }
}
