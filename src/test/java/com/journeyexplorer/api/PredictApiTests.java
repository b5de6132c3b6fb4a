package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** {@code /api/predict} and {@code /api/predict/quality} over HTTP on the demo store (5,000 journeys). */
@TestPropertySource(properties = { "journeys.demo.load-on-start=true", "journeys.demo.journeys=5000" })
class PredictApiTests extends ApiTestSupport {

    private static final String JOURNEY = "{\"steps\": [\"Instagram ad\", \"Product page\", \"Cart\"]}";

    @Test
    void predictsTheOutcomesOfAnOpenJourneyFromItsLongestSupportedContext() {
        Response response = post("/api/predict", "application/json", JOURNEY, null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("steps")).hasSize(3);
        assertThat(answer.get("unknownSteps")).isEmpty();
        assertThat(answer.get("order").asInt()).isEqualTo(3);
        assertThat(answer.get("minSupport").asInt()).isEqualTo(30);
        assertThat(answer.get("journeys").asLong()).isGreaterThanOrEqualTo(5000);
        List<String> context = names(answer.get("context"));
        assertThat(context).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(context.get(context.size() - 1)).isEqualTo("Cart");
        assertThat(answer.get("support").asLong()).isGreaterThanOrEqualTo(30);
        JsonNode outcomes = answer.get("outcomes");
        assertThat(names(outcomes.propertyNames())).containsExactly("purchase", "abandoned", "diverted");
        assertThat(outcomes.get("purchase").asDouble() + outcomes.get("abandoned").asDouble()
                + outcomes.get("diverted").asDouble()).isCloseTo(1, within(1e-9));
        JsonNode next = answer.get("next");
        assertThat(next).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        double previous = 1;
        for (JsonNode step : next) {
            assertThat(step.get("purchase").asDouble()).isLessThanOrEqualTo(previous);
            previous = step.get("purchase").asDouble();
            assertThat(step.get("share").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(step.get("taken").asLong()).isPositive();
            assertThat(step.get("support").asLong()).isGreaterThanOrEqualTo(30);
        }

        // a higher minSupport backs off to a shorter context with more journeys behind it
        JsonNode strict = post("/api/predict?minSupport=1000", "application/json", JOURNEY).json();
        assertThat(strict.get("context").size()).isLessThanOrEqualTo(context.size());
        assertThat(strict.get("support").asLong()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aBodyOverTheLimitIsA413NamingThePredictionsLimitNotTheUploads() {
        String tooLarge = "{\"steps\": [\"" + "x".repeat((int) PredictionRequests.MAX_BODY_BYTES) + "\"]}";

        Response response = post("/api/predict", "application/json", tooLarge, null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString())
                .contains(PredictionRequests.MAX_BODY_BYTES + " bytes for journeys to predict")
                .doesNotContain("max-upload-size");
    }

    @Test
    void reportsAndSkipsUnknownSteps() {
        JsonNode known = post("/api/predict", "application/json", JOURNEY).json();
        JsonNode answer = post("/api/predict", "application/json",
                "{\"steps\": [\"Instagram ad\", \"Product page\", \"No such page\", \"Cart\"]}").json();

        assertThat(names(answer.get("unknownSteps"))).containsExactly("No such page");
        assertThat(answer.get("context")).isEqualTo(known.get("context"));
        assertThat(answer.get("outcomes")).isEqualTo(known.get("outcomes"));
    }

    @Test
    void learnsFromTheJourneysTheFiltersSelect() {
        JsonNode all = post("/api/predict", "application/json", JOURNEY).json();
        JsonNode segment = post("/api/predict?segment=trend%20follower", "application/json", JOURNEY).json();

        assertThat(segment.get("journeys").asLong()).isPositive().isLessThan(all.get("journeys").asLong());
    }

    @Test
    void aSelectionOfNoJourneysLeavesTheOutcomesOutAndSaysWhy() {
        Response response = post("/api/predict?segment=nobody", "application/json", "{\"steps\": [\"Cart\"]}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("journeys").asLong()).isZero();
        assertThat(answer.has("outcomes")).isFalse();
        assertThat(answer.get("note").asString()).contains("nothing to learn from");
        JsonNode line = JSON.readTree(post("/api/predict?segment=nobody", "application/x-ndjson",
                "{\"id\": 1, \"steps\": [\"Cart\"]}\n").body());
        assertThat(line.has("outcomes")).isFalse();
        assertThat(line.get("note").asString()).isEqualTo(answer.get("note").asString());
    }

    @Test
    void aBacktestOfNoPredictionsHasNoScores() {
        Response response = get("/api/predict/quality?segment=nobody");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("predictions").asLong()).isZero();
        for (JsonNode model : response.json().get("models")) {
            assertThat(model.hasNonNull("logLoss")).as(model.toString()).isFalse();
            assertThat(model.hasNonNull("brier")).as(model.toString()).isFalse();
            assertThat(model.get("model").asString()).isNotBlank();
        }
    }

    @Test
    void aBatchForAClientThatRefusesNdjsonIsA406ProblemAsEveryOtherAnswer() {
        Response refused = send(java.net.http.HttpRequest.newBuilder(uri("/api/predict"))
                .header("X-API-Key", API_KEY).header("Content-Type", "application/x-ndjson")
                .header("Accept", "application/x-ndjson;q=0, */*")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JOURNEY + "\n")).build());

        assertThat(refused.status()).as(refused.body()).isEqualTo(406);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("application/x-ndjson");
    }

    @Test
    void answersABatchLineByLineInTheOrderGiven() {
        String body = """
                {"id": "c", "steps": ["Cart"]}
                {"id": 7, "steps": ["Instagram ad", "Product page", "Cart"]}

                {"steps": ["Google search"]}
                """;
        Response response = post("/api/predict?next=2", "application/x-ndjson", body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines[0]);
        JsonNode second = JSON.readTree(lines[1]);
        JsonNode third = JSON.readTree(lines[2]);
        assertThat(first.get("id").asString()).isEqualTo("c");
        assertThat(second.get("id").asInt()).isEqualTo(7);
        assertThat(third.has("id")).isFalse();
        assertThat(third.has("steps")).isFalse();
        assertThat(names(third.get("context"))).endsWith("Google search");
        JsonNode single = post("/api/predict?next=2", "application/json", JOURNEY).json();
        assertThat(second.get("outcomes")).isEqualTo(single.get("outcomes"));
        assertThat(second.get("next")).isEqualTo(single.get("next"));
    }

    @Test
    void aKeyGivenTwiceIsAProblemNamingIt() {
        JsonNode single = assertProblem(post("/api/predict", "application/json",
                "{\"steps\":[\"Cart\"],\"steps\":[\"Home page\"]}"), "steps");
        assertThat(single.get("detail").asString()).contains("twice");

        JsonNode line = assertProblem(post("/api/predict", "application/x-ndjson",
                "{\"id\": 1, \"steps\": [\"Cart\"]}\n{\"id\": 2, \"id\": 3, \"steps\": [\"Cart\"]}\n"), "id");
        assertThat(line.get("detail").asString()).contains("twice on line 2");
    }

    @Test
    void echoesEachIdExactlyAsSent() {
        String body = """
                {"id": 1e999, "steps": ["Cart"]}
                {"id": 1E2, "steps": ["Cart"]}
                {"id": 42, "steps": ["Cart"]}
                {"id": -0.50, "steps": ["Cart"]}
                {"id": {"n": 1E2, "tags": ["a"]}, "steps": ["Cart"]}
                {"id": "x", "steps": ["Cart"]}
                """;
        Response response = post("/api/predict", "application/x-ndjson", body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body().lines().map(line -> line.substring(0, line.indexOf(",\"unknownSteps\""))))
                .containsExactly("{\"id\":1e999", "{\"id\":1E2", "{\"id\":42", "{\"id\":-0.50",
                        "{\"id\":{\"n\": 1E2, \"tags\": [\"a\"]}", "{\"id\":\"x\"");
        Response single = post("/api/predict", "application/json", "{\"id\": 1E2, \"steps\": [\"Cart\"]}");
        assertThat(single.body()).startsWith("{\"id\":1E2,");
    }

    @Test
    void malformedJsonSpreadOverLinesIsAProblemNamingTheLineAndColumn() {
        JsonNode problem = assertProblem(post("/api/predict", "application/json", """
                {
                  "steps": [
                    "Cart",,
                  ]
                }
                """), "body");

        assertThat(problem.get("detail").asString()).contains("(line 3, column 12)");
    }

    @Test
    void aBodyThatIsNotUtf8IsAProblemNamingTheLineRatherThanAnUnknownStep() {
        byte[] single = "{\"steps\": [\"Cart\", \"Caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1);
        JsonNode problem = assertProblem(postBytes("/api/predict", "application/json", single), "body");
        assertThat(problem.get("detail").asString()).contains("not UTF-8", "line 1", "0xE9");

        byte[] batch = "{\"id\": 1, \"steps\": [\"Cart\"]}\n{\"id\": 2, \"steps\": [\"Caf\u00e9\"]}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonNode line = assertProblem(postBytes("/api/predict", "application/x-ndjson", batch), "body");
        assertThat(line.get("detail").asString()).contains("not UTF-8", "line 2", "0xE9");
    }

    @Test
    void aLeadingByteOrderMarkIsDroppedAsTheUploadsDropIt() {
        byte[] mark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        JsonNode plain = post("/api/predict", "application/json", JOURNEY).json();

        Response single = postBytes("/api/predict", "application/json", withPrefix(mark, JOURNEY));
        assertThat(single.status()).as(single.body()).isEqualTo(200);
        assertThat(single.json().get("outcomes")).isEqualTo(plain.get("outcomes"));
        Response batch = postBytes("/api/predict", "application/x-ndjson", withPrefix(mark, JOURNEY + "\n"));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(JSON.readTree(batch.body()).get("outcomes")).isEqualTo(plain.get("outcomes"));
    }

    private static byte[] withPrefix(byte[] prefix, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertProblem(post("/api/predict", "application/json", "{\"steps\": [\"Cart\""), "body");
        assertProblem(post("/api/predict", "application/json", "[\"Cart\"]"), "body");
        assertProblem(post("/api/predict", "application/json", "{\"steps\": []}"), "steps");
        assertProblem(post("/api/predict", "application/json", "{}"), "steps");
        assertProblem(post("/api/predict", "application/json", "{\"steps\": \"Cart\"}"), "steps");
        assertProblem(post("/api/predict", "application/json", "{\"steps\": [\"Cart\", 3]}"), "steps[1]");
        assertProblem(post("/api/predict", "application/json", "{\"steps\": [\"Cart\"], \"step\": 1}"), "step");
        String tooLong = "{\"steps\": [" + String.join(",", java.util.Collections.nCopies(
                PredictionRequests.MAX_STEPS + 1, "\"Cart\"")) + "]}";
        JsonNode tooMany = assertProblem(post("/api/predict", "application/json", tooLong), "steps");
        assertThat(tooMany.get("detail").asString()).contains(String.valueOf(PredictionRequests.MAX_STEPS));
        assertProblem(post("/api/predict?minSupport=0", "application/json", JOURNEY), "minSupport");
        assertProblem(post("/api/predict?order=9", "application/json", JOURNEY), "order");
        assertProblem(post("/api/predict?level=channel", "application/json", JOURNEY), "level");
        assertProblem(post("/api/predict?segment=nobody&nonsense=1", "application/json", JOURNEY), "nonsense");

        JsonNode badLine = assertProblem(post("/api/predict", "application/x-ndjson",
                "{\"id\": 1, \"steps\": [\"Cart\"]}\n{\"id\": 2, \"steps\": []}\n"), "steps");
        assertThat(badLine.get("detail").asString()).contains("line 2");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= PredictionRequests.MAX_LINES; i++) {
            many.append("{\"steps\": [\"Cart\"]}\n");
        }
        assertProblem(post("/api/predict", "application/x-ndjson", many.toString()), "lines");
        assertProblem(post("/api/predict", "application/x-ndjson", "\n\n"), "lines");
        assertProblem(get("/api/predict/quality?learnFraction=1"), "learnFraction");
    }

    @Test
    void theBacktestComparesTheModelsOnLaterJourneysReproducibly() {
        Response response = get("/api/predict/quality?bins=5");
        Response again = send(java.net.http.HttpRequest.newBuilder(uri("/api/predict/quality?bins=5"))
                .header("Cache-Control", "no-cache").GET().build());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(response.body());
        JsonNode quality = response.json();
        assertThat(quality.get("learnFraction").asDouble()).isEqualTo(0.8);
        long learned = quality.get("learnJourneys").asLong();
        long tested = quality.get("testJourneys").asLong();
        assertThat((double) learned / (learned + tested)).isCloseTo(0.8, within(0.001));
        assertThat(quality.get("predictions").asLong()).isGreaterThanOrEqualTo(tested);
        assertThat(quality.get("splitAt").asString()).isNotBlank();
        JsonNode models = quality.get("models");
        assertThat(models).hasSize(3);
        Set<String> names = Set.of(models.get(0).get("model").asString(), models.get(1).get("model").asString(),
                models.get(2).get("model").asString());
        assertThat(names).containsExactlyInAnyOrder("variable-order", "first-order", "base-rate");
        double variable = models.get(0).get("logLoss").asDouble();
        double base = models.get(2).get("logLoss").asDouble();
        assertThat(variable).isPositive().isLessThan(base);
        for (JsonNode model : models) {
            long counted = 0;
            for (JsonNode bin : model.get("calibration")) {
                counted += bin.get("count").asLong();
                assertThat(bin.get("meanPredicted").asDouble()).isBetween(bin.get("from").asDouble(),
                        bin.get("to").asDouble());
            }
            assertThat(counted).isEqualTo(quality.get("predictions").asLong());
            assertThat(model.get("brier").asDouble()).isBetween(0.0, 2.0);
        }
    }

    @Test
    void openApiDescribesTheParametersAndTheBody() {
        JsonNode paths = get("/v3/api-docs").json().get("paths");

        JsonNode predict = paths.get("/api/predict").get("post");
        assertThat(predict.get("parameters")).extracting(p -> p.get("name").asString())
                .contains("order", "minSupport", "next", "segment").doesNotContain("level");
        assertThat(names(predict.get("requestBody").get("content").propertyNames()))
                .contains("application/json", "application/x-ndjson");
        assertThat(paths.get("/api/predict/quality").get("get").get("parameters"))
                .extracting(p -> p.get("name").asString()).contains("learnFraction", "bins", "from");
    }

    private static JsonNode assertProblem(Response response, String parameter) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("parameter").asString()).as(response.body()).isEqualTo(parameter);
        return problem;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asString()));
        return names;
    }

    private static List<String> names(java.util.Collection<String> names) {
        return new ArrayList<>(names);
    }
}
