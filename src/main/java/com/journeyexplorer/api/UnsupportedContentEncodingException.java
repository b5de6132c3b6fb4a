package com.journeyexplorer.api;

/**
 * An upload's {@code Content-Encoding} is one the app cannot decode: a 415 problem with {@code Accept-Encoding}
 * naming the codings it can (RFC 9110, 15.5.16).
 */
class UnsupportedContentEncodingException extends RuntimeException {

    /** What the upload endpoints decode. */
    static final String ACCEPTED = "gzip, identity";

    UnsupportedContentEncodingException(String encoding) {
        super("Content-Encoding must be gzip or identity, was '" + encoding + "'");
    }
}
