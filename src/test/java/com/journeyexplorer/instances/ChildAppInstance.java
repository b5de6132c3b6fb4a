package com.journeyexplorer.instances;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An app instance against a shared Neo4j server in a JVM of its own (the app's main class on this test's class path,
 * the test profile, the embedded database off since {@code spring.neo4j.uri} names the server), so that a test can
 * kill it as a crash would ({@link #kill}: SIGKILL), which an instance in the test's JVM cannot be.
 */
final class ChildAppInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);

    private ChildAppInstance(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readOutput, "child-instance-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts an instance named {@code name} on {@code server} and waits until it is ready (at most 3 minutes). */
    static ChildAppInstance start(String name, Neo4jServer server, Path dataDir, String... settings)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "com.journeyexplorer.JourneyExplorerApplication",
                "--spring.profiles.active=test", "--spring.neo4j.uri=" + server.uri(), "--server.port=" + port,
                "--journeys.data-dir=" + dataDir, "--journeys.instance.name=" + name,
                "--spring.application.name=journey-explorer-" + name));
        command.addAll(List.of(settings));
        ChildAppInstance app = new ChildAppInstance(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
        if (!app.ready.await(3, TimeUnit.MINUTES)) {
            app.close();
            throw new IllegalStateException("the instance did not start:\n" + app.output());
        }
        return app;
    }

    /** Posts CSV events from a file to {@code /api/events} with the API key. */
    HttpResponse<String> importCsv(Path csv) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
                .header("Content-Type", "text/csv").header("X-API-Key", AppInstance.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the instance as a crash would (SIGKILL): nothing of it runs afterwards, not even a shutdown hook. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.contains("Journey Explorer is ready")) {
                    ready.countDown();
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
                kill();
            }
        }
    }
}
