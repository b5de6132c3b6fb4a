package com.journeyexplorer.journey;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event attributes of one journey: the extra columns whose value varies from event to event within it (a
 * resource, a product, a lifecycle state), kept per step. A column whose value is the same on every event of the
 * journey that has one is a journey attribute instead ({@link Journey#attributes()}). Each column is coded against a
 * dictionary of its distinct values in this journey: a byte per step while fewer than 256 values, a char below 65,536,
 * an int beyond; code 0 means the event has no value. So a column costs 1 byte per event in the usual case, plus one
 * reference per distinct value; a journey without varying columns shares {@link #NONE}.
 *
 * <p>Immutable; arrays are never handed out.
 */
public final class EventAttributes {

    public static final EventAttributes NONE = new EventAttributes(new String[0], new String[0][], new Object[0], 0);

    private final String[] columns;
    private final String[][] dictionaries;
    private final Object[] codes;
    private final int length;

    private EventAttributes(String[] columns, String[][] dictionaries, Object[] codes, int length) {
        this.columns = columns;
        this.dictionaries = dictionaries;
        this.codes = codes;
        this.length = length;
    }

    /**
     * Codes per-event values: for each column, an array of {@code length} values by step, null where an event has
     * none. Columns are kept in name order. O(events · columns).
     */
    public static EventAttributes of(Map<String, String[]> valuesByColumn, int length) {
        if (valuesByColumn.isEmpty()) {
            return NONE;
        }
        Map<String, String[]> sorted = new TreeMap<>(valuesByColumn);
        String[] columns = sorted.keySet().toArray(String[]::new);
        String[][] dictionaries = new String[columns.length][];
        Object[] codes = new Object[columns.length];
        int column = 0;
        for (String[] values : sorted.values()) {
            if (values.length != length) {
                throw new IllegalArgumentException("column " + columns[column] + " has " + values.length
                        + " values for " + length + " events");
            }
            Map<String, Integer> dictionary = new java.util.LinkedHashMap<>();
            int[] coded = new int[length];
            for (int step = 0; step < length; step++) {
                if (values[step] != null) {
                    Integer next = dictionary.size() + 1;
                    Integer code = dictionary.putIfAbsent(values[step], next);
                    coded[step] = code == null ? next : code;
                }
            }
            dictionaries[column] = dictionary.keySet().toArray(String[]::new);
            codes[column] = narrow(coded, dictionary.size());
            column++;
        }
        return new EventAttributes(columns, dictionaries, codes, length);
    }

    private static Object narrow(int[] coded, int distinct) {
        if (distinct < 256) {
            byte[] small = new byte[coded.length];
            for (int i = 0; i < coded.length; i++) {
                small[i] = (byte) coded[i];
            }
            return small;
        }
        if (distinct < 65_536) {
            char[] medium = new char[coded.length];
            for (int i = 0; i < coded.length; i++) {
                medium[i] = (char) coded[i];
            }
            return medium;
        }
        return coded;
    }

    public boolean isEmpty() {
        return columns.length == 0;
    }

    /** The event-attribute columns, in name order. */
    public List<String> columns() {
        return List.of(columns);
    }

    /** The value of {@code column} at {@code step}, or null when the event has none or the column is not kept here. */
    public String value(String column, int step) {
        int index = Arrays.binarySearch(columns, column);
        if (index < 0) {
            return null;
        }
        int code = code(index, step);
        return code == 0 ? null : dictionaries[index][code - 1];
    }

    /** The values of {@code column} by step (null where absent), or null when the column is not kept here. */
    public String[] values(String column) {
        int index = Arrays.binarySearch(columns, column);
        if (index < 0) {
            return null;
        }
        String[] values = new String[length];
        for (int step = 0; step < length; step++) {
            int code = code(index, step);
            values[step] = code == 0 ? null : dictionaries[index][code - 1];
        }
        return values;
    }

    /** Whether some event has {@code value} in {@code column}; O(distinct values of the column). */
    public boolean anyEquals(String column, String value) {
        int index = Arrays.binarySearch(columns, column);
        if (index < 0) {
            return false;
        }
        for (String known : dictionaries[index]) {
            if (known.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private int code(int column, int step) {
        Object coded = codes[column];
        if (coded instanceof byte[] small) {
            return small[step] & 0xFF;
        }
        if (coded instanceof char[] medium) {
            return medium[step];
        }
        return ((int[]) coded)[step];
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof EventAttributes that) || length != that.length
                || !Arrays.equals(columns, that.columns)) {
            return false;
        }
        for (int column = 0; column < columns.length; column++) {
            for (int step = 0; step < length; step++) {
                int a = code(column, step);
                int b = that.code(column, step);
                if ((a == 0) != (b == 0) || a != 0 && !dictionaries[column][a - 1].equals(
                        that.dictionaries[column][b - 1])) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(columns) * 31 + length;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("EventAttributes{");
        for (int column = 0; column < columns.length; column++) {
            text.append(column == 0 ? "" : ", ").append(columns[column]).append('=')
                    .append(Arrays.toString(values(columns[column])));
        }
        return text.append('}').toString();
    }
}
