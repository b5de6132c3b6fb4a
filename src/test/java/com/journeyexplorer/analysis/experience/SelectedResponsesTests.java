package com.journeyexplorer.analysis.experience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/** The join of responses to the selected journeys, with its look-ups kept for the latest snapshot and responses. */
class SelectedResponsesTests {

    private static final List<Touchpoint> TOUCHPOINTS = List.of(new Touchpoint(0, "Ad", "social", "awareness",
            Owner.OWN));

    private static Journey journey(String id, String segment) {
        return new Journey(id, "c-" + id, new int[] {0}, new long[0], new byte[] {EventType.TOUCHPOINT.code()}, null,
                Outcome.ABANDONED, -1, 0, 1, segment, "", Map.of());
    }

    private static SurveyResponse response(String id, String journey) {
        return new SurveyResponse(id, journey, "", 1, "Ad", "awareness", Scale.CSAT, 4, "");
    }

    private static List<String> journeysOf(SelectedResponses selected) {
        return selected.answers().stream().map(answer -> answer.journey().id()).toList();
    }

    @Test
    void joinsEachResponseToItsSelectedJourneyAndSeesChangesOfSnapshotOrResponses() {
        JourneySnapshot snapshot = new JourneySnapshot(TOUCHPOINTS, List.of(journey("j1", "a"), journey("j2", "b")),
                1);
        List<SurveyResponse> responses = new ArrayList<>(List.of(response("r1", "j1"), response("r2", "j2"),
                response("r3", ""), response("r4", "gone")));

        assertThat(journeysOf(SelectedResponses.of(snapshot, JourneySelection.all(), responses)))
                .containsExactly("j1", "j2");
        assertThat(journeysOf(SelectedResponses.of(snapshot, JourneySelection.all().withSegment("b"), responses)))
                .containsExactly("j2");

        responses.set(0, response("r1", "j2"));
        assertThat(journeysOf(SelectedResponses.of(snapshot, JourneySelection.all(), responses)))
                .as("a list changed in place is joined afresh").containsExactly("j2", "j2");

        JourneySnapshot next = snapshot.withChanges(TOUCHPOINTS, List.of(journey("gone", "a")));
        assertThat(journeysOf(SelectedResponses.of(next, JourneySelection.all(), responses)))
                .as("a new snapshot is joined afresh").containsExactly("j2", "j2", "gone");
    }
}
