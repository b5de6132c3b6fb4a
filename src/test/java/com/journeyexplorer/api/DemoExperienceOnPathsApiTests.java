package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Top paths, funnel stages, graph export nodes and the comparison carry the survey responses of the demo store
 * (10,000 demo journeys with answers), consistent with {@code /api/experience}'s overall figures.
 */
@TestPropertySource(properties = { "journeys.demo.load-on-start=true", "journeys.demo.journeys=10000" })
class DemoExperienceOnPathsApiTests extends ApiTestSupport {

    @Test
    void topPathsCarryTheResponsesOfTheirJourneys() {
        long all = overallResponses("");
        JsonNode top = ok("/api/paths/top?limit=20");

        long listed = 0;
        for (JsonNode variant : top.get("variants")) {
            if (variant.has("responses")) {
                listed += variant.get("responses").asLong();
                assertThat(variant.get("meanScore").asDouble()).isBetween(0.0, 1.0);
            } else {
                assertThat(variant.has("meanScore")).isFalse();
            }
        }
        assertThat(listed).as("some listed variant has answers").isPositive().isLessThanOrEqualTo(all);
    }

    @Test
    void funnelStagesCarryTheResponsesOfTheJourneysReachingThem() {
        long all = overallResponses("");
        JsonNode funnel = ok("/api/funnel");

        JsonNode first = funnel.get("stages").get(0);
        assertThat(first.get("responses").asLong()).isPositive().isLessThanOrEqualTo(all);
        for (JsonNode stage : funnel.get("stages")) {
            if (stage.has("responses")) {
                assertThat(stage.get("responses").asLong()).isLessThanOrEqualTo(all);
                assertThat(stage.get("meanScore").asDouble()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void graphExportNodesCarryTheResponsesOfTheirJourneys() {
        JsonNode overall = ok("/api/experience?segment=" + encode("trend follower")).get("overall");
        JsonNode graph = ok("/api/graph?format=node-link&segment=" + encode("trend follower"));

        JsonNode start = null;
        int answered = 0;
        for (JsonNode node : graph.get("nodes")) {
            if (node.get("id").asString().equals("start")) {
                start = node;
            }
            if (node.has("responses")) {
                answered++;
            }
        }
        assertThat(start).isNotNull();
        assertThat(start.get("responses").asLong()).isEqualTo(overall.get("responses").asLong());
        assertThat(start.get("meanScore").asDouble()).isCloseTo(overall.get("meanScore").asDouble(), within(1e-9));
        assertThat(answered).isGreaterThan(3);

        Response graphMl = get("/api/graph?format=graphml");
        assertThat(graphMl.status()).isEqualTo(200);
        assertThat(graphMl.body()).contains("attr.name=\"meanScore\"");
    }

    @Test
    void compareGivesEachSidesExperienceAndTheDifference() {
        long trend = overallResponses("segment=trend follower");
        long bargain = overallResponses("segment=bargain hunter");
        JsonNode compare = ok("/api/compare?a=" + encode("segment=trend follower") + "&b="
                + encode("segment=bargain hunter"));

        JsonNode experience = compare.get("experience");
        assertThat(experience.get("a").get("responses").asLong()).isEqualTo(trend);
        assertThat(experience.get("b").get("responses").asLong()).isEqualTo(bargain);
        double a = experience.get("a").get("meanScore").asDouble();
        double b = experience.get("b").get("meanScore").asDouble();
        assertThat(experience.get("a").get("lower").asDouble()).isLessThanOrEqualTo(a);
        assertThat(experience.get("a").get("upper").asDouble()).isGreaterThanOrEqualTo(a);
        JsonNode difference = experience.get("difference");
        assertThat(difference.get("value").asDouble()).isCloseTo(a - b, within(1e-12));
        assertThat(difference.get("lower").asDouble()).isLessThan(a - b);
        assertThat(difference.get("upper").asDouble()).isGreaterThan(a - b);
    }

    private long overallResponses(String filter) {
        return ok("/api/experience?" + filter.replace(" ", "%20")).get("overall").get("responses").asLong();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode ok(String path) {
        Response response = get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
