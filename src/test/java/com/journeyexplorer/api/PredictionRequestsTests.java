package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.export.CleanNumbers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of an NDJSON batch read into requests: each line's id as sent, its steps as given, whether the line is
 * plain or odd, and a bad line (a key given twice too) a problem naming its field and line.
 */
class PredictionRequestsTests {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(CleanNumbers.module()).build();

    @Test
    void readsEveryLineWithItsStepsAsGivenAndItsIdAsSent() throws IOException {
        // each line, then the id as the answer writes it (null: none)
        List<List<String>> lines = List.of(
                Arrays.asList("{\"id\": \"a\", \"steps\": [\"Cart\"]}", "\"a\""),
                Arrays.asList("{\"steps\": [\"Cart\", \"Product page\"], \"id\": 7}", "7"),
                Arrays.asList("  {\"id\": 12345678901234567890, \"steps\": [\"é \\\"quoted\\\" \\u00e9\"]}  ",
                        "12345678901234567890"),
                Arrays.asList("{\"id\": -2.5e-7, \"steps\": [\"Cart\"]}", "-2.5e-7"),
                Arrays.asList("{\"id\": 1E2, \"steps\": [\"Cart\"]}", "1E2"),
                Arrays.asList("{\"id\": 1e999, \"steps\": [\"Cart\"]}", "1e999"),
                Arrays.asList("{\"id\":-0.0,\"steps\":[\"Cart\"]}", "-0.0"),
                Arrays.asList("{\"id\": true, \"steps\": [\"Cart\"]}", "true"),
                Arrays.asList("{\"id\": null, \"steps\": [\"Cart\"]}", null),
                Arrays.asList("{\"id\": [1, {\"k\": 0.10}], \"steps\": [\"Cart\"]}", "[1, {\"k\": 0.10}]"),
                Arrays.asList("{\"steps\": [\"Cart\"], \"id\": {\"k\": [null, 1E2]} }", "{\"k\": [null, 1E2]}"),
                Arrays.asList("{\"steps\":[\"x\"]}", null));

        List<PredictionRequests.PredictionRequest> requests = PredictionRequests.batch(new ByteArrayInputStream(
                String.join("\n", lines.stream().map(line -> line.get(0)).toList()).getBytes(StandardCharsets.UTF_8)),
                JSON);

        assertThat(requests).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).get(0);
            JsonNode id = requests.get(i).id();
            assertThat(id == null ? null : JSON.writeValueAsString(id)).as(line).isEqualTo(lines.get(i).get(1));
            List<String> steps = new ArrayList<>();
            JSON.readTree(line).get("steps").forEach(step -> steps.add(step.asString()));
            assertThat(requests.get(i).steps()).as(line).isEqualTo(steps);
        }
        assertThat(requests.get(0).id().isString()).isTrue();
    }

    @Test
    void aKeyGivenTwiceIsAProblemNamingIt() throws IOException {
        assertProblem("{\"steps\": [\"A\"], \"steps\": [\"B\", \"C\"]}", "steps", "line 1");
        assertProblem("{\"steps\": [\"Cart\"]}\n{\"id\": 1, \"id\": \"two\", \"steps\": [\"B\"]}", "id", "line 2");
        assertProblem("{\"id\": {\"k\": 1, \"k\": 2}, \"steps\": [\"B\"]}", "id", "\"k\" twice on line 1");
        assertThatThrownBy(() -> PredictionRequests.single(new ByteArrayInputStream(
                "{\"steps\":[\"Cart\"],\"steps\":[\"Home page\"]}".getBytes(StandardCharsets.UTF_8)), JSON))
                .isInstanceOfSatisfying(InvalidParameterException.class, problem -> {
                    assertThat(problem.parameter()).isEqualTo("steps");
                    assertThat(problem.getMessage()).contains("twice");
                });
        // the same keys in different objects are no repetition
        assertThat(PredictionRequests.batch(new ByteArrayInputStream(
                "{\"id\": [{\"k\": 1}, {\"k\": 2}], \"steps\": [\"B\"]}".getBytes(StandardCharsets.UTF_8)), JSON))
                .hasSize(1);
    }

    @Test
    void aBadLineIsAProblemNamingItsFieldAndLine() {
        assertProblem("{\"steps\": [\"Cart\"]}\n{\"steps\": [\"Cart\"], \"step\": 1}", "step", "line 2");
        assertProblem("{\"steps\": [\"Cart\"]}\n\n{\"steps\": [\"Cart\", 3]}", "steps[1]", "line 3");
        assertProblem("{\"steps\": [\" \"]}", "steps[0]", "line 1");
        assertProblem("{\"steps\": []}", "steps", "line 1");
        assertProblem("{\"id\": 1}", "steps", "line 1");
        assertProblem("{\"steps\": [\"Cart\"]} {}", "body", "line 1");
        assertProblem("{\"steps\": [\"Cart\"", "body", "line 1");
        assertProblem("[\"Cart\"]", "body", "line 1");
        assertProblem("{\"steps\": [\"" + "x".repeat(PredictionRequests.MAX_NAME_LENGTH + 1) + "\"]}", "steps[0]",
                "line 1");
        assertProblem("{\"steps\": [" + "\"x\",".repeat(PredictionRequests.MAX_STEPS) + "\"x\"]}", "steps",
                "line 1");
    }

    private static void assertProblem(String body, String parameter, String where) {
        assertThatThrownBy(() -> PredictionRequests.batch(new ByteArrayInputStream(
                body.getBytes(StandardCharsets.UTF_8)), JSON))
                .isInstanceOfSatisfying(InvalidParameterException.class, problem -> {
                    assertThat(problem.parameter()).isEqualTo(parameter);
                    assertThat(problem.getMessage()).contains(where);
                });
    }
}
