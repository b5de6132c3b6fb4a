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
 * The responses about the selected journeys, each with its journey: unmatched responses and those about journeys
 * not selected (or no longer stored) are left out. O(responses) hash look-ups plus the selection's test of each; the
 * look-ups are kept for the latest snapshot and response list, so repeated requests cost the tests only.
 */
public record SelectedResponses(List<Answer> answers) {

    /** A response and the journey it is about. */
    public record Answer(SurveyResponse response, Journey journey) {
    }

    public static SelectedResponses of(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses) {
        Predicate<Journey> selected = selection.predicate(snapshot);
        Journey[] journeys = JourneysOfResponses.of(snapshot, responses);
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < journeys.length; i++) {
            Journey journey = journeys[i];
            if (journey != null && selected.test(journey)) {
                answers.add(new Answer(responses.get(i), journey));
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
    private record JourneysOfResponses(JourneySnapshot snapshot, SurveyResponse[] responses, Journey[] journeys) {

        private static final AtomicReference<JourneysOfResponses> LATEST = new AtomicReference<>();

        static Journey[] of(JourneySnapshot snapshot, List<SurveyResponse> responses) {
            JourneysOfResponses latest = LATEST.get();
            if (latest != null && latest.isFor(snapshot, responses)) {
                return latest.journeys;
            }
            SurveyResponse[] kept = responses.toArray(SurveyResponse[]::new);
            Journey[] journeys = new Journey[kept.length];
            for (int i = 0; i < kept.length; i++) {
                if (kept[i].isMatched()) {
                    journeys[i] = snapshot.journey(kept[i].journeyId()).orElse(null);
                }
            }
            LATEST.set(new JourneysOfResponses(snapshot, kept, journeys));
            return journeys;
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
