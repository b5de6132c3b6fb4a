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
 * Unicode noncharacters (U+FDD0 to U+FDEF, U+FFFE, U+FFFF, U+1FFFE, ...) over HTTP, which XML cannot hold or which are
 * not meant for interchange: refused like control characters in an upload's names (row error naming line, column and
 * the character), by {@code PUT /api/touchpoints} (400 naming the field, control characters too) and in a
 * {@code group} name, and nothing changes. Likewise half of a surrogate pair on its own, which JSON can escape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoncharacterNamesApiTests extends ApiTestSupport {

    @BeforeAll
    void importJourneys() {
        Response response = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,channel,stage
                n1,2026-03-01T10:00:00Z,Home,web,awareness
                n2,2026-03-01T11:00:00Z,Home,web,awareness
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** A row error at {@code line} in {@code field} whose reason says {@code reason} ("noncharacter U+FFFE"). */
    private static void assertRowError(JsonNode error, long line, String field, String reason) {
        assertThat(error.get("line").asLong()).as(error.toString()).isEqualTo(line);
        assertThat(error.get("field").asString()).as(error.toString()).isEqualTo(field);
        assertThat(error.get("reason").asString()).contains(reason);
    }

    @Test
    void anUploadWithANoncharacterInANameIsRefusedNamingLineColumnAndCharacterAndChangesNothing() {
        String before = storeState();

        Response csv = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,channel,stage
                x1,2026-03-02T10:00:00Z,Ad\uFFFE,social,awareness
                x1,2026-03-02T10:05:00Z,Home,web\uFFFF,awareness
                x2,2026-03-02T10:00:00Z,Ad,social,aware\uFDD0ness
                x3,2026-03-02T10:00:00Z,Ad \uD83F\uDFFE,social,awareness
                x4,2026-03-02T10:00:00Z,Ad,social,awareness
                """);
        assertThat(csv.status()).as(csv.body()).isEqualTo(400);
        assertThat(csv.contentType()).startsWith("application/problem+json");
        JsonNode errors = csv.json().get("errors");
        assertThat(errors).hasSize(4);
        assertRowError(errors.get(0), 2, "touchpoint", "noncharacter U+FFFE");
        assertRowError(errors.get(1), 3, "channel", "noncharacter U+FFFF");
        assertRowError(errors.get(2), 4, "stage", "noncharacter U+FDD0");
        assertRowError(errors.get(3), 5, "touchpoint", "noncharacter U+1FFFE");

        Response ndjson = post("/api/events?openHorizon=0&stageColumn=phase", "application/x-ndjson", """
                {"journey_id":"x5","timestamp":"2026-03-02T10:00:00Z","touchpoint":"Ad","phase":"\\uFDEF"}
                """);
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(400);
        assertRowError(ndjson.json().get("errors").get(0), 1, "phase", "noncharacter U+FDEF");

        Response aggregated = post("/api/journeys/aggregated?source=nonchar", "text/csv",
                "path,total_conversions,total_conversion_value,total_null\nAd > Home\uFFFF,1,0,1\n");
        assertThat(aggregated.status()).as(aggregated.body()).isEqualTo(400);
        assertRowError(aggregated.json().get("errors").get(0), 2, "path", "noncharacter U+FFFF");

        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void anUnpairedSurrogateInANameIsRefusedByTheImportAndByPutAndChangesNothing() {
        String before = storeState();

        Response ndjson = post("/api/events?openHorizon=0", "application/x-ndjson", """
                {"journey_id":"s1","timestamp":"2026-03-02T10:00:00Z","touchpoint":"Ad \\ud800 one"}
                {"journey_id":"s1","timestamp":"2026-03-02T10:05:00Z","touchpoint":"Home","channel":"web\\udfff"}
                {"journey_id":"s2\\udc00","timestamp":"2026-03-02T10:00:00Z","touchpoint":"Home"}
                """);
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(400);
        assertThat(ndjson.contentType()).startsWith("application/problem+json");
        JsonNode errors = ndjson.json().get("errors");
        assertThat(errors).hasSize(3);
        assertRowError(errors.get(0), 1, "touchpoint", "unpaired surrogate U+D800");
        assertRowError(errors.get(1), 2, "channel", "unpaired surrogate U+DFFF");
        assertRowError(errors.get(2), 3, "journey_id", "unpaired surrogate U+DC00");

        for (String path : List.of("/api/touchpoints/Home", "/api/touchpoints?name=Home")) {
            Response refused = send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\": \"aware\\ud83d\"}")).build());
            assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("parameter").asString()).isEqualTo("stage");
            assertThat(refused.json().get("detail").asString()).contains("unpaired surrogate U+D83D");
        }
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void charactersBesideTheNoncharactersAreNames() {
        Response response = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,timestamp,touchpoint,channel,stage
                ok1,2026-03-03T10:00:00Z,Caf\uFFFD,\uFDCF,\uFDF0
                ok1,2026-03-03T10:05:00Z,\uDBFF\uDFFD,web,awareness
                """);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void settingAChannelOrStageWithAControlCharacterOrNoncharacterIsA400NamingTheFieldAndChangesNothing() {
        String before = storeState();
        for (String path : List.of("/api/touchpoints/Home", "/api/touchpoints?name=Home")) {
            for (String field : List.of("channel", "stage")) {
                for (String[] bad : List.of(new String[] {"\\uFFFE", "U+FFFE"}, new String[] {"\\uFFFF", "U+FFFF"},
                        new String[] {"\\uFDD0", "U+FDD0"}, new String[] {"\\u001B[31m", "U+001B"})) {
                    Response refused = send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY)
                            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                                    "{\"" + field + "\": \"web" + bad[0] + "\"}")).build());
                    assertThat(refused.status()).as(path + " " + field + " " + refused.body()).isEqualTo(400);
                    assertThat(refused.contentType()).startsWith("application/problem+json");
                    assertThat(refused.json().get("parameter").asString()).isEqualTo(field);
                    assertThat(refused.json().get("detail").asString()).contains(bad[1]);
                }
            }
        }
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void aGroupNameWithANoncharacterIsA400NamingTheParameterAndTheCharacter() {
        for (String endpoint : List.of("/api/paths/top", "/api/transitions", "/api/graph")) {
            for (String[] bad : List.of(new String[] {"A%EF%BF%BEB", "U+FFFE"}, new String[] {"A%EF%BF%BF", "U+FFFF"},
                    new String[] {"A%EF%B7%90", "U+FDD0"})) {
                Response refused = get(endpoint + "?group=" + bad[0] + ":Home");
                assertThat(refused.status()).as(endpoint + " " + bad[0] + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("parameter").asString()).isEqualTo("group");
                assertThat(refused.json().get("detail").asString()).contains("noncharacter " + bad[1]);
            }
        }
    }
}
