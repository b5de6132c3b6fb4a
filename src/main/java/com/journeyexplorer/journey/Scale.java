package com.journeyexplorer.journey;

import java.util.Locale;

/**
 * The scale a survey score is given on, with its range and what counts as a positive or a negative answer. Scores
 * are kept on their own scale and normalized to 0..1 for comparisons across scales: {@code (score - min) / (max -
 * min)}, so 1 is always the best answer (for CES the scale runs from 1, very hard, to 7, very easy).
 *
 * <ul>
 * <li>{@code nps} 0..10: promoters (9, 10) positive, detractors (0..6) negative, passives (7, 8) neither.</li>
 * <li>{@code csat} and {@code rating} 1..5: 4 and 5 positive, 1 and 2 negative.</li>
 * <li>{@code ces} 1..7: 5 to 7 positive, 1 to 3 negative.</li>
 * <li>{@code sentiment} -1..1: at least 0.25 positive, at most -0.25 negative.</li>
 * </ul>
 */
public enum Scale {
    NPS(0, 10, 9, 6),
    CSAT(1, 5, 4, 2),
    CES(1, 7, 5, 3),
    RATING(1, 5, 4, 2),
    SENTIMENT(-1, 1, 0.25, -0.25);

    private final double min;
    private final double max;
    private final double positiveFrom;
    private final double negativeTo;

    Scale(double min, double max, double positiveFrom, double negativeTo) {
        this.min = min;
        this.max = max;
        this.positiveFrom = positiveFrom;
        this.negativeTo = negativeTo;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Whether {@code score} lies on this scale (NPS scores must be whole numbers). */
    public boolean accepts(double score) {
        return score >= min && score <= max && (this != NPS || score == Math.rint(score));
    }

    /** {@code (score - min) / (max - min)}: 0 the worst answer, 1 the best. */
    public double normalize(double score) {
        return (score - min) / (max - min);
    }

    /** A promoter (NPS) or a satisfied answer. */
    public boolean isPositive(double score) {
        return score >= positiveFrom;
    }

    /** A detractor (NPS) or a dissatisfied answer. */
    public boolean isNegative(double score) {
        return score <= negativeTo;
    }

    /** The lower-case name used in uploads and answers: {@code nps}, {@code csat}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scale named {@code text} (case-insensitive); IllegalArgumentException naming the scales otherwise. */
    public static Scale of(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (Scale scale : values()) {
            if (scale.name().equals(name)) {
                return scale;
            }
        }
        String shown = text == null || text.length() <= 40 ? String.valueOf(text) : text.substring(0, 40) + "...";
        throw new IllegalArgumentException("'" + shown + "' is not a scale (expected nps, csat, ces, rating or "
                + "sentiment)");
    }

    /** The range in words, e.g. {@code 0 to 10}. */
    public String range() {
        return this == SENTIMENT ? "-1 to 1" : (int) min + " to " + (int) max;
    }
}
