package com.journeyexplorer.analysis.experience;

import com.journeyexplorer.analysis.stats.Interval;

/**
 * Net Promoter Score of NPS answers: {@code 100 · (promoters - detractors) / responses}, on -100..100, with the normal
 * interval {@code ± z · 100 · √((p + d - (p - d)²) / n)} (p, d the promoter and detractor shares), clipped to
 * -100..100; -100..100 below two answers, as the mean score's interval is 0..1 then: one answer shows no spread, and a
 * zero-width interval would claim certainty.
 */
public record Nps(long responses, long promoters, long detractors, double score, Interval interval) {

    static Nps of(long responses, long promoters, long detractors, double z) {
        if (responses == 0) {
            return null;
        }
        double p = (double) promoters / responses;
        double d = (double) detractors / responses;
        double score = 100 * (p - d);
        if (responses < 2) {
            return new Nps(responses, promoters, detractors, score, new Interval(-100, 100));
        }
        double half = z * 100 * Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / responses);
        return new Nps(responses, promoters, detractors, score,
                new Interval(Math.max(-100, score - half), Math.min(100, score + half)));
    }
}
