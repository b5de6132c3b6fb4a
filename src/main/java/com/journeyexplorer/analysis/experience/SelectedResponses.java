package com.journeyexplorer.analysis.experience;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * The responses about the selected journeys, each with its journey: unmatched responses and those about journeys
 * not selected (or no longer stored) are left out. O(responses) hash look-ups plus the selection's test of each.
 */
public record SelectedResponses(List<Answer> answers) {

    /** A response and the journey it is about. */
    public record Answer(SurveyResponse response, Journey journey) {
    }

    public static SelectedResponses of(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses) {
        Predicate<Journey> selected = selection.predicate(snapshot);
        List<Answer> answers = new ArrayList<>();
        for (SurveyResponse response : responses) {
            if (!response.isMatched()) {
                continue;
            }
            Journey journey = snapshot.journey(response.journeyId()).orElse(null);
            if (journey != null && selected.test(journey)) {
                answers.add(new Answer(response, journey));
            }
        }
        return new SelectedResponses(List.copyOf(answers));
    }
}
