package com.journeyexplorer.graph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;
import com.journeyexplorer.demo.DemoSurvey;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * What the answer write profiles write to: the app on a fresh embedded store in {@code target/bench} with the demo
 * store's events of {@code journeys} journeys imported over HTTP, and the demo's survey answers about them, not
 * written, to be written again and again under fresh ids ({@link #renamed}). Closing it stops the app and deletes
 * the store.
 */
final class DemoAnswersStore implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final GraphDatabaseService database;
    final List<SurveyResponse> answers = new ArrayList<>();
    private final Path dataDir;

    DemoAnswersStore(int journeys) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "bench"));
        Path events = work.resolve("demo-" + journeys + ".csv");
        if (!Files.exists(events)) {
            DemoCsvWriter.write(new DemoStore(DemoCsvWriter.DEFAULT_SEED), journeys, events);
        }
        new DemoSurvey(DemoCsvWriter.DEFAULT_SEED).generate(journeys, a -> answers.add(new SurveyResponse(
                a.responseId(), a.journeyId(), a.customerId(), a.timestamp(), a.touchpoint(), a.stage(),
                Scale.of(a.scale()), a.score(), a.comment())));
        dataDir = Files.createTempDirectory(work, "answer-write-profile-");
        context = new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .logStartupInfo(false).run("--journeys.data-dir=" + dataDir, "--journeys.demo.load-on-start=false",
                        "--server.port=0", "--journeys.neo4j.embedded.bolt-port=0",
                        "--logging.level.com.journeyexplorer=warn", "--journeys.security.api-key=k");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/events?openHorizon=0"))
                .header("Content-Type", "text/csv").header("X-API-Key", "k")
                .POST(HttpRequest.BodyPublishers.ofFile(events)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("events: " + imported.statusCode() + ", " + answers.size() + " answers a round");
        database = context.getBean(DatabaseManagementService.class)
                .database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** The app's writer of answers on this store. */
    EmbeddedResponseWriter writer() {
        return new EmbeddedResponseWriter(context.getBean(DatabaseManagementService.class),
                context.getBean(ImportLease.class));
    }

    /** The answers with {@code prefix} before each id, so that they are written as new ones. */
    static List<SurveyResponse> renamed(List<SurveyResponse> answers, String prefix) {
        List<SurveyResponse> renamed = new ArrayList<>(answers.size());
        for (SurveyResponse r : answers) {
            renamed.add(new SurveyResponse(prefix + r.id(), r.journeyId(), r.customerId(), r.at(), r.touchpoint(),
                    r.stage(), r.scale(), r.score(), r.comment()));
        }
        return renamed;
    }

    @Override
    public void close() {
        context.close();
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
}
