package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The {@code zone} of an upload ({@code POST /api/events}, its preview, {@code POST /api/feedback}): the time zone of
 * its times without an offset, instead of the setting {@code journeys.ingest.default-zone} (UTC here), so that a
 * Typeform export (UTC) and a Qualtrics export (the account's zone) can go into one server.
 */
class UploadZoneApiTests extends ApiTestSupport {

    /** The times of the steps of journey {@code id}, as {@code GET /api/journeys/{id}} gives them. */
    private List<String> stepTimes(String id) {
        Response journey = get("/api/journeys/" + id);
        assertThat(journey.status()).as(journey.body()).isEqualTo(200);
        List<String> times = new ArrayList<>();
        journey.json().get("steps").forEach(step -> times.add(step.get("at").asString()));
        return times;
    }

    @Test
    void readsTimesWithoutAnOffsetInTheUploadsZoneAndKeepsTheOffsetOfTheOthers() {
        String file = """
                journey_id,customer_id,timestamp,touchpoint
                zone-1,zc1,2026-03-02 13:02:03,Zone home
                zone-1,zc1,2026-03-02T13:30:00+01:00,Zone cart
                """;

        JsonNode first = importCsv("?openHorizon=0&zone=Europe/Paris", file);

        assertThat(first.get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(stepTimes("zone-1")).containsExactly("2026-03-02T12:02:03Z", "2026-03-02T12:30:00Z");

        JsonNode again = importCsv("?openHorizon=0&zone=Europe/Paris", file);
        assertThat(again.get("eventsImported").asLong()).as(again.toString()).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(2);
        assertThat(again.has("importId")).as("nothing changed, no journal entry").isFalse();

        // Another zone reads the time without an offset as another instant: a new event; the other is the same.
        JsonNode otherZone = importCsv("?openHorizon=0&zone=UTC", file);
        assertThat(otherZone.get("zone").asString()).isEqualTo("UTC");
        assertThat(otherZone.get("eventsImported").asLong()).as(otherZone.toString()).isEqualTo(1);
        assertThat(otherZone.get("duplicateEvents").asLong()).isEqualTo(1);
        assertThat(stepTimes("zone-1")).containsExactly("2026-03-02T12:02:03Z", "2026-03-02T12:30:00Z",
                "2026-03-02T13:02:03Z");

        JsonNode withoutZone = importCsv("?openHorizon=0", "journey_id,timestamp,touchpoint\n"
                + "zone-2,2026-03-02 13:02:03,Zone home\n");
        assertThat(withoutZone.has("zone")).as("the setting's zone is not echoed").isFalse();
        assertThat(stepTimes("zone-2")).containsExactly("2026-03-02T13:02:03Z");
    }

    @Test
    void aFileImportedInTheWrongZoneIsCorrectedByUndoingThatImportAndImportingItAgainInTheRightOne() {
        // A journey stored before, which the file goes on with, and one the file brings.
        importCsv("?openHorizon=0", "journey_id,timestamp,touchpoint\nfix-1,2026-03-02T09:00:00Z,Fix home\n");
        JsonNode before = get("/api/stats").json();
        String file = """
                journey_id,timestamp,touchpoint
                fix-1,2026-03-02 13:00:00,Fix cart
                fix-2,2026-03-02 14:00:00,Fix home
                """;

        JsonNode wrong = importCsv("?openHorizon=0&zone=UTC", file);
        assertThat(stepTimes("fix-1")).containsExactly("2026-03-02T09:00:00Z", "2026-03-02T13:00:00Z");
        // Imported again in the right zone without the undo, its events would be added a second time.
        Response undone = delete("/api/imports/" + wrong.get("importId").asString());
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        JsonNode right = importCsv("?openHorizon=0&zone=Europe/Paris", file);

        assertThat(stepTimes("fix-1")).containsExactly("2026-03-02T09:00:00Z", "2026-03-02T12:00:00Z");
        assertThat(stepTimes("fix-2")).containsExactly("2026-03-02T13:00:00Z");
        assertThat(right.get("eventsImported").asLong()).isEqualTo(2);
        assertThat(right.get("duplicateEvents").asLong()).isZero();
        JsonNode after = get("/api/stats").json();
        assertThat(after.get("events").asLong()).isEqualTo(before.get("events").asLong() + 2);
        assertThat(after.get("journeys").asLong()).isEqualTo(before.get("journeys").asLong() + 1);
    }

    @Test
    void aTimeTheZonesClocksSkipIsARowErrorAndOneTheyRepeatTakesTheEarlierOffset() {
        String before = storeState();

        Response skipped = post("/api/events?openHorizon=0&zone=Europe/Paris", "text/csv",
                "journey_id,timestamp,touchpoint\nzone-3,2026-03-29 01:30:00,Zone home\n"
                        + "zone-3,2026-03-29 02:30:00,Zone cart\n");

        assertThat(skipped.status()).as(skipped.body()).isEqualTo(400);
        assertThat(skipped.errorLines()).singleElement().asString()
                .startsWith("3 timestamp '2026-03-29 02:30:00' does not exist in Europe/Paris");
        assertThat(storeState()).isEqualTo(before);

        importCsv("?openHorizon=0&zone=Europe/Paris", "journey_id,timestamp,touchpoint\n"
                + "zone-3,2026-10-25 02:30:00,Zone home\n");
        assertThat(stepTimes("zone-3")).as("summer time, +02:00").containsExactly("2026-10-25T00:30:00Z");
    }

    @Test
    void readsATimestampPatternWithoutAZoneInTheUploadsZoneOrOffset() {
        importCsv("?openHorizon=0&timestampFormat=dd/MM/yyyy HH:mm:ss&zone=America/New_York",
                "journey_id,timestamp,touchpoint\nzone-4,02/03/2026 08:00:00,Zone home\n");
        importCsv("?openHorizon=0&timestampFormat=dd/MM/yyyy HH:mm:ss&zone=%2B05:30",
                "journey_id,timestamp,touchpoint\nzone-5,02/03/2026 08:00:00,Zone home\n");

        assertThat(stepTimes("zone-4")).containsExactly("2026-03-02T13:00:00Z");
        assertThat(stepTimes("zone-5")).containsExactly("2026-03-02T02:30:00Z");
    }

    @Test
    void readsAZoneWrittenInAnotherCase() {
        JsonNode report = importCsv("?openHorizon=0&zone=europe/paris", "journey_id,timestamp,touchpoint\n"
                + "zone-6,2026-03-02 13:00:00,Zone home\n");
        importCsv("?openHorizon=0&zone=utc", "journey_id,timestamp,touchpoint\nzone-7,2026-03-02 13:00:00,Zone home\n");

        assertThat(report.get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(stepTimes("zone-6")).containsExactly("2026-03-02T12:00:00Z");
        assertThat(stepTimes("zone-7")).containsExactly("2026-03-02T13:00:00Z");
    }

    @Test
    void thePreviewReadsTimesInTheUploadsZone() {
        Response preview = post("/api/events/preview?zone=Europe/Paris", "text/csv",
                "journey_id,timestamp,touchpoint\nzone-6,2026-03-02 13:02:03,Zone home\n");

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("rows").get(0).get("timestamp").asString()).isEqualTo("2026-03-02T12:02:03Z");
    }

    @Test
    void joinsAnAnswerToTheJourneyInForceAtItsTimeInTheUploadsZone() {
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                zone-morning,zc7,2026-03-02T12:00:00Z,Zone home
                zone-morning,zc7,2026-03-02T12:20:00Z,Zone cart
                zone-later,zc7,2026-03-02T13:00:00Z,Zone home
                zone-later,zc7,2026-03-02T13:20:00Z,Zone cart
                """);
        // 13:10 in Paris is 12:10 UTC, during the morning journey; read in UTC it falls in the later one.
        String paris = "response_id,customer_id,timestamp,score,scale\nzone-r1,zc7,2026-03-02 13:10:00,5,csat\n";
        String utc = "response_id,customer_id,timestamp,score,scale\nzone-r2,zc7,2026-03-02 13:10:00,5,csat\n";

        Response inParis = post("/api/feedback?window=0&zone=Europe/Paris", "text/csv", paris);
        Response inUtc = post("/api/feedback?window=0", "text/csv", utc);

        assertThat(inParis.status()).as(inParis.body()).isEqualTo(200);
        assertThat(inParis.json().get("matched").asLong()).isEqualTo(1);
        assertThat(inParis.json().get("zone").asString()).isEqualTo("Europe/Paris");
        assertThat(inUtc.json().get("matched").asLong()).as(inUtc.body()).isEqualTo(1);
        assertThat(inUtc.json().has("zone")).isFalse();
        assertThat(answeredJourney("zone-r1")).isEqualTo("zone-morning 2026-03-02T12:10Z");
        assertThat(answeredJourney("zone-r2")).isEqualTo("zone-later 2026-03-02T13:10Z");

        Response again = post("/api/feedback?window=0&zone=Europe/Paris", "text/csv", paris);
        assertThat(again.json().get("imported").asLong()).as(again.body()).isZero();
        assertThat(again.json().get("duplicatesWithOtherAnswer").asLong()).isZero();
        // The same id read in another zone has another time: the stored answer stays, and the report says so.
        Response otherZone = post("/api/feedback?window=0&zone=UTC", "text/csv", paris);
        assertThat(otherZone.json().get("imported").asLong()).as(otherZone.body()).isZero();
        assertThat(otherZone.json().get("duplicatesWithOtherAnswer").asLong()).isEqualTo(1);
        assertThat(answeredJourney("zone-r1")).isEqualTo("zone-morning 2026-03-02T12:10Z");
    }

    /** The journey the answer {@code id} is joined to, and its time, as stored. */
    private String answeredJourney(String id) {
        try (var session = driver.session()) {
            var record = session.run("MATCH (j:Journey)-[a:ANSWERED {id: $id}]->() RETURN j.id AS journey, a.at AS at",
                    java.util.Map.of("id", id)).single();
            return record.get("journey").asString() + " " + record.get("at").asZonedDateTime().toLocalDateTime()
                    + "Z";
        }
    }

    @Test
    void anUnknownZoneIsAProblemNamingTheParameterBeforeTheBodyIsRead() {
        String before = storeState();
        // A body no import could read: the parameter is refused first.
        String body = "not an upload\n";

        List<Response> refused = List.of(
                post("/api/events?zone=Mars/Olympus", "text/csv", body),
                send(HttpRequest.newBuilder(uri("/api/events?zone=Mars/Olympus")).header("X-API-Key", API_KEY)
                        .header("Content-Type", "text/csv").header("Prefer", "respond-async")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build()),
                post("/api/events/preview?zone=Mars/Olympus", "text/csv", body),
                post("/api/feedback?zone=Mars/Olympus", "text/csv", body));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("parameter").asString()).isEqualTo("zone");
            assertThat(response.json().get("detail").asString()).contains("zone",
                    "must be a time zone such as Europe/Paris, UTC or +02:00, was 'Mars/Olympus'");
        });
        // An unencoded + arrives as a space.
        Response plus = post("/api/events?zone=+02:00", "text/csv", body);
        assertThat(plus.status()).as(plus.body()).isEqualTo(400);
        assertThat(plus.json().get("detail").asString()).contains("was ' 02:00'", "write it %2B");
        assertThat(storeState()).isEqualTo(before);
    }

    /** The query parameters of {@code method path} in the OpenAPI description, by name. */
    private java.util.Map<String, JsonNode> describedQueryParameters(String path, String method) {
        java.util.Map<String, JsonNode> parameters = new java.util.LinkedHashMap<>();
        JsonNode operation = get("/v3/api-docs").json().get("paths").get(path).get(method);
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("in").asString().equals("query")) {
                parameters.put(parameter.get("name").asString(), parameter);
            }
        }
        return parameters;
    }

    private static String describedDefault(JsonNode parameter) {
        JsonNode value = parameter.get("schema").get("default");
        return value == null ? null : value.asString();
    }

    @Test
    void theOpenApiDescriptionListsTheZoneOfBothUploads() {
        JsonNode schemas = get("/v3/api-docs").json().get("components").get("schemas");

        // The upload's options are query parameters of their own (see below), not a schema of one object parameter.
        for (String path : List.of("/api/events", "/api/events/preview", "/api/feedback")) {
            assertThat(describedQueryParameters(path, "post")).as(path).containsKey("zone");
        }
        assertThat(schemas.get("ImportReport").get("properties").has("zone")).isTrue();
        assertThat(schemas.get("FeedbackReport").get("properties").has("zone")).isTrue();
    }

    @Test
    void theOpenApiDescriptionListsEachUploadParameterByNameWithItsDefault() {
        for (String path : List.of("/api/events", "/api/events/preview")) {
            var parameters = describedQueryParameters(path, "post");
            assertThat(parameters).as(path).doesNotContainKey("parameters")
                    .containsKeys("zone", "onError", "openHorizon", "journeyColumn", "touchpointColumn", "purchase",
                            "sessionGap", "delimiter", "format", "eventColumn");
            assertThat(describedDefault(parameters.get("onError"))).isEqualTo("reject");
            assertThat(describedDefault(parameters.get("openHorizon"))).isEqualTo("30d");
            assertThat(describedDefault(parameters.get("journeyColumn"))).isEqualTo("journey_id");
            assertThat(describedDefault(parameters.get("touchpointColumn"))).isEqualTo("touchpoint");
            assertThat(parameters.values()).allSatisfy(parameter -> {
                assertThat(parameter.get("required") == null || !parameter.get("required").asBoolean())
                        .as(parameter.toString()).isTrue();
                assertThat(parameter.get("description")).as(parameter.toString()).isNotNull();
            });
        }
        var feedback = describedQueryParameters("/api/feedback", "post");
        assertThat(feedback).doesNotContainKey("parameters").containsKeys("zone", "onError", "window",
                "responseIdColumn", "journeyColumn", "scoreColumn", "scale", "decimal", "format");
        assertThat(describedDefault(feedback.get("onError"))).isEqualTo("reject");
        assertThat(describedDefault(feedback.get("window"))).isEqualTo("7d");
        assertThat(describedDefault(feedback.get("scoreColumn"))).isEqualTo("score");
        assertThat(feedback.values()).allSatisfy(parameter ->
                assertThat(parameter.get("description")).as(parameter.toString()).isNotNull());
    }
}
