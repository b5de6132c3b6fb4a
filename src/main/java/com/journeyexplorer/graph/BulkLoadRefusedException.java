package com.journeyexplorer.graph;

/** A bulk load that cannot run on the store: it is in use, or not empty. Nothing was written. */
public class BulkLoadRefusedException extends RuntimeException {

    public BulkLoadRefusedException(String message) {
        super(message);
    }
}
