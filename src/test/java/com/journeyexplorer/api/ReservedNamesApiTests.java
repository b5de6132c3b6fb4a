package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The start and outcome nodes' names over HTTP, which a channel, stage or group would turn into that node under
 * {@code level=channel}, {@code level=stage} or the group: refused as an upload's channel or stage (row error naming
 * line, column and reason), by {@code PUT /api/touchpoints}, and as a {@code group} name, and nothing changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReservedNamesApiTests extends ApiTestSupport {

    private static final String RESERVED = "the graph's start and outcome nodes";

    @BeforeAll
    void importJourneys() {
        Response response = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,channel,stage,type
                r1,2026-03-01T10:00:00Z,Home,web,awareness,touchpoint
                r1,2026-03-01T10:05:00Z,Checkout,web,purchase,purchase
                r2,2026-03-01T11:00:00Z,Home,web,awareness,touchpoint
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void assertRowError(JsonNode error, long line, String field, String value) {
        assertThat(error.get("line").asLong()).isEqualTo(line);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("reason").asString()).contains("'" + value + "'", RESERVED);
    }

    @Test
    void anUploadWithAReservedChannelOrStageIsRefusedNamingLineAndColumnAndChangesNothing() {
        String before = storeState();

        Response csv = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,channel,stage
                x1,2026-03-02T10:00:00Z,Ad,(purchase),awareness
                x1,2026-03-02T10:05:00Z,Home,web,(start)
                x2,2026-03-02T10:00:00Z,Ad,social,awareness
                """);
        assertThat(csv.status()).as(csv.body()).isEqualTo(400);
        assertThat(csv.contentType()).startsWith("application/problem+json");
        JsonNode errors = csv.json().get("errors");
        assertThat(errors).hasSize(2);
        assertRowError(errors.get(0), 2, "channel", "(purchase)");
        assertRowError(errors.get(1), 3, "stage", "(start)");

        Response ndjson = post("/api/events?openHorizon=0&channelColumn=medium", "application/x-ndjson", """
                {"journey_id":"x3","timestamp":"2026-03-02T10:00:00Z","touchpoint":"Ad","medium":"(abandoned)"}
                """);
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(400);
        assertRowError(ndjson.json().get("errors").get(0), 1, "medium", "(abandoned)");

        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void settingAReservedChannelOrStageIsA400NamingTheFieldAndChangesNothing() {
        String before = storeState();
        for (String field : List.of("channel", "stage")) {
            Response refused = send(HttpRequest.newBuilder(uri("/api/touchpoints/Home")).header("X-API-Key", API_KEY)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"" + field + "\": \" (diverted) \"}")).build());
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("parameter").asString()).isEqualTo(field);
            assertThat(refused.json().get("detail").asString()).contains("'(diverted)'", RESERVED);
        }
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void aGroupNamedAfterTheStartOrAnOutcomeNodeIsA400NamingTheParameter() {
        for (String endpoint : List.of("/api/paths/top", "/api/attribution", "/api/flows", "/api/transitions",
                "/api/paths/likely", "/api/graph")) {
            for (String name : List.of("%28start%29", "%28purchase%29", "%20%28open%29%20")) {
                Response refused = get(endpoint + "?group=" + name + ":Home");
                assertThat(refused.status()).as(endpoint + " " + name + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("parameter").asString()).isEqualTo("group");
                assertThat(refused.json().get("detail").asString()).contains(RESERVED);
            }
        }
        Response allowed = get("/api/transitions?group=start:Home");
        assertThat(allowed.status()).as("a name that only looks like one: " + allowed.body()).isEqualTo(200);
    }
}
