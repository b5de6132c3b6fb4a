package com.journeyexplorer.ingest;

/** Numbers written with a decimal comma ({@code decimal=comma}): {@code 12,50}, {@code 1.234,50}. */
final class DecimalComma {

    private DecimalComma() {
    }

    /**
     * {@code 1.234,50} as {@code 1234.50}: one decimal comma at most, and dots only as thousands separators (groups of
     * three digits); null when the text is not written so. The rest is left to {@link Double#parseDouble}.
     */
    static String toPoint(String raw) {
        int comma = raw.indexOf(',');
        if (comma >= 0 && raw.indexOf(',', comma + 1) >= 0) {
            return null;
        }
        int wholeEnd = comma < 0 ? raw.length() : comma;
        int dot = raw.indexOf('.');
        if (dot < 0) {
            return comma < 0 ? raw : raw.replace(',', '.');
        }
        if (dot > wholeEnd) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int start = raw.charAt(0) == '-' || raw.charAt(0) == '+' ? 1 : 0;
        out.append(raw, 0, start);
        int group = 0;
        boolean firstGroup = true;
        for (int i = start; i < wholeEnd; i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                if (firstGroup ? group < 1 || group > 3 : group != 3) {
                    return null;
                }
                firstGroup = false;
                group = 0;
            } else if (c >= '0' && c <= '9') {
                group++;
                out.append(c);
            } else {
                return null;
            }
        }
        if (group != 3) {
            return null;
        }
        if (comma >= 0) {
            out.append('.').append(raw, comma + 1, raw.length());
        }
        return out.toString();
    }

    /** Whether {@code raw} is a finite number when read with a decimal comma. */
    static boolean reads(String raw) {
        String converted = toPoint(raw);
        try {
            return converted != null && Double.isFinite(Double.parseDouble(converted));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
