package com.journeyexplorer.api;

/**
 * A question the stored data cannot answer, because it lacks what the question is about (no stage or channel on any
 * touchpoint, no purchase): 422 naming the parameter, what is missing and what to import to get it, instead of an
 * answer about something else.
 */
public class MissingDataException extends RuntimeException {

    private final String parameter;
    private final String missing;

    public MissingDataException(String parameter, String missing, String detail) {
        super(detail);
        this.parameter = parameter;
        this.missing = missing;
    }

    public String parameter() {
        return parameter;
    }

    /** What the data lacks: {@code stage}, {@code channel}, {@code purchase}. */
    public String missing() {
        return missing;
    }
}
