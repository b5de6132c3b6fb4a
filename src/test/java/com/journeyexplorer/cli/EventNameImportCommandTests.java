package com.journeyexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line import of a PostHog-shaped export with the rules by event name ({@code --eventColumn},
 * {@code --events}, {@code --frustrationEvent}), run in-process against its own embedded database, and the options'
 * refusals before the database opens.
 */
class EventNameImportCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void keepsPageViewsAndRageClicksAtTheirPageAndSaysWhatItPassedOver() throws IOException {
        Path file = posthog();
        List<String> options = List.of(file.toString(), "--customerColumn=distinct_id", "--eventIdColumn=uuid",
                "--touchpointColumn=$current_url", "--urls=host-path", "--eventColumn=event", "--events=$pageview",
                "--frustrationEvent=$rageclick", "--openHorizon=0");

        assertThat(run(options)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        out.reset();
        List<String> json = new ArrayList<>(options);
        json.add("--report=json");
        assertThat(run(json)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode again = JSON.readTree(out.toString(StandardCharsets.UTF_8));

        assertThat(summary).contains("Imported 5 events into 2 journeys (2 new, 0 updated) from 10 rows",
                "Passed over 5 rows of events --events does not list ('$pageleave': 3, '$autocapture': 2)",
                "Rule frustrationEvent matched 2 events ('$rageclick': 2)");
        assertThat(again.get("eventsImported").asLong()).as(again.toString()).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(5);
        assertThat(again.get("rowsSkippedByEventName").asLong()).isEqualTo(5);
        assertThat(steps()).containsExactly("u1 shop.example/pricing 0", "u1 shop.example/pricing 3",
                "u1 shop.example/pricing 3", "u1 shop.example/signup 0", "u2 shop.example/ 0");
    }

    @Test
    void refusesARuleByEventNameWithoutItsColumnBeforeOpeningTheDatabaseAndAColumnTheFileLacks()
            throws IOException {
        Path file = posthog();

        int withoutColumn = run(List.of(file.toString(), "--customerColumn=distinct_id",
                "--touchpointColumn=$current_url", "--events=$pageview"));
        assertThat(dataDir).as("no database was started").isEmptyDirectory();
        out.reset();
        int misnamed = run(List.of(file.toString(), "--customerColumn=distinct_id",
                "--touchpointColumn=$current_url", "--eventColumn=event_name", "--report=json"));

        assertThat(withoutColumn).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --events names events by the column of "
                + "their names, which --eventColumn gives");
        assertThat(misnamed).as("rejected as a header without a column any other option names").isEqualTo(1);
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("parameter").asString())
                .isEqualTo("eventColumn");
    }

    private Path posthog() throws IOException {
        Path file = files.resolve("posthog-events.csv");
        try (InputStream input = getClass().getResourceAsStream("/web-exports/posthog-events.csv")) {
            Files.copy(input, file);
        }
        return file;
    }

    private int run(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--journeys.neo4j.embedded.bolt-port=0");
        all.add("--journeys.data-dir=" + dataDir);
        all.add("--journeys.neo4j.embedded.page-cache-size=32MB");
        all.add("--journeys.neo4j.embedded.preallocate-transaction-logs=false");
        return ImportCommand.run(all.toArray(String[]::new), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Each stored step as "customer touchpoint type-code", in journey and step order. */
    private List<String> steps() {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        try {
            return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("""
                    MATCH (j:Journey)
                    UNWIND range(0, size(j.path) - 1) AS i
                    RETURN j.customerId + ' ' + j.path[i] + ' ' + toString(j.stepTypes[i]) AS step
                    ORDER BY j.id, i""",
                    Map.of(), result -> {
                        List<String> steps = new ArrayList<>();
                        result.forEachRemaining(row -> steps.add((String) row.get("step")));
                        return steps;
                    });
        } finally {
            dbms.shutdown();
        }
    }
}
