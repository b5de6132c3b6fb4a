package com.journeyexplorer.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * The positions of each segment's journey records in a snapshot, ascending: lets a selection by segment (the most
 * common filter of the path questions) visit only that segment's records instead of testing every one. Built once per
 * snapshot on first use ({@link JourneySnapshot#memo}); 4 bytes per record.
 */
final class SegmentIndex {

    private static final int[] NONE = new int[0];

    private final Map<String, int[]> positions;

    private SegmentIndex(Map<String, int[]> positions) {
        this.positions = positions;
    }

    static SegmentIndex of(JourneySnapshot snapshot) {
        Map<String, int[]> counts = new HashMap<>();
        for (Journey journey : snapshot.journeys()) {
            counts.computeIfAbsent(journey.segment(), unused -> new int[1])[0]++;
        }
        Map<String, int[]> positions = new HashMap<>(counts.size() * 2);
        Map<String, int[]> filled = new HashMap<>(counts.size() * 2);
        counts.forEach((segment, count) -> {
            positions.put(segment, new int[count[0]]);
            filled.put(segment, new int[1]);
        });
        int position = 0;
        for (Journey journey : snapshot.journeys()) {
            int[] next = filled.get(journey.segment());
            positions.get(journey.segment())[next[0]++] = position++;
        }
        return new SegmentIndex(positions);
    }

    /** Ascending positions of the records of {@code segment}; empty for a segment no record has. */
    int[] positions(String segment) {
        return positions.getOrDefault(segment, NONE);
    }
}
