package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.export.CleanNumbers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of an NDJSON batch read into requests: each line's id as the mapper reads it into a tree, its steps as
 * given, whether the line is plain or odd, and a bad line a problem naming its field and line.
 */
class PredictionRequestsTests {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(CleanNumbers.module()).build();

    @Test
    void readsEveryLineAsItsTreeReads() throws IOException {
        List<String> lines = List.of(
                "{\"id\": \"a\", \"steps\": [\"Cart\"]}",
                "{\"steps\": [\"Cart\", \"Product page\"], \"id\": 7}",
                "  {\"id\": 12345678901234567890, \"steps\": [\"é \\\"quoted\\\" \\u00e9\"]}  ",
                "{\"id\": -2.5e-7, \"steps\": [\"Cart\"]}",
                "{\"id\": true, \"steps\": [\"Cart\"]}",
                "{\"id\": null, \"steps\": [\"Cart\"]}",
                "{\"id\": [1, {\"k\": 0.1}], \"steps\": [\"Cart\"]}",
                "{\"id\": {\"k\": [null]}, \"steps\": [\"Cart\"]}",
                "{\"steps\": [\"A\"], \"steps\": [\"B\", \"C\"]}",
                "{\"id\": 1, \"id\": \"two\", \"steps\": [\"B\"]}",
                "{\"steps\":[\"x\"]}");

        List<PredictionRequests.PredictionRequest> requests = PredictionRequests.batch(
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), JSON);

        assertThat(requests).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode tree = JSON.readTree(lines.get(i));
            JsonNode id = tree.get("id");
            List<String> steps = new ArrayList<>();
            tree.get("steps").forEach(step -> steps.add(step.asString()));
            assertThat(requests.get(i).id()).as(lines.get(i)).isEqualTo(id == null || id.isNull() ? null : id);
            assertThat(requests.get(i).steps()).as(lines.get(i)).isEqualTo(steps);
        }
        assertThat(requests.get(1).id().isInt()).isTrue();
        assertThat(requests.get(3).id().isDouble()).isTrue();
        assertThat(requests.get(8).steps()).containsExactly("B", "C");
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
