package com.journeyexplorer.analysis.experience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.JourneySelection;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.PathShaping;
import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;
import com.journeyexplorer.journey.Touchpoint;

/**
 * The experience of filtered selections, read from the responses joined once per snapshot, against a literal
 * computation on seeded journeys and answers: the selected journeys' answers grouped by label with a map, their
 * comments sorted per label, the drivers' journeys summed per touchpoint with a map.
 */
class FilteredExperienceTests {

    private static final String[] SEGMENTS = {"a", "b", "c"};
    private static final String[] DEVICES = {"mobile", "desktop"};
    private static final Outcome[] OUTCOMES = {Outcome.PURCHASE, Outcome.ABANDONED, Outcome.DIVERTED, Outcome.OPEN};
    private static final List<Touchpoint> TOUCHPOINTS = List.of(
            new Touchpoint(0, "Ad", "social", "awareness", Owner.OWN),
            new Touchpoint(1, "Product", "website", "consideration", Owner.OWN),
            new Touchpoint(2, "Cart", "website", "purchase", Owner.OWN),
            new Touchpoint(3, "Support", "support", "service", Owner.OWN),
            new Touchpoint(4, "Rival", "competitor", "consideration", Owner.COMPETITOR));

    private static JourneySnapshot snapshot(Random random) {
        List<Journey> journeys = new ArrayList<>();
        for (int j = 0; j < 300; j++) {
            int length = 1 + random.nextInt(5);
            int[] steps = new int[length];
            byte[] types = new byte[length];
            for (int i = 0; i < length; i++) {
                steps[i] = random.nextInt(TOUCHPOINTS.size());
                types[i] = random.nextInt(6) == 0 ? EventType.FRUSTRATION.code() : EventType.TOUCHPOINT.code();
            }
            journeys.add(new Journey("j" + j, "c" + j, steps, new long[0], types, null,
                    OUTCOMES[random.nextInt(OUTCOMES.length)], -1, 0, 1 + random.nextInt(3),
                    SEGMENTS[random.nextInt(SEGMENTS.length)], DEVICES[random.nextInt(DEVICES.length)], Map.of()));
        }
        return new JourneySnapshot(TOUCHPOINTS, journeys, 1);
    }

    /**
     * Answers about random journeys (some about none, or one not stored), about a touchpoint, a stage alone (one that
     * no touchpoint has among them) or neither, a third with a comment, times with ties.
     */
    private static List<SurveyResponse> responses(Random random) {
        List<SurveyResponse> responses = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            int kind = random.nextInt(20);
            String journey = kind == 0 ? "" : kind == 1 ? "gone" : "j" + random.nextInt(300);
            String touchpoint = "";
            String stage = "";
            int about = random.nextInt(10);
            if (about < 7) {
                Touchpoint t = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
                touchpoint = t.name();
                stage = t.stage();
            } else if (about < 9) {
                stage = random.nextBoolean() ? "purchase" : "loyalty";
            }
            Scale scale = random.nextBoolean() ? Scale.NPS : Scale.CSAT;
            double score = scale == Scale.NPS ? random.nextInt(11) : 1 + random.nextInt(5);
            responses.add(new SurveyResponse("r" + i, journey, "", random.nextInt(50), touchpoint, stage, scale,
                    score, random.nextInt(3) == 0 ? "comment " + i : ""));
        }
        return responses;
    }

    /** The selected answers, in list order, by their journeys' selection written as a set of ids. */
    private static List<SurveyResponse> selectedAnswers(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses) {
        Set<String> selected = new HashSet<>();
        selection.select(snapshot).forEach(journey -> selected.add(journey.id()));
        return responses.stream().filter(r -> r.isMatched() && selected.contains(r.journeyId())).toList();
    }

    private static String literalLabel(SurveyResponse response, PathShaping.Level by) {
        Touchpoint touchpoint = TOUCHPOINTS.stream().filter(t -> t.name().equals(response.touchpoint())).findFirst()
                .orElse(null);
        return switch (by) {
            case TOUCHPOINT -> touchpoint == null ? "" : touchpoint.name();
            case CHANNEL -> touchpoint == null ? "" : touchpoint.channel();
            case STAGE -> !response.stage().isEmpty() ? response.stage()
                    : touchpoint == null ? "" : touchpoint.stage();
        };
    }

    private static void assertLabelsMatchLiteral(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses, PathShaping.Level by) {
        ExperienceByLabel.Result result = ExperienceByLabel.of(snapshot, selection, responses, by, 2, 0.95);
        List<SurveyResponse> selected = selectedAnswers(snapshot, selection, responses);
        Map<String, List<SurveyResponse>> byLabel = new LinkedHashMap<>();
        for (SurveyResponse response : selected) {
            String label = literalLabel(response, by);
            if (!label.isEmpty()) {
                byLabel.computeIfAbsent(label, unused -> new ArrayList<>()).add(response);
            }
        }
        assertThat(result.overall().responses()).isEqualTo(selected.size());
        for (ExperienceByLabel.Row row : result.labels()) {
            List<SurveyResponse> mine = byLabel.getOrDefault(row.label(), List.of());
            assertThat(row.experience().responses()).as("%s %s", by, row.label()).isEqualTo(mine.size());
            assertThat(row.experience().negativeShare() == null ? 0
                    : Math.round(row.experience().negativeShare() * mine.size()))
                    .isEqualTo(mine.stream().filter(r -> r.polarity() < 0).count());
            assertThat(row.comments()).as("comments of %s", row.label()).isEqualTo(ExperienceByLabel.mostNegative(
                    mine.stream().filter(r -> !r.comment().isEmpty()).toList(), 2));
        }
        assertThat(result.labels()).extracting(ExperienceByLabel.Row::label)
                .as("every label with answers has a row").containsAll(byLabel.keySet());
    }

    private static void assertDriversMatchLiteral(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> responses) {
        Map<String, Map<String, Integer>> sums = new HashMap<>();
        for (SurveyResponse response : selectedAnswers(snapshot, selection, responses)) {
            if (!response.touchpoint().isEmpty()) {
                sums.computeIfAbsent(response.touchpoint(), unused -> new HashMap<>())
                        .merge(response.journeyId(), response.polarity(), Integer::sum);
            }
        }
        Map<String, long[]> expected = new HashMap<>();
        sums.forEach((touchpoint, byJourney) -> {
            long[] c = new long[4];
            byJourney.forEach((id, sum) -> {
                Journey journey = snapshot.journey(id).orElseThrow();
                int group = sum > 0 ? 0 : sum < 0 ? 2 : -1;
                if (group >= 0) {
                    c[group] += journey.weight();
                    c[group + 1] += journey.outcome() == Outcome.PURCHASE ? journey.weight() : 0;
                }
            });
            if (c[0] > 0 && c[2] > 0) {
                expected.put(touchpoint, c);
            }
        });
        List<ExperienceDrivers.Driver> drivers = ExperienceDrivers.of(snapshot, selection, responses, 0.95);
        assertThat(drivers).extracting(ExperienceDrivers.Driver::touchpoint)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (ExperienceDrivers.Driver driver : drivers) {
            assertThat(new long[] {driver.positiveJourneys(), driver.positivePurchases(), driver.negativeJourneys(),
                    driver.negativePurchases()}).as(driver.touchpoint())
                    .containsExactly(expected.get(driver.touchpoint()));
        }
    }

    @Test
    void filteredSelectionsMatchTheLiteralComputation() {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            JourneySnapshot snapshot = snapshot(random);
            List<SurveyResponse> responses = responses(random);
            JourneySelection all = JourneySelection.all();
            for (JourneySelection selection : List.of(all, all.withOpen(true), all.withSegment("b"),
                    all.withDevice("mobile"), all.withSegment("c").withOutcome(Outcome.ABANDONED),
                    all.withPath(List.of(), List.of(), List.of("Cart"), List.of()), all.withSegment("nobody"))) {
                for (PathShaping.Level by : PathShaping.Level.values()) {
                    assertLabelsMatchLiteral(snapshot, selection, responses, by);
                }
                assertDriversMatchLiteral(snapshot, selection, responses);
            }
        }
    }
}
