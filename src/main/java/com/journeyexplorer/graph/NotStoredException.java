package com.journeyexplorer.graph;

/** A journal entry, customer or touchpoint that the store does not hold: 404. */
public class NotStoredException extends RuntimeException {

    private final String kind;
    private final String name;

    public NotStoredException(String kind, String name) {
        super("No " + kind + " '" + name + "' is stored");
        this.kind = kind;
        this.name = name;
    }

    /** What was looked for: {@code import}, {@code customer}, {@code touchpoint}. */
    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
