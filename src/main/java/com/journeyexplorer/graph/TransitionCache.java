package com.journeyexplorer.graph;

import org.springframework.stereotype.Component;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TransitionTable;

/**
 * The transition table of every journey of the current snapshot (paths to purchase, then the post-purchase part, open
 * journeys into {@code (open)}), computed once per snapshot: it is what the aggregated
 * TRANSITION relationships in Neo4j hold, and what {@code /api/transitions} and {@code /api/stats} serve unfiltered.
 */
@Component
public class TransitionCache {

    private record Entry(JourneySnapshot snapshot, TransitionTable table) {
    }

    private volatile Entry entry;

    public TransitionTable of(JourneySnapshot snapshot) {
        Entry cached = entry;
        if (cached != null && cached.snapshot() == snapshot) {
            return cached.table();
        }
        TransitionTable table = TransitionTable.of(snapshot, journey -> true, true);
        entry = new Entry(snapshot, table);
        return table;
    }
}
