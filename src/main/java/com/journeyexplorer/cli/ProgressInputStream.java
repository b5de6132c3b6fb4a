package com.journeyexplorer.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Counts the bytes read from a file and draws a progress bar at most four times a second; for a pipe, whose size is
 * unknown, the megabytes read.
 */
final class ProgressInputStream extends FilterInputStream {

    static final long UNKNOWN_SIZE = -1;

    private static final long INTERVAL_NANOS = 250_000_000L;
    private static long lastDraw;

    private final long total;
    private final PrintStream err;
    private long read;

    ProgressInputStream(InputStream input, long total, PrintStream err) {
        super(input);
        this.total = total;
        this.err = err;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        read += n;
        if (read == total || System.nanoTime() - lastDraw > INTERVAL_NANOS) {
            if (total == UNKNOWN_SIZE) {
                count(err, "reading", read / (1 << 20), "MB");
            } else {
                // The share of the bytes, not of whole megabytes, which a file under 1 MB would end at 0 of (and a
                // file under 1 KB at 0 of 0 KB).
                int shift = total < 1 << 10 ? 0 : total < 1 << 20 ? 10 : 20;
                bar(err, "reading", read, total, read >> shift, total >> shift,
                        shift == 0 ? "bytes" : shift == 10 ? "KB" : "MB");
            }
        }
    }

    private static synchronized void count(PrintStream err, String phase, long done, String unit) {
        lastDraw = System.nanoTime();
        err.printf(Locale.ROOT, "\r%-8s %,d %s   ", phase, done, unit);
        err.flush();
    }

    static void bar(PrintStream err, String phase, long done, long total, String unit) {
        bar(err, phase, done, total, done, total, unit);
    }

    /** A bar filled to {@code done} of {@code total}, which it names as {@code shown} of {@code shownTotal}. */
    static synchronized void bar(PrintStream err, String phase, long done, long total, long shown,
            long shownTotal, String unit) {
        lastDraw = System.nanoTime();
        int width = 30;
        int filled = (int) Math.min(width, width * done / Math.max(1, total));
        err.printf(Locale.ROOT, "\r%-8s [%s%s] %3d%%  %,d / %,d %s   ", phase, "#".repeat(filled),
                "-".repeat(width - filled), 100 * done / Math.max(1, total), shown, shownTotal, unit);
        err.flush();
    }
}
