package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import com.journeyexplorer.TestData;

/**
 * The app against a Neo4j 5.26 server in a container instead of the embedded database. Skipped where no Docker engine
 * runs; {@link CypherWriterTests} covers the same write path on the embedded database everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "journeys.neo4j.embedded.enabled=false")
class Neo4jServerContainerTests {

    @Container
    @ServiceConnection
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26-community").withoutAuthentication();

    @LocalServerPort
    int port;

    @Test
    void importsAndAnswersOnANeo4jServer() throws Exception {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/events?journeyColumn=case:concept:name&touchpointColumn=concept:name"
                + "&timestampColumn=time:timestamp&purchase=pay%20compensation"))
                .header("Content-Type", "text/csv").header("X-API-Key", "test-key").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).isEqualTo(200);
        String stats = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(stats).contains("\"journeys\":6", "\"events\":42");
    }
}
