package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
}
