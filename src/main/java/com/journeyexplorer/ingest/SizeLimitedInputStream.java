package com.journeyexplorer.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link UploadTooLargeException} as soon as more than {@code limit} bytes have been read. */
public final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String message;
    private long read;

    public SizeLimitedInputStream(InputStream input, long limit) {
        this(input, limit, null);
    }

    /** A stream that fails with {@code message} (null: the message of an upload over the limit). */
    public SizeLimitedInputStream(InputStream input, long limit, String message) {
        super(input);
        this.limit = limit;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw message == null ? new UploadTooLargeException(limit) : new UploadTooLargeException(limit, message);
        }
    }
}
