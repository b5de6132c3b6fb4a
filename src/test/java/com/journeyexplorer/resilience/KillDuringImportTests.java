package com.journeyexplorer.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

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

    @TempDir
    Path work;

    @Test
    void anImportKilledMidwayIsRolledBackAtTheNextStartAndCanBeRunAgain() throws Exception {
        Path csv = work.resolve("big.csv");
        // Journeys from another seed, so their ids ("demo-...") overlap the preloaded demo journeys: the import both
        // creates and replaces journeys, and both must be undone.
        DemoCsvWriter.write(new DemoStore(7), 12_000, csv);
        Path dataDir = work.resolve("data");
        int httpPort = freePort();
        int boltPort = freePort();

        JsonNode before;
        long journeysBefore;
        try (ChildApp app = ChildApp.start(dataDir, httpPort, boltPort, null)) {
            before = stats(httpPort);
            journeysBefore = before.get("journeys").asLong();
            assertThat(journeysBefore).isEqualTo(2_000);
            app.watchFor("of 12000 journeys written");
            CompletableFuture.runAsync(() -> postQuietly(httpPort, csv));
            assertThat(app.awaitLine(Duration.ofMinutes(5))).as("a batch was written before the kill").isTrue();
            app.kill();
        }

        try (ChildApp app = ChildApp.start(dataDir, httpPort, boltPort, null)) {
            assertThat(app.sawLine("rolling it back")).as(app::output).isTrue();
            assertThat(stats(httpPort)).isEqualTo(before);
            try (Driver driver = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.none());
                    Session session = driver.session()) {
                assertThat(session.run("MATCH (j:Journey) RETURN count(j) AS n").single().get("n").asLong())
                        .isEqualTo(journeysBefore);
                assertThat(session.run("MATCH (i:Import {status: 'rolled back'}) RETURN count(i) AS n").single()
                        .get("n").asLong()).isEqualTo(1);
                assertThat(session.run("MATCH (p:PreviousVersion) RETURN count(p) AS n").single().get("n")
                        .asLong()).isZero();
                String check = Files.readString(Path.of("cypher", "consistency-check.cypher"));
                assertThat(session.run(check.substring(check.indexOf("MATCH"), check.lastIndexOf(';'))).list())
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
                .header("Content-Type", "text/csv").header("X-API-Key", ChildApp.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void postQuietly(int port, Path csv) {
        try {
            post(port, csv);
        } catch (IOException | InterruptedException expected) {
            // the server is killed during the request
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The app in a child JVM on this test's class path, so that it can be killed like a real process. */
    static final class ChildApp implements AutoCloseable {

        static final String API_KEY = "kill-test-key";
        private final Process process;
        private final List<String> lines = new ArrayList<>();
        private volatile String watched;
        private volatile CountDownLatch seen = new CountDownLatch(1);

        private ChildApp(Process process) {
            this.process = process;
            Thread reader = new Thread(this::readOutput, "child-app-output");
            reader.setDaemon(true);
            reader.start();
        }

        static ChildApp start(Path dataDir, int httpPort, int boltPort, String extra) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), "com.journeyexplorer.JourneyExplorerApplication",
                    "--journeys.data-dir=" + dataDir, "--server.port=" + httpPort,
                    "--journeys.neo4j.embedded.bolt-port=" + boltPort, "--journeys.demo.journeys=2000",
                    "--journeys.neo4j.embedded.page-cache-size=64MB",
                    "--journeys.neo4j.embedded.preallocate-transaction-logs=false", "--journeys.neo4j.write-batch-size=1000",
                    "--journeys.security.api-key=" + API_KEY));
            if (extra != null) {
                command.add(extra);
            }
            ChildApp app = new ChildApp(new ProcessBuilder(command).redirectErrorStream(true).start());
            // Logged once the projection and the demo data are loaded.
            app.watchFor("Journey Explorer is ready");
            if (!app.awaitLine(Duration.ofMinutes(3))) {
                app.close();
                throw new IllegalStateException("the app did not start:\n" + String.join("\n", app.lines));
            }
            return app;
        }

        void watchFor(String text) {
            seen = new CountDownLatch(1);
            watched = text;
            synchronized (lines) {
                if (lines.stream().anyMatch(line -> line.contains(text))) {
                    seen.countDown();
                }
            }
        }

        boolean awaitLine(Duration timeout) throws InterruptedException {
            return seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean sawLine(String text) {
            synchronized (lines) {
                return lines.stream().anyMatch(line -> line.contains(text));
            }
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        private void readOutput() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    String text = watched;
                    if (text != null && line.contains(text)) {
                        seen.countDown();
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
