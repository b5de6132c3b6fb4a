package com.journeyexplorer.instances;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.journeyexplorer.AppProcess;

/**
 * An app instance against a shared Neo4j server in a JVM of its own (the app's main class on this test's class path,
 * the test profile, the embedded database off since {@code spring.neo4j.uri} names the server), so that a test can
 * kill it as a crash would ({@link #kill}: SIGKILL), which an instance in the test's JVM cannot be.
 */
final class ChildAppInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final AppProcess process;
    private final int port;

    private ChildAppInstance(AppProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts an instance named {@code name} on {@code server} and waits until it is ready (at most 3 minutes). */
    static ChildAppInstance start(String name, Neo4jServer server, Path dataDir, String... settings)
            throws IOException, InterruptedException {
        int port = AppProcess.freePort();
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=test",
                "--spring.neo4j.uri=" + server.uri(), "--server.port=" + port, "--journeys.data-dir=" + dataDir,
                "--journeys.instance.name=" + name, "--spring.application.name=journey-explorer-" + name));
        arguments.addAll(List.of(settings));
        return new ChildAppInstance(AppProcess.start("512m", arguments), port);
    }

    /** Posts CSV events from a file to {@code /api/events} with the API key. */
    HttpResponse<String> importCsv(Path csv) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
                .header("Content-Type", "text/csv").header("X-API-Key", AppInstance.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the instance as a crash would (SIGKILL): nothing of it runs afterwards, not even a shutdown hook. */
    void kill() throws InterruptedException {
        process.kill();
    }

    String output() {
        return process.output();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
