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
        int n = text.length();
        int wholeStart = skipSign(text, 0);
        int end = skipDigits(text, wholeStart);
        boolean digits = end > wholeStart;
        if (end < n && text.charAt(end) == '.') {
            int fractionEnd = skipDigits(text, end + 1);
            digits |= fractionEnd > end + 1;
            end = fractionEnd;
        }
        if (!digits) {
            return false;
        }
        if (end < n && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            int exponentStart = skipSign(text, end + 1);
            end = skipDigits(text, exponentStart);
            if (end == exponentStart) {
                return false;
            }
        }
        return end == n;
    }

    /** The index after an optional {@code +} or {@code -} at {@code at}. */
    private static int skipSign(String text, int at) {
        return at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-') ? at + 1 : at;
    }

    /** The index after the digits from {@code at} on. */
    private static int skipDigits(String text, int at) {
        int i = at;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
