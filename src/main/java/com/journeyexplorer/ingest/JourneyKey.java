package com.journeyexplorer.ingest;

import java.util.ArrayList;
import java.util.List;

import com.journeyexplorer.journey.NameList;

/**
 * The column or columns whose values name a row's journey ({@code journeyColumn}), and the journey id they give, one
 * rule for the events' and the answers' imports. One column gives its value, trimmed, as today. Several columns
 * ({@code journeyColumn=user_pseudo_id,ga_session_id}, GA4's session key) give their trimmed values joined with
 * {@code |}, each with {@code \} written {@code \\} and {@code |} written {@code \|}, so that two different tuples
 * never give the same id: {@code 1234.5678|1700000000}. A value given as a comma list with CSV quoting, or repeated,
 * names the columns in key order ({@link NameList}).
 */
final class JourneyKey {

    /** Between the values of a key of several columns. */
    static final char SEPARATOR = '|';
    private static final char ESCAPE = '\\';

    private final String written;
    private final String[] columns;

    private JourneyKey(String written, String[] columns) {
        this.written = written;
        this.columns = columns;
    }

    /** The key that the parameter's text names: one column, or a comma list with CSV quoting of several. */
    static JourneyKey of(String written) {
        List<String> columns = columns(written);
        return new JourneyKey(written, columns.toArray(String[]::new));
    }

    /**
     * The columns {@code written} names ({@link NameList}: a comma list with CSV quoting), in key order; a name
     * repeated counts once. A blank value names the canonical {@code journey_id}.
     */
    static List<String> columns(String written) {
        if (written == null || written.isBlank()) {
            return List.of(ColumnMapping.CANONICAL.journey());
        }
        List<String> names = ImportParameters.names("journeyColumn", List.of(written));
        return names.isEmpty() ? List.of(ColumnMapping.CANONICAL.journey()) : names;
    }

    /**
     * The text of a {@code journeyColumn} parameter given as {@code values} (each as sent; null when absent): a value
     * given once is as written, several are one column each, quoted as a CSV field where a name needs it.
     */
    static String text(String[] values) {
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length == 1) {
            return values[0];
        }
        List<String> fields = new ArrayList<>(values.length);
        for (String value : values) {
            String name = value.strip();
            fields.add(name.indexOf(',') >= 0 || name.indexOf('"') >= 0
                    ? '"' + name.replace("\"", "\"\"") + '"' : name);
        }
        return String.join(",", fields);
    }

    /** The columns in key order. */
    List<String> columns() {
        return List.of(columns);
    }

    /** Whether the key has several columns. */
    boolean isComposite() {
        return columns.length > 1;
    }

    /** The key as the parameter wrote it, for messages: the column, or the columns with commas. */
    String written() {
        return columns.length == 1 ? columns[0] : written;
    }

    /**
     * The journey id of {@code row}: the value of the column, or the values of the columns joined; null when a column
     * has no value (which one, {@link #missingPart}). One column costs one look-up, as before keys had several.
     */
    String id(InputRow row) {
        if (columns.length == 1) {
            return trimmed(row.get(columns[0]));
        }
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            String value = trimmed(row.get(columns[i]));
            if (value == null) {
                return null;
            }
            if (i > 0) {
                id.append(SEPARATOR);
            }
            appendEscaped(id, value);
        }
        return id.toString();
    }

    /**
     * Of a key of several columns, the first column without a value in {@code row} while another has one (a row
     * error: the journey cannot be named); null when every column has a value or none has (then the row is split by
     * customer, as a row without a journey id).
     */
    String missingPart(InputRow row) {
        if (columns.length == 1) {
            return null;
        }
        String missing = null;
        boolean anyGiven = false;
        for (String column : columns) {
            if (trimmed(row.get(column)) == null) {
                missing = missing == null ? column : missing;
            } else {
                anyGiven = true;
            }
        }
        return anyGiven ? missing : null;
    }

    /** The reason of the row error of a {@link #missingPart}: what the row has, and why each column is needed. */
    String missingMessage(InputRow row) {
        List<String> given = given(row);
        return "is missing, while " + String.join(" and ", given) + (given.size() == 1 ? " has a value" : " have values")
                + ": journeyColumn=" + written + " names each journey by the values of all " + columns.length
                + " columns";
    }

    /** The columns of the key that {@code row} has values in. */
    List<String> given(InputRow row) {
        List<String> given = new ArrayList<>();
        for (String column : columns) {
            if (trimmed(row.get(column)) != null) {
                given.add(column);
            }
        }
        return given;
    }

    private static void appendEscaped(StringBuilder id, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEPARATOR || c == ESCAPE) {
                id.append(ESCAPE);
            }
            id.append(c);
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
