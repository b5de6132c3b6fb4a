package com.journeyexplorer.journey;

import java.util.Objects;

/**
 * One survey answer, joined to the journey it is about. A response that no journey matched at import keeps an empty
 * {@code journeyId}: it is stored and reported, and left out of the analyses. One that names a journey not stored
 * (yet) keeps that id, and counts in the analyses once that journey is imported.
 *
 * @param id         unique id: given in the upload, or derived from the row's content (so a file imported twice is
 *                   stored once)
 * @param journeyId  the journey it is about (stored or not yet), or "" when none matched
 * @param customerId the customer as given, or ""
 * @param at         when it was given, epoch milliseconds, or -1 when unknown
 * @param touchpoint the touchpoint it is about, or "" for the journey as a whole
 * @param stage      the stage it is about, "" for none or for its touchpoint's (it then counts under the
 *                   touchpoint's stage as it is when read, so it moves with the touchpoint)
 * @param scale      the scale of {@code score}
 * @param score      the score on its own scale
 * @param comment    the free-text comment, or ""
 */
public record SurveyResponse(String id, String journeyId, String customerId, long at, String touchpoint,
        String stage, Scale scale, double score, String comment) {

    public SurveyResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scale, "scale");
        journeyId = journeyId == null ? "" : journeyId;
        customerId = customerId == null ? "" : customerId;
        touchpoint = touchpoint == null ? "" : touchpoint;
        stage = stage == null ? "" : stage;
        comment = comment == null ? "" : comment;
        if (!scale.accepts(score)) {
            throw new IllegalArgumentException("score " + score + " is not on the " + scale.label() + " scale");
        }
    }

    /** The score normalized to 0..1 ({@link Scale#normalize}). */
    public double normalized() {
        return scale.normalize(score);
    }

    /** +1 for a positive answer, -1 for a negative one, 0 for neither. */
    public int polarity() {
        return scale.isPositive(score) ? 1 : scale.isNegative(score) ? -1 : 0;
    }

    public boolean isMatched() {
        return !journeyId.isEmpty();
    }
}
