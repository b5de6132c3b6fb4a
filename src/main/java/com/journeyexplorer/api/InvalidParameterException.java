package com.journeyexplorer.api;

/** A query parameter out of range or malformed: 400 naming the parameter and what is allowed. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super("Parameter '" + parameter + "' " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The same problem reported under another name, e.g. {@code a.segment} for a nested filter. */
    public InvalidParameterException renamed(String newName) {
        return new InvalidParameterException(newName, reason);
    }

    public String parameter() {
        return parameter;
    }
}
