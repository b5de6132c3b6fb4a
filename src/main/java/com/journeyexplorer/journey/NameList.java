package com.journeyexplorer.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How a parameter lists names (touchpoints, stages, labels), one rule for the import's outcome rules and the
 * analyses' filters, since a name may contain a comma ({@code Pay, now}):
 * <ol>
 * <li>a value that is a stored name as a whole is that one name, commas and all;</li>
 * <li>a parameter given several times has one name per value ({@code contains=Pay, now&contains=Cart});</li>
 * <li>a value given once is otherwise a comma list with CSV quoting: {@code "Pay, now",Cart} is two names, a quote
 * inside a quoted name is doubled.</li>
 * </ol>
 * Spaces around a name are dropped, and so are blank names; a name given twice stays twice (a funnel may ask for a
 * step twice).
 */
public final class NameList {

    private NameList() {
    }

    /**
     * The names {@code values} (the parameter's values as sent, null or empty for none) give.
     *
     * @param storedName whether a text is a stored name, for rule 1; asked only of values with a comma or a quote
     * @throws IllegalArgumentException for a quote that is not closed, with a message that says how to quote
     */
    public static List<String> parse(List<String> values, Predicate<String> storedName) {
        List<String> names = new ArrayList<>();
        if (values == null) {
            return names;
        }
        for (String value : values) {
            String whole = value.strip();
            if (whole.isEmpty()) {
                continue;
            }
            boolean list = values.size() == 1 && (whole.indexOf(',') >= 0 || whole.indexOf('"') >= 0);
            if (list && !storedName.test(whole)) {
                split(whole, names);
            } else {
                names.add(whole);
            }
        }
        return names;
    }

    /** Adds the names of one comma list with CSV quoting to {@code names}. */
    private static void split(String value, List<String> names) {
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    name.append(c);
                }
            } else if (c == '"' && name.toString().isBlank()) {
                quoted = true;
                name.setLength(0);
            } else if (c == ',') {
                add(names, name);
            } else {
                name.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("has a quote that is not closed: '" + value + "' (quote a name with "
                    + "a comma as \"Pay, now\", and a quote inside it as \"\")");
        }
        add(names, name);
    }

    private static void add(List<String> names, StringBuilder name) {
        String stripped = name.toString().strip();
        if (!stripped.isEmpty()) {
            names.add(stripped);
        }
        name.setLength(0);
    }
}
