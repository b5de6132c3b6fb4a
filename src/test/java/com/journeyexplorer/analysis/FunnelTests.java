package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.Funnel.Stage;
import com.journeyexplorer.journey.Touchpoint;

class FunnelTests {

    private final JourneySnapshot snapshot = new JourneyFixture()
            .touchpoint("ad", "display", "awareness")
            .touchpoint("site", "web", "consideration")
            .touchpoint("shop", "web", "")
            .touchpoint("review", "web", "Loyalty")
            .competitors("X")
            .journeys("ad>site>shop!>review", "ad>site", "ad>X", "ad", "site>shop!")
            .snapshot();

    private final Funnel funnel = Funnel.of(snapshot, JourneySelection.all(),
            List.of("awareness", "consideration", "purchase", "loyalty"), 5);

    @Test
    void countsJourneysReachingEachStageAndConversionFromThePrevious() {
        assertThat(funnel.total()).isEqualTo(5);
        assertThat(funnel.stages()).extracting(Stage::journeys).containsExactly(4L, 3L, 2L, 1L);
        assertThat(funnel.stages()).extracting(Stage::conversion).containsExactly(0.8, 0.5, 2 / 3.0, 0.5);
        assertThat(funnel.stages().get(1).shareOfTotal()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void refusesAStageNamedTwiceWhichItsReachPerStageCannotTellApart() {
        assertThatThrownBy(() -> Funnel.of(snapshot, JourneySelection.all(), List.of("consideration", "Consideration"),
                5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
    }

    @Test
    void explainsWhereJourneysThatDidNotGoOnEnded() {
        Stage awareness = funnel.stages().get(0);
        assertThat(awareness.droppedOut()).isEqualTo(2);
        assertThat(awareness.abandonedAt()).containsExactly(new LabelCount("ad", 1, 0.5));
        assertThat(awareness.divertedTo()).containsExactly(new LabelCount("X", 1, 0.5));
        Stage consideration = funnel.stages().get(1);
        assertThat(consideration.abandonedAt()).containsExactly(new LabelCount("site", 1, 1.0));
        Stage purchase = funnel.stages().get(2);
        assertThat(purchase.droppedOut()).as("bought but left no review").isEqualTo(1);
        assertThat(purchase.abandonedAt()).isEmpty();
        assertThat(funnel.stages().get(3).droppedOut()).isZero();
    }

    @Test
    void countsTwoHalvesExactlyAsOnePass() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            List<String> stages = stagesAndPurchase(each.snapshot());
            for (JourneySelection selection : each.selections()) {
                Funnel onePass = Funnel.of(each.snapshot(), selection, stages, 3, ResponsesByPosition.none(),
                        Integer.MAX_VALUE);

                assertThat(Funnel.of(each.snapshot(), selection, stages, 3, ResponsesByPosition.none(), 2))
                        .isEqualTo(onePass);
            }
        }
    }

    @Test
    void countsTheSelectedJourneysAsASnapshotOfThemAlone() {
        for (PathCrossChecks.HalvesCase each : PathCrossChecks.halvesCases()) {
            JourneySnapshot snapshot = each.snapshot();
            List<String> stages = stagesAndPurchase(snapshot);
            for (JourneySelection selection : each.selections()) {
                JourneySnapshot selectedAlone = new JourneySnapshot(snapshot.touchpoints(),
                        selection.select(snapshot), 1);

                assertThat(Funnel.of(snapshot, selection, stages, 3))
                        .isEqualTo(Funnel.of(selectedAlone, JourneySelection.all().withOpen(true), stages, 3));
            }
        }
    }

    /** The stages of the touchpoints and purchase, each once ignoring case (as the funnel matches them). */
    private static List<String> stagesAndPurchase(JourneySnapshot snapshot) {
        Map<String, String> byFolded = new TreeMap<>();
        snapshot.touchpoints().stream().map(Touchpoint::stage).filter(stage -> !stage.isEmpty()).sorted()
                .forEach(stage -> byFolded.putIfAbsent(stage.toLowerCase(Locale.ROOT), stage));
        byFolded.putIfAbsent("purchase", "purchase");
        return List.copyOf(byFolded.values());
    }
}
