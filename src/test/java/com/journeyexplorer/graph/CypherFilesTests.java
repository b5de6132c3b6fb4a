package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/**
 * Runs every file in {@code cypher/} against the database holding the demo store: the schema applies again cleanly,
 * each query for Cypher users answers, and the consistency check finds no disagreement between the aggregated
 * TRANSITION counts and the stored step chains.
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
}
