package com.journeyexplorer.analysis.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.stats.MultipleComparisons;
import com.journeyexplorer.analysis.stats.Proportions;
import com.journeyexplorer.analysis.stats.PseudoScores;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.OutcomeRule;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The experience analyses on four journeys written out, and on seeded random answers against a literal computation.
 */
class ExperienceTests {

    private static final double Z95 = 1.959963984540054;
    private static final int AD = 0;
    private static final int SHIPPING = 1;
    private static final int PAY = 2;
    private static final int RIVAL = 3;
    private static final List<Touchpoint> TOUCHPOINTS = List.of(
            new Touchpoint(AD, "Ad", "social", "awareness", Owner.OWN),
            new Touchpoint(SHIPPING, "Shipping", "website", "purchase", Owner.OWN),
            new Touchpoint(PAY, "Pay", "website", "purchase", Owner.OWN),
            new Touchpoint(RIVAL, "Rival", "competitor", "consideration", Owner.COMPETITOR));
    private static final byte T = EventType.TOUCHPOINT.code();
    private static final byte P = EventType.PURCHASE.code();
    private static final byte F = EventType.FRUSTRATION.code();
    private static final byte A = EventType.ABANDON.code();

    /** j1 buys, j2 is frustrated at Shipping and abandons there, j3 goes to the rival, j4 buys. */
    private static final JourneySnapshot SNAPSHOT = new JourneySnapshot(TOUCHPOINTS, List.of(
            journey("j1", new int[] {AD, SHIPPING, PAY}, new byte[] {T, T, P}),
            journey("j2", new int[] {AD, SHIPPING, SHIPPING}, new byte[] {T, F, A}),
            journey("j3", new int[] {AD, RIVAL}, new byte[] {T, T}),
            journey("j4", new int[] {AD, SHIPPING, PAY}, new byte[] {T, T, P})), 1);

    private static final List<SurveyResponse> RESPONSES = List.of(
            response("r1", "j1", "Shipping", Scale.CSAT, 5, "", 10),
            response("r2", "j2", "Shipping", Scale.CSAT, 1, "too expensive", 20),
            response("r3", "j4", "Shipping", Scale.NPS, 9, "", 30),
            response("r4", "j3", "Ad", Scale.NPS, 3, "boring", 40),
            response("r5", "j1", "Ad", Scale.NPS, 10, "great", 50),
            response("r6", "", "Ad", Scale.NPS, 0, "unmatched: left out", 60),
            response("r7", "j4", "", Scale.RATING, 2, "", 70));

    private static Journey journey(String id, int[] steps, byte[] types) {
        long start = Long.parseLong(id.substring(1)) * 86_400_000L;
        long[] times = new long[steps.length];
        for (int i = 0; i < steps.length; i++) {
            times[i] = start + i * 60_000L;
        }
        return new Journey(id, "c-" + id, steps, times, types, null, OutcomeRule.outcomeOf(steps, types, TOUCHPOINTS),
                OutcomeRule.firstPurchase(types), 0, 1, "", "", Map.of());
    }

    private static SurveyResponse response(String id, String journey, String touchpoint, Scale scale, double score,
            String comment, long at) {
        String stage = touchpoint.isEmpty() ? "" : TOUCHPOINTS.stream().filter(t -> t.name().equals(touchpoint))
                .findFirst().orElseThrow().stage();
        return new SurveyResponse(id, journey, "", at, touchpoint, stage, scale, score, comment);
    }

    @Test
    void normalizesEveryScaleToZeroToOne() {
        assertThat(Scale.NPS.normalize(0)).isZero();
        assertThat(Scale.NPS.normalize(10)).isEqualTo(1);
        assertThat(Scale.CSAT.normalize(4)).isEqualTo(0.75);
        assertThat(Scale.CES.normalize(4)).isEqualTo(0.5);
        assertThat(Scale.RATING.normalize(1)).isZero();
        assertThat(Scale.SENTIMENT.normalize(0.5)).isEqualTo(0.75);
        assertThat(Scale.NPS.accepts(7.5)).isFalse();
        assertThat(Scale.CSAT.accepts(0)).isFalse();
        assertThat(Scale.NPS.isPositive(9)).isTrue();
        assertThat(Scale.NPS.isNegative(6)).isTrue();
        assertThat(Scale.NPS.isNegative(7)).isFalse();
        assertThat(Scale.NPS.isPositive(8)).isFalse();
    }

    @Test
    void summarizesEachTouchpointAgainstTheFormulas() {
        var result = ExperienceByLabel.of(SNAPSHOT, JourneySelection.all(), RESPONSES, PathShaping.Level.TOUCHPOINT,
                3, 0.95);

        var shipping = row(result, "Shipping");
        double[] scores = {1.0, 0.0, 0.9};
        double mean = (1.0 + 0.0 + 0.9) / 3;
        double[] interval = PseudoScores.interval(scores, Z95);
        assertThat(shipping.experience().responses()).isEqualTo(3);
        assertThat(shipping.experience().meanScore()).isCloseTo(mean, within(1e-12));
        assertThat(shipping.experience().meanInterval().lower()).isCloseTo(interval[0], within(1e-9));
        assertThat(shipping.experience().meanInterval().upper()).isCloseTo(interval[1], within(1e-9));
        assertThat(shipping.experience().positiveShare()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(shipping.experience().negativeShare()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(shipping.experience().nps().score()).isEqualTo(100);
        assertThat(shipping.visits()).isEqualTo(3);
        assertThat(shipping.frustrationEvents()).isEqualTo(1);
        assertThat(shipping.frustrationPer100Visits()).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(shipping.comments()).extracting(Comment::comment).containsExactly("too expensive");

        var ad = row(result, "Ad");
        assertThat(ad.experience().responses()).as("the unmatched answer is left out").isEqualTo(2);
        assertThat(ad.experience().nps().score()).isZero();
        assertThat(ad.experience().nps().promoters()).isEqualTo(1);
        assertThat(ad.experience().nps().detractors()).isEqualTo(1);
        assertThat(ad.experience().nps().interval().lower())
                .isCloseTo(PseudoScores.npsInterval(2, 1, 1, Z95)[0], within(1e-9));
        assertThat(ad.comments()).extracting(Comment::comment).as("a promoter's praise is not negative")
                .containsExactly("boring");
        assertThat(result.overall().responses()).as("six matched answers, one about a journey as a whole")
                .isEqualTo(6);
        assertThat(row(result, "Pay").experience().responses()).isZero();
    }

    @Test
    void keepsOnlyTheMostNegativeCommentsThenListsThemNewestFirst() {
        List<SurveyResponse> withLaterDetractor = new ArrayList<>(RESPONSES);
        withLaterDetractor.add(response("r9", "j2", "Ad", Scale.NPS, 6, "meh", 90));

        var one = ExperienceByLabel.of(SNAPSHOT, JourneySelection.all(), withLaterDetractor,
                PathShaping.Level.TOUCHPOINT, 1, 0.95);
        var three = ExperienceByLabel.of(SNAPSHOT, JourneySelection.all(), withLaterDetractor,
                PathShaping.Level.TOUCHPOINT, 3, 0.95);

        assertThat(row(one, "Ad").comments()).extracting(Comment::comment).containsExactly("boring");
        assertThat(row(three, "Ad").comments()).extracting(Comment::comment).as("newest first")
                .containsExactly("meh", "boring");
    }

    @Test
    void countsAnswersWithoutATouchpointUnderTheirStageOnly() {
        List<SurveyResponse> withStage = new ArrayList<>(RESPONSES);
        withStage.add(new SurveyResponse("r8", "j3", "", 80, "", "consideration", Scale.CES, 7, ""));

        var byStage = ExperienceByLabel.of(SNAPSHOT, JourneySelection.all(), withStage, PathShaping.Level.STAGE, 3,
                0.95);
        var byChannel = ExperienceByLabel.of(SNAPSHOT, JourneySelection.all(), withStage, PathShaping.Level.CHANNEL,
                3, 0.95);

        assertThat(byStage.labels()).extracting(ExperienceByLabel.Row::label)
                .containsExactly("awareness", "purchase", "consideration");
        assertThat(row(byStage, "purchase").experience().responses()).isEqualTo(3);
        assertThat(row(byStage, "consideration").experience().meanScore()).isEqualTo(1.0);
        assertThat(row(byChannel, "website").experience().responses()).isEqualTo(3);
        assertThat(row(byChannel, "website").frustrationEvents()).isEqualTo(1);
        assertThat(row(byChannel, "competitor").experience().responses()).isZero();
    }

    @Test
    void followsTheSelection() {
        var bought = ExperienceByLabel.of(SNAPSHOT, JourneySelection.all().withOutcome(Outcome.PURCHASE), RESPONSES,
                PathShaping.Level.TOUCHPOINT, 3, 0.95);

        assertThat(row(bought, "Shipping").experience().responses()).isEqualTo(2);
        assertThat(row(bought, "Shipping").frustrationEvents()).isZero();
        assertThat(bought.overall().responses()).isEqualTo(4);
    }

    @Test
    void ranksPainPointsByBadExperienceTimesLostJourneys() {
        List<PainPoints.PainPoint> points = PainPoints.of(SNAPSHOT, JourneySelection.all(), RESPONSES, 1, 10);

        assertThat(points).extracting(PainPoints.PainPoint::touchpoint).containsExactly("Ad", "Shipping");
        PainPoints.PainPoint ad = points.get(0);
        assertThat(ad.negativeShare()).isEqualTo(0.5);
        assertThat(ad.journeys()).isEqualTo(4);
        assertThat(ad.lostJourneys()).isEqualTo(2);
        assertThat(ad.cost()).isCloseTo(0.5 * 4 * 0.5, within(1e-12));
        PainPoints.PainPoint shipping = points.get(1);
        double bad = 1 - (1 - 1.0 / 3) * (1 - 1.0 / 3);
        assertThat(shipping.badExperience()).isCloseTo(bad, within(1e-12));
        assertThat(shipping.cost()).isCloseTo(bad * 3 * (1.0 / 3), within(1e-12));
        assertThat(shipping.why()).contains("33.3% of 3 answers negative").contains("55.6% bad experience")
                .contains("3 journeys");

        List<PainPoints.PainPoint> strict = PainPoints.of(SNAPSHOT, JourneySelection.all(), RESPONSES, 3, 10);
        assertThat(strict).as("Ad has 2 answers, fewer than 3: its negative share does not count")
                .extracting(PainPoints.PainPoint::touchpoint).containsExactly("Shipping");
        assertThat(strict.get(0).why()).contains("33.3% of 3 answers negative");
    }

    @Test
    void comparesPurchaseRatesOfPositiveAndNegativeExperiences() {
        List<ExperienceDrivers.Driver> drivers = ExperienceDrivers.of(SNAPSHOT, JourneySelection.all(), RESPONSES,
                0.95);

        assertThat(drivers).extracting(ExperienceDrivers.Driver::touchpoint)
                .containsExactlyInAnyOrder("Ad", "Shipping");
        assertThat(drivers).isSortedAccordingTo((a, b) -> Double.compare(a.adjustedPValue(), b.adjustedPValue()));
        var ad = drivers.stream().filter(d -> d.touchpoint().equals("Ad")).findFirst().orElseThrow();
        var shipping = drivers.stream().filter(d -> d.touchpoint().equals("Shipping")).findFirst().orElseThrow();
        assertThat(shipping.positiveJourneys()).isEqualTo(2);
        assertThat(shipping.positivePurchases()).isEqualTo(2);
        assertThat(shipping.negativeJourneys()).isEqualTo(1);
        assertThat(shipping.negativePurchases()).isZero();
        var expected = Proportions.compare(2, 2, 0, 1, 0.95);
        assertThat(shipping.difference()).isEqualTo(expected.difference()).isEqualTo(1.0);
        assertThat(shipping.differenceInterval()).isEqualTo(expected.differenceInterval());
        double[] adjusted = MultipleComparisons.benjaminiHochberg(new double[] {
                Proportions.compare(1, 1, 0, 1, 0.95).pValue(), expected.pValue()});
        assertThat(ad.adjustedPValue()).isEqualTo(adjusted[0]);
        assertThat(shipping.adjustedPValue()).isEqualTo(adjusted[1]);
    }

    @Test
    void seededAnswersMatchALiteralComputation() {
        Random random = new Random(20261202);
        List<SurveyResponse> responses = new ArrayList<>();
        String[] touchpoints = {"Ad", "Shipping", "Pay", "Rival"};
        String[] journeys = {"j1", "j2", "j3", "j4"};
        for (int i = 0; i < 2_000; i++) {
            Scale scale = Scale.values()[random.nextInt(Scale.values().length)];
            double score = scale == Scale.NPS ? random.nextInt(11)
                    : scale == Scale.SENTIMENT ? Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0
                            : scale.min() + random.nextInt((int) (scale.max() - scale.min()) + 1);
            responses.add(new SurveyResponse("r" + i, journeys[random.nextInt(4)], "", i,
                    touchpoints[random.nextInt(4)], "", scale, score, ""));
        }

        var result = ExperienceByLabel.of(SNAPSHOT, JourneySelection.all(), responses, PathShaping.Level.TOUCHPOINT,
                0, 0.9);

        double z = Proportions.z(0.9);
        for (String touchpoint : touchpoints) {
            List<SurveyResponse> mine = responses.stream().filter(r -> r.touchpoint().equals(touchpoint)).toList();
            double mean = mine.stream().mapToDouble(SurveyResponse::normalized).average().orElseThrow();
            double[] interval = PseudoScores.interval(
                    mine.stream().mapToDouble(SurveyResponse::normalized).toArray(), z);
            List<SurveyResponse> nps = mine.stream().filter(r -> r.scale() == Scale.NPS).toList();
            double promoters = nps.stream().filter(r -> r.score() >= 9).count() / (double) nps.size();
            double detractors = nps.stream().filter(r -> r.score() <= 6).count() / (double) nps.size();
            double[] npsInterval = PseudoScores.npsInterval(nps.size(),
                    (int) Math.round(promoters * nps.size()), (int) Math.round(detractors * nps.size()), z);
            var summary = row(result, touchpoint).experience();
            assertThat(summary.responses()).isEqualTo(mine.size());
            assertThat(summary.meanScore()).isCloseTo(mean, within(1e-12));
            assertThat(summary.meanInterval().lower()).isCloseTo(interval[0], within(1e-9));
            assertThat(summary.meanInterval().upper()).isCloseTo(interval[1], within(1e-9));
            assertThat(summary.positiveShare()).isCloseTo(
                    mine.stream().filter(r -> r.polarity() > 0).count() / (double) mine.size(), within(1e-12));
            assertThat(summary.nps().score()).isCloseTo(100 * (promoters - detractors), within(1e-9));
            assertThat(summary.nps().interval().lower()).isCloseTo(npsInterval[0], within(1e-9));
            assertThat(summary.nps().interval().upper()).isCloseTo(npsInterval[1], within(1e-9));
        }
    }

    private static ExperienceByLabel.Row row(ExperienceByLabel.Result result, String label) {
        return result.labels().stream().filter(row -> row.label().equals(label)).findFirst().orElseThrow();
    }
}
