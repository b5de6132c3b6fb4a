package com.journeyexplorer.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.attribution.Attribution;
import com.journeyexplorer.analysis.compare.SegmentComparison;
import com.journeyexplorer.analysis.experience.ExperienceComparison;
import com.journeyexplorer.analysis.stats.ChiSquare;
import com.journeyexplorer.journey.Outcome;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code GET /api/compare}. */
@Schema(description = "Two selections of journeys compared: outcome rates, paths, transitions and attribution")
record CompareAnswer(
        Side a,
        Side b,
        double confidence,
        @Schema(description = "Rate of each outcome in a and b (OPEN only when "
                + "open journeys are selected); p-values Holm-adjusted over the outcomes listed")
        List<OutcomeRate> outcomes,
        @Schema(description = "Chi-square test of the outcome table (a, b) x (the outcomes listed)")
        OutcomeTest outcomeTest,
        @Schema(description = "Path variants (path to purchase and outcome) whose shares of journeys differ most; "
                + "p-values Benjamini-Hochberg adjusted over every variant") List<PathDifference> paths,
        @Schema(description = "Transitions (share of journeys making them at least once) that differ most; "
                + "p-values Benjamini-Hochberg adjusted over every transition") List<TransitionDifference> transitions,
        @Schema(description = "The survey responses about each side's journeys, their mean normalized score "
                + "(0..1) with its interval, and the difference a - b with its interval; absent when neither side "
                + "has responses, a side absent when it has none") Experience experience) {

    /** Each side's experience (null without responses) and the difference a - b (null unless both have some). */
    record Experience(SideExperience a, SideExperience b, Estimates.Difference difference) {

        static Experience of(ExperienceComparison comparison) {
            if (comparison == null) {
                return null;
            }
            Estimates.Difference difference = comparison.difference() == null ? null
                    : new Estimates.Difference(comparison.difference(), comparison.differenceInterval().lower(),
                            comparison.differenceInterval().upper(), null, null);
            return new Experience(SideExperience.of(comparison.a()), SideExperience.of(comparison.b()), difference);
        }
    }

    /** A side's responses and their mean normalized score with its interval {@code [lower, upper]}. */
    record SideExperience(long responses, double meanScore, double lower, double upper) {

        static SideExperience of(ExperienceComparison.Side side) {
            return side == null ? null : new SideExperience(side.responses(), side.meanScore(),
                    side.meanInterval().lower(), side.meanInterval().upper());
        }
    }

    /** One selection: its filter as given, its size (weights counted) and its attribution. */
    record Side(String filter, long journeys, SideAttribution attribution) {
    }

    /**
     * A selection's attribution: credits, most conversions first, at most {@code attributionLimit} of them with the
     * others summed in {@code other} as {@code /api/attribution} does, and the totals shared out; no credits at all,
     * for every model, when the selection has no purchase, and then the {@code note} of {@code /api/attribution}
     * saying why.
     */
    record SideAttribution(String model, String level,
            @Schema(description = "Per label, most conversions first, at most 'attributionLimit' of them")
            List<AttributionAnswer.AttributedLabel> labels,
            @Schema(description = "The labels left out by 'attributionLimit', summed (absent when every label is "
                    + "listed)")
            AttributionAnswer.Other other,
            long conversions, double value, String note) {

        static SideAttribution of(Attribution attribution, AttributionSettings settings, Set<String> competitors,
                JourneySnapshot snapshot, int limit) {
            List<AttributionAnswer.AttributedLabel> labels = attribution.totalConversions() == 0 ? List.of()
                    : AttributionAnswer.labels(attribution, Map.of(), competitors);
            return new SideAttribution(settings.name().label(), settings.level().name().toLowerCase(Locale.ROOT),
                    AttributionAnswer.Other.listed(labels, limit), AttributionAnswer.Other.after(labels, limit),
                    attribution.totalConversions(),
                    attribution.totalValue(),
                    attribution.totalConversions() == 0 ? AttributionAnswer.noPurchaseNote(snapshot) : null);
        }
    }

    /** One outcome in a and b: counts, rates with intervals, lift a / b, difference a - b with its test. */
    record OutcomeRate(Outcome outcome, long countA, long countB, Estimates.Rate rateA, Estimates.Rate rateB,
            Double lift, Estimates.Difference difference, Double adjustedPValue) {

        static OutcomeRate of(SegmentComparison.OutcomeRate rate) {
            return new OutcomeRate(rate.outcome(), rate.countA(), rate.countB(),
                    Estimates.Rate.of(rate.comparison().rateA(), rate.rateA()),
                    Estimates.Rate.of(rate.comparison().rateB(), rate.rateB()),
                    Estimates.finite(rate.comparison().lift()), Estimates.Difference.of(rate.comparison()),
                    Estimates.finite(rate.adjustedPValue()));
        }
    }

    /** Pearson's chi-square statistic, degrees of freedom and p-value. */
    record OutcomeTest(Double statistic, int degreesOfFreedom, Double pValue) {

        static OutcomeTest of(ChiSquare.Result result) {
            return new OutcomeTest(Estimates.finite(result.statistic()), result.degreesOfFreedom(),
                    Estimates.finite(result.pValue()));
        }
    }

    /**
     * A path variant: journeys with it in a and b, their shares, the difference and its test. {@code steps} (by
     * touchpoint name) and {@code outcome} (its node, {@code (purchase)}) identify it; {@code key} joins them for
     * display ({@code A > B → (purchase)}) and two variants may read alike where names hold the separators.
     */
    record PathDifference(String key, List<String> steps, String outcome, long countA, long countB, Double shareA,
            Double shareB, Estimates.Difference difference, Double adjustedPValue) {

        static PathDifference of(SegmentComparison.ShareDifference share) {
            List<String> nodes = share.nodes();
            return new PathDifference(share.key(), nodes.subList(0, nodes.size() - 1), nodes.get(nodes.size() - 1),
                    share.countA(), share.countB(), Estimates.finite(share.comparison().rateA()),
                    Estimates.finite(share.comparison().rateB()), Estimates.Difference.of(share.comparison()),
                    Estimates.finite(share.adjustedPValue()));
        }
    }

    /**
     * A transition: journeys making it in a and b, their shares, the difference and its test. {@code from} and
     * {@code to} (node names) identify it; {@code key} ({@code from → to}) is for display.
     */
    record TransitionDifference(String key, String from, String to, long countA, long countB, Double shareA,
            Double shareB, Estimates.Difference difference, Double adjustedPValue) {

        static TransitionDifference of(SegmentComparison.ShareDifference share) {
            return new TransitionDifference(share.key(), share.nodes().get(0), share.nodes().get(1), share.countA(),
                    share.countB(), Estimates.finite(share.comparison().rateA()),
                    Estimates.finite(share.comparison().rateB()), Estimates.Difference.of(share.comparison()),
                    Estimates.finite(share.adjustedPValue()));
        }
    }

    /**
     * @param competitors      the attribution labels whose touchpoints are all competitors'
     * @param attributionLimit how many labels each side's attribution lists, the others summed in its {@code other}
     */
    static CompareAnswer of(JourneySnapshot snapshot, String filterA, String filterB, SegmentComparison.Result result,
            AttributionSettings settings, Set<String> competitors, double confidence,
            ExperienceComparison experience, int attributionLimit) {
        return new CompareAnswer(
                new Side(filterA, result.journeysA(),
                        SideAttribution.of(result.attributionA(), settings, competitors, snapshot,
                                attributionLimit)),
                new Side(filterB, result.journeysB(),
                        SideAttribution.of(result.attributionB(), settings, competitors, snapshot,
                                attributionLimit)),
                confidence, result.outcomes().stream().map(OutcomeRate::of).toList(),
                OutcomeTest.of(result.outcomeTest()), result.variants().stream().map(PathDifference::of).toList(),
                result.transitions().stream().map(TransitionDifference::of).toList(), Experience.of(experience));
    }
}
