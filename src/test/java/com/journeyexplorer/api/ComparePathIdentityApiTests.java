package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/compare} over HTTP on touchpoints whose names hold the separators of the display keys: two different
 * paths that read the same when joined ({@code A > B, C} and {@code A, B > C}) are told apart by their step arrays,
 * and each side's journeys are counted on its own path, not on the other one that reads alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparePathIdentityApiTests extends ApiTestSupport {

    private static final String EVENTS = """
            journey_id,timestamp,touchpoint,segment,type
            k1,2026-01-05T10:00:00Z,A > B,s1,
            k1,2026-01-05T10:05:00Z,C,s1,abandon
            k2,2026-01-06T10:00:00Z,A,s1,
            k2,2026-01-06T10:05:00Z,B > C,s1,abandon
            k3,2026-01-07T10:00:00Z,A > B,s2,
            k3,2026-01-07T10:05:00Z,C,s2,abandon
            """;

    @BeforeAll
    void importJourneys() {
        Response imported = post("/api/events?openHorizon=0", "text/csv", EVENTS);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    private JsonNode compare() {
        Response response = get("/api/compare?a=segment%3Ds1&b=segment%3Ds2");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void pathsThatReadAlikeAreToldApartByTheirStepsAndCountedApart() {
        JsonNode paths = compare().get("paths");

        assertThat(paths).hasSize(2);
        assertThat(paths).allSatisfy(row -> {
            assertThat(row.get("key").asString()).isEqualTo("A > B > C → (abandoned)");
            assertThat(row.get("outcome").asString()).isEqualTo("(abandoned)");
        });
        JsonNode split = paths.valueStream().filter(row -> texts(row.get("steps")).equals(List.of("A > B", "C")))
                .findFirst().orElseThrow();
        JsonNode other = paths.valueStream().filter(row -> texts(row.get("steps")).equals(List.of("A", "B > C")))
                .findFirst().orElseThrow();
        // k1 (s1) and k3 (s2) took A > B then C; only k2 (s1) took A then B > C.
        assertThat(split.get("countA").asLong()).isEqualTo(1);
        assertThat(split.get("countB").asLong()).isEqualTo(1);
        assertThat(other.get("countA").asLong()).isEqualTo(1);
        assertThat(other.get("countB").asLong()).isEqualTo(0);
    }

    @Test
    void transitionsNameTheirEndsApart() {
        JsonNode transitions = compare().get("transitions");

        assertThat(transitions).allSatisfy(row -> assertThat(row.get("key").asString())
                .isEqualTo(row.get("from").asString() + " → " + row.get("to").asString()));
        assertThat(transitions.valueStream().map(row -> List.of(row.get("from").asString(), row.get("to").asString(),
                row.get("countA").asLong(), row.get("countB").asLong())).toList())
                .containsExactlyInAnyOrder(
                        List.of("(start)", "A > B", 1L, 1L), List.of("A > B", "C", 1L, 1L),
                        List.of("C", "(abandoned)", 1L, 1L), List.of("(start)", "A", 1L, 0L),
                        List.of("A", "B > C", 1L, 0L), List.of("B > C", "(abandoned)", 1L, 0L));
    }
}
