package com.journeyexplorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the end-to-end tests: the whole app on a random HTTP port with its own embedded Neo4j store in a fresh
 * temporary folder, closed after the test class. Requests go over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ApiTestSupport {

    /** The key of the test profile (application-test.yml). */
    protected static final String API_KEY = "test-key";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected org.neo4j.driver.Driver driver;

    @DynamicPropertySource
    static void freshStore(DynamicPropertyRegistry registry) {
        registry.add("journeys.data-dir", () -> {
            try {
                // Under target/, so that the build's clean step removes them.
                Path stores = Files.createDirectories(Path.of("target", "test-stores"));
                return Files.createTempDirectory(stores, "store-").toAbsolutePath().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Imports the process-mining running example (the test data) with its column mapping and purchase rule, as a
     * finished log ({@code openHorizon=0}: its rejected cases are over, not in progress).
     */
    protected Response postRunningExample() {
        return postFile("/api/events?journeyColumn=case:concept:name&touchpointColumn=concept:name"
                + "&timestampColumn=time:timestamp&purchase=pay compensation&openHorizon=0", "text/csv",
                TestData.file("pm4py-running-example/running-example.csv"));
    }

    /**
     * A fingerprint of everything stored: node and relationship counts by label and type (so steps too), plus a hash
     * over the journeys' ids and properties and over the transitions with their counts. Equal before and after means unchanged.
     * Left out: what coordinates instances (ADR 0009), the imports lease and the ids of the journeys each entry changed,
     * which a rolled-back change records too, so that instances re-read what it put back.
     */
    protected String graphChecksum() {
        try (var session = driver.session()) {
            var record = session.run("""
                    CALL () {
                      MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS n
                      WHERE NOT label IN ['ImportLease', 'JourneyChange'] ORDER BY label
                      RETURN collect(label + '=' + n) AS labels
                    }
                    CALL () {
                      MATCH ()-[r]->() WHERE type(r) <> 'CHANGED' WITH type(r) AS type, count(*) AS n ORDER BY type
                      RETURN collect(type + '=' + n) AS types
                    }
                    CALL () { MATCH (j:Journey) WITH j ORDER BY j.id RETURN collect(properties(j)) AS journeys }
                    CALL () {
                      MATCH (a)-[t:TRANSITION]->(b) WITH a.name AS a, b.name AS b, properties(t) AS t ORDER BY a, b
                      RETURN collect([a, b, t]) AS transitions
                    }
                    RETURN labels, types, journeys, transitions""").single();
            return record.get("labels").asList() + " " + record.get("types").asList() + " journeys#"
                    + sorted(record.get("journeys").asObject()).hashCode() + " transitions#"
                    + sorted(record.get("transitions").asObject()).hashCode();
        }
    }

    /** Maps with sorted keys and arrays as lists, so that equal contents give equal hashes. */
    private static Object sorted(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
            map.forEach((key, entry) -> out.put(String.valueOf(key), sorted(entry)));
            return out;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(ApiTestSupport::sorted).toList();
        }
        return value;
    }

    /** {@link #graphChecksum()} and {@code GET /api/stats} together: the database and the projection. */
    protected String storeState() {
        return graphChecksum() + " | " + get("/api/stats").body();
    }

    protected Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    /** POSTs with the test profile's API key. */
    protected Response post(String pathAndQuery, String contentType, String body) {
        return post(pathAndQuery, contentType, body, API_KEY);
    }

    /** POSTs with the given API key in {@code X-API-Key}, or with none when {@code apiKey} is null. */
    protected Response post(String pathAndQuery, String contentType, String body, String apiKey) {
        return send(withKey(HttpRequest.newBuilder(uri(pathAndQuery)), apiKey).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POSTs raw bytes with the test profile's API key. */
    protected Response postBytes(String pathAndQuery, String contentType, byte[] body) {
        return send(withKey(HttpRequest.newBuilder(uri(pathAndQuery)), API_KEY).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    protected Response postFile(String pathAndQuery, String contentType, Path file) {
        try {
            return send(withKey(HttpRequest.newBuilder(uri(pathAndQuery)), API_KEY)
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * POSTs CSV events to {@code /api/events} with {@code query} (empty or from its {@code ?}), expects a 200 and
     * returns the import's report.
     */
    protected JsonNode importCsv(String query, String csv) {
        Response response = post("/api/events" + query, "text/csv", csv);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** DELETEs with the test profile's API key. */
    protected Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY).DELETE().build());
    }

    private static HttpRequest.Builder withKey(HttpRequest.Builder builder, String apiKey) {
        return apiKey == null ? builder : builder.header("X-API-Key", apiKey);
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("X-Cache").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The entry {@code entryId} as {@code GET /api/imports} lists it (the latest entries). */
    protected JsonNode listedImport(String entryId) {
        for (JsonNode entry : get("/api/imports").json()) {
            if (entry.get("id").asString().equals(entryId)) {
                return entry;
            }
        }
        throw new AssertionError("no journal entry " + entryId);
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery.replace(" ", "%20"));
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Response(int status, String contentType, String body, String cache) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** A problem's {@code errors}, each as "line field reason", in their order. */
        public List<String> errorLines() {
            List<String> lines = new ArrayList<>();
            json().get("errors").forEach(e -> lines.add(e.get("line").asLong() + " " + e.get("field").asString() + " "
                    + e.get("reason").asString()));
            return lines;
        }
    }

    /**
     * One request written byte for byte on a socket, for what an HTTP client refuses to send (bare characters in an
     * address, broken bodies): the whole answer, status line and headers included, as text.
     */
    protected String rawRequest(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** As {@link #rawRequest(byte[])}, each character of {@code request} one byte (ISO-8859-1). */
    protected String rawRequest(String request) throws IOException {
        return rawRequest(request.getBytes(StandardCharsets.ISO_8859_1));
    }
}
