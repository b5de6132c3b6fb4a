package com.journeyexplorer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Neo4j's batch importer prints while {@code import --bulk} writes the store (its estimates, a line of dots for
 * every twentieth of each of its stages, about eighty, and its figures at the end): kept whole in a log file, opened
 * at the first byte, and shown on standard error as one bar, filled by the stage the importer is in ("(2/4)
 * Relationship import ...") and the share of that stage done (the percentage ending each line of dots).
 */
final class BatchImporterOutput extends OutputStream {

    private static final Pattern STAGE = Pattern.compile("^\\((\\d+)/(\\d+)\\) ");
    private static final Pattern SHARE = Pattern.compile(" (\\d{1,3})% ");

    private final Path log;
    private final PrintStream err;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private OutputStream file;
    private boolean kept;
    private int stage;
    private int stages;

    /**
     * @param log the file the importer's output is kept in (replaced)
     * @param err where the bar is drawn
     */
    BatchImporterOutput(Path log, PrintStream err) {
        this.log = log;
        this.err = err;
    }

    /** The file the importer's output is kept in, or null when it printed nothing or the file cannot be written. */
    Path log() {
        return kept ? log : null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        file().write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                progress(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(bytes[i]);
            }
        }
    }

    /** Draws the bar for a line that starts a stage or ends with a stage's share done; other lines change nothing. */
    private void progress(String text) {
        Matcher starts = STAGE.matcher(text);
        if (starts.find()) {
            if (stage == 0) {
                // The reading bar stays on its line.
                err.println();
            }
            stage = Integer.parseInt(starts.group(1));
            stages = Math.max(stage, Integer.parseInt(starts.group(2)));
            ProgressInputStream.bar(err, "writing", (stage - 1) * 100L, stages * 100L, stage, stages, "stages");
            return;
        }
        Matcher share = SHARE.matcher(text);
        if (stage > 0 && share.find()) {
            int done = Math.min(100, Integer.parseInt(share.group(1)));
            ProgressInputStream.bar(err, "writing", (stage - 1) * 100L + done, stages * 100L, stage, stages,
                    "stages");
        }
    }

    /** The log file, opened (and its folder made) at the first byte; where it cannot be, the output is dropped. */
    private OutputStream file() {
        if (file == null) {
            try {
                Files.createDirectories(log.getParent());
                file = Files.newOutputStream(log);
                kept = true;
            } catch (IOException e) {
                err.println();
                err.println("warning: the batch importer's output cannot be kept in " + log + ": "
                        + ImportCommand.rootMessage(e));
                file = OutputStream.nullOutputStream();
            }
        }
        return file;
    }

    @Override
    public synchronized void flush() throws IOException {
        if (file != null) {
            file.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
