package com.journeyexplorer.api;

/** An unknown journey, touchpoint or other named resource: 404. */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String name;

    public NotFoundException(String kind, String name) {
        super("No " + kind + " named '" + name + "'");
        this.kind = kind;
        this.name = name;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
