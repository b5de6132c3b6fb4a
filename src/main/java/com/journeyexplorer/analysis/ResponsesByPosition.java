package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.SurveyResponse;
import java.util.Arrays;
import java.util.List;

/**
 * The survey responses joined to a snapshot once per request: per matched response, the position of its journey in
 * {@link JourneySnapshot#journeys()} and its normalized score (0..1). Responses that matched no journey, or a journey
 * no longer stored, are left out. Analyses test a response's position against their selection and add its score to
 * the row its journey counts in, so no per-journey structure is built. O(responses) hash look-ups; 12 bytes per
 * response.
 */
public final class ResponsesByPosition {

    private static final ResponsesByPosition NONE = new ResponsesByPosition(new int[0], new double[0]);

    private final int[] positions;
    private final double[] scores;

    private ResponsesByPosition(int[] positions, double[] scores) {
        this.positions = positions;
        this.scores = scores;
    }

    /** No responses: the analyses then report no experience. */
    public static ResponsesByPosition none() {
        return NONE;
    }

    public static ResponsesByPosition of(JourneySnapshot snapshot, List<SurveyResponse> responses) {
        int[] positions = new int[responses.size()];
        double[] scores = new double[responses.size()];
        int size = 0;
        for (SurveyResponse response : responses) {
            if (!response.isMatched()) {
                continue;
            }
            int position = snapshot.positionOf(response.journeyId());
            if (position >= 0) {
                positions[size] = position;
                scores[size] = response.normalized();
                size++;
            }
        }
        if (size == 0) {
            return NONE;
        }
        return new ResponsesByPosition(Arrays.copyOf(positions, size), Arrays.copyOf(scores, size));
    }

    /** How many responses found their journey. */
    public int size() {
        return positions.length;
    }

    public boolean isEmpty() {
        return positions.length == 0;
    }

    /** The journey position of response {@code i}, {@code 0 <= i < size()}. */
    public int position(int i) {
        return positions[i];
    }

    /** The normalized score (0..1) of response {@code i}. */
    public double normalized(int i) {
        return scores[i];
    }
}
