package com.journeyexplorer.api;

import java.util.List;

/** A query parameter out of range or malformed: 400 naming the parameter and what is allowed. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super("Parameter '" + parameter + "' " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    /**
     * A parameter that takes one value, given several times: refused rather than read as the first value (the
     * analyses) or as the values joined with a comma (Spring's binding of the uploads).
     */
    static InvalidParameterException givenTwice(String parameter, List<String> values) {
        return new InvalidParameterException(parameter, "takes one value, was given " + values.size() + " ('"
                + JourneyQuery.abbreviate(values.get(0)) + "', '" + JourneyQuery.abbreviate(values.get(1)) + "'"
                + (values.size() > 2 ? ", ..." : "") + ")");
    }

    /** The same problem reported under another name, e.g. {@code a.segment} for a nested filter. */
    public InvalidParameterException renamed(String newName) {
        return new InvalidParameterException(newName, reason);
    }

    public String parameter() {
        return parameter;
    }
}
