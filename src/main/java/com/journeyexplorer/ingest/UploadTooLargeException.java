package com.journeyexplorer.ingest;

/** The upload is larger than {@code journeys.ingest.max-upload-size}; nothing was imported. Maps to 413. */
public class UploadTooLargeException extends RuntimeException {

    private final long limitBytes;

    public UploadTooLargeException(long limitBytes) {
        super("the upload is larger than the limit of " + limitBytes + " bytes (journeys.ingest.max-upload-size); "
                + "nothing was imported");
        this.limitBytes = limitBytes;
    }

    public UploadTooLargeException(long limitBytes, String message) {
        super(message);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
