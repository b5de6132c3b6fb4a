package com.journeyexplorer.ingest;

import com.journeyexplorer.journey.Scale;

/**
 * The score, scale and comment of a row that carries an answer, read and checked the same way for survey files
 * ({@link FeedbackImporter}) and for events with a score ({@link EventAccumulator}). O(1) per row.
 */
record ScoredAnswer(Scale scale, double score, String comment) {

    static final int MAX_COMMENT_LENGTH = 4000;

    /**
     * Reads the answer of {@code row}: the score (a number on the scale), the scale (the row's, else
     * {@code defaultScale}) and the comment. A wrong field is collected as an error naming the line and column, and
     * null is returned; null too, without error, when the row has no score and {@code scoreRequired} is false (an
     * event without an answer). With {@code decimalComma} the score is read as {@code 4,5} (and {@code 4.5} is refused,
     * as the events' values are).
     */
    static ScoredAnswer read(InputRow row, String scoreColumn, String scaleColumn, String commentColumn,
            Scale defaultScale, boolean scoreRequired, boolean decimalComma, ErrorCollector errors) {
        long line = row.line();
        String rawScore = trimmed(row.get(scoreColumn));
        if (rawScore == null && !scoreRequired) {
            return null;
        }
        long before = errors.count();
        String comment = trimmed(row.get(commentColumn));
        // Characters, not UTF-16 units: an emoji is one character (two units).
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH
                && comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH) {
            errors.add(line, commentColumn, "is longer than " + MAX_COMMENT_LENGTH + " characters");
        }
        Scale scale = defaultScale;
        String rawScale = trimmed(row.get(scaleColumn));
        if (rawScale != null) {
            try {
                scale = Scale.of(rawScale);
            } catch (IllegalArgumentException e) {
                errors.add(line, scaleColumn, e.getMessage());
                scale = null;
            }
        } else if (scale == null) {
            errors.add(line, scaleColumn, "is missing and no default is given (scale=nps, csat, ces, "
                    + "rating or sentiment)");
        }
        double score = Double.NaN;
        if (rawScore == null) {
            errors.add(line, scoreColumn, "is missing");
        } else {
            // + 0.0 makes a score written -0 (or -0.0, -0,0) the number 0, as 0 is: one answer, one derived id.
            score = PlainNumbers.read(rawScore, decimalComma, line, scoreColumn, errors) + 0.0;
            if (!Double.isNaN(score) && scale != null && !scale.accepts(score)) {
                errors.add(line, scoreColumn, "'" + TimestampParser.abbreviate(rawScore) + "' is not on the "
                        + scale.label() + " scale (" + scale.range() + (scale == Scale.NPS ? ", whole numbers)" : ")"));
            }
        }
        return errors.count() != before ? null : new ScoredAnswer(scale, score, comment);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
