package com.journeyexplorer.ingest;

/**
 * An import option with a value that cannot be used, such as a two-character delimiter: the HTTP API answers it as a
 * 400 naming the query parameter, the command-line import as a usage error naming the option.
 */
public class InvalidImportOptionException extends RuntimeException {

    private final String option;
    private final String reason;

    public InvalidImportOptionException(String option, String reason) {
        super("'" + option + "' " + reason);
        this.option = option;
        this.reason = reason;
    }

    /** The option's name, the same as the query parameter's: {@code delimiter}, {@code onError}, ... */
    public String option() {
        return option;
    }

    /** What is wrong and what is allowed, e.g. {@code must be reject or skip, was 'maybe'}. */
    public String reason() {
        return reason;
    }
}
