package com.journeyexplorer.api;

import java.util.List;

/**
 * An unknown journey, touchpoint or other named resource: 404. A name given in a query parameter also names the
 * parameter and lists a few of the names the data has, so that a typo is put right without another request.
 */
public class NotFoundException extends RuntimeException {

    /** The most known names listed with an unknown one. */
    static final int KNOWN_LISTED = 10;

    private final String kind;
    private final String name;
    private final String parameter;
    private final List<String> known;

    public NotFoundException(String kind, String name) {
        this(kind, name, null, List.of());
    }

    /**
     * @param parameter the query parameter that gave {@code name}, null for a path segment
     * @param known     the names of this kind the data has, in the order to list them
     */
    public NotFoundException(String kind, String name, String parameter, List<String> known) {
        super(message(kind, name, parameter, known));
        this.kind = kind;
        this.name = name;
        this.parameter = parameter;
        this.known = List.copyOf(known);
    }

    private static String message(String kind, String name, String parameter, List<String> known) {
        StringBuilder message = new StringBuilder("No " + kind + " named '" + name + "'");
        if (parameter != null) {
            message.append(" (parameter '").append(parameter).append("')");
        }
        if (!known.isEmpty()) {
            message.append("; known: ").append(String.join(", ", listed(known)));
            if (known.size() > KNOWN_LISTED) {
                message.append(" and ").append(known.size() - KNOWN_LISTED).append(" more");
            }
        }
        return message.toString();
    }

    private static List<String> listed(List<String> known) {
        return known.size() > KNOWN_LISTED ? known.subList(0, KNOWN_LISTED) : known;
    }

    /** The same problem reported under another parameter, e.g. {@code a.startsWith} for a nested filter. */
    public NotFoundException renamed(String newParameter) {
        return new NotFoundException(kind, name, newParameter, known);
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The query parameter that gave the name; null when it came from the path. */
    public String parameter() {
        return parameter;
    }

    /** Up to {@value #KNOWN_LISTED} of the names the data has. */
    public List<String> known() {
        return List.copyOf(listed(known));
    }
}
