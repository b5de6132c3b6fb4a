package com.journeyexplorer.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
 * An instance killed (SIGKILL) in the middle of an import on a shared Neo4j server: the other instances never show any
 * of it, one of them rolls it back once the dead instance's imports lease expires (without that instance starting
 * again), the aggregated transitions then agree with the journeys, and the same import posted again completes once.
 */
class InstanceKilledDuringImportTests {

    private static final String LEASE = "--journeys.instance.import-lease=3s";

    @TempDir
    Path work;

    @Test
    void anotherInstanceRollsBackTheImportOfAKilledOneAndTheSameImportThenCompletesOnce() throws Exception {
        Path base = work.resolve("base.csv");
        DemoCsvWriter.write(new DemoStore(42), 400, base);
        // Another seed: its journeys ("demo-...") overlap the base ones, so the import both creates and replaces.
        Path big = work.resolve("big.csv");
        DemoCsvWriter.write(new DemoStore(7), 4_000, big);

        JsonNode expectedStats;
        String expectedChecksum;
        try (AppInstance sequential = AppInstance.startEmbedded("sequential", work.resolve("sequential"))) {
            assertThat(sequential.importCsv(Files.readString(base)).statusCode()).isEqualTo(200);
            assertThat(sequential.importCsv(Files.readString(big)).statusCode()).isEqualTo(200);
            expectedStats = sequential.getJson("/api/stats");
            expectedChecksum = sequential.projectionChecksum();
        }

        try (Neo4jServer server = Neo4jServer.start(work.resolve("neo4j"), 0);
                AppInstance a = AppInstance.start("a", server, work.resolve("a"), LEASE);
                AppInstance b = AppInstance.start("b", server, work.resolve("b"), LEASE);
                Driver driver = GraphDatabase.driver(server.uri(), AuthTokens.none())) {
            HttpResponse<String> first = a.importCsv(Files.readString(base));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            JsonNode before = a.getJson("/api/stats");
            long storedBefore = count(driver, "MATCH (j:Journey) RETURN count(j)");

            String killedEntry;
            try (ChildAppInstance c = ChildAppInstance.start("c", server, work.resolve("c"), LEASE,
                    "--journeys.neo4j.write-batch-size=50")) {
                killedEntry = killWhileWriting(c, big, driver);
            }

            // Unfinished, it is in no answer; rolled back once C's lease expires, by A or B.
            assertThat(a.getJson("/api/stats")).isEqualTo(before);
            assertThat(b.getJson("/api/stats")).isEqualTo(before);
            assertThat(awaitStatus(driver, killedEntry, "rolled back", Duration.ofSeconds(60)))
                    .as("rolled back by a live instance").isTrue();
            assertThat(count(driver, "MATCH (j:Journey) RETURN count(j)")).isEqualTo(storedBefore);
            // The copies of the rolled-back versions are dropped just after the entry is marked.
            assertThat(awaitCount(driver, "MATCH (p:PreviousVersion) RETURN count(p)", 0, Duration.ofSeconds(30)))
                    .isTrue();
            assertThat(count(driver, "MATCH (i:Import {status: 'running'}) RETURN count(i)")).isZero();
            // The taker rewrites the aggregated transitions after it marked the entry, then lets the lease go.
            assertThat(awaitCount(driver, "MATCH (l:ImportLease) WHERE l.token IS NOT NULL RETURN count(l)", 0,
                    Duration.ofSeconds(60))).as("the lease let go after the rollback").isTrue();
            String check = Files.readString(Path.of("cypher", "consistency-check.cypher"));
            try (Session session = driver.session()) {
                assertThat(session.run(check.replaceAll("(?m)^\\s*//.*$", "").strip().replaceAll(";$", "")).list())
                        .as("transitions that disagree with the journeys").isEmpty();
            }
            String position = Long.toString(count(driver,
                    "MATCH (h:JournalHead {id: 'journal'}) RETURN h.sequence"));
            for (AppInstance instance : List.of(a, b)) {
                HttpResponse<String> stats = instance.get("/api/stats", "Journeys-Consistency", position);
                assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
                assertThat(AppInstance.json(stats.body())).isEqualTo(before);
            }

            HttpResponse<String> again = b.importCsv(Files.readString(big));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            String token = again.headers().firstValue("Journeys-Consistency").orElseThrow();
            for (AppInstance instance : List.of(a, b)) {
                HttpResponse<String> stats = instance.get("/api/stats", "Journeys-Consistency", token);
                assertThat(AppInstance.json(stats.body())).as("as base then big, one after the other")
                        .isEqualTo(expectedStats);
                assertThat(instance.projectionChecksum()).isEqualTo(expectedChecksum);
            }
        }
    }

    @Test
    void anInstanceStartedWhileAnotherInstancesChangeIsUnfinishedLoadsNoneOfIt() throws Exception {
        Path big = work.resolve("big.csv");
        DemoCsvWriter.write(new DemoStore(7), 4_000, big);
        try (Neo4jServer server = Neo4jServer.start(work.resolve("neo4j"), 0);
                AppInstance a = AppInstance.start("a", server, work.resolve("a"));
                Driver driver = GraphDatabase.driver(server.uri(), AuthTokens.none())) {
            HttpResponse<String> first = a.importCsv(Files.readString(work.resolve("big.csv")).lines().limit(2_000)
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            JsonNode before = a.getJson("/api/stats");

            String unfinished;
            // A long lease: C's batches stay in the store, its entry running, while the next instance starts.
            try (ChildAppInstance c = ChildAppInstance.start("c", server, work.resolve("c"),
                    "--journeys.instance.import-lease=30s", "--journeys.neo4j.write-batch-size=50")) {
                unfinished = killWhileWriting(c, big, driver);
            }

            try (AppInstance late = AppInstance.start("late", server, work.resolve("late"))) {
                assertThat(late.getJson("/api/stats")).as("nothing of C's unfinished import").isEqualTo(before);
                assertThat(late.projectionChecksum()).isEqualTo(a.projectionChecksum());
            }
        }
    }

    /** The id of a running journal entry once it has written journeys of its own, or null after {@code limit}. */
    /**
     * Posts {@code csv} to {@code c} in the background, waits until its import has committed a batch and kills the
     * instance: its entry, left running with part of the change stored.
     */
    private static String killWhileWriting(ChildAppInstance c, Path csv, Driver driver) throws InterruptedException {
        CompletableFuture.runAsync(() -> {
            try {
                c.importCsv(csv);
            } catch (Exception expected) {
                // the instance is killed during the request
            }
        });
        String entry = awaitBatchesWritten(driver, Duration.ofMinutes(2));
        assertThat(entry).as("C's import was writing\n%s", c.output()).isNotNull();
        c.kill();
        return entry;
    }

    private static String awaitBatchesWritten(Driver driver, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Session session = driver.session()) {
                var running = session.run("""
                        MATCH (i:Import {status: 'running'}) WHERE i.instance = 'c'
                        RETURN i.id AS id, COUNT { MATCH (p:PreviousVersion) WHERE (i)-[:REPLACED]->(p) } AS replaced,
                               COUNT { MATCH (j:Journey {importId: i.id}) } AS written
                        """).list();
                if (!running.isEmpty() && running.get(0).get("written").asLong() > 0) {
                    return running.get(0).get("id").asString();
                }
            }
            Thread.sleep(20);
        }
        return null;
    }

    private static boolean awaitStatus(Driver driver, String entry, String status, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Session session = driver.session()) {
                if (status.equals(session.run("MATCH (i:Import {id: $id}) RETURN i.status AS status",
                        java.util.Map.of("id", entry)).single().get("status").asString())) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean awaitCount(Driver driver, String query, long expected, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count(driver, query) != expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static long count(Driver driver, String query) {
        try (Session session = driver.session()) {
            return session.run(query).single().get(0).asLong();
        }
    }
}
