package com.journeyexplorer.analysis.experience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * The responses about the selected journeys: unmatched responses and those about journeys not selected (or no longer
 * stored) are left out. The responses are joined to the snapshot once ({@link JoinedResponses}, kept for the latest
 * snapshot and response list); a request then tests each joined response's journey position against the selection's
 * record columns ({@link JourneySelection#positions}), O(responses) tests without a hash look-up or a journey read
 * when the selection's criteria are segment, device or outcome.
 */
public final class SelectedResponses {

    /** A response, the journey it is about and that journey's position in the snapshot's journeys. */
    public record Answer(SurveyResponse response, Journey journey, int position) {
    }

    private final JourneySnapshot snapshot;
    private final JoinedResponses joined;
    private final IntPredicate selected;
    private final int[] indexes;

    private SelectedResponses(JourneySnapshot snapshot, JoinedResponses joined, IntPredicate selected,
            int[] indexes) {
        this.snapshot = snapshot;
        this.joined = joined;
        this.selected = selected;
        this.indexes = indexes;
    }

    public static SelectedResponses of(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses) {
        JoinedResponses joined = JoinedResponses.of(snapshot, responses);
        IntPredicate selected = selection.positions(snapshot);
        int[] positions = joined.positions;
        int[] indexes = new int[positions.length];
        int size = 0;
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] >= 0 && selected.test(positions[i])) {
                indexes[size++] = i;
            }
        }
        return new SelectedResponses(snapshot, joined, selected, Arrays.copyOf(indexes, size));
    }

    /** The selected responses with their journeys, in the order of the response list; O(selected) to build. */
    public List<Answer> answers() {
        List<Answer> answers = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            int position = joined.positions[i];
            answers.add(new Answer(joined.responses[i], snapshot.journeys().get(position), position));
        }
        return List.copyOf(answers);
    }

    /** The join the selected responses are indexes into. */
    JoinedResponses joined() {
        return joined;
    }

    /** The indexes into {@link #joined()} of the selected responses, ascending; not to be modified. */
    int[] indexes() {
        return indexes;
    }

    /** Whether the journey at {@code position} is selected. */
    boolean selects(int position) {
        return selected.test(position);
    }
}
