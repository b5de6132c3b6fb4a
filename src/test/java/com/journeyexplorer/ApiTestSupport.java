package com.journeyexplorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
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

    public static final Path SHARED_DATA = Path.of("..", "shared", "data");
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
                return Files.createTempDirectory("journeys-test").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A file of ../shared/data; the test is skipped with a message when the folder is absent. */
    protected static Path sharedData(String relative) {
        Path file = SHARED_DATA.resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), () -> "skipped: " + file + " is absent (../shared/data)");
        return file;
    }

    protected Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    protected Response post(String pathAndQuery, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected Response postFile(String pathAndQuery, String contentType, Path file) {
        try {
            return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery.replace(" ", "%20"));
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
