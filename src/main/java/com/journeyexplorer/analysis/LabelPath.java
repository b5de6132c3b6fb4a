package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;

import java.util.Arrays;
import java.util.List;

/**
 * A reusable buffer for one journey's shaped path as label ids ({@link PathShaper#shape(Journey, boolean, LabelPath)}):
 * {@code labels[0, length)}, and for each label the raw step where it starts; raw steps {@code [0, end)} were read, so
 * label {@code i} spans raw steps {@code starts[i]} to {@code starts[i + 1] - 1} (the last one to {@code end - 1}).
 * Mutable and overwritten by each shaping: analyses keep one per call and copy what they keep.
 */
final class LabelPath {

    int[] labels = new int[16];
    int[] starts = new int[16];
    int length;
    int end;
    private Journey journey;
    /** When the path was shaped from the step column: the column and the record's position, for its gaps. */
    private StepEdges column;
    private int position;
    private List<Journey> records;

    void reset(Journey next, int capacity) {
        journey = next;
        column = null;
        if (labels.length < capacity) {
            int size = Math.max(capacity, labels.length * 2);
            labels = Arrays.copyOf(labels, size);
            starts = Arrays.copyOf(starts, size);
        }
    }

    /**
     * Takes the gaps of the timed record at {@code recordPosition} of {@code recordList}, whose steps were shaped into
     * this path from {@code edges}: from the column, without reading the record (but for a gap of over 24 days).
     */
    void timesOf(StepEdges edges, int recordPosition, List<Journey> recordList) {
        column = edges;
        position = recordPosition;
        records = recordList;
    }

    /**
     * Appends {@code label}, read at raw step {@code step}, unless it repeats the last one and repeats collapse;
     * false when the path already holds {@code limit} labels: the shaping stops there. The capacity was reset for it.
     */
    boolean offer(int label, int step, boolean collapseRepeats, int limit) {
        if (collapseRepeats && length > 0 && labels[length - 1] == label) {
            return true;
        }
        if (length == limit) {
            return false;
        }
        labels[length] = label;
        starts[length] = step;
        length++;
        return true;
    }

    /** From the last event of label {@code index} to the first event of the next label; the journey must be timed. */
    long gapMillis(int index) {
        if (column != null) {
            return column.gapMillis(column.start(position) + starts[index + 1] - 1, records, position);
        }
        return journey.gap(starts[index + 1]);
    }
}
