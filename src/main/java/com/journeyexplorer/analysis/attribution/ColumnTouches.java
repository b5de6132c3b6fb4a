package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.FrustrationEvents;
import com.journeyexplorer.analysis.StepEdges;

/**
 * The touches of records with frustration events, read from the snapshot's shared step column ({@link StepEdges}) into
 * buffers reused from record to record: a record's path less the steps its frustration events are at
 * ({@link FrustrationEvents.Records}), as {@link Touches} leaves them out of the record's own arrays, without an
 * allocation per record. A path whose steps are all frustration signals keeps its first step.
 */
final class ColumnTouches {

    private int[] steps = new int[16];
    private int[] indexes = new int[16];

    /**
     * Reads the touches among the first {@code length} steps of the record at {@code position} of {@code edges}
     * (length at least 1), {@code frustrated} having just been asked about that record ({@link
     * FrustrationEvents.Records#has}); returns how many there are: {@link #steps()} and {@link #indexes()} hold them
     * from 0. O(length).
     */
    int read(StepEdges edges, int position, int length, FrustrationEvents.Records frustrated) {
        if (steps.length < length) {
            steps = new int[Math.max(length, 2 * steps.length)];
            indexes = new int[steps.length];
        }
        int events = frustrated.count();
        int event = 0;
        int skip = events > 0 ? frustrated.step(0) : -1;
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (i == skip) {
                event++;
                skip = event < events ? frustrated.step(event) : -1;
                continue;
            }
            steps[count] = edges.step(position, i);
            indexes[count++] = i;
        }
        if (count == 0) {
            steps[0] = edges.first(position);
            indexes[0] = 0;
            count = 1;
        }
        return count;
    }

    /** The touchpoint ids of the touches last read. */
    int[] steps() {
        return steps;
    }

    /** The step indexes of the touches last read, ascending. */
    int[] indexes() {
        return indexes;
    }
}
