package com.journeyexplorer.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import com.journeyexplorer.AppProcess;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing lost: the app is killed with SIGKILL in the middle of a large import, started again, and the import is not
 * there at all; the aggregated counts equal what the journeys imply and the same import then completes.
 */
class KillDuringImportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String API_KEY = "kill-test-key";

    @TempDir
    Path work;

    @Test
    void anImportKilledMidwayIsRolledBackAtTheNextStartAndCanBeRunAgain() throws Exception {
        Path csv = work.resolve("big.csv");
        // Journeys from another seed, so their ids ("demo-...") overlap the preloaded demo journeys: the import both
        // creates and replaces journeys, and both must be undone.
        DemoCsvWriter.write(new DemoStore(7), 12_000, csv);
        Path dataDir = work.resolve("data");
        int httpPort = AppProcess.freePort();
        int boltPort = AppProcess.freePort();

        JsonNode before;
        long journeysBefore;
        try (AppProcess app = startApp(dataDir, httpPort, boltPort)) {
            before = stats(httpPort);
            journeysBefore = before.get("journeys").asLong();
            assertThat(journeysBefore).isEqualTo(2_000);
            app.watchFor("of 12000 journeys written");
            CompletableFuture.runAsync(() -> postQuietly(httpPort, csv));
            assertThat(app.awaitLine(Duration.ofMinutes(5))).as("a batch was written before the kill").isTrue();
            app.kill();
        }

        try (AppProcess app = startApp(dataDir, httpPort, boltPort)) {
            assertThat(app.sawLine("rolling it back")).as(app::output).isTrue();
            assertThat(stats(httpPort)).isEqualTo(before);
            try (Driver driver = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.none());
                    Session session = driver.session()) {
                assertThat(session.run("MATCH (j:Journey) RETURN count(j) AS n").single().get("n").asLong())
                        .isEqualTo(journeysBefore);
                List<String> rolledBack = session.run("MATCH (i:Import {status: 'rolled back'}) RETURN i.id AS id")
                        .list(row -> row.get("id").asString());
                assertThat(rolledBack).hasSize(1);
                // Told as a failed job that planned its journeys and left none of them written.
                JsonNode told = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + httpPort + "/api/imports/" + rolledBack.get(0))).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(told.get("status").asString()).as(told.toString()).isEqualTo("failed");
                assertThat(told.get("journeysWritten").asLong()).as(told.toString()).isZero();
                assertThat(told.get("journeysTotal").asLong()).as(told.toString()).isEqualTo(12_000);
                assertThat(session.run("MATCH (p:PreviousVersion) RETURN count(p) AS n").single().get("n")
                        .asLong()).isZero();
                String check = Files.readString(Path.of("cypher", "consistency-check.cypher"));
                assertThat(session.run(check.replaceAll("(?m)^\\s*//.*$", "").strip().replaceAll(";$", "")).list())
                        .as("transitions that disagree with the journeys").isEmpty();
            }
            HttpResponse<String> again = post(httpPort, csv);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(stats(httpPort).get("journeys").asLong()).isGreaterThan(journeysBefore);
        }
    }

    private static JsonNode stats(int port) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stats"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpResponse<String> post(int port, Path csv) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
                .header("Content-Type", "text/csv").header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void postQuietly(int port, Path csv) {
        try {
            post(port, csv);
        } catch (IOException | InterruptedException expected) {
            // the server is killed during the request
        }
    }

    /** The app with its embedded database and 2,000 demo journeys in a JVM of its own, so that it can be killed. */
    private static AppProcess startApp(Path dataDir, int httpPort, int boltPort) throws Exception {
        return AppProcess.start("1g", List.of("--journeys.data-dir=" + dataDir, "--server.port=" + httpPort,
                "--journeys.neo4j.embedded.bolt-port=" + boltPort, "--journeys.demo.journeys=2000",
                "--journeys.neo4j.embedded.page-cache-size=64MB",
                "--journeys.neo4j.embedded.preallocate-transaction-logs=false",
                "--journeys.neo4j.write-batch-size=1000", "--journeys.security.api-key=" + API_KEY));
    }
}
