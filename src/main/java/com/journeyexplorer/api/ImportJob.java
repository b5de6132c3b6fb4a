package com.journeyexplorer.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import com.journeyexplorer.ingest.ImportProgress;
import com.journeyexplorer.ingest.ImportReport;

/**
 * One import run in the background ({@link ImportJobs}): an upload already kept in a file, what to do with it, and how
 * far it got. The job thread updates the counters; requests read them at any time ({@link #status()}), so they are
 * volatile and each read is a consistent-enough view, not a snapshot of all fields at once. As the
 * {@link ImportProgress} of its import, the job counts rows and written journeys, and stops the import by throwing
 * {@link Cancelled} at the next row or batch once {@link #cancel()} was asked: nothing read is written, and what a
 * write had stored is rolled back by the journal.
 */
final class ImportJob implements ImportProgress {

    /**
     * The states of a job; {@link #DONE}, {@link #FAILED} and {@link #CANCELLED} are final. {@link #WAITING}: started,
     * it waits for the imports lease that another instance holds, or for another write of this instance, before it
     * reads on.
     */
    enum State {
        QUEUED, WAITING, READING, WRITING, DONE, FAILED, CANCELLED;

        /** The name in JSON: {@code queued}, {@code reading}, ... */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** The import a job runs on the kept upload: reads {@code upload}, tells {@code progress}, returns the report. */
    @FunctionalInterface
    interface Work {
        ImportReport run(InputStream upload, ImportProgress progress) throws IOException;
    }

    /** Thrown from a progress callback to stop a cancelled import. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the import job was cancelled", null, false, false);
        }
    }

    private final String id;
    private final Path upload;
    private final long bytesTotal;
    private final Work work;
    private final Instant submittedAt = Instant.now();

    private volatile State state = State.QUEUED;
    private volatile boolean cancelRequested;
    /** The instance whose write (its imports lease) the job waits for, while {@link State#WAITING}. */
    private volatile String waitingFor;
    private volatile long bytesRead;
    private volatile long rowsRead;
    private volatile long journeysWritten;
    private volatile long journeysTotal;
    private volatile long startedNanos;
    private volatile long readNanos;
    private volatile long writingStartedNanos;
    private volatile long writeNanos;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile ImportReport report;
    private volatile Map<String, Object> problem;

    ImportJob(String id, Path upload, Work work) throws IOException {
        this.id = id;
        this.upload = upload;
        this.bytesTotal = Files.size(upload);
        this.work = work;
    }

    String id() {
        return id;
    }

    State state() {
        return state;
    }

    ImportReport report() {
        return report;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    /**
     * Runs the import unless the job was cancelled while queued, and deletes the kept upload when it ends.
     * {@code problems} turns a failure into the problem the synchronous import would have answered.
     */
    void run(java.util.function.Function<RuntimeException, Map<String, Object>> problems) {
        if (!start()) {
            return;
        }
        try (InputStream input = new CountingInputStream(Files.newInputStream(upload))) {
            ImportReport done = work.run(input, this);
            finish(State.DONE, done, null);
        } catch (IOException e) {
            finishFailed(new UncheckedIOException("the kept upload could not be read", e), problems);
        } catch (RuntimeException e) {
            finishFailed(e, problems);
        } finally {
            deleteUpload();
        }
    }

    private synchronized boolean start() {
        if (state != State.QUEUED) {
            return false;
        }
        startedNanos = System.nanoTime();
        startedAt = Instant.now();
        state = State.READING;
        return true;
    }

    private void finishFailed(RuntimeException e, java.util.function.Function<RuntimeException, Map<String, Object>> problems) {
        // A cancellation thrown while writing reaches here wrapped by the graph's rollback.
        if (cancelRequested) {
            finish(State.CANCELLED, null, null);
        } else {
            finish(State.FAILED, null, problems.apply(e));
        }
    }

    private synchronized void finish(State end, ImportReport result, Map<String, Object> failure) {
        long now = System.nanoTime();
        if (state == State.READING) {
            readNanos = now - startedNanos;
        } else if (state == State.WRITING) {
            writeNanos = now - writingStartedNanos;
        }
        report = result;
        problem = failure;
        finishedAt = Instant.now();
        state = end;
        notifyAll();
    }

    /**
     * Asks the job to stop. A queued job is cancelled at once (its upload deleted); one waiting for the imports lease
     * (held by another instance, or by another write of this one) at its next look at it; a running one stops at its
     * next row or batch of journeys, unless it is past its last batch (then it ends {@code done}).
     *
     * @return whether the job had not finished yet
     */
    synchronized boolean cancel() {
        if (state.finished()) {
            return false;
        }
        cancelRequested = true;
        if (state == State.QUEUED) {
            finish(State.CANCELLED, null, null);
            deleteUpload();
        }
        return true;
    }

    /** Waits at most {@code millis} for the job to finish; its state then. */
    synchronized State awaitFinished(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!state.finished()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return state;
    }

    private void deleteUpload() {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ImportJob.class).warn("Could not delete the kept upload {}", upload, e);
        }
    }

    /**
     * Waiting for the imports lease (before the upload is read and planned), which {@code holder} holds (another
     * instance, or this one for another of its writes), or, with null, no longer: the reading rate is then measured
     * from the end of the wait.
     */
    @Override
    public synchronized void waitingFor(String holder) {
        if (cancelRequested && holder != null) {
            throw new Cancelled();
        }
        if (state != State.READING && state != State.WAITING) {
            return;
        }
        waitingFor = holder;
        if (holder != null) {
            state = State.WAITING;
        } else {
            startedNanos = System.nanoTime();
            state = State.READING;
        }
    }

    @Override
    public void rowsRead(long rows) {
        rowsRead = rows;
        if (cancelRequested) {
            throw new Cancelled();
        }
    }

    @Override
    public synchronized void planned(long journeys) {
        if (cancelRequested) {
            throw new Cancelled();
        }
        long now = System.nanoTime();
        readNanos = now - startedNanos;
        writingStartedNanos = now;
        journeysTotal = journeys;
        state = State.WRITING;
    }

    @Override
    public void written(long journeys, long total) {
        journeysWritten = journeys;
        journeysTotal = total;
        if (cancelRequested) {
            throw new Cancelled();
        }
    }

    /**
     * What the job looks like now. {@code eventsPerSecond}: rows read per second of reading (so far, or over the
     * whole read once it is done). {@code secondsLeft}: the estimate for the current phase (reading: the bytes left
     * at the reading rate so far; writing: the journeys left at the writing rate so far), absent while there is no
     * rate yet; 0 once finished.
     */
    ImportJobStatus status() {
        State now = state;
        long nanos = System.nanoTime();
        long reading = now == State.READING ? nanos - startedNanos : readNanos;
        Long eventsPerSecond = reading > 0 ? Math.round(rowsRead * 1e9 / reading) : null;
        Long secondsLeft = null;
        if (now.finished()) {
            secondsLeft = 0L;
        } else if (now == State.READING && bytesRead > 0 && reading > 0) {
            secondsLeft = Math.round((bytesTotal - bytesRead) * (reading / 1e9) / bytesRead);
        } else if (now == State.WRITING && journeysWritten > 0) {
            double writing = (nanos - writingStartedNanos) / 1e9;
            secondsLeft = Math.round((journeysTotal - journeysWritten) * writing / journeysWritten);
        }
        return new ImportJobStatus(id, now.label(), now == State.WAITING ? waitingFor : null, bytesRead, bytesTotal,
                rowsRead, journeysWritten, journeysTotal, eventsPerSecond, secondsLeft, submittedAt, startedAt,
                finishedAt, cancelRequested && !now.finished(), null, report, problem, null);
    }

    /** Counts the bytes of the kept upload as the import reads them. */
    private final class CountingInputStream extends FilterInputStream {

        CountingInputStream(InputStream input) {
            super(input);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            bytesRead += skipped;
            return skipped;
        }
    }
}
