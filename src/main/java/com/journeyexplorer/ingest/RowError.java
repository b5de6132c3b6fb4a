package com.journeyexplorer.ingest;

/**
 * One rejected input row.
 *
 * @param line   1-based line of the upload where the row starts (0 when the problem concerns the whole upload)
 * @param field  the column or field at fault, or null when the whole row is
 * @param reason what is wrong, in words a user can act on
 */
public record RowError(long line, String field, String reason) {
}
