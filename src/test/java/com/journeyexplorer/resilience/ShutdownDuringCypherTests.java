package com.journeyexplorer.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import com.journeyexplorer.AppProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SIGTERM while a runaway Cypher query runs: the query is terminated, its client gets a 503 problem saying the app is
 * shutting down, and the process ends instead of holding its graceful shutdown for the query's time limit.
 */
class ShutdownDuringCypherTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String API_KEY = "shutdown-test-key";
    /** Four billion billion rows: it runs until something stops it. */
    private static final String RUNAWAY = "UNWIND range(1, 2000000000) AS a UNWIND range(1, 2000000000) AS b "
            + "WITH a WHERE a < 0 RETURN count(a)";
    /** Far longer than a stopping app may take: the query's time limit is not what ends it. */
    private static final String TIME_LIMIT = "60s";
    /** Generous for a JVM that stops a query, a web server and an embedded database, and far below the time limit. */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(20);

    @TempDir
    Path work;

    @Test
    void sigtermTerminatesARunningCypherQueryAndTheAppExits() throws Exception {
        int httpPort = AppProcess.freePort();
        int boltPort = AppProcess.freePort();
        try (AppProcess app = AppProcess.start("512m", List.of("--journeys.data-dir=" + work.resolve("data"),
                "--server.port=" + httpPort, "--journeys.neo4j.embedded.bolt-port=" + boltPort,
                "--journeys.demo.load-on-start=false", "--journeys.neo4j.embedded.page-cache-size=32MB",
                "--journeys.neo4j.embedded.preallocate-transaction-logs=false",
                "--journeys.cypher.timeout=" + TIME_LIMIT, "--journeys.security.api-key=" + API_KEY))) {
            CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + httpPort + "/api/cypher"))
                    .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", RUNAWAY))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            awaitRunning(boltPort, answer);

            assertThat(app.terminate(EXIT_BOUND)).as("the app ended well before the query's time limit of %s",
                    TIME_LIMIT).isTrue();

            // The process has ended, so has the exchange (null: it ended with the connection closed, no answer).
            HttpResponse<String> response = answer.handle((done, failure) -> done).get(10, TimeUnit.SECONDS);
            assertThat(response).as("the client got an answer, not a closed connection").isNotNull();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).endsWith("/shutting-down");
            assertThat(problem.get("detail").asString()).contains("shutting down");
        }
    }

    /** Waits, through the app's Bolt port, until Neo4j runs the query itself (not the EXPLAIN the app runs first). */
    private static void awaitRunning(int boltPort, CompletableFuture<HttpResponse<String>> answer)
            throws InterruptedException {
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.none());
                Session session = driver.session()) {
            while (session.run("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' "
                    + "RETURN count(*) AS n").single().get("n").asLong() == 0) {
                if (answer.isDone()) {
                    throw new AssertionError("the query was answered before it ran long: " + answerOf(answer));
                }
                Thread.sleep(100);
            }
        }
    }

    private static String answerOf(CompletableFuture<HttpResponse<String>> answer) {
        try {
            return answer.isDone() ? answer.join().body() : "";
        } catch (CompletionException e) {
            return e.getCause().toString();
        }
    }
}
