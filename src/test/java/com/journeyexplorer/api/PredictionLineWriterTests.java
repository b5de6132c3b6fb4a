package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.predict.VariableOrderChain;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;
import com.journeyexplorer.export.CleanNumbers;
import com.journeyexplorer.ingest.InMemoryImport;
import com.journeyexplorer.journey.Journey;

import tools.jackson.databind.json.JsonMapper;

/**
 * The streamed lines of an NDJSON batch answer are byte for byte what the mapper writes for each line's
 * {@link PredictionRequests.PredictAnswer}, on demo-store journeys with ids of every JSON kind and unknown steps.
 */
class PredictionLineWriterTests {

    private static final String[] IDS = {"\"a\"", "7", "-2.5", "1e300", "12345678901234567890", "true", "[1, \"x\"]",
        "{\"k\": 0.1}", "\"é\\n\\\"\""};

    @Test
    void writesTheBytesTheMapperWritesForEachAnswer(@TempDir Path folder) throws IOException {
        Path csv = folder.resolve("demo.csv");
        DemoCsvWriter.write(new DemoStore(7), 2_000, csv);
        JourneySnapshot snapshot = InMemoryImport.snapshotOf(csv);
        VariableOrderChain model = VariableOrderChain.learn(snapshot, null, 3);
        String body = batch(snapshot, 500);
        List<JsonMapper> mappers = List.of(JsonMapper.builder().addModule(CleanNumbers.module()).build(),
                JsonMapper.builder().addModule(CleanNumbers.module())
                        .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(
                                JsonInclude.Include.NON_NULL)).build());

        for (JsonMapper json : mappers) {
            for (int next : new int[] {0, 5, 100}) {
                ByteArrayOutputStream streamed = new ByteArrayOutputStream();
                PredictionRequests.answerBatch(input(body), streamed, model, 5, next, json);
                StringBuilder expected = new StringBuilder();
                for (PredictionRequests.PredictionRequest request : PredictionRequests.batch(input(body), json)) {
                    expected.append(json.writeValueAsString(PredictionRequests.PredictAnswer.line(request,
                            model.predict(request.steps(), 5, next)))).append('\n');
                }

                assertThat(streamed.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
            }
        }
    }

    @Test
    void writesTheNoteTheMapperWritesWhenNothingWasLearned(@TempDir Path folder) throws IOException {
        Path csv = folder.resolve("demo.csv");
        DemoCsvWriter.write(new DemoStore(7), 100, csv);
        JourneySnapshot snapshot = InMemoryImport.snapshotOf(csv);
        VariableOrderChain nothing = VariableOrderChain.learn(snapshot, journey -> false, 3);
        JsonMapper json = JsonMapper.builder().addModule(CleanNumbers.module()).build();
        String body = batch(snapshot, 20);

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        PredictionRequests.answerBatch(input(body), streamed, nothing, 5, 5, json);
        StringBuilder expected = new StringBuilder();
        for (PredictionRequests.PredictionRequest request : PredictionRequests.batch(input(body), json)) {
            expected.append(json.writeValueAsString(PredictionRequests.PredictAnswer.line(request,
                    nothing.predict(request.steps(), 5, 5)))).append('\n');
        }

        assertThat(streamed.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString())
                .contains("\"note\"").doesNotContain("\"outcomes\"");
    }

    /** Lines of prefixes of the snapshot's journeys, some with an unknown step, ids of every kind or none. */
    private static String batch(JourneySnapshot snapshot, int lines) {
        SplittableRandom random = new SplittableRandom(3);
        List<Journey> journeys = snapshot.journeys();
        StringBuilder body = new StringBuilder();
        for (int line = 0; line < lines; line++) {
            Journey journey = journeys.get(random.nextInt(journeys.size()));
            List<String> steps = new ArrayList<>();
            int length = 1 + random.nextInt(journey.length());
            for (int i = 0; i < length; i++) {
                steps.add("\"" + snapshot.touchpoint(journey.steps()[i]).name() + "\"");
            }
            if (random.nextInt(5) == 0) {
                steps.add(random.nextInt(steps.size() + 1), "\"No such page\"");
            }
            String id = line % (IDS.length + 1) == IDS.length ? "" : "\"id\": " + IDS[line % (IDS.length + 1)] + ", ";
            body.append('{').append(id).append("\"steps\": [").append(String.join(", ", steps)).append("]}\n");
        }
        return body.toString();
    }

    private static ByteArrayInputStream input(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
