package com.journeyexplorer.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * Imports into the same journeys posted at the same moment through three instances on one Neo4j server: the imports
 * lease serializes them, so every instance ends with what importing the same files one after another gives (checked
 * against an instance with a database of its own that imported them in turn), no event lost or counted twice, and no
 * two touchpoints with one index.
 */
class ConcurrentImportsTests {

    private static final int JOURNEYS = 90;
    private static final int FILES = 3;

    @TempDir
    static Path work;

    static Neo4jServer server;
    static final List<AppInstance> instances = new ArrayList<>();
    static AppInstance sequential;

    @BeforeAll
    static void start() throws Exception {
        server = Neo4jServer.start(work.resolve("neo4j"), 0);
        for (String name : List.of("a", "b", "c")) {
            instances.add(AppInstance.start(name, server, work.resolve(name)));
        }
        sequential = AppInstance.startEmbedded("sequential", work.resolve("sequential"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AppInstance instance : instances) {
            instance.close();
        }
        if (sequential != null) {
            sequential.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * File {@code file} of {@code round}: every third event of each journey (so each file extends every journey the
     * others extend), some on a touchpoint that only this file names (new touchpoints created at once), and the
     * purchases of a third of the journeys.
     */
    private static String file(String round, int file) {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,customer_id,type,value\n");
        String[] pages = {"Home", "Search", "Product", "Cart", "Help", "Checkout"};
        for (int j = 0; j < JOURNEYS; j++) {
            for (int event = file; event < 9; event += FILES) {
                boolean purchase = event == 8 && j % 3 == 0;
                String touchpoint = purchase ? "Order placed"
                        : event >= 3 && event <= 5 ? round + " page of file " + file + " #" + (j % 4)
                        : pages[(j + event) % pages.length];
                csv.append(round).append("-journey-").append(j).append(",2026-05-0").append(1 + j % 7).append('T')
                        .append(String.format("%02d:%02d:00Z", 8 + event, j % 60)).append(',').append(touchpoint)
                        .append(",customer-").append(j % 40).append(',').append(purchase ? "purchase" : "touchpoint")
                        .append(',').append(purchase ? "12.5" : "").append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void overlappingImportsPostedAtOnceEndAsTheyWouldOneAfterAnother() throws Exception {
        for (int file = 0; file < FILES; file++) {
            HttpResponse<String> imported = sequential.importCsv(file("overlap", file));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        }

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> posted = new ArrayList<>();
        for (int file = 0; file < FILES; file++) {
            AppInstance instance = instances.get(file);
            String csv = file("overlap", file);
            posted.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return instance.importCsv(csv);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        long token = 0;
        for (CompletableFuture<HttpResponse<String>> future : posted) {
            HttpResponse<String> imported = future.get();
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            token = Math.max(token, Long.parseLong(imported.headers().firstValue("Journeys-Consistency")
                    .orElseThrow()));
        }

        String expectedChecksum = sequential.projectionChecksum();
        assertThat(expectedChecksum).startsWith(JOURNEYS + ":");
        for (AppInstance instance : instances) {
            String consistency = Long.toString(token);
            assertThat(read(instance, "/api/stats", consistency)).as("stats")
                    .isEqualTo(sequential.getJson("/api/stats"));
            assertThat(read(instance, "/api/paths/top?limit=100", consistency)).as("top paths")
                    .isEqualTo(sequential.getJson("/api/paths/top?limit=100"));
            assertThat(transitions(read(instance, "/api/transitions?limit=1000", consistency))).as("transitions")
                    .isEqualTo(transitions(sequential.getJson("/api/transitions?limit=1000")));
            assertThat(instance.projectionChecksum()).as("projection").isEqualTo(expectedChecksum);
        }
        // The touchpoints the three files created at once got an index each, the same on every instance.
        List<String> touchpoints = names(instances.get(0));
        assertThat(touchpoints).doesNotHaveDuplicates();
        assertThat(names(instances.get(1))).isEqualTo(touchpoints);
        assertThat(names(instances.get(2))).isEqualTo(touchpoints);
        assertThat(touchpoints).containsExactlyInAnyOrderElementsOf(names(sequential));
    }

    private static JsonNode read(AppInstance instance, String path, String consistency) throws Exception {
        HttpResponse<String> response = instance.get(path, "Journeys-Consistency", consistency);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AppInstance.json(response.body());
    }

    /** The transitions as sorted text: their order among equal counts follows touchpoint indexes, not the data. */
    private static List<String> transitions(JsonNode answer) {
        List<String> edges = new ArrayList<>();
        answer.get("transitions").forEach(edge -> edges.add(edge.toString()));
        edges.sort(null);
        return edges;
    }

    /** The touchpoint names of an instance's projection, in index order. */
    private static List<String> names(AppInstance instance) {
        return instance.bean(com.journeyexplorer.graph.JourneyProjection.class).current().touchpoints().stream()
                .map(com.journeyexplorer.journey.Touchpoint::name).toList();
    }
}
