package com.journeyexplorer.ingest;

import com.journeyexplorer.graph.JourneyGraph;

/**
 * What a long import tells while it runs: the rows read, the journeys planned, then the journeys written (as
 * {@link JourneyGraph.WriteProgress}). Each call is made on the importing thread; a callback that throws stops the
 * import there: while reading nothing has been written, and while writing the write is rolled back
 * ({@link JourneyGraph}), so a thrown exception is how an import is cancelled. The calls must be cheap:
 * {@link #rowsRead} comes once a row.
 */
public interface ImportProgress extends JourneyGraph.WriteProgress {

    /** {@code rows} data rows read so far. */
    void rowsRead(long rows);

    /** The upload is read and planned: {@code journeys} journeys are to be written next. */
    void planned(long journeys);

    /** Reports only the writing, to {@code progress}. */
    static ImportProgress writing(JourneyGraph.WriteProgress progress) {
        return new ImportProgress() {
            @Override
            public void rowsRead(long rows) {
            }

            @Override
            public void planned(long journeys) {
            }

            @Override
            public void written(long journeys, long total) {
                progress.written(journeys, total);
            }

            @Override
            public void waitingFor(String holder) {
                progress.waitingFor(holder);
            }
        };
    }
}
