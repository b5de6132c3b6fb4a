package com.journeyexplorer.analysis.experience;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The responses joined to a snapshot once, as columns by response (in the order of the list): the position of its
 * journey in {@link JourneySnapshot#journeys()} (-1 when unmatched or no longer stored), its touchpoint id (-1 for
 * none, or a name the snapshot does not know), the code of the stage it counts under by stage (its own, else its
 * touchpoint's; -1 for none), its normalized score, polarity, whether it is an NPS answer and whether it has a
 * comment. A selection then picks responses by testing each one's journey position against the record columns
 * ({@link com.journeyexplorer.analysis.JourneySelection#positions}), and the analyses add up the columns: no hash
 * look-up, no string and no score conversion per response and request. Also kept: the keys the drivers count,
 * (touchpoint, journey position, polarity) of every joined response about a touchpoint, sorted, with its journey's
 * weight and whether it bought, so they need no sort and no journey read per request; and the commented negative
 * responses sorted most negative first.
 *
 * <p>Built for the latest snapshot and response list and kept until either changes: O(responses) hash look-ups (a
 * journey by id, a touchpoint and a stage by name) and O(responses log responses) for the drivers' keys, about 50
 * bytes per response; checking that the kept one is for the same snapshot and the same responses (identity of each,
 * so a list changed in place is seen) costs a pointer compare per response. Holds one snapshot and one response array
 * beyond their use.
 */
final class JoinedResponses {

    static final int NONE = -1;

    private static final AtomicReference<JoinedResponses> LATEST = new AtomicReference<>();

    private final JourneySnapshot snapshot;
    final SurveyResponse[] responses;
    final int[] positions;
    final int[] touchpoints;
    final int[] stages;
    final String[] stageNames;
    final double[] normalized;
    final byte[] polarities;
    final boolean[] nps;
    final boolean[] commented;
    /**
     * {@code touchpoint id << 34 | journey position << 2 | (polarity + 1)} of each joined response about a known
     * touchpoint, ascending: a journey's answers about a touchpoint are adjacent.
     */
    final long[] driverKeys;
    /**
     * The joined negative responses (polarity -1, as the negative share counts them) with a comment, most negative
     * first: lowest normalized score, then the newer, then by id (the order of {@link ExperienceByLabel#mostNegative}),
     * so a request keeps the first few of each label.
     */
    final int[] negativeCommentsMostNegativeFirst;
    /** The weight of the journey of each of {@link #driverKeys}. */
    final int[] driverWeights;
    /** Whether the journey of each of {@link #driverKeys} ends in a purchase. */
    final boolean[] driverPurchases;

    private JoinedResponses(JourneySnapshot snapshot, SurveyResponse[] responses) {
        this.snapshot = snapshot;
        this.responses = responses;
        int size = responses.length;
        positions = new int[size];
        touchpoints = new int[size];
        stages = new int[size];
        normalized = new double[size];
        polarities = new byte[size];
        nps = new boolean[size];
        commented = new boolean[size];
        Map<String, Integer> stageCodes = new HashMap<>();
        long[] keys = new long[size];
        int keyCount = 0;
        for (int i = 0; i < size; i++) {
            if ((i & 0xFFFF) == 0) {
                WorkBudget.check();
            }
            SurveyResponse response = responses[i];
            positions[i] = response.isMatched() ? snapshot.positionOf(response.journeyId()) : NONE;
            Touchpoint touchpoint = response.touchpoint().isEmpty() ? null
                    : snapshot.touchpoint(response.touchpoint()).orElse(null);
            touchpoints[i] = touchpoint == null ? NONE : touchpoint.id();
            String stage = !response.stage().isEmpty() ? response.stage()
                    : touchpoint == null ? "" : touchpoint.stage();
            stages[i] = stage.isEmpty() ? NONE : stageCodes.computeIfAbsent(stage, unused -> stageCodes.size());
            normalized[i] = response.normalized();
            polarities[i] = (byte) response.polarity();
            nps[i] = response.scale() == Scale.NPS;
            commented[i] = !response.comment().isEmpty();
            if (positions[i] >= 0 && touchpoints[i] >= 0) {
                keys[keyCount++] = (long) touchpoints[i] << 34 | (long) positions[i] << 2 | (polarities[i] + 1);
            }
        }
        stageNames = new String[stageCodes.size()];
        stageCodes.forEach((name, code) -> stageNames[code] = name);
        driverKeys = Arrays.copyOf(keys, keyCount);
        Arrays.sort(driverKeys);
        negativeCommentsMostNegativeFirst = java.util.stream.IntStream.range(0, size)
                .filter(i -> commented[i] && polarities[i] < 0 && positions[i] >= 0).boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer i) -> normalized[i])
                        .thenComparing(java.util.Comparator.comparingLong((Integer i) -> responses[i].at()).reversed())
                        .thenComparing(i -> responses[i].id()))
                .mapToInt(Integer::intValue).toArray();
        driverWeights = new int[keyCount];
        driverPurchases = new boolean[keyCount];
        List<Journey> journeys = snapshot.journeys();
        for (int k = 0; k < keyCount; k++) {
            Journey journey = journeys.get((int) (driverKeys[k] >>> 2 & 0xFFFFFFFFL));
            driverWeights[k] = journey.weight();
            driverPurchases[k] = journey.outcome() == Outcome.PURCHASE;
        }
    }

    /** The responses joined to {@code snapshot}: the kept join when it is for both, else joined now and kept. */
    static JoinedResponses of(JourneySnapshot snapshot, List<SurveyResponse> responses) {
        JoinedResponses latest = LATEST.get();
        if (latest != null && latest.isFor(snapshot, responses)) {
            return latest;
        }
        JoinedResponses joined = new JoinedResponses(snapshot, responses.toArray(SurveyResponse[]::new));
        LATEST.set(joined);
        return joined;
    }

    int size() {
        return responses.length;
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
