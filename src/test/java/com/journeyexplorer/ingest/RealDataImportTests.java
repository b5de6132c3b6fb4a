package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.TestData;

import tools.jackson.databind.JsonNode;

/** The public data sets of the test data imported through the HTTP API into the embedded Neo4j. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealDataImportTests extends ApiTestSupport {

    private static final String RUNNING_EXAMPLE_PARAMETERS = "journeyColumn=case:concept:name"
            + "&touchpointColumn=concept:name&timestampColumn=time:timestamp&purchase=pay compensation&openHorizon=0";

    @Test
    @Order(1)
    void importsTheRunningExampleWithItsOwnColumnNames() {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        Response response = postFile("/api/events?" + RUNNING_EXAMPLE_PARAMETERS, "text/csv", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rowsRead").asLong()).isEqualTo(42);
        assertThat(report.get("eventsImported").asLong()).isEqualTo(42);
        assertThat(report.get("journeysCreated").asLong()).isEqualTo(6);

        JsonNode stats = get("/api/stats").json();
        assertThat(stats.get("journeys").asLong()).isEqualTo(6);
        assertThat(stats.get("events").asLong()).isEqualTo(42);
        assertThat(stats.get("touchpoints").asInt()).isEqualTo(8);
        assertThat(stats.get("outcomes").get("PURCHASE").asLong()).isEqualTo(3);
        assertThat(stats.get("outcomes").get("ABANDONED").asLong()).isEqualTo(3);
        assertThat(stats.get("outcomes").get("DIVERTED").asLong()).isZero();
    }

    @Test
    @Order(2)
    void transitionCountsEqualTheDirectlyFollowsGraphThatPm4pyComputed() throws IOException {
        Map<String, Long> expected = directlyFollows(TestData.file("pm4py-running-example/running-example.dfg"));
        Map<String, Long> actual = new HashMap<>();
        for (JsonNode transition : get("/api/transitions?limit=100000").json().get("transitions")) {
            String from = transition.get("from").asString();
            String to = transition.get("to").asString();
            if (!from.startsWith("(") && !to.startsWith("(")) {
                actual.put(from + ">" + to, transition.get("count").asLong());
            }
        }
        assertThat(actual).isEqualTo(expected);

        // The aggregated TRANSITION relationships in Neo4j hold the same counts.
        Map<String, Long> stored = new HashMap<>();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (a:Touchpoint {kind: 'touchpoint'})-[r:TRANSITION]->(b:Touchpoint {kind: 'touchpoint'})
                    RETURN a.name AS from, b.name AS to, r.count AS count""")
                    .forEachRemaining(row -> stored.put(row.get("from").asString() + ">" + row.get("to").asString(),
                            row.get("count").asLong()));
        }
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    @Order(3)
    void reimportingTheSameFileChangesNothing() {
        Path file = TestData.file("pm4py-running-example/running-example.csv");
        JsonNode report = postFile("/api/events?" + RUNNING_EXAMPLE_PARAMETERS, "text/csv", file).json();

        assertThat(report.get("eventsImported").asLong()).isZero();
        assertThat(report.get("duplicateEvents").asLong()).isEqualTo(42);
        assertThat(report.get("journeysImported").asLong()).isZero();
        assertThat(get("/api/stats").json().get("events").asLong()).isEqualTo(42);
    }

    @Test
    @Order(4)
    void importsTheReceiptLog() {
        Path file = TestData.file("pm4py-receipt/receipt.csv");
        Response response = postFile("/api/events?journeyColumn=case:concept:name&touchpointColumn=concept:name"
                + "&timestampColumn=time:timestamp&segmentColumn=case:channel", "text/csv", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("journeysCreated").asLong()).isEqualTo(1434);
        assertThat(response.json().get("eventsImported").asLong()).isEqualTo(8577);
        assertThat(get("/api/journeys/case-10011").json().get("segment").asString()).isEqualTo("Internet");
    }

    @Test
    @Order(5)
    void importsChannelAttributionAggregatedPaths() throws IOException {
        Path file = TestData.file("channelattribution/Data.csv");
        long conversions = 0;
        long nulls = 0;
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] fields = line.split(";");
            conversions += Long.parseLong(fields[1]);
            nulls += Long.parseLong(fields[3]);
        }
        long before = get("/api/stats").json().get("journeys").asLong();

        Response response = postFile("/api/journeys/aggregated?source=channelattribution", "text/csv", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode stats = get("/api/stats").json();
        assertThat(stats.get("journeys").asLong()).isEqualTo(before + conversions + nulls);

        // Importing the same source again replaces its counts instead of adding them.
        assertThat(postFile("/api/journeys/aggregated?source=channelattribution", "text/csv", file).status())
                .isEqualTo(200);
        assertThat(get("/api/stats").json().get("journeys").asLong()).isEqualTo(before + conversions + nulls);
    }

    @Test
    @Order(6)
    void importsFractributionPathSummaries() {
        Path file = TestData.file("fractribution/example_path_summary.csv");
        Response response = postFile("/api/journeys/aggregated?source=fractribution", "text/csv", file);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rowsRead").asLong()).isEqualTo(758);
    }

    @Test
    @Order(7)
    void aMisspeltParameterOfTheAggregatedImportIsA400NamingIt() {
        long before = get("/api/stats").json().get("journeys").asLong();
        Path file = TestData.file("fractribution/example_path_summary.csv");

        Response response = postFile("/api/journeys/aggregated?source=again&seperator=%3E", "text/csv", file);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("parameter").asString()).isEqualTo("seperator");
        assertThat(get("/api/stats").json().get("journeys").asLong()).isEqualTo(before);
    }

    /** Parses pm4py's .dfg format: activity count, names, start and end activities, then "from>to x count". */
    static Map<String, Long> directlyFollows(Path dfg) throws IOException {
        List<String> lines = Files.readAllLines(dfg);
        int at = 0;
        int activities = Integer.parseInt(lines.get(at++).strip());
        List<String> names = lines.subList(at, at + activities);
        at += activities;
        for (int section = 0; section < 2; section++) {
            int count = Integer.parseInt(lines.get(at++).strip());
            at += count;
        }
        Map<String, Long> edges = new HashMap<>();
        for (; at < lines.size(); at++) {
            String line = lines.get(at).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] edge = line.split("x");
            String[] ends = edge[0].split(">");
            edges.put(names.get(Integer.parseInt(ends[0])) + ">" + names.get(Integer.parseInt(ends[1])),
                    Long.parseLong(edge[1]));
        }
        return edges;
    }
}
