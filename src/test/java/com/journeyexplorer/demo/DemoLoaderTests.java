package com.journeyexplorer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;

/** The demo store is loaded before the web server takes requests: its first answer already counts the demo. */
class DemoLoaderTests {

    @TempDir
    Path dataDir;

    @Test
    void theFirstAnswerAfterAFirstStartCountsTheDemo() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(
                () -> new SpringApplicationBuilder(JourneyExplorerApplication.class).profiles("test")
                        .run("--journeys.data-dir=" + dataDir, "--journeys.demo.load-on-start=true",
                                "--journeys.demo.journeys=2000", "--server.port=" + port));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest stats = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stats"))
                .timeout(Duration.ofSeconds(30)).build();
        String firstAnswer = null;
        // as soon as the port answers: before, the web server answered while the demo was still being imported
        while (firstAnswer == null && !starting.isCompletedExceptionally()) {
            try {
                firstAnswer = client.send(stats, HttpResponse.BodyHandlers.ofString()).body();
            } catch (ConnectException notYetListening) {
                Thread.sleep(5);
            } catch (IOException closedWhileStarting) {
                Thread.sleep(5);
            }
        }
        try (ConfigurableApplicationContext app = starting.get(2, TimeUnit.MINUTES)) {
            assertThat(firstAnswer).contains("\"journeys\":2000");
        }
    }
}
