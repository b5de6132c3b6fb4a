package com.journeyexplorer.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;

import tools.jackson.databind.JsonNode;

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
                erased-2,2026-03-02T11:05:00Z,Erased customer's own page,c-erased
                """);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        // A touchpoint after the customer's own: that one keeps its place under another name.
        HttpResponse<String> later = a.importCsv("""
                journey_id,timestamp,touchpoint,customer_id
                after-erased-1,2026-03-03T10:00:00Z,Page after the erased one,c-kept
                """);
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(10))).isTrue();
        long withCustomer = b.getJson("/api/stats").get("journeys").asLong();
        assertThat(a.delete("/api/customers/c-erased").statusCode()).isEqualTo(200);
        assertThat(answerTheSame("/api/stats", Duration.ofSeconds(10))).as("B follows A's erasure").isTrue();
        assertThat(b.getJson("/api/stats").get("journeys").asLong()).isLessThanOrEqualTo(withCustomer - 2);
        assertThat(answerTheSame("/api/touchpoints", Duration.ofSeconds(2))).isTrue();
        assertThat(b.get("/api/touchpoints").body()).contains("(erased ", "Page after the erased one")
                .doesNotContain("Erased customer's own page");
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
    void aTokenPastTheDatabasesJournalIsA400ProblemNamingTheHeaderOnceTheWaitRunsOut() throws Exception {
        // As another database's token would be: no instance of this one can ever reach it.
        HttpResponse<String> read = b.get("/api/stats", "Journeys-Consistency", "999999999");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(400);
        JsonNode problem = AppInstance.json(read.body());
        assertThat(problem.get("parameter").asString()).isEqualTo("Journeys-Consistency");
        assertThat(problem.get("journalHead").asLong()).isLessThan(999_999_999L);
        assertThat(problem.get("detail").asString()).contains("another database");
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

    /** Another instance's lease, written into the database as that instance would hold it. */
    private static final String LEASE_HELD_ELSEWHERE = """
            MERGE (l:ImportLease {id: 'imports'})
            SET l.owner = 'elsewhere', l.token = 'not-ours', l.expiresAt = datetime.realtime().epochMillis + 60000
            """;

    private static final String LEASE_LET_GO = """
            MATCH (l:ImportLease {id: 'imports'})
            SET l.owner = null, l.token = null, l.expiresAt = null
            """;

    @Test
    void aWriteWhileAnotherInstanceHoldsTheImportsLeaseForTheWholeWaitIsA503ProblemAndWritesNothing()
            throws Exception {
        try (AppInstance impatient = AppInstance.start("impatient", server, work.resolve("impatient"),
                "--journeys.instance.import-wait=300ms");
                Driver driver = GraphDatabase.driver(server.uri(), AuthTokens.none());
                Session session = driver.session()) {
            long before = impatient.getJson("/api/stats").get("journeys").asLong();
            session.run(LEASE_HELD_ELSEWHERE).consume();
            HttpResponse<String> refused;
            try {
                refused = impatient.importCsv(journeys("busy-", 2));
            } finally {
                session.run(LEASE_LET_GO).consume();
            }

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(AppInstance.json(refused.body()).get("type").asString()).endsWith("/imports-busy");
            assertThat(AppInstance.json(refused.body()).get("holder").asString()).isEqualTo("elsewhere");
            assertThat(impatient.getJson("/api/stats").get("journeys").asLong()).isEqualTo(before);
            HttpResponse<String> accepted = impatient.importCsv(journeys("busy-", 2));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        }
    }

    @Test
    void anImportJobWaitingForAnotherInstancesLeaseSaysSoAndNamesIt() throws Exception {
        try (Driver driver = GraphDatabase.driver(server.uri(), AuthTokens.none());
                Session session = driver.session()) {
            session.run(LEASE_HELD_ELSEWHERE).consume();
            String job;
            JsonNode waiting;
            try {
                HttpResponse<String> accepted = b.importCsvAsync(journeys("waiting-", 2));
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                job = accepted.headers().firstValue("Location").orElseThrow();
                waiting = b.getJson(job);
                while (java.util.Set.of("queued", "reading").contains(waiting.get("status").asString())) {
                    Thread.sleep(20);
                    waiting = b.getJson(job);
                }
            } finally {
                session.run(LEASE_LET_GO).consume();
            }

            assertThat(waiting.get("status").asString()).as(waiting.toString()).isEqualTo("waiting");
            assertThat(waiting.get("waitingFor").asString()).isEqualTo("elsewhere");
            JsonNode done = b.getJson(job);
            while (!java.util.Set.of("done", "failed").contains(done.get("status").asString())) {
                Thread.sleep(20);
                done = b.getJson(job);
            }
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
            assertThat(done.has("waitingFor")).isFalse();
        }
    }

    @Test
    void anImportJobWaitingForAnotherInstancesLeaseIsCancelledWhileItWaitsAndWritesNothing() throws Exception {
        try (Driver driver = GraphDatabase.driver(server.uri(), AuthTokens.none());
                Session session = driver.session()) {
            long stored = session.run("MATCH (j:Journey) RETURN count(j)").single().get(0).asLong();
            session.run(LEASE_HELD_ELSEWHERE).consume();
            JsonNode cancelled;
            try {
                HttpResponse<String> accepted = b.importCsvAsync(journeys("cancelled-", 2));
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                String job = accepted.headers().firstValue("Location").orElseThrow();
                JsonNode waiting = b.getJson(job);
                while (java.util.Set.of("queued", "reading").contains(waiting.get("status").asString())) {
                    Thread.sleep(20);
                    waiting = b.getJson(job);
                }
                assertThat(waiting.get("status").asString()).as(waiting.toString()).isEqualTo("waiting");

                HttpResponse<String> cancel = b.delete(job);
                assertThat(cancel.statusCode()).as(cancel.body()).isIn(200, 202);
                // Still held elsewhere for the whole import wait (30 s): the job stops at its next look at the lease,
                // not when the wait runs out.
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                cancelled = b.getJson(job);
                while (!cancelled.get("status").asString().equals("cancelled") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    cancelled = b.getJson(job);
                }
            } finally {
                session.run(LEASE_LET_GO).consume();
            }

            assertThat(cancelled.get("status").asString()).as(cancelled.toString()).isEqualTo("cancelled");
            assertThat(cancelled.has("problem")).as(cancelled.toString()).isFalse();
            assertThat(session.run("MATCH (j:Journey) RETURN count(j)").single().get(0).asLong()).isEqualTo(stored);
        }
    }

    @Test
    void anImportWhoseLeaseIsTakenOverMidwayWritesNothingMoreAndIsRolledBack() throws Exception {
        Path csv = work.resolve("fenced.csv");
        DemoCsvWriter.write(new DemoStore(11), 3_000, csv);
        try (AppInstance slow = AppInstance.start("slow", server, work.resolve("slow"),
                "--journeys.neo4j.write-batch-size=50");
                Driver driver = GraphDatabase.driver(server.uri(), AuthTokens.none());
                Session session = driver.session()) {
            HttpResponse<String> settled = a.importCsv(journeys("settled-", 2));
            assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
            String token = settled.headers().firstValue("Journeys-Consistency").orElseThrow();
            long before = AppInstance.json(b.get("/api/stats", "Journeys-Consistency", token).body()).get("journeys")
                    .asLong();
            long stored = session.run("MATCH (j:Journey) RETURN count(j)").single().get(0).asLong();
            CompletableFuture<HttpResponse<String>> posted = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.importCsv(Files.readString(csv));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (session.run("""
                    MATCH (i:Import {status: 'running', instance: 'slow'})
                    RETURN COUNT { MATCH (j:Journey {importId: i.id}) } AS written
                    """).list().stream().noneMatch(row -> row.get("written").asLong() > 0)) {
                assertThat(System.nanoTime()).as("the import writes").isLessThan(deadline);
                Thread.sleep(20);
            }
            // What a takeover after an expiry does (this one while the holder is alive, as if it were paused).
            session.run(LEASE_HELD_ELSEWHERE).consume();
            HttpResponse<String> fenced;
            try {
                fenced = posted.get();
                assertThat(fenced.statusCode()).as(fenced.body()).isEqualTo(503);
                long written = session.run("MATCH (j:Journey) RETURN count(j)").single().get(0).asLong();
                Thread.sleep(500);
                assertThat(session.run("MATCH (j:Journey) RETURN count(j)").single().get(0).asLong())
                        .as("no write after the takeover").isEqualTo(written);
            } finally {
                session.run(LEASE_LET_GO).consume();
            }

            // The next write, through any instance, rolls the fenced import back first.
            HttpResponse<String> next = b.importCsv(journeys("after-fence-", 1));
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            assertThat(session.run("MATCH (i:Import {status: 'running'}) RETURN count(i)").single().get(0).asLong())
                    .isZero();
            assertThat(session.run("MATCH (j:Journey) RETURN count(j)").single().get(0).asLong())
                    .isEqualTo(stored + 1);
            String after = next.headers().firstValue("Journeys-Consistency").orElseThrow();
            for (AppInstance instance : java.util.List.of(a, b, slow)) {
                HttpResponse<String> stats = instance.get("/api/stats", "Journeys-Consistency", after);
                assertThat(AppInstance.json(stats.body()).get("journeys").asLong())
                        .isEqualTo(before + 1);
            }
        }
    }

    @Test
    void anInstanceBehindTheRetentionOfTheChangeRecordsReloadsItsProjection() throws Exception {
        try (AppInstance behind = AppInstance.start("behind", server, work.resolve("behind"),
                "--journeys.instance.follow-interval=0");
                AppInstance forgetful = AppInstance.start("forgetful", server, work.resolve("forgetful"),
                        "--journeys.instance.change-retention=1ms");
                Driver driver = GraphDatabase.driver(server.uri(), AuthTokens.none());
                Session session = driver.session()) {
            HttpResponse<String> first = forgetful.importCsv(journeys("retained-", 3));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            Thread.sleep(10);
            HttpResponse<String> second = forgetful.importCsv(journeys("retained-later-", 2));
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            String firstEntry = AppInstance.json(first.body()).get("importId").asString();
            assertThat(session.run("MATCH (:Import {id: $id})-[:CHANGED]->(c:JourneyChange) RETURN count(c)",
                    java.util.Map.of("id", firstEntry)).single().get(0).asLong()).as("dropped by the next write")
                    .isZero();

            // Behind since it started, it cannot read those entries' journeys back: its next write reloads.
            HttpResponse<String> own = behind.importCsv(journeys("behind-", 1));
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
            String token = own.headers().firstValue("Journeys-Consistency").orElseThrow();
            HttpResponse<String> expected = forgetful.get("/api/stats", "Journeys-Consistency", token);
            assertThat(behind.getJson("/api/stats")).isEqualTo(AppInstance.json(expected.body()));
            assertThat(behind.projectionChecksum()).isEqualTo(forgetful.projectionChecksum());
        }
    }
}
