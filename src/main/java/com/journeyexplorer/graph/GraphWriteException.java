package com.journeyexplorer.graph;

/** The database refused or failed a write; the import was undone. Maps to 503. */
public class GraphWriteException extends RuntimeException {

    public GraphWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
