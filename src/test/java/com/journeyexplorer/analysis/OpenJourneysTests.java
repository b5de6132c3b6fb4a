package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Journeys one day apart (journey k starts on day k), judged against the latest event of all of them. */
class OpenJourneysTests {

    /** Reaches the journeys of the last three days: the latest event minus a journey's last one is under it. */
    private static final long HORIZON = 2 * JourneyFixture.DAY + 1;

    private final JourneySnapshot snapshot = new JourneyFixture().competitors("Rival")
            .journeys("A>B", "A>buy!", "A>Rival", "A>B", "A>buy!", "A>Rival")
            .aggregated("A>B", 3)
            .snapshot();

    private static List<Outcome> outcomes(JourneySnapshot snapshot) {
        return snapshot.journeys().stream().map(Journey::outcome).toList();
    }

    @Test
    void journeysWithoutPurchaseEndingWithinTheHorizonAreOpen() {
        JourneySnapshot judged = OpenJourneys.apply(snapshot, HORIZON);

        assertThat(outcomes(judged)).containsExactly(Outcome.ABANDONED, Outcome.PURCHASE, Outcome.DIVERTED,
                Outcome.OPEN, Outcome.PURCHASE, Outcome.OPEN, Outcome.ABANDONED);
        assertThat(judged.hasOpenJourneys()).isTrue();
        assertThat(judged.version()).isEqualTo(snapshot.version());
        assertThat(judged.journeys().get(3).steps()).isSameAs(snapshot.journeys().get(3).steps());
    }

    @Test
    void aZeroHorizonOrNothingToChangeKeepsTheSnapshot() {
        assertThat(OpenJourneys.apply(snapshot, 0)).isSameAs(snapshot);
        JourneySnapshot judged = OpenJourneys.apply(snapshot, HORIZON);
        assertThat(OpenJourneys.apply(judged, HORIZON)).isSameAs(judged);
    }

    @Test
    void openJourneysCloseAgainWithTheirOutcomeWhenTheHorizonNoLongerReachesThem() {
        JourneySnapshot judged = OpenJourneys.apply(snapshot, HORIZON);

        assertThat(outcomes(OpenJourneys.apply(judged, 0))).isEqualTo(outcomes(snapshot));
    }

    @Test
    void selectionsLeaveOpenJourneysOutUnlessAsked() {
        JourneySnapshot judged = OpenJourneys.apply(snapshot, HORIZON);

        assertThat(JourneySelection.all().select(judged)).hasSize(5);
        assertThat(JourneySelection.all().withOpen(true).select(judged)).hasSize(7);
        assertThat(JourneySelection.all().withOutcome(Outcome.OPEN).select(judged)).extracting(Journey::outcome)
                .containsOnly(Outcome.OPEN).hasSize(2);
        assertThat(TopPaths.of(judged, JourneySelection.all(), PathShaping.touchpoints(), 10).total()).isEqualTo(7);
        assertThat(TopPaths.of(judged, JourneySelection.all().withOpen(true), PathShaping.touchpoints(), 10).total())
                .isEqualTo(9);
    }

    @Test
    void changesJudgeOnlyOpenAndChangedJourneysYetAgreeWithAFullPass() {
        Random random = new Random(5);
        JourneySnapshot before = OpenJourneys.apply(snapshot, HORIZON);
        List<Journey> templates = snapshot.journeys();
        for (int round = 0; round < 60; round++) {
            List<Journey> upserts = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                Journey template = templates.get(random.nextInt(templates.size()));
                // Later and later journeys: the latest event moves on and open journeys close.
                long shift = (round + 1) * JourneyFixture.DAY / 2;
                long[] times = template.times().clone();
                for (int t = 0; t < times.length; t++) {
                    times[t] += shift;
                }
                String id = random.nextBoolean() ? "new-" + round + "-" + i : template.id();
                upserts.add(new Journey(id, null, template.steps(), template.isTimed() ? times : template.times(),
                        template.types(), null, template.outcome() == Outcome.OPEN ? Outcome.ABANDONED
                                : template.outcome(), template.purchaseIndex(), 0.0, template.weight(), null, null,
                        null));
            }
            List<String> removals = random.nextInt(5) == 0 ? List.of(before.journeys().get(0).id()) : List.of();

            OpenJourneys.Changed changed = OpenJourneys.applyChanges(before, before.touchpoints(), upserts, removals,
                    HORIZON);
            JourneySnapshot full = OpenJourneys.apply(before.withChanges(before.touchpoints(), upserts, removals),
                    HORIZON);

            assertThat(outcomes(changed.snapshot())).as("round " + round).isEqualTo(outcomes(full));
            assertThat(changed.snapshot().journeys()).extracting(Journey::id)
                    .isEqualTo(full.journeys().stream().map(Journey::id).toList());
            assertThat(changed.snapshot().hasOpenJourneys()).isEqualTo(full.hasOpenJourneys());
            assertThat(changed.snapshot().latestEvent()).isEqualTo(full.latestEvent());
            Set<String> moved = new HashSet<>();
            Set<String> upserted = new HashSet<>();
            upserts.forEach(journey -> upserted.add(journey.id()));
            for (Journey journey : full.journeys()) {
                Journey old = before.journey(journey.id()).orElse(null);
                if (old != null && old.outcome() != journey.outcome() && !upserted.contains(journey.id())) {
                    moved.add(journey.id());
                }
            }
            assertThat(changed.statusMoved()).as("round " + round).isEqualTo(moved);
            before = changed.snapshot();
        }
    }
}
