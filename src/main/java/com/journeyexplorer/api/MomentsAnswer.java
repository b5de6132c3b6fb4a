package com.journeyexplorer.api;

import java.util.List;
import com.journeyexplorer.analysis.compare.KeyMoments;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code GET /api/insights/moments}. */
@Schema(description = "Touchpoints ranked by how strongly seeing them goes with a different purchase rate")
record MomentsAnswer(
        @Schema(description = "Journeys selected, weights counted") long journeys,
        @Schema(description = "Purchases among them") long purchases,
        double confidence,
        @Schema(description = "Level of the Benjamini-Hochberg adjusted p-value below which a direction is given")
        double alpha,
        @Schema(description = "Touchpoints ranked: those a selected journey saw before its purchase (a journey "
                + "without one: anywhere on it); one seen only at or after purchases is not, so this may be fewer "
                + "than /api/summary's touchpoints") int touchpoints,
        @Schema(description = "Sources of shortest paths that betweenness was computed from") int betweennessSources,
        @Schema(description = "True when those were every node of the transition graph; false when betweenness is "
                + "an unbiased estimate from a repeatable sample of them") boolean betweennessExact,
        @Schema(description = "Ranked by |z| of the purchase-rate difference, at most 'limit'") List<Moment> moments) {

    /**
     * One touchpoint: purchase rate of the journeys that saw it on their path to purchase against those that did
     * not, the difference with its interval and test, and its place in the transition graph.
     */
    record Moment(int rank, String touchpoint, KeyMoments.Direction direction, long journeysWith,
            long purchasesWith, long journeysWithout, long purchasesWithout, Estimates.Rate purchaseRateWith,
            Estimates.Rate purchaseRateWithout, Double lift, Estimates.Difference difference, Double adjustedPValue,
            Double abandonedRateWith, Double divertedRateWith, double betweenness, double pageRank) {

        static Moment of(int rank, KeyMoments.KeyMoment moment) {
            return new Moment(rank, moment.touchpoint(), moment.direction(), moment.journeysWith(),
                    moment.purchasesWith(), moment.journeysWithout(), moment.purchasesWithout(),
                    Estimates.Rate.of(moment.comparison().rateA(), moment.purchaseRateWith()),
                    Estimates.Rate.of(moment.comparison().rateB(), moment.purchaseRateWithout()),
                    Estimates.finite(moment.comparison().lift()), Estimates.Difference.of(moment.comparison()),
                    Estimates.finite(moment.adjustedPValue()), Estimates.finite(moment.abandonedRateWith()),
                    Estimates.finite(moment.divertedRateWith()), moment.betweenness(), moment.pageRank());
        }
    }
}
