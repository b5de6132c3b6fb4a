package com.journeyexplorer.analysis.experience;

import java.time.Instant;

/**
 * A comment given with an answer: its text, score (own scale and normalized), when (null when the answer has no
 * time), and the journey.
 */
public record Comment(String comment, String scale, double score, double normalizedScore, Instant at,
        String journeyId) {

    static Comment of(String comment, String scale, double score, double normalizedScore, long atMillis,
            String journeyId) {
        return new Comment(comment, scale, score, normalizedScore, atMillis < 0 ? null : Instant.ofEpochMilli(atMillis),
                journeyId);
    }
}
