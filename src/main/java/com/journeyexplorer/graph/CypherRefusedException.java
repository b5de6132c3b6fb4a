package com.journeyexplorer.graph;

/** A query of the read-only Cypher endpoint that would write, reach outside the database, or run admin commands. */
public class CypherRefusedException extends RuntimeException {

    public CypherRefusedException(String reason) {
        super("The query is refused: " + reason + "; nothing was changed");
    }
}
