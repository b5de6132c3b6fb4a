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

    /**
     * The warning that {@code delimiter}, given for an upload read as {@code format}, was not used (only CSV has
     * one), or none when the upload is CSV or the delimiter is the comma, the default: a {@code delimiter=;} sent with
     * NDJSON or XES is a sign that the file is not what its type says.
     */
    public static List<ImportWarning> unusedDelimiter(EventImporter.Format format, char delimiter) {
        if (format == EventImporter.Format.CSV || delimiter == ',') {
            return List.of();
        }
        String name = format.name();
        String shown = delimiter == '\t' ? "tab" : String.valueOf(delimiter);
        return List.of(new ImportWarning("delimiter-not-used", "the delimiter '" + shown + "' was not used: the "
                + "upload was read as " + name + ", which has no delimiter (only CSV has one); send a CSV file as "
                + "text/csv (or format=csv) for the delimiter to apply", 0, List.of()));
    }

    /** {@code count} as the human texts of the answers write it, with thousands separators: "12,345". */
    static String number(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count);
    }

    /** The kind of {@link #filesWithoutRows}. */
    public static final String FILES_WITHOUT_ROWS = "files-without-rows";

    /**
     * The files of a bulk load with {@code onError=skip} that had no row ({@code files}, each with its reader's
     * {@code reasons}, such as a header alone): skipped as files, beside the files whose rows were imported, rather
     * than counted as rejected rows.
     */
    static ImportWarning filesWithoutRows(List<String> files, List<String> reasons) {
        StringBuilder message = new StringBuilder("skipped ").append(number(files.size()))
                .append(files.size() == 1 ? " file" : " files").append(" without rows: ");
        for (int i = 0; i < files.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(files.get(i)).append(", line 1: ").append(reasons.get(i));
        }
        return new ImportWarning(FILES_WITHOUT_ROWS, message.toString(), files.size(), List.of());
    }

    /** One row a warning concerns: its 1-based line, the field and the value as written. */
    public record Example(long line, String field, String value) {
    }
}
