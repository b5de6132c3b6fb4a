package com.journeyexplorer.analysis.experience;

import com.journeyexplorer.analysis.stats.BoundedMean;
import com.journeyexplorer.analysis.stats.Interval;

/**
 * Net Promoter Score of NPS answers: {@code 100 · (promoters - detractors) / responses}, on -100..100. Its interval is
 * that of the mean answer scored 1 (promoter), 0.5 (passive) or 0 (detractor), whose mean is {@code 0.5 + NPS/200}
 * ({@link BoundedMean}: the normal interval with pseudo-answers at both ends, so that two promoters do not make an NPS
 * of 100 to 100), mapped back to -100..100; -100..100 below two answers, as the mean score's interval is 0..1 then.
 */
public record Nps(long responses, long promoters, long detractors, double score, Interval interval) {

    static Nps of(long responses, long promoters, long detractors, double z) {
        if (responses == 0) {
            return null;
        }
        double p = (double) promoters / responses;
        double d = (double) detractors / responses;
        double score = 100 * (p - d);
        // The answers scored 1, 0.5 and 0: mean 0.5 + (p - d)/2, squared deviations n·(p + d - (p - d)²)/4.
        double squaredDeviations = responses * Math.max(0, p + d - (p - d) * (p - d)) / 4;
        Interval mean = BoundedMean.interval(responses, 0.5 + (p - d) / 2, squaredDeviations, z);
        return new Nps(responses, promoters, detractors, score,
                new Interval(Math.max(-100, 200 * mean.lower() - 100), Math.min(100, 200 * mean.upper() - 100)));
    }
}
