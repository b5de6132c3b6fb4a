package com.journeyexplorer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The demo's survey answers: deterministic, a few per cent of visits, and the planted experiences. */
class DemoSurveyTests {

    private static final int JOURNEYS = 20_000;

    @Test
    void theSameSeedGivesTheSameAnswers() {
        List<DemoSurvey.Answer> first = new ArrayList<>();
        List<DemoSurvey.Answer> second = new ArrayList<>();
        List<DemoSurvey.Answer> other = new ArrayList<>();
        new DemoSurvey(42).generate(2_000, first::add);
        new DemoSurvey(42).generate(2_000, second::add);
        new DemoSurvey(7).generate(2_000, other::add);

        assertThat(first).isNotEmpty().isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void aFewPerCentOfVisitsAreAnsweredOnTheirScales() {
        long[] visits = {0};
        new DemoStore(42).generate(JOURNEYS, event -> {
            if (DemoEvent.OWN.equals(event.owner())) {
                visits[0]++;
            }
        });
        List<DemoSurvey.Answer> answers = answers();

        long touchpointAnswers = answers.stream().filter(a -> !a.touchpoint().isEmpty()).count();
        double rate = (double) touchpointAnswers / visits[0];
        assertThat(rate).isBetween(0.01, 0.05);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.scale()).isIn("csat", "ces", "rating", "nps");
            int max = switch (answer.scale()) {
                case "nps" -> 10;
                case "ces" -> 7;
                default -> 5;
            };
            assertThat(answer.score()).isBetween(answer.scale().equals("nps") ? 0 : 1, max);
        });
        assertThat(answers.stream().map(DemoSurvey.Answer::responseId).distinct().count())
                .isEqualTo(answers.size());
    }

    @Test
    void shippingCostsAndTheSlowSupportAnswerAreTheWorstAndTheInfluencerPostDelightsTrendFollowers() {
        Map<String, double[]> byTouchpoint = new TreeMap<>();
        Map<String, double[]> trendFollowers = new HashMap<>();
        Set<String> trendJourneys = new java.util.HashSet<>();
        new DemoStore(42).generate(JOURNEYS, event -> {
            if (event.segment().equals("trend follower")) {
                trendJourneys.add(event.journeyId());
            }
        });
        for (DemoSurvey.Answer answer : answers()) {
            if (answer.touchpoint().isEmpty()) {
                continue;
            }
            double normalized = (answer.score() - 1.0) / (answer.scale().equals("ces") ? 6 : 4);
            add(byTouchpoint, answer.touchpoint(), normalized);
            if (trendJourneys.contains(answer.journeyId())) {
                add(trendFollowers, answer.touchpoint(), normalized);
            }
        }
        List<String> worstFirst = byTouchpoint.entrySet().stream().filter(e -> e.getValue()[1] >= 30)
                .sorted((a, b) -> Double.compare(mean(a.getValue()), mean(b.getValue()))).map(Map.Entry::getKey)
                .toList();
        assertThat(worstFirst.subList(0, 2)).containsExactlyInAnyOrder("Checkout - shipping costs",
                "Support email - slow answer");
        String bestForTrendFollowers = trendFollowers.entrySet().stream().filter(e -> e.getValue()[1] >= 30)
                .max((a, b) -> Double.compare(mean(a.getValue()), mean(b.getValue()))).orElseThrow().getKey();
        assertThat(bestForTrendFollowers).isEqualTo("Influencer post");
    }

    private static List<DemoSurvey.Answer> answers() {
        List<DemoSurvey.Answer> answers = new ArrayList<>();
        new DemoSurvey(42).generate(JOURNEYS, answers::add);
        return answers;
    }

    private static void add(Map<String, double[]> sums, String key, double value) {
        double[] sum = sums.computeIfAbsent(key, unused -> new double[2]);
        sum[0] += value;
        sum[1]++;
    }

    private static double mean(double[] sum) {
        return sum[0] / sum[1];
    }
}
