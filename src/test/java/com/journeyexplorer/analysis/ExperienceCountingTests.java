package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.experience.ExperienceComparison;
import com.journeyexplorer.analysis.stats.PseudoScores;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * The responses and mean scores that top paths, the stage funnel, the export nodes and the comparison carry, against
 * a literal computation over random journeys and answers (touchpoint shaping, no repeats collapsed).
 */
class ExperienceCountingTests {

    private static final List<String> STAGES = List.of("awareness", "consideration", "purchase", "loyalty");

    @Test
    void topPathsCarryTheResponsesOfTheirJourneys() {
        for (long seed = 1; seed <= 5; seed++) {
            JourneySnapshot snapshot = JourneyFixture.varied(seed, 300);
            List<SurveyResponse> answers = answers(snapshot, seed);
            for (JourneySelection selection : selections()) {
                TopPaths top = TopPaths.of(snapshot, selection, PathShaping.touchpoints(), 15,
                        ResponsesByPosition.of(snapshot, answers));

                Map<List<String>, double[]> expected = new HashMap<>();
                for (SurveyResponse answer : selected(snapshot, selection, answers)) {
                    Journey journey = snapshot.journey(answer.journeyId()).orElseThrow();
                    List<String> path = new ArrayList<>();
                    for (int i = 0; i < journey.pathLength(); i++) {
                        path.add(snapshot.touchpoint(journey.steps()[i]).name());
                    }
                    add(expected, path, answer.normalized());
                }
                assertThat(top.paths()).isNotEmpty();
                for (PathVariant variant : top.paths()) {
                    assertMatches(variant.experience(), expected.get(variant.steps()));
                }
            }
        }
    }

    @Test
    void funnelStagesCarryTheResponsesOfTheJourneysReachingThem() {
        for (long seed = 1; seed <= 5; seed++) {
            JourneySnapshot snapshot = JourneyFixture.varied(seed, 300);
            List<SurveyResponse> answers = answers(snapshot, seed);
            for (JourneySelection selection : selections()) {
                Funnel funnel = Funnel.of(snapshot, selection, STAGES, 3, ResponsesByPosition.of(snapshot, answers));

                Map<String, double[]> expected = new HashMap<>();
                for (SurveyResponse answer : selected(snapshot, selection, answers)) {
                    Journey journey = snapshot.journey(answer.journeyId()).orElseThrow();
                    Set<String> reached = new LinkedHashSet<>();
                    for (int step : journey.steps()) {
                        reached.add(snapshot.touchpoint(step).stage().toLowerCase(Locale.ROOT));
                    }
                    if (journey.outcome() == Outcome.PURCHASE) {
                        reached.add("purchase");
                    }
                    reached.retainAll(STAGES);
                    reached.forEach(stage -> add(expected, stage, answer.normalized()));
                }
                for (Funnel.Stage stage : funnel.stages()) {
                    double[] literal = expected.get(stage.stage());
                    if (literal == null) {
                        assertThat(stage.responses()).isNull();
                        assertThat(stage.meanScore()).isNull();
                    } else {
                        assertThat(stage.responses()).isEqualTo((long) literal[0]);
                        assertThat(stage.meanScore()).isCloseTo(literal[1] / literal[0], within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void exportNodesCarryTheResponsesOfTheJourneysPassingThrough() {
        for (long seed = 1; seed <= 5; seed++) {
            JourneySnapshot snapshot = JourneyFixture.varied(seed, 300);
            List<SurveyResponse> answers = answers(snapshot, seed);
            for (JourneySelection selection : selections()) {
                Map<String, ExperienceScore> nodes = LabelVisits.experience(snapshot, selection,
                        PathShaping.touchpoints(), ResponsesByPosition.of(snapshot, answers));

                Map<String, double[]> expected = new HashMap<>();
                for (SurveyResponse answer : selected(snapshot, selection, answers)) {
                    Journey journey = snapshot.journey(answer.journeyId()).orElseThrow();
                    Set<String> passed = new LinkedHashSet<>();
                    for (int step : journey.steps()) {
                        passed.add(snapshot.touchpoint(step).name());
                    }
                    passed.add(journey.outcome().nodeName());
                    passed.add(TransitionGraph.START);
                    passed.forEach(node -> add(expected, node, answer.normalized()));
                }
                assertThat(nodes.keySet()).isEqualTo(expected.keySet());
                expected.forEach((node, literal) -> assertMatches(nodes.get(node), literal));
            }
        }
    }

    @Test
    void comparisonGivesEachSidesMeanAndTheDifference() {
        JourneySnapshot snapshot = JourneyFixture.varied(7, 400);
        List<SurveyResponse> answers = answers(snapshot, 7);
        JourneySelection a = JourneySelection.all().withSegment("s1");
        JourneySelection b = JourneySelection.all().withSegment("s2");

        ExperienceComparison comparison = ExperienceComparison.of(snapshot, a, b,
                ResponsesByPosition.of(snapshot, answers), 0.95);

        double[] literalA = moments(selected(snapshot, a, answers));
        double[] literalB = moments(selected(snapshot, b, answers));
        assertThat(comparison.a().responses()).isEqualTo((long) literalA[0]);
        assertThat(comparison.b().responses()).isEqualTo((long) literalB[0]);
        double meanA = literalA[1] / literalA[0];
        double meanB = literalB[1] / literalB[0];
        assertThat(comparison.a().meanScore()).isCloseTo(meanA, within(1e-12));
        assertThat(comparison.difference()).isCloseTo(meanA - meanB, within(1e-12));
        double z = 1.959963984540054;
        double half = z * Math.sqrt(PseudoScores.meanVariance(scores(selected(snapshot, a, answers)), z)
                + PseudoScores.meanVariance(scores(selected(snapshot, b, answers)), z));
        assertThat(comparison.differenceInterval().lower()).isCloseTo(meanA - meanB - half, within(1e-9));
        assertThat(comparison.differenceInterval().upper()).isCloseTo(meanA - meanB + half, within(1e-9));
        assertThat(comparison.a().meanInterval().contains(meanA)).isTrue();
    }

    @Test
    void withoutResponsesNothingCarriesAnExperience() {
        JourneySnapshot snapshot = JourneyFixture.varied(3, 100);
        ResponsesByPosition none = ResponsesByPosition.of(snapshot, List.of(
                new SurveyResponse("r1", "", "", -1, "", "", Scale.CSAT, 5, ""),
                new SurveyResponse("r2", "no such journey", "", -1, "", "", Scale.CSAT, 1, "")));

        assertThat(none.isEmpty()).isTrue();
        assertThat(TopPaths.of(snapshot, JourneySelection.all(), PathShaping.touchpoints(), 5, none).paths())
                .allSatisfy(path -> assertThat(path.experience()).isNull());
        assertThat(Funnel.of(snapshot, JourneySelection.all(), STAGES, 3, none).stages())
                .allSatisfy(stage -> assertThat(stage.responses()).isNull());
        assertThat(LabelVisits.experience(snapshot, JourneySelection.all(), PathShaping.touchpoints(), none))
                .isEmpty();
        assertThat(ExperienceComparison.of(snapshot, JourneySelection.all(), JourneySelection.all(), none, 0.95))
                .isNull();
    }

    @Test
    void aSideWithoutResponsesHasNoDifference() {
        JourneySnapshot snapshot = new JourneyFixture().journeys("A>B", "A>C").snapshot();
        List<SurveyResponse> answers = List.of(new SurveyResponse("r1", "j0", "", -1, "", "", Scale.CSAT, 5, ""),
                new SurveyResponse("r2", "j0", "", -1, "", "", Scale.CSAT, 3, ""));

        ExperienceComparison comparison = ExperienceComparison.of(snapshot,
                JourneySelection.all().withPath(List.of(), List.of("B"), List.of(), List.of()),
                JourneySelection.all().withPath(List.of(), List.of("C"), List.of(), List.of()),
                ResponsesByPosition.of(snapshot, answers), 0.95);

        assertThat(comparison.a().responses()).isEqualTo(2);
        assertThat(comparison.a().meanScore()).isCloseTo(0.75, within(1e-12));
        assertThat(comparison.b()).isNull();
        assertThat(comparison.difference()).isNull();
        assertThat(comparison.differenceInterval()).isNull();
    }

    private static List<JourneySelection> selections() {
        return List.of(JourneySelection.all(), JourneySelection.all().withSegment("s1"),
                JourneySelection.all().withOutcome(Outcome.PURCHASE));
    }

    /**
     * About 1.5 answers per journey on random scales, some journeys answered twice, none for others, and answers
     * matching no journey (left out).
     */
    private static List<SurveyResponse> answers(JourneySnapshot snapshot, long seed) {
        Random random = new Random(seed * 31);
        List<SurveyResponse> answers = new ArrayList<>();
        Scale[] scales = {Scale.NPS, Scale.CSAT, Scale.CES, Scale.SENTIMENT};
        for (int i = 0; i < snapshot.journeys().size() * 3 / 2; i++) {
            String journey = random.nextInt(10) == 0 ? "" : "j" + random.nextInt(snapshot.journeys().size());
            Scale scale = scales[random.nextInt(scales.length)];
            double score = scale == Scale.SENTIMENT ? random.nextDouble() * 2 - 1
                    : scale == Scale.NPS ? random.nextInt(11) : 1 + random.nextInt(scale == Scale.CES ? 7 : 5);
            answers.add(new SurveyResponse("r" + i, journey, "", -1, "", "", scale, score, ""));
        }
        answers.add(new SurveyResponse("gone", "not stored", "", -1, "", "", Scale.CSAT, 1, ""));
        return answers;
    }

    /** The answers about stored journeys the selection selects, literally. */
    private static List<SurveyResponse> selected(JourneySnapshot snapshot, JourneySelection selection,
            List<SurveyResponse> answers) {
        var test = selection.predicate(snapshot);
        List<SurveyResponse> selected = new ArrayList<>();
        for (SurveyResponse answer : answers) {
            snapshot.journey(answer.journeyId()).filter(test).ifPresent(journey -> selected.add(answer));
        }
        return selected;
    }

    private static <K> void add(Map<K, double[]> tallies, K key, double score) {
        double[] tally = tallies.computeIfAbsent(key, k -> new double[2]);
        tally[0]++;
        tally[1] += score;
    }

    private static double[] scores(List<SurveyResponse> answers) {
        return answers.stream().mapToDouble(SurveyResponse::normalized).toArray();
    }

    private static double[] moments(List<SurveyResponse> answers) {
        double[] moments = new double[3];
        for (SurveyResponse answer : answers) {
            moments[0]++;
            moments[1] += answer.normalized();
            moments[2] += answer.normalized() * answer.normalized();
        }
        return moments;
    }

    private static void assertMatches(ExperienceScore actual, double[] literal) {
        if (literal == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(actual.responses()).isEqualTo((long) literal[0]);
        assertThat(actual.meanScore()).isCloseTo(literal[1] / literal[0], within(1e-12));
    }
}
