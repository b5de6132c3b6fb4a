package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.analysis.compare.KeyMoments;
import com.journeyexplorer.analysis.compare.SegmentComparison;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Touchpoint;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Adapter, key moments and segment comparison on a small hand-made snapshot. */
class JourneyAnalysisTests {

    private static final byte T = EventType.TOUCHPOINT.code();
    private static final byte P = EventType.PURCHASE.code();

    private static final List<Touchpoint> TOUCHPOINTS = List.of(new Touchpoint(0, "ad", "paid", "", Owner.OWN),
            new Touchpoint(1, "site", "web", "", Owner.OWN), new Touchpoint(2, "checkout", "web", "", Owner.OWN),
            new Touchpoint(3, "rival", "", "", Owner.COMPETITOR));

    // ad > site > checkout (purchase) > site, x30, untimed, value 300 in all
    private static final Journey BOUGHT = new Journey("j1", null, new int[] {0, 1, 2, 1}, new long[0],
            new byte[] {T, T, P, T}, null, Outcome.PURCHASE, 2, 300, 30, null, null, null);
    // site > rival, x20
    private static final Journey DIVERTED = new Journey("j2", null, new int[] {1, 3}, new long[0],
            new byte[] {T, T}, null, Outcome.DIVERTED, -1, 0, 20, null, null, null);
    // site, x50
    private static final Journey ABANDONED = new Journey("j3", null, new int[] {1}, new long[0], new byte[] {T},
            null, Outcome.ABANDONED, -1, 0, 50, null, null, null);
    // ad > checkout (purchase), timed, one journey, value 5
    private static final Journey TIMED = new Journey("j4", null, new int[] {0, 2}, new long[] {1_000L, 5_000L},
            new byte[] {T, P}, null, Outcome.PURCHASE, 1, 5, 1, null, null, null);

    private static final JourneySnapshot SNAPSHOT = new JourneySnapshot(TOUCHPOINTS,
            List.of(BOUGHT, DIVERTED, ABANDONED, TIMED), 1);
    private static final TouchpointLabels TOUCHPOINT_LABELS = TouchpointLabels.of(SNAPSHOT,
            PathShaping.touchpoints());
    private static final TouchpointLabels CHANNEL_LABELS = TouchpointLabels.of(SNAPSHOT,
            new PathShaping(PathShaping.Level.CHANNEL, false, null, null));

    @Test
    void adaptsJourneysToPathsCutBeforeThePurchase() {
        AttributionPath path = AttributionPath.of(BOUGHT, TOUCHPOINT_LABELS);
        assertThat(path.steps()).containsExactly("ad", "site");
        assertThat(path.converted()).isTrue();
        assertThat(path.weight()).isEqualTo(30);
        assertThat(path.conversionValue()).isEqualTo(300.0);
        assertThat(path.isTimed()).isFalse();
        assertThat(AttributionPath.of(BOUGHT, CHANNEL_LABELS).steps()).containsExactly("paid", "web");
        // no channel: the touchpoint's name
        AttributionPath diverted = AttributionPath.of(DIVERTED, CHANNEL_LABELS);
        assertThat(diverted.steps()).containsExactly("web", "rival");
        assertThat(diverted.converted()).isFalse();
        assertThat(diverted.conversionValue()).isZero();
        AttributionPath timed = AttributionPath.of(TIMED, TOUCHPOINT_LABELS);
        assertThat(timed.steps()).containsExactly("ad");
        assertThat(timed.stepTimes()).containsExactly(1_000L);
        assertThat(timed.conversionTime()).isEqualTo(5_000L);
    }

    @Test
    void keyMomentsSetTouchpointsLeadingToSaleApartFromThoseLeadingAway() {
        List<KeyMoments.KeyMoment> moments = KeyMoments.of(SNAPSHOT, journey -> true, 0.95, 0.05, 256).moments();
        // checkout is only ever the purchase event itself: the outcome, not a moment before it
        assertThat(moments).extracting(KeyMoments.KeyMoment::touchpoint)
                .containsExactlyInAnyOrder("ad", "site", "rival");
        // ad: 31 of 31 journeys bought, against 0 of 70
        KeyMoments.KeyMoment ad = moments.get(0);
        assertThat(ad.touchpoint()).isEqualTo("ad");
        assertThat(ad.journeysWith()).isEqualTo(31);
        assertThat(ad.purchasesWith()).isEqualTo(31);
        assertThat(ad.journeysWithout()).isEqualTo(70);
        assertThat(ad.comparison().difference()).isEqualTo(1.0);
        assertThat(ad.direction()).isEqualTo(KeyMoments.Direction.TOWARD_PURCHASE);
        KeyMoments.KeyMoment rival = moments.stream().filter(m -> m.touchpoint().equals("rival")).findFirst()
                .orElseThrow();
        // 0 of 20 against 31 of 81
        assertThat(rival.comparison().rateB()).isCloseTo(31.0 / 81, within(1e-15));
        assertThat(rival.direction()).isEqualTo(KeyMoments.Direction.AWAY_FROM_PURCHASE);
        assertThat(rival.divertedRateWith()).isEqualTo(1.0);
        assertThat(rival.adjustedPValue()).isGreaterThanOrEqualTo(rival.comparison().pValue());
        // every way from (start) to rival and (diverted) goes through site
        KeyMoments.KeyMoment site = moments.stream().filter(m -> m.touchpoint().equals("site")).findFirst()
                .orElseThrow();
        assertThat(site.betweenness()).isGreaterThan(rival.betweenness());
        assertThat(moments).allSatisfy(m -> assertThat(m.pageRank()).isPositive());
    }

    @Test
    void segmentComparisonTestsOutcomesVariantsAndTransitions() {
        SegmentComparison.Result result = SegmentComparison.compare(SNAPSHOT, List.of(BOUGHT, ABANDONED),
                List.of(DIVERTED, ABANDONED, TIMED), new LastTouch(), TOUCHPOINT_LABELS, 0.95, 3);
        assertThat(result.journeysA()).isEqualTo(80);
        assertThat(result.journeysB()).isEqualTo(71);
        SegmentComparison.OutcomeRate purchase = result.outcomes().get(Outcome.PURCHASE.ordinal());
        assertThat(purchase.countA()).isEqualTo(30);
        assertThat(purchase.countB()).isEqualTo(1);
        assertThat(purchase.comparison().difference()).isCloseTo(30.0 / 80 - 1.0 / 71, within(1e-15));
        assertThat(purchase.comparison().pValue()).isLessThan(1e-6);
        assertThat(result.outcomeTest().degreesOfFreedom()).isEqualTo(2);
        // 4 variants, differences: a's purchase path 30/80 - 0 = 0.375, site > rival 0 - 20/71, site alone
        // 50/80 - 50/71, ad > checkout 0 - 1/71 (the smallest, left out by the limit of 3)
        assertThat(result.variants()).hasSize(3);
        SegmentComparison.ShareDifference top = result.variants().get(0);
        assertThat(top.key()).isEqualTo("ad > site > checkout → (purchase)");
        assertThat(top.countA()).isEqualTo(30);
        assertThat(top.comparison().difference()).isCloseTo(0.375, within(1e-15));
        assertThat(result.variants()).extracting(SegmentComparison.ShareDifference::key)
                .containsExactly("ad > site > checkout → (purchase)", "site > rival → (diverted)",
                        "site → (abandoned)");
        assertThat(result.variants()).allSatisfy(v -> assertThat(v.adjustedPValue())
                .isGreaterThanOrEqualTo(v.comparison().pValue()));
        assertThat(result.transitions()).hasSize(3);
        // last touch: the last step before the purchase event
        assertThat(result.attributionA().conversions("site")).isEqualTo(30.0);
        assertThat(result.attributionA().value("site")).isEqualTo(300.0);
        assertThat(result.attributionB().conversions("ad")).isEqualTo(1.0);
    }
}
