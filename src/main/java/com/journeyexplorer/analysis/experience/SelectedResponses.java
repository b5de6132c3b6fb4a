package com.journeyexplorer.analysis.experience;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * The responses about the selected journeys, each with its journey and its position: unmatched responses and those about journeys
 * not selected (or no longer stored) are left out. O(responses) hash look-ups plus the selection's test of each; the
 * look-ups are kept for the latest snapshot and response list, so repeated requests cost the tests only.
 */
public record SelectedResponses(List<Answer> answers) {

    /** A response, the journey it is about and that journey's position in the snapshot's journeys. */
    public record Answer(SurveyResponse response, Journey journey, int position) {
    }

    public static SelectedResponses of(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses) {
        Predicate<Journey> selected = selection.predicate(snapshot);
        JourneysOfResponses joined = JourneysOfResponses.of(snapshot, responses);
        Journey[] journeys = joined.journeys();
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < journeys.length; i++) {
            Journey journey = journeys[i];
            if (journey != null && selected.test(journey)) {
                answers.add(new Answer(responses.get(i), journey, joined.positions()[i]));
            }
        }
        return new SelectedResponses(List.copyOf(answers));
    }

    /**
     * The journey of each response (null when unmatched or no longer stored), looked up once for the latest snapshot
     * and response list and kept until either changes: a journey look-up by id is a hash probe into the snapshot's
     * index, about half a microsecond each at 300,000 journeys, while checking that the kept answer is for the same
     * snapshot and the same responses (identity of each, so a list changed in place is seen) costs a pointer compare
     * per response. Holds one snapshot and one response array beyond their use.
     */
    private record JourneysOfResponses(JourneySnapshot snapshot, SurveyResponse[] responses, Journey[] journeys,
            int[] positions) {

        private static final AtomicReference<JourneysOfResponses> LATEST = new AtomicReference<>();

        static JourneysOfResponses of(JourneySnapshot snapshot, List<SurveyResponse> responses) {
            JourneysOfResponses latest = LATEST.get();
            if (latest != null && latest.isFor(snapshot, responses)) {
                return latest;
            }
            SurveyResponse[] kept = responses.toArray(SurveyResponse[]::new);
            Journey[] journeys = new Journey[kept.length];
            int[] positions = new int[kept.length];
            java.util.Arrays.fill(positions, -1);
            for (int i = 0; i < kept.length; i++) {
                if (kept[i].isMatched()) {
                    int position = snapshot.positionOf(kept[i].journeyId());
                    if (position >= 0) {
                        positions[i] = position;
                        journeys[i] = snapshot.journeys().get(position);
                    }
                }
            }
            JourneysOfResponses joined = new JourneysOfResponses(snapshot, kept, journeys, positions);
            LATEST.set(joined);
            return joined;
        }

        private boolean isFor(JourneySnapshot other, List<SurveyResponse> others) {
            if (snapshot != other || responses.length != others.size()) {
                return false;
            }
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] != others.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
