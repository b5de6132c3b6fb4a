package com.journeyexplorer.ingest;

/**
 * An import option with a value that cannot be used, such as a two-character delimiter: the HTTP API answers it as a
 * 400 naming the query parameter, the command-line import as a usage error naming the option.
 */
public class InvalidImportOptionException extends RuntimeException {

    private final String option;
    private final String reason;
    private final String column;

    public InvalidImportOptionException(String option, String reason) {
        this(option, reason, null);
    }

    /** As {@link #InvalidImportOptionException(String, String)}, for the one column of a list option at fault. */
    public InvalidImportOptionException(String option, String reason, String column) {
        super("'" + option + "' " + reason);
        this.option = option;
        this.reason = reason;
        this.column = column;
    }

    /** The option's name, the same as the query parameter's: {@code delimiter}, {@code onError}, ... */
    public String option() {
        return option;
    }

    /** What is wrong and what is allowed, e.g. {@code must be reject or skip, was 'maybe'}. */
    public String reason() {
        return reason;
    }

    /**
     * The column at fault of an option that names several ({@code orderColumn=batch_ordering_id,timestamp}), or null:
     * the problem's {@code column}, so that a form can say it beside that column's field.
     */
    public String column() {
        return column;
    }
}
