package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class TopPathsTests {

    private final JourneySnapshot snapshot = new JourneyFixture()
            .journeys("A@0>B@60>buy!@600", "A@0>B@60>buy!@1200>C@1300", "A@0>B@30", "B>A", "C")
            .aggregated("A>B>buy!", 2)
            .snapshot();

    @Test
    void ranksVariantsByWeightedJourneysThenByLabels() {
        TopPaths top = TopPaths.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(), 10);

        assertThat(top.total()).isEqualTo(7);
        assertThat(top.variants()).isEqualTo(4);
        assertThat(top.paths()).extracting(PathVariant::steps).containsExactly(
                List.of("A", "B", "buy"), List.of("A", "B"), List.of("B", "A"), List.of("C"));
        PathVariant first = top.paths().get(0);
        assertThat(first.journeys()).isEqualTo(4);
        assertThat(first.share()).isCloseTo(4 / 7.0, within(1e-12));
        assertThat(first.purchaseRate()).isEqualTo(1.0);
        assertThat(first.timeToComplete().samples()).isEqualTo(2);
        assertThat(first.timeToComplete().medianSeconds()).isEqualTo(600.0);
        assertThat(top.paths().get(1).purchaseRate()).isZero();
        assertThat(top.other().journeys()).isZero();
    }

    @Test
    void givesAJourneyTheSamePathWithAndWithoutSelectingPurchases() {
        TopPaths any = TopPaths.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(), 10);
        TopPaths purchases = TopPaths.of(snapshot, JourneySelection.all().withOutcome(Outcome.PURCHASE),
                PathShaping.touchpoints(), 10);

        assertThat(any.paths()).extracting(PathVariant::steps).doesNotContain(List.of("A", "B", "buy", "C"));
        PathVariant path = any.paths().get(0);
        PathVariant toPurchase = purchases.paths().get(0);
        assertThat(path.steps()).isEqualTo(toPurchase.steps());
        assertThat(path.journeys()).isEqualTo(toPurchase.journeys()).isEqualTo(4);
        assertThat(path.timeToComplete()).isEqualTo(toPurchase.timeToComplete());
    }

    @Test
    void endsPathsAtTheFirstPurchaseWhenSelectingPurchases() {
        TopPaths top = TopPaths.of(snapshot, JourneySelection.all().withOutcome(Outcome.PURCHASE),
                PathShaping.touchpoints(), 10);

        assertThat(top.paths()).singleElement().satisfies(path -> {
            assertThat(path.steps()).containsExactly("A", "B", "buy");
            assertThat(path.journeys()).isEqualTo(4);
            assertThat(path.timeToComplete().samples()).isEqualTo(2);
            assertThat(path.timeToComplete().medianSeconds()).isEqualTo(600.0);
            assertThat(path.timeToComplete().p90Seconds()).isEqualTo(1200.0);
        });
    }

    @Test
    void sumsTheVariantsNotShownIntoOther() {
        TopPaths top = TopPaths.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(), 2);

        assertThat(top.paths()).hasSize(2);
        assertThat(top.other()).isEqualTo(new TopPaths.Other(2, 2, 2 / 7.0));
    }

    @Test
    void untimedVariantsHaveNoTiming() {
        TopPaths top = TopPaths.of(new JourneyFixture().aggregated("A>B", 3).snapshot(), JourneySelection.all(),
                PathShaping.touchpoints(), 5);

        assertThat(top.paths().get(0).timeToComplete().isEmpty()).isTrue();
        assertThat(top.paths().get(0).timeToComplete().medianSeconds()).isNaN();
    }

    @Test
    void shownAndOtherJourneysAddUpToTheTotalOnRandomJourneys() {
        for (long seed = 1; seed <= 30; seed++) {
            JourneySnapshot random = JourneyFixture.random(seed, 60);
            int limit = (int) (seed % 7);
            TopPaths top = TopPaths.of(random, JourneySelection.all(),
                    new PathShaping(PathShaping.Level.TOUCHPOINT, seed % 2 == 0, seed % 3 == 0 ? 3 : null, null),
                    limit);

            long shown = top.paths().stream().mapToLong(PathVariant::journeys).sum();
            double shares = top.paths().stream().mapToDouble(PathVariant::share).sum();
            assertThat(shown + top.other().journeys()).isEqualTo(top.total()).isEqualTo(random.journeyCount());
            assertThat(shares + top.other().share()).isCloseTo(1.0, within(1e-9));
            assertThat(top.paths().size() + top.other().variants()).isEqualTo(top.variants());
            assertThat(top.paths()).extracting(PathVariant::journeys).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
    }

    @Test
    void equalsTheTopPathsOfShapedLabelListsOnRandomJourneys() {
        for (long seed = 1; seed <= 6; seed++) {
            JourneySnapshot random = JourneyFixture.varied(seed, 300);
            for (JourneySelection selection : PathCrossChecks.selections()) {
                for (PathShaping shaping : PathCrossChecks.shapings()) {
                    for (int limit : new int[] {0, 1, 7, 1000}) {
                        assertThat(TopPaths.of(random, selection, shaping, limit))
                                .isEqualTo(ObjectPathAnalyses.topPaths(random, selection, shaping, limit));
                    }
                }
            }
        }
    }

    @Test
    void equalsTheTopPathsOfShapedLabelListsOnManyJourneys() {
        // Enough records, and timed paths, for the counts and the durations to be read in two parallel halves.
        JourneySnapshot many = JourneyFixture.varied(11, 2 * TwoHalves.PARALLEL_FROM);
        for (PathShaping shaping : PathCrossChecks.shapings().subList(0, 3)) {
            assertThat(TopPaths.of(many, JourneySelection.all(), shaping, 50))
                    .isEqualTo(ObjectPathAnalyses.topPaths(many, JourneySelection.all(), shaping, 50));
        }
    }

    @Test
    void equalsTheTopPathsOfShapedLabelListsOnAClickstream() {
        JourneySnapshot clickstream = PathCrossChecks.clickstream();
        for (JourneySelection selection : PathCrossChecks.clickstreamSelections()) {
            for (PathShaping shaping : PathCrossChecks.clickstreamShapings()) {
                assertThat(TopPaths.of(clickstream, selection, shaping, 20))
                        .isEqualTo(ObjectPathAnalyses.topPaths(clickstream, selection, shaping, 20));
            }
        }
    }
}
