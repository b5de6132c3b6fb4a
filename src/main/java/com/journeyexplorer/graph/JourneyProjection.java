package com.journeyexplorer.graph;

import org.springframework.stereotype.Component;

import com.journeyexplorer.analysis.JourneySnapshot;

/**
 * The in-memory analytic projection of the journeys stored in Neo4j. Readers take {@link #current()} once per request
 * and so see the data before or after an import, never in between; the importer swaps in the next snapshot only after
 * Neo4j has committed it.
 */
@Component
public class JourneyProjection {

    private volatile JourneySnapshot current = JourneySnapshot.empty();

    public JourneySnapshot current() {
        return current;
    }

    void replace(JourneySnapshot next) {
        current = next;
    }
}
