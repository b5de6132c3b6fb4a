package com.journeyexplorer.analysis.experience;

/** A comment given with an answer: its text, score (own scale and normalized), when, and the journey. */
public record Comment(String comment, String scale, double score, double normalizedScore, long at,
        String journeyId) {
}
