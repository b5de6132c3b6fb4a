package com.journeyexplorer.api;

/**
 * An upload's {@code Content-Encoding} is one the app cannot decode: a 415 problem with {@code Accept-Encoding}
 * naming the codings it can (RFC 9110, 15.5.16).
 */
class UnsupportedContentEncodingException extends RuntimeException {

    /** What the upload endpoints decode. */
    static final String ACCEPTED = "gzip, identity";
    /** What the other endpoints with a body read: the body as sent. */
    static final String IDENTITY = "identity";

    private final String accepted;

    UnsupportedContentEncodingException(String encoding) {
        super("Content-Encoding must be gzip or identity, was '" + encoding + "'");
        this.accepted = ACCEPTED;
    }

    private UnsupportedContentEncodingException(String message, String accepted) {
        super(message);
        this.accepted = accepted;
    }

    /** A coding sent to an endpoint that reads its body uncompressed only. */
    static UnsupportedContentEncodingException identityOnly(String encoding) {
        return new UnsupportedContentEncodingException("this endpoint reads its body uncompressed: Content-Encoding "
                + "must be identity or left out, was '" + encoding + "'", IDENTITY);
    }

    /** The codings to name in {@code Accept-Encoding}. */
    String accepted() {
        return accepted;
    }
}
