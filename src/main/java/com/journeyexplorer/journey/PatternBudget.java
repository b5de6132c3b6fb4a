package com.journeyexplorer.journey;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The regular-expression work one request, import or command-line run may do, shared by every {@link NamePattern} it
 * compiles: {@value #SLACK} reads of names, plus {@value #READS_PER_CHARACTER} for each character of each name matched
 * (a name matched by three rules counts three times). {@link NamePattern#MAX_READS} bounds one match; this bounds
 * their sum, so that a rule just under that bound on each of thousands of distinct names (or on every row of an
 * import) is stopped after a few of them instead of running for minutes. The allowance grows with the names matched,
 * so it is linear in the input and never a fixed cap that a large honest import would reach.
 *
 * <p>The constants: an ordinary rule reads each character a few times; the costliest ordinary one, an unanchored
 * {@code .*x} (or {@code (.*)-(.*)}) replaced in a name without {@code x}, tries {@code .*} from every start and makes
 * about 1.5 n² reads for a name of n characters, 750 a character for the longest name (500 characters). Twice that is
 * allowed for every character; the slack lets one match use its whole bound, as before. A request's matches thus stop
 * within about 0.1 s and 40 µs a character of the names matched. Thread-safe: its matches may run on any thread
 * (matches running at once may each spend what is left).
 */
public final class PatternBudget {

    /** Reads any request may make whatever it matches: one match's whole bound. */
    public static final long SLACK = NamePattern.MAX_READS;
    /** Reads a request may make more for each character of each name it matches. */
    public static final long READS_PER_CHARACTER = 2_000;

    /**
     * The allowance not yet read: {@link #SLACK} plus the share of the characters of the names whose match has ended,
     * less the reads those matches made.
     */
    private final AtomicLong left = new AtomicLong(SLACK);

    /**
     * How many reads a match of a name of {@code characters} characters may make: the lesser of
     * {@link NamePattern#MAX_READS} and what the request has left with the name's share (perhaps nothing). A plain
     * read of the count; the match's one write is {@link #close}.
     */
    long open(int characters) {
        return Math.min(NamePattern.MAX_READS, left.get() + READS_PER_CHARACTER * characters);
    }

    /** Ends a match of a name of {@code characters} characters that made {@code reads} reads. */
    void close(int characters, long reads) {
        left.addAndGet(READS_PER_CHARACTER * characters - reads);
    }
}
