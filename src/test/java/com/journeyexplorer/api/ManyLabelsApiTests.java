package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The chain analyses on more touchpoints than the 2,000 path labels the dense solve once allowed: likely paths with
 * every node's outcome probabilities, and Markov attribution with every removal effect (the most credited labels listed,
 * the others summed).
 */
class ManyLabelsApiTests extends ApiTestSupport {

    private static final int TOUCHPOINTS = 2_500;

    @Test
    void likelyPathsAndMarkovAttributionAnswerOnThousandsOfTouchpoints() {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,type\n");
        long time = 1_772_359_200_000L;
        for (int j = 0; j < 3 * TOUCHPOINTS; j++) {
            int[] steps = {j % TOUCHPOINTS, (j * 7 + 1) % TOUCHPOINTS, (j * 13 + 5) % TOUCHPOINTS};
            for (int step : steps) {
                csv.append("j").append(j).append(',').append(time += 1000).append(",page ").append(step)
                        .append(",touchpoint\n");
            }
            if (j % 5 == 0) {
                csv.append("j").append(j).append(',').append(time += 1000).append(",Checkout,purchase\n");
            }
        }
        assertThat(post("/api/events?openHorizon=0", "text/csv", csv.toString()).status()).isEqualTo(200);

        Response likely = get("/api/paths/likely?k=3");
        assertThat(likely.status()).as(likely.body()).isEqualTo(200);
        JsonNode nodes = likely.json().get("outcomeProbabilities");
        assertThat(nodes.size()).isGreaterThan(TOUCHPOINTS);
        for (JsonNode node : nodes) {
            double sum = node.get("purchase").asDouble() + node.get("abandoned").asDouble()
                    + node.get("diverted").asDouble() + node.get("open").asDouble();
            assertThat(sum).as(node.get("node").asString()).isCloseTo(1.0, within(1e-9));
        }
        assertThat(nodes.get(0).get("node").asString()).isEqualTo("(start)");
        assertThat(nodes.get(0).get("purchase").asDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(likely.json().get("paths")).hasSize(3);

        Response markov = get("/api/attribution?model=markov");
        assertThat(markov.status()).as(markov.body()).isEqualTo(200);
        JsonNode labels = markov.json().get("labels");
        assertThat(labels.size()).as("the default limit").isEqualTo(AttributionController.DEFAULT_LIMIT);
        JsonNode other = markov.json().get("other");
        assertThat(other.get("labels").asInt()).isEqualTo(TOUCHPOINTS - AttributionController.DEFAULT_LIMIT);
        double credited = other.get("conversions").asDouble();
        for (JsonNode label : labels) {
            credited += label.get("conversions").asDouble();
            assertThat(label.get("removalEffect").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(credited).isCloseTo(markov.json().get("totals").get("conversions").asDouble(), within(1e-6));
    }
}
