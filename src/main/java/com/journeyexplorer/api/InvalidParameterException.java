package com.journeyexplorer.api;

/** A query parameter out of range or malformed: 400 naming the parameter and what is allowed. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String reason) {
        super("Parameter '" + parameter + "' " + reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
