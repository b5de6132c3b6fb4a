package com.journeyexplorer.ingest;

import java.util.List;

/**
 * Something an import did that is probably not what was meant, although every row was valid: timestamps far from
 * now, an outcome rule that matched no event.
 *
 * @param kind     a stable name: {@code implausible-timestamp}, {@code rule-matched-nothing}, {@code column-not-read},
 *                 ...
 * @param message  what happened and what to do about it
 * @param count    how many rows (or rule names) it concerns
 * @param examples the first rows concerned, with their line; empty for a warning about the whole upload
 */
public record ImportWarning(String kind, String message, long count, List<Example> examples) {

    public ImportWarning {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** One row a warning concerns: its 1-based line, the field and the value as written. */
    public record Example(long line, String field, String value) {
    }
}
