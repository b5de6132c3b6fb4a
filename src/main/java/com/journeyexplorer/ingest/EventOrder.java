package com.journeyexplorer.ingest;

import java.math.BigDecimal;

/**
 * The order of a journey's events of the same time by the values of the {@code orderColumn} (GA4's
 * {@code batch_event_index}, Adobe's {@code visit_page_num}, Snowplow's {@code event_index}), or of several columns
 * ({@code batch_ordering_id,batch_event_index}): by the first column's values, events of equal values by the
 * second's, and so on ({@link #compare(String[][], int, int)}). Each column's values compare as numbers ({@code 2},
 * {@code 10}, {@code -1.5}, {@code 1e3}) in numeric order, exactly even beyond a double's 53 bits, then other values in
 * text order (by UTF-16 code units), then events without a value. One total order, so that a sort may rely on it:
 * comparing numbers as numbers and everything else as text would put {@code 10 < 1a < 2 < 10} in a circle.
 */
final class EventOrder {

    private EventOrder() {
    }

    /** Negative when the event of value {@code a} comes first; null or blank is no value. */
    static int compare(String a, String b) {
        boolean noA = a == null || a.isBlank();
        boolean noB = b == null || b.isBlank();
        if (noA || noB) {
            return Boolean.compare(noA, noB);
        }
        BigDecimal numberA = number(a);
        BigDecimal numberB = number(b);
        if (numberA != null && numberB != null) {
            return numberA.compareTo(numberB);
        }
        if (numberA != null || numberB != null) {
            return numberA != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /**
     * Negative when event {@code a} comes first by the values of the order columns: {@code columns[c][e]} is the value
     * of column {@code c} for event {@code e}. Lexicographic over the columns, each compared as
     * {@link #compare(String, String)}, so a total order too. O(columns) comparisons of values.
     */
    static int compare(String[][] columns, int a, int b) {
        for (String[] column : columns) {
            int order = compare(column[a], column[b]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * {@code value} as a number when it is one (an optional sign, digits with at most one point, an optional
     * exponent), else null. Called on ties only; a value that is text costs a scan of its characters, no exception.
     */
    static BigDecimal number(String value) {
        String text = value.strip();
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponentAt = ++i;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                exponentDigits++;
            }
            // An exponent beyond what BigDecimal takes (1e9999999999) is text.
            if (exponentDigits == 0 || exponentDigits > 9 || i - exponentAt > 10) {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null; // a scale beyond an int, as 0.1e-999999999
        }
    }
}
