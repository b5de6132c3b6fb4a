package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.graph.JourneyGraph;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;

import tools.jackson.databind.JsonNode;

/**
 * A survey file without response ids imported again stores nothing, whatever touchpoint metadata changed in between:
 * its ids are derived from the rows as written, not from the stage their touchpoints had at the import, and answers
 * whose ids were derived with that stage (stored before) are recognised too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyFileImportedAgainApiTests extends ApiTestSupport {

    private static final String EVENTS = """
            journey_id,customer_id,timestamp,touchpoint,channel,stage,type
            j1,c1,2026-01-01T10:00:00Z,Ad,social,awareness,touchpoint
            j1,c1,2026-01-01T10:10:00Z,Cart,website,consideration,touchpoint
            j1,c1,2026-01-01T10:30:00Z,Pay,website,purchase,purchase
            j2,c2,2026-01-02T10:00:00Z,Ad,social,awareness,touchpoint
            j2,c2,2026-01-02T10:10:00Z,Chat,website,consideration,touchpoint
            j2,c2,2026-01-02T10:20:00Z,Cart,website,consideration,abandon
            """;

    /** No response id: each answer's id is derived from its row; one row names its stage, one no touchpoint. */
    private static final String SURVEY = """
            customer_id,timestamp,touchpoint,stage,score,scale,comment
            c1,2026-01-01T10:12:00Z,Cart,,2,csat,too slow
            c2,2026-01-02T10:15:00Z,Cart,,4,csat,
            c2,2026-01-02T10:16:00Z,Cart,awareness,1,csat,named its stage
            c1,2026-01-01T11:00:00Z,,,9,nps,the journey
            """;

    @Autowired
    private JourneyGraph graph;

    @BeforeAll
    void importEvents() {
        importCsv("?openHorizon=0", EVENTS);
    }

    @Test
    void anIdLessFileImportedAgainAfterItsTouchpointMovedStoresNothing() {
        Response first = post("/api/feedback", "text/csv", SURVEY);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("imported").asLong()).isEqualTo(4);
        assertThat(putStage("Cart", "purchase").status()).isEqualTo(200);
        String experience = get("/api/experience?by=stage").body();
        String imports = get("/api/imports").body();

        Response again = post("/api/feedback", "text/csv", SURVEY);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("imported").asLong()).as(again.body()).isZero();
        assertThat(again.json().get("duplicates").asLong()).isEqualTo(4);
        assertThat(again.json().get("duplicatesWithOtherAnswer").asLong()).isZero();
        JsonNode importId = again.json().get("importId");
        assertThat(importId == null || importId.isNull()).as("no entry opened").isTrue();
        assertThat(get("/api/experience?by=stage").body()).isEqualTo(experience);
        assertThat(get("/api/imports").body()).as("no entry").isEqualTo(imports);
        JsonNode purchase = label(get("/api/experience?by=stage").json(), "purchase");
        assertThat(purchase.get("experience").get("responses").asLong()).as("Cart's two answers moved along")
                .isEqualTo(2);
    }

    @Test
    void answersStoredWithIdsDerivedFromTheTouchpointsStageAreRecognisedBeforeAndAfterAMove() {
        // As imports before this rule stored them: the id derived with Chat's stage at the time.
        long at = Instant.parse("2026-01-02T10:12:00Z").toEpochMilli();
        String legacyId = legacyId(null, "c2", at, "Chat", "consideration", Scale.CSAT, 3, "fine");
        graph.addResponses(List.of(new SurveyResponse(legacyId, "j2", "c2", at, "Chat", null, Scale.CSAT, 3,
                "fine")));
        String file = """
                customer_id,timestamp,touchpoint,score,scale,comment
                c2,2026-01-02T10:12:00Z,Chat,3,csat,fine
                """;

        Response same = post("/api/feedback", "text/csv", file);
        assertThat(putStage("Chat", "awareness").status()).isEqualTo(200);
        Response moved = post("/api/feedback", "text/csv", file);

        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("imported").asLong()).as(same.body()).isZero();
        assertThat(same.json().get("duplicatesWithOtherAnswer").asLong()).isZero();
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("imported").asLong()).as(moved.body()).isZero();
        assertThat(moved.json().get("duplicatesWithOtherAnswer").asLong()).isZero();
        JsonNode chat = label(get("/api/experience?by=touchpoint").json(), "Chat");
        assertThat(chat.get("experience").get("responses").asLong()).isEqualTo(1);
    }

    /**
     * A score is a number, however a file writes it: {@code -0}, {@code 0}, {@code +0}, {@code 0.0}, {@code 00} and,
     * with {@code decimal=comma}, {@code 0,0} are one answer, stored once, with one id.
     */
    @Test
    void aScoreOfZeroWrittenInAnyWayIsOneAnswer() {
        String row = "c1,2026-01-01T10:01:00Z,Ad,%s,nps,zero\n";
        String header = "customer_id,timestamp,touchpoint,score,scale,comment\n";

        Response first = post("/api/feedback", "text/csv", header + row.formatted("-0"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("imported").asLong()).isEqualTo(1);
        for (String zero : List.of("0", "+0", "0.0", "00", "-0.0")) {
            Response again = post("/api/feedback", "text/csv", header + row.formatted(zero));
            assertThat(again.status()).as(zero + ": " + again.body()).isEqualTo(200);
            assertThat(again.json().get("imported").asLong()).as(zero + ": " + again.body()).isZero();
            assertThat(again.json().get("duplicates").asLong()).as(zero).isEqualTo(1);
        }
        Response comma = post("/api/feedback?decimal=comma", "text/csv", header + row.formatted("\"0,0\""));
        assertThat(comma.status()).as(comma.body()).isEqualTo(200);
        assertThat(comma.json().get("imported").asLong()).as(comma.body()).isZero();
    }

    /**
     * An answer of 0 stored with the id its row had when written {@code -0} (as imports before a score's id came from
     * the number stored it) is recognised, whether the file writes {@code -0} or {@code 0}: nothing is added.
     */
    @Test
    void anAnswerStoredWithTheIdOfAScoreWrittenMinusZeroIsRecognised() {
        long at = Instant.parse("2026-01-02T10:01:00Z").toEpochMilli();
        String legacyId = legacyId(null, "c2", at, "Ad", "null", Scale.NPS, -0.0, "minus zero");
        graph.addResponses(List.of(new SurveyResponse(legacyId, "j2", "c2", at, "Ad", null, Scale.NPS, -0.0,
                "minus zero")));
        String file = "customer_id,timestamp,touchpoint,score,scale,comment\n"
                + "c2,2026-01-02T10:01:00Z,Ad,%s,nps,minus zero\n";

        for (String zero : List.of("-0", "0")) {
            Response again = post("/api/feedback", "text/csv", file.formatted(zero));
            assertThat(again.status()).as(zero + ": " + again.body()).isEqualTo(200);
            assertThat(again.json().get("imported").asLong()).as(zero + ": " + again.body()).isZero();
            assertThat(again.json().get("duplicates").asLong()).as(zero).isEqualTo(1);
        }
    }

    /**
     * An answer given on an event ({@code scoreColumn}) is the same answer whether its score is written {@code -0} or
     * {@code 0}, and one stored before under the id its row had when written {@code -0} is recognised too.
     */
    @Test
    void anAnswerOfZeroGivenOnAnEventIsOneAnswerAndOneStoredUnderTheIdOfMinusZeroIsRecognised() {
        String events = "journey_id,timestamp,touchpoint,score,scale,comment\n"
                + "z1,2026-01-03T10:00:00Z,Ad,%s,nps,zero on an event\n";
        Response first = post("/api/events?openHorizon=0", "text/csv", events.formatted("-0"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("answersStored").asLong()).isEqualTo(1);
        Response again = post("/api/events?openHorizon=0", "text/csv", events.formatted("0"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("answersStored").asLong()).as(again.body()).isZero();
        assertThat(again.json().get("duplicateAnswers").asLong()).isEqualTo(1);

        long at = Instant.parse("2026-01-04T10:00:00Z").toEpochMilli();
        String legacyId = legacyId("z2", "null", at, "Ad", "null", Scale.NPS, -0.0, "stored as minus zero");
        importCsv("?openHorizon=0", "journey_id,timestamp,touchpoint\nz2,2026-01-04T10:00:00Z,Ad\n");
        graph.addResponses(List.of(new SurveyResponse(legacyId, "z2", null, at, "Ad", null, Scale.NPS, -0.0,
                "stored as minus zero")));
        for (String zero : List.of("-0", "0")) {
            Response stored = post("/api/events?openHorizon=0", "text/csv", "journey_id,timestamp,touchpoint,score,"
                    + "scale,comment\nz2,2026-01-04T10:00:00Z,Ad," + zero + ",nps,stored as minus zero\n");
            assertThat(stored.status()).as(zero + ": " + stored.body()).isEqualTo(200);
            assertThat(stored.json().get("answersStored").asLong()).as(zero + ": " + stored.body()).isZero();
            assertThat(stored.json().get("duplicateAnswers").asLong()).as(zero).isEqualTo(1);
        }
    }

    private Response putStage(String touchpoint, String stage) {
        return send(HttpRequest.newBuilder(uri("/api/touchpoints/" + touchpoint)).header("X-API-Key", API_KEY)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\": \"" + stage + "\"}")).build());
    }

    private static JsonNode label(JsonNode answer, String label) {
        for (JsonNode row : answer.get("labels")) {
            if (row.get("label").asString().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no label " + label + " in " + answer);
    }

    /** The id an id-less row got before: its content with its touchpoint's stage at the import. */
    private static String legacyId(String journeyId, String customerId, long at, String touchpoint, String stage,
            Scale scale, double score, String comment) {
        String content = String.join("\u0000", String.valueOf(journeyId), String.valueOf(customerId),
                Long.toString(at), touchpoint, stage, scale.label(), Double.toString(score), comment);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
