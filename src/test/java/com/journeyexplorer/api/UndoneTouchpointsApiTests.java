package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "oldest first: {0}")
    @ValueSource(booleans = {true, false})
    void touchpointsTwoImportsCreatedAreGoneOnceBothAreUndoneInEitherOrder(boolean oldestFirst) {
        List<String> before = touchpointNames();
        String prefix = oldestFirst ? "Pair" : "Stack";
        String first = importCsv("""
                journey_id,timestamp,touchpoint
                %1$s-1,2026-03-01T10:00:00Z,%1$s first page
                """.formatted(prefix));
        String second = importCsv("""
                journey_id,timestamp,touchpoint
                %1$s-2,2026-03-02T10:00:00Z,%1$s first page
                %1$s-2,2026-03-02T10:01:00Z,%1$s second page
                """.formatted(prefix));

        undo(oldestFirst ? first : second);
        undo(oldestFirst ? second : first);

        assertThat(touchpointNames()).isEqualTo(before);
        assertThat(storedTouchpoints(prefix + " first page") + storedTouchpoints(prefix + " second page")).isZero();
    }

    private String importCsv(String body) {
        return importCsv("?openHorizon=0", body).get("importId").asString();
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
