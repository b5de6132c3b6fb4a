package com.journeyexplorer.ingest;

/**
 * Numbers of an upload as people and exports write them: digits with an optional sign, decimal point and exponent
 * ({@code 4}, {@code -0.25}, {@code .5}, {@code 1e3}). {@link Double#parseDouble} alone would also take {@code NaN},
 * {@code Infinity}, hexadecimal and Java's type suffixes ({@code 3d}), none of which a data file means as a number.
 */
final class PlainNumbers {

    private PlainNumbers() {
    }

    /**
     * The number in cell {@code raw} of {@code field} on {@code line}, written with a decimal point, or with a decimal
     * comma ({@code decimalComma}: {@code 12,50}, {@code 1.234,50}). A cell that is no such number is collected as an
     * error (with a hint at {@code decimal=comma} where the cell reads so) and NaN is returned.
     */
    static double read(String raw, boolean decimalComma, long line, String field, ErrorCollector errors) {
        String text = decimalComma ? DecimalComma.toPoint(raw) : raw;
        if (text == null) {
            errors.add(line, field, "'" + TimestampParser.abbreviate(raw) + "' is not a number with a decimal comma "
                    + "(decimal=comma: 12,50 or 1.234,50)");
            return Double.NaN;
        }
        try {
            return parse(text);
        } catch (NumberFormatException e) {
            if (!decimalComma && raw.indexOf(',') >= 0 && DecimalComma.reads(raw)) {
                errors.add(line, field, "'" + TimestampParser.abbreviate(raw) + "' is not a number: for values "
                        + "written with a decimal comma, import with decimal=comma");
            } else if (isPlain(text)) {
                errors.add(line, field, "'" + TimestampParser.abbreviate(raw) + "' is too large a number");
            } else {
                errors.add(line, field, "'" + TimestampParser.abbreviate(raw) + "' is not a number");
            }
            return Double.NaN;
        }
    }

    /**
     * The value of {@code text}, written with a decimal point.
     *
     * @throws NumberFormatException when it is not a plain number, or too large to be finite
     */
    static double parse(String text) {
        if (text == null || !isPlain(text)) {
            throw new NumberFormatException("not a plain number: " + text);
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("not finite: " + text);
        }
        return value;
    }

    /**
     * Whether {@code text} is {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?}, by one scan: every event
     * value of an upload passes here, so no regular expression.
     */
    static boolean isPlain(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
