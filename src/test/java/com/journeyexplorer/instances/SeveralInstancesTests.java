package com.journeyexplorer.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several app instances on one Neo4j server, which runs in a JVM of its own ({@link Neo4jServer}): what each instance
 * answers follows what any of them imported. No Docker needed.
 */
class SeveralInstancesTests {

    @TempDir
    static Path work;

    static Neo4jServer server;
    static AppInstance a;
    static AppInstance b;

    @BeforeAll
    static void startServerAndInstances() throws Exception {
        server = Neo4jServer.start(work.resolve("neo4j"), 0);
        a = AppInstance.start("a", server, work.resolve("a"));
        b = AppInstance.start("b", server, work.resolve("b"));
        // The first queries on a fresh server are compiled and planned: one import warms both instances up, so that
        // the timed checks measure following, not query planning.
        HttpResponse<String> warmUp = a.importCsv(journeys("warm-", 3));
        assertThat(warmUp.statusCode()).as(warmUp.body()).isEqualTo(200);
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String journeys(String prefix, int count) {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,customer_id\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(i).append(",2026-03-01T10:00:00Z,Home,c-").append(prefix).append(i).append('\n');
            csv.append(prefix).append(i).append(",2026-03-01T10:05:00Z,Cart,c-").append(prefix).append(i).append('\n');
            csv.append(prefix).append(i).append(",2026-03-01T10:09:00Z,").append(i % 2 == 0 ? "Checkout" : "Help")
                    .append(",c-").append(prefix).append(i).append('\n');
        }
        return csv.toString();
    }

    /** Whether B answers {@code path} as A does within {@code limit}, asking every 50 ms. */
    private static boolean answerTheSame(String path, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (a.getJson(path).equals(b.getJson(path))) {
                return true;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return false;
    }

    @Test
    void anImportThroughOneInstanceShowsInTheOthersAnswersWithinTwoSeconds() throws Exception {
        long before = b.getJson("/api/stats").get("journeys").asLong();
        HttpResponse<String> imported = a.importCsv(journeys("follow-", 7));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(2))).as("B's stats follow A's import").isTrue();
        assertThat(b.getJson("/api/stats").get("journeys").asLong()).isGreaterThanOrEqualTo(before + 7);
        assertThat(answerTheSame("/api/paths/top?limit=20", Duration.ofSeconds(2))).isTrue();
        assertThat(answerTheSame("/api/transitions", Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void undoAndErasureThroughOneInstanceShowInTheOthers() throws Exception {
        HttpResponse<String> imported = a.importCsv(journeys("undone-", 4));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String importId = AppInstance.json(imported.body()).get("importId").asString();
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(10))).isTrue();
        long withImport = b.getJson("/api/stats").get("journeys").asLong();

        assertThat(a.delete("/api/imports/" + importId).statusCode()).isEqualTo(200);
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(10))).as("B follows A's undo").isTrue();
        assertThat(b.getJson("/api/stats").get("journeys").asLong()).isLessThanOrEqualTo(withImport - 4);

        HttpResponse<String> erased = a.importCsv("""
                journey_id,timestamp,touchpoint,customer_id
                erased-1,2026-03-02T10:00:00Z,Home,c-erased
                erased-1,2026-03-02T10:05:00Z,Rival,c-erased
                erased-2,2026-03-02T11:00:00Z,Home,c-erased
                """);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(10))).isTrue();
        long withCustomer = b.getJson("/api/stats").get("journeys").asLong();
        assertThat(a.delete("/api/customers/c-erased").statusCode()).isEqualTo(200);
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(10))).as("B follows A's erasure").isTrue();
        assertThat(b.getJson("/api/stats").get("journeys").asLong()).isLessThanOrEqualTo(withCustomer - 2);
        assertThat(answerTheSame("/api/touchpoints", Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void touchpointMetadataAndOutcomeRulesChangedThroughOneInstanceShowInTheOthers() throws Exception {
        HttpResponse<String> imported = a.importCsv(journeys("rules-", 4));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        HttpResponse<String> owner = a.send("PUT", "/api/touchpoints/Help", "{\"stage\":\"support\"}");
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(answerTheSame("/api/touchpoints", Duration.ofSeconds(10))).as("B follows the metadata").isTrue();
        assertThat(b.getJson("/api/touchpoints").toString()).contains("support");

        HttpResponse<String> rules = a.send("POST", "/api/outcomes?purchase=Checkout", null);
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(10))).as("B follows the outcome rules").isTrue();
        assertThat(answerTheSame("/api/paths/top?outcome=purchase&limit=20", Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void aReadThatSendsAnImportsTokenToAnotherInstanceSeesTheImport() throws Exception {
        HttpResponse<String> imported = a.importCsv(journeys("token-", 6));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String token = imported.headers().firstValue("Journeys-Consistency").orElseThrow();
        long journeysAfter = a.getJson("/api/stats").get("journeys").asLong();

        HttpResponse<String> read = b.get("/api/stats", "Journeys-Consistency", token);

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(AppInstance.json(read.body()).get("journeys").asLong()).isGreaterThanOrEqualTo(journeysAfter);
        assertThat(Long.parseLong(read.headers().firstValue("Journeys-Consistency").orElseThrow()))
                .isGreaterThanOrEqualTo(Long.parseLong(token));
    }

    @Test
    void aTokenAnInstanceHasNotReachedInTimeIsA503Problem() throws Exception {
        try (AppInstance lagging = AppInstance.start("lagging", server, work.resolve("lagging"),
                "--journeys.instance.follow-interval=0", "--journeys.instance.consistency-wait=300ms")) {
            HttpResponse<String> imported = a.importCsv(journeys("unseen-", 2));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            String token = imported.headers().firstValue("Journeys-Consistency").orElseThrow();

            HttpResponse<String> read = lagging.get("/api/stats", "Journeys-Consistency", token);

            assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(read.headers().firstValue("Retry-After")).isPresent();
            assertThat(AppInstance.json(read.body()).get("type").asString()).endsWith("/behind-the-journal");
            assertThat(AppInstance.json(read.body()).get("position").asLong()).isEqualTo(Long.parseLong(token));
        }
    }

    @Test
    void aTokenThatIsNoPositionIsA400ProblemNamingTheHeader() throws Exception {
        HttpResponse<String> read = b.get("/api/stats", "Journeys-Consistency", "yesterday");

        assertThat(read.statusCode()).isEqualTo(400);
        assertThat(AppInstance.json(read.body()).get("parameter").asString()).isEqualTo("Journeys-Consistency");
    }

    @Test
    void readinessIsUpWhileFollowingTheJournal() throws Exception {
        HttpResponse<String> readiness = b.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(AppInstance.json(readiness.body()).get("components").get("journalFollower").get("status")
                .asString()).isEqualTo("UP");
    }

    @Test
    void anInstanceStartedLaterLoadsWhatAnotherImported() throws Exception {
        long before = a.getJson("/api/stats").get("journeys").asLong();
        HttpResponse<String> imported = a.importCsv(journeys("late-", 5));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(a.getJson("/api/stats").get("journeys").asLong()).isEqualTo(before + 5);
        try (AppInstance c = AppInstance.start("c", server, work.resolve("c"))) {
            assertThat(c.getJson("/api/stats")).isEqualTo(a.getJson("/api/stats"));
        }
    }
}
