package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.journey.SurveyResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * Older versions stored an absent text of an answer that matched no journey ({@code :Response}), an unknown channel
 * or stage of a touchpoint and a journey's absent customer id, segment or device as {@code ""}; the start removes
 * those, once, and the answers, touchpoints, journeys and analyses stay what they were.
 */
class EmptyTextsMigrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Ad has a channel and a stage, Page neither. */
    private static final String EVENTS = """
            journey_id,customer_id,timestamp,touchpoint,channel,stage
            j1,c1,2026-01-01T10:00:00Z,Ad,social,awareness
            j1,c1,2026-01-01T10:05:00Z,Page,,
            j2,c2,2026-01-02T10:00:00Z,Page,,
            """;

    /**
     * Matched (by id) and unmatched answers, some with every text, some with none (an answer keeps a stage only where
     * it names another than its touchpoint's: u2's).
     */
    private static final String FEEDBACK = """
            response_id,journey_id,customer_id,timestamp,touchpoint,stage,score,scale,comment
            m1,j1,,,Page,,2,csat,slow page
            m2,j2,,,,,9,nps,
            u1,nope,,,Page,,3,csat,
            u2,,c9,2026-01-03T10:00:00Z,Page,awareness,1,csat,never came
            u3,gone,,,,,4,csat,
            """;

    /** What older versions stored: every absent text of an answer's node and of a touchpoint as "". */
    private static final String AS_OLDER_VERSIONS_WROTE = """
            MATCH (r:Response)
            SET r.journeyId = coalesce(r.journeyId, ''), r.customerId = coalesce(r.customerId, ''),
                r.touchpoint = coalesce(r.touchpoint, ''), r.stage = coalesce(r.stage, ''),
                r.comment = coalesce(r.comment, '')
            WITH count(*) AS answers
            MATCH (t:Touchpoint {kind: 'touchpoint'})
            SET t.channel = coalesce(t.channel, ''), t.stage = coalesce(t.stage, '')
            RETURN answers, count(t) AS touchpoints""";

    private static final String EMPTY_TEXTS = """
            RETURN COUNT { MATCH (r:Response) WHERE '' IN [r.journeyId, r.customerId, r.touchpoint, r.stage,
                                                              r.comment] }
                 + COUNT { MATCH (t:Touchpoint) WHERE '' IN [t.channel, t.stage] } AS n""";

    /** j1 has a customer, a segment and a device, j2 none of them. */
    private static final String JOURNEY_EVENTS = """
            journey_id,customer_id,timestamp,touchpoint,segment,device
            j1,c1,2026-01-01T10:00:00Z,Ad,trend follower,mobile
            j1,c1,2026-01-01T10:05:00Z,Page,trend follower,mobile
            j2,,2026-01-02T10:00:00Z,Page,,
            """;

    /** Extends j2, so that the journal keeps a copy of its version before. */
    private static final String J2_EXTENDED = """
            journey_id,timestamp,touchpoint
            j2,2026-01-02T10:05:00Z,Ad
            """;

    /** What older versions stored for an absent customer id, segment and device of a journey and of its copies. */
    private static final String JOURNEYS_AS_OLDER_VERSIONS_WROTE = """
            MATCH (j) WHERE j:Journey OR j:PreviousVersion
            SET j.customerId = coalesce(j.customerId, ''), j.segment = coalesce(j.segment, ''),
                j.device = coalesce(j.device, '')
            RETURN count(j) AS n""";

    private static final String EMPTY_JOURNEY_TEXTS = """
            MATCH (j) WHERE (j:Journey OR j:PreviousVersion) AND '' IN [j.customerId, j.segment, j.device]
            RETURN count(j) AS n""";

    private static final String WITHOUT_JOURNEY_TEXTS = """
            MATCH (j) WHERE (j:Journey OR j:PreviousVersion)
                        AND j.customerId IS NULL AND j.segment IS NULL AND j.device IS NULL
            RETURN labels(j)[0] + ' ' + j.id AS node ORDER BY node""";

    @TempDir
    Path dataDir;

    @Test
    void journeysAndTheirRestoredVersionsLeaveOutAnAbsentCustomerSegmentAndDevice() {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(post(app, "/api/events?openHorizon=0", JOURNEY_EVENTS).statusCode()).isEqualTo(200);
            HttpResponse<String> extended = post(app, "/api/events?openHorizon=0", J2_EXTENDED);
            assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
            try (var session = app.getBean(Driver.class).session()) {
                assertThat(session.run(WITHOUT_JOURNEY_TEXTS).list(row -> row.get("node").asString()))
                        .containsExactly("Journey j2", "PreviousVersion j2");
                assertThat(session.run(EMPTY_JOURNEY_TEXTS).single().get("n").asLong()).isZero();
                assertThat(session.run("MATCH (j:Journey {id: 'j1'}) RETURN properties(j) AS p").single().get("p")
                        .asMap()).contains(Map.entry("customerId", "c1"), Map.entry("segment", "trend follower"),
                                Map.entry("device", "mobile"));
                // A copy journaled by an older version: the undo writes it back as the writers store journeys now.
                session.run("""
                        MATCH (p:PreviousVersion {id: 'j2'})
                        SET p.customerId = '', p.segment = '', p.device = ''""").consume();
            }
            String importId = JSON.readTree(extended.body()).get("importId").asString();
            HttpResponse<String> undone = delete(app, "/api/imports/" + importId);
            assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);

            try (var session = app.getBean(Driver.class).session()) {
                assertThat(session.run("MATCH (j:Journey {id: 'j2'}) RETURN properties(j) AS p").single().get("p")
                        .asMap()).doesNotContainKeys("customerId", "segment", "device").containsKey("path");
            }
            assertThat(JSON.readTree(get(app, "/api/journeys/j2")).get("steps").size()).as("the version before")
                    .isEqualTo(1);
        }
    }

    @Test
    void theStartRemovesTheEmptyTextsOlderVersionsStoredOnJourneysAndTheirCopies() {
        String journeys;
        String summary;
        String segment;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(post(app, "/api/events?openHorizon=0", JOURNEY_EVENTS).statusCode()).isEqualTo(200);
            assertThat(post(app, "/api/events?openHorizon=0", J2_EXTENDED).statusCode()).isEqualTo(200);
            journeys = get(app, "/api/journeys/j1") + get(app, "/api/journeys/j2");
            summary = get(app, "/api/summary");
            segment = get(app, "/api/summary?segment=trend%20follower");
            try (var session = app.getBean(Driver.class).session()) {
                assertThat(session.run(JOURNEYS_AS_OLDER_VERSIONS_WROTE).single().get("n").asLong()).isEqualTo(3);
                assertThat(session.run(EMPTY_JOURNEY_TEXTS).single().get("n").asLong()).isEqualTo(2);
            }
        }

        try (ConfigurableApplicationContext app = start()) {
            try (var session = app.getBean(Driver.class).session()) {
                assertThat(session.run(EMPTY_JOURNEY_TEXTS).single().get("n").asLong()).isZero();
                assertThat(session.run(WITHOUT_JOURNEY_TEXTS).list(row -> row.get("node").asString()))
                        .containsExactly("Journey j2", "PreviousVersion j2");
                assertThat(session.run("MATCH (j:Journey {id: 'j1'}) RETURN properties(j) AS p").single().get("p")
                        .asMap()).as("texts a journey has are kept")
                        .contains(Map.entry("customerId", "c1"), Map.entry("segment", "trend follower"),
                                Map.entry("device", "mobile"));
            }
            assertThat(get(app, "/api/journeys/j1") + get(app, "/api/journeys/j2")).isEqualTo(journeys);
            assertThat(get(app, "/api/summary")).isEqualTo(summary);
            assertThat(get(app, "/api/summary?segment=trend%20follower")).isEqualTo(segment);
        }
    }

    @Test
    void theStartRemovesTheEmptyTextsOlderVersionsStoredAndLoadsTheSameAnswersAndTouchpoints() {
        List<SurveyResponse> answers;
        String experience;
        String touchpoints;
        String byStage;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(post(app, "/api/events?openHorizon=0", EVENTS).statusCode()).isEqualTo(200);
            HttpResponse<String> imported = post(app, "/api/feedback", FEEDBACK);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            answers = app.getBean(FeedbackGraph.class).responses();
            experience = get(app, "/api/experience?by=touchpoint");
            touchpoints = get(app, "/api/touchpoints");
            byStage = get(app, "/api/experience?by=stage");
            try (var session = app.getBean(Driver.class).session()) {
                assertThat(session.run("MATCH (r:Response) RETURN count(r) AS n").single().get("n").asLong())
                        .as("three answers matched no journey").isEqualTo(3);
                assertThat(session.run(AS_OLDER_VERSIONS_WROTE).single().get("answers").asLong()).isEqualTo(3);
                assertThat(session.run(EMPTY_TEXTS).single().get("n").asLong()).isEqualTo(4);
            }
        }

        try (ConfigurableApplicationContext app = start()) {
            try (var session = app.getBean(Driver.class).session()) {
                assertThat(session.run(EMPTY_TEXTS).single().get("n").asLong()).isZero();
                assertThat(session.run("""
                        MATCH (r:Response {id: 'u3'})
                        RETURN r.journeyId = 'gone' AND r.customerId IS NULL AND r.touchpoint IS NULL
                               AND r.stage IS NULL AND r.comment IS NULL AS absent""").single().get("absent")
                        .asBoolean()).isTrue();
                assertThat(session.run("MATCH (r:Response {id: 'u2'}) RETURN properties(r) AS p").single().get("p")
                        .asMap()).as("texts an answer has are kept")
                        .contains(Map.entry("customerId", "c9"), Map.entry("touchpoint", "Page"),
                                Map.entry("stage", "awareness"), Map.entry("comment", "never came"))
                        .doesNotContainKey("journeyId");
                assertThat(session.run("MATCH (t:Touchpoint {name: 'Page'}) RETURN properties(t) AS p").single()
                        .get("p").asMap()).doesNotContainKeys("channel", "stage");
                assertThat(session.run("MATCH (t:Touchpoint {name: 'Ad'}) RETURN properties(t) AS p").single()
                        .get("p").asMap()).contains(Map.entry("channel", "social"), Map.entry("stage", "awareness"));
            }
            assertThat(app.getBean(FeedbackGraph.class).responses()).containsExactlyInAnyOrderElementsOf(answers);
            assertThat(get(app, "/api/experience?by=touchpoint")).isEqualTo(experience);
            assertThat(get(app, "/api/experience?by=stage")).isEqualTo(byStage);
            assertThat(get(app, "/api/touchpoints")).isEqualTo(touchpoints);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .run("--journeys.data-dir=" + dataDir, "--server.port=0");
    }

    private static String get(ConfigurableApplicationContext app, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(app, path)).GET().build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext app, String path, String csv) {
        return send(HttpRequest.newBuilder(uri(app, path)).header("X-API-Key", "test-key")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private static HttpResponse<String> delete(ConfigurableApplicationContext app, String path) {
        return send(HttpRequest.newBuilder(uri(app, path)).header("X-API-Key", "test-key").DELETE().build());
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
