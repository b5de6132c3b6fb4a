package com.journeyexplorer.instances;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.journey.Journey;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One app instance against a shared Neo4j server ({@code spring.neo4j.uri}), in this JVM with its own Spring context,
 * HTTP port and data folder, reached over HTTP as a load balancer would reach it.
 */
final class AppInstance implements AutoCloseable {

    static final String API_KEY = "test-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final int port;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts an instance named {@code name} on {@code server}; {@code settings} are extra {@code --name=value}s. */
    static AppInstance start(String name, Neo4jServer server, Path dataDir, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.neo4j.uri=" + server.uri(), "--server.port=0",
                "--journeys.data-dir=" + dataDir, "--journeys.instance.name=" + name,
                "--spring.application.name=journey-explorer-" + name));
        arguments.addAll(List.of(settings));
        return new AppInstance(new SpringApplicationBuilder(JourneyExplorerApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new)));
    }

    /**
     * Starts an instance named {@code name} with its own embedded database in {@code dataDir}; {@code settings} are
     * extra {@code --name=value}s (a fixed {@code journeys.neo4j.embedded.bolt-port} lets others use the database).
     */
    static AppInstance startEmbedded(String name, Path dataDir, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--journeys.data-dir=" + dataDir,
                "--journeys.instance.name=" + name, "--spring.application.name=journey-explorer-" + name));
        arguments.addAll(List.of(settings));
        return new AppInstance(new SpringApplicationBuilder(JourneyExplorerApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new)));
    }

    /**
     * A digest of this instance's projection that does not depend on the order touchpoints were created in: every
     * journey (sorted by id) with its customer, outcome, value and steps as touchpoint name, time and type.
     */
    String projectionChecksum() throws java.security.NoSuchAlgorithmException {
        JourneySnapshot snapshot = bean(JourneyProjection.class).current();
        List<String> lines = new ArrayList<>();
        for (Journey journey : snapshot.journeys()) {
            StringBuilder line = new StringBuilder(journey.id()).append('|').append(journey.customerId()).append('|')
                    .append(journey.outcome()).append('|').append(journey.value());
            for (int i = 0; i < journey.steps().length; i++) {
                line.append('|').append(snapshot.touchpoint(journey.steps()[i]).name()).append('@')
                        .append(journey.times().length > i ? journey.times()[i] : -1).append(':')
                        .append(journey.types().length > i ? journey.types()[i] : -1);
            }
            lines.add(line.toString());
        }
        java.util.Collections.sort(lines);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return lines.size() + ":" + java.util.HexFormat.of().formatHex(digest);
    }

    int port() {
        return port;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Posts CSV events to {@code /api/events} with the API key. */
    HttpResponse<String> importCsv(String csv) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
                .header("Content-Type", "text/csv").header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts CSV events to {@code /api/events} with the API key, as a job in the background ({@code respond-async}). */
    HttpResponse<String> importCsvAsync(String csv) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
                .header("Content-Type", "text/csv").header("X-API-Key", API_KEY).header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code method} with a JSON (or empty) body and the API key. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-API-Key", API_KEY)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-API-Key",
                API_KEY).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        context.close();
        // Stopping a context stops the budgeted analyses of the whole JVM (a flag for shutdown); the other instances
        // of this JVM keep serving.
        com.journeyexplorer.analysis.WorkBudget.resume();
    }
}
