package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

/**
 * Undoing two imports that visit the same touchpoint, which the first of them created: once both are undone, in
 * either order, the touchpoint is gone from the store and the touchpoint list, as if neither import had happened.
 * Each test uses its own touchpoints and undoes everything it imported, so the store's touchpoints are the ones before.
 */
class UndoneTouchpointsApiTests extends ApiTestSupport {

    @Test
    void aTouchpointIsGoneOnceTheImportThatCreatedItAndTheLaterOneVisitingItAreUndoneOldestFirst() {
        List<String> before = touchpointNames();
        String first = importCsv("""
                journey_id,timestamp,touchpoint
                oldest-1,2026-03-01T10:00:00Z,Oldest shared page
                """);
        String second = importCsv("""
                journey_id,timestamp,touchpoint
                oldest-2,2026-03-02T10:00:00Z,Oldest shared page
                """);

        undo(first);
        assertThat(touchpointNames()).as("the later import still visits it").contains("Oldest shared page");
        undo(second);

        assertThat(touchpointNames()).isEqualTo(before);
        assertThat(storedTouchpoints("Oldest shared page")).isZero();
        assertThat(get("/api/stats").json().get("touchpoints").asInt()).isEqualTo(before.size());
    }

    @Test
    void touchpointsTwoImportsCreatedAreGoneOnceBothAreUndoneOldestFirst() {
        List<String> before = touchpointNames();
        String first = importCsv("""
                journey_id,timestamp,touchpoint
                pair-1,2026-03-01T10:00:00Z,Pair first page
                """);
        String second = importCsv("""
                journey_id,timestamp,touchpoint
                pair-2,2026-03-02T10:00:00Z,Pair first page
                pair-2,2026-03-02T10:01:00Z,Pair second page
                """);

        undo(first);
        undo(second);

        assertThat(touchpointNames()).isEqualTo(before);
        assertThat(storedTouchpoints("Pair first page") + storedTouchpoints("Pair second page")).isZero();
    }

    @Test
    void touchpointsTwoImportsCreatedAreGoneOnceBothAreUndoneNewestFirst() {
        List<String> before = touchpointNames();
        String first = importCsv("""
                journey_id,timestamp,touchpoint
                stack-1,2026-03-01T10:00:00Z,Stack first page
                """);
        String second = importCsv("""
                journey_id,timestamp,touchpoint
                stack-2,2026-03-02T10:00:00Z,Stack first page
                stack-2,2026-03-02T10:01:00Z,Stack second page
                """);

        undo(second);
        undo(first);

        assertThat(touchpointNames()).isEqualTo(before);
        assertThat(storedTouchpoints("Stack first page") + storedTouchpoints("Stack second page")).isZero();
    }

    private String importCsv(String body) {
        Response response = post("/api/events?openHorizon=0", "text/csv", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("importId").asString();
    }

    private void undo(String importId) {
        Response undo = send(HttpRequest.newBuilder(uri("/api/imports/" + importId)).DELETE()
                .header("X-API-Key", API_KEY).build());
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
    }

    private List<String> touchpointNames() {
        List<String> names = new ArrayList<>();
        get("/api/touchpoints").json().forEach(touchpoint -> names.add(touchpoint.get("name").asString()));
        return names;
    }

    private long storedTouchpoints(String name) {
        try (var session = driver.session()) {
            return session.run("MATCH (t:Touchpoint {name: $name}) RETURN count(t) AS n", Map.of("name", name))
                    .single().get("n").asLong();
        }
    }
}
