package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Runs every file in {@code cypher/} against the database holding the demo store: the schema applies again cleanly,
 * each query for Cypher users answers, the experience and diversions queries give their endpoints' figures, and the
 * consistency check finds no disagreement between the aggregated TRANSITION counts and the stored step chains.
 */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=3000"})
class CypherFilesTests extends ApiTestSupport {

    private static final Path CYPHER = Path.of("cypher");

    @TestFactory
    Stream<DynamicTest> everyCypherFileRunsAgainstTheDemoStore() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CYPHER)) {
            files = walk.filter(file -> file.toString().endsWith(".cypher")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        return files.stream().map(file -> DynamicTest.dynamicTest(CYPHER.relativize(file).toString(), () -> {
            List<String> statements = StoreSchema.statements(Files.readString(file));
            assertThat(statements).isNotEmpty();
            List<Record> rows = List.of();
            try (Session session = driver.session()) {
                for (String statement : statements) {
                    rows = session.run(statement).list();
                }
            }
            String name = file.getFileName().toString();
            if (name.equals("consistency-check.cypher")) {
                assertThat(rows).as("transitions that disagree with the step chains").isEmpty();
            } else if (file.startsWith(CYPHER.resolve("queries"))) {
                assertThat(rows).as("rows of " + name).isNotEmpty();
            }
        }));
    }

    @Test
    void theDiversionsQueryGivesTheJourneysAndRatesOfTheDiversionsEndpoint() throws IOException {
        // A journey still in progress that goes to a competitor: /api/diversions leaves it out by default.
        assertThat(post("/api/events", "text/csv", """
                journey_id,timestamp,touchpoint
                open-diverted,2030-01-01T10:00:00Z,Price comparison
                open-diverted,2030-01-01T10:05:00Z,CompetitorB marketplace
                open-diverted,2030-01-01T10:10:00Z,Price comparison
                """).status()).isEqualTo(200);
        assertThat(get("/api/journeys/open-diverted").json().get("outcome").asString()).isEqualTo("OPEN");
        String query = StoreSchema.statements(Files.readString(
                CYPHER.resolve("queries/competitor-diversions.cypher"))).get(0);
        Map<String, JsonNode> byEdge = new HashMap<>();
        get("/api/diversions?limit=1000").json().get("diversions").forEach(row -> byEdge.put(
                row.get("touchpoint").asString() + " -> " + row.get("competitor").asString(), row));

        List<Record> rows;
        try (Session session = driver.session()) {
            rows = session.run(query).list();
        }

        assertThat(rows).hasSizeGreaterThan(5);
        for (Record row : rows) {
            String edge = row.get("touchpoint").asString() + " -> " + row.get("competitor").asString();
            JsonNode api = byEdge.get(edge);
            assertThat(api).as(edge).isNotNull();
            assertThat(row.get("journeys").asLong()).as(edge).isEqualTo(api.get("journeys").asLong());
            assertThat(row.get("rate").asDouble()).as(edge).isCloseTo(api.get("rate").asDouble(), within(0.00005));
        }
    }

    @Test
    void theExperienceQueryGivesTheFiguresOfTheExperienceEndpoint() throws IOException {
        String query = StoreSchema.statements(Files.readString(
                CYPHER.resolve("queries/experience-by-touchpoint.cypher"))).get(0);
        Map<String, JsonNode> byLabel = new HashMap<>();
        get("/api/experience?by=touchpoint&includeOpen=true").json().get("labels")
                .forEach(row -> byLabel.put(row.get("label").asString(), row.get("experience")));

        List<Record> rows;
        try (Session session = driver.session()) {
            rows = session.run(query).list();
        }

        assertThat(rows).hasSizeGreaterThan(10);
        for (Record row : rows) {
            String touchpoint = row.get("touchpoint").asString();
            JsonNode api = byLabel.get(touchpoint);
            assertThat(api).as(touchpoint).isNotNull();
            assertThat(row.get("answers").asLong()).as(touchpoint).isEqualTo(api.get("responses").asLong());
            assertThat(row.get("meanScore").asDouble()).as(touchpoint)
                    .isCloseTo(api.get("meanScore").asDouble(), within(0.00005));
            assertThat(row.get("positiveShare").asDouble()).as(touchpoint)
                    .isCloseTo(api.get("positiveShare").asDouble(), within(0.00005));
            assertThat(row.get("negativeShare").asDouble()).as(touchpoint)
                    .isCloseTo(api.get("negativeShare").asDouble(), within(0.00005));
        }
    }
}
