package com.journeyexplorer.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON types an import's fields accept in NDJSON: text fields a string (or a number, as exports write ids), the
 * timestamp a string or a number, numeric fields a number (or a string holding one). A boolean, object or array is
 * refused rather than read as its text: {@code "touchpoint": true} is a mistake, not a page named "true". Extra
 * columns are no fields and keep any value. CSV and XES values are all text, so their rows always pass.
 */
final class JsonFieldTypes {

    /** What each field's column must hold, in the order the errors are reported; a column named twice, once. */
    private final Map<String, String> expected = new LinkedHashMap<>();

    JsonFieldTypes text(String... columns) {
        return expect("must be a string", columns);
    }

    JsonFieldTypes time(String... columns) {
        return expect("must be a string or a number", columns);
    }

    JsonFieldTypes number(String... columns) {
        return expect("must be a number", columns);
    }

    private JsonFieldTypes expect(String requirement, String... columns) {
        for (String column : columns) {
            expected.putIfAbsent(column, requirement);
        }
        return this;
    }

    /**
     * Collects an error naming the line, the column and what it was given for each field of {@code row} that holds a
     * JSON boolean, object or array; returns whether there was none. O(1) for a row without such values, O(fields)
     * otherwise.
     */
    boolean check(InputRow row, ErrorCollector errors) {
        if (!row.hasJsonStructures()) {
            return true;
        }
        boolean valid = true;
        for (Map.Entry<String, String> field : expected.entrySet()) {
            String kind = row.jsonKind(field.getKey());
            if (kind != null) {
                errors.add(row.line(), field.getKey(), field.getValue() + ", got " + kind);
                valid = false;
            }
        }
        return valid;
    }
}
