package com.journeyexplorer.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.journeyexplorer.AppProcess;

/**
 * The instance that hosts the embedded database, restarted while another instance that uses its Bolt server is in the
 * middle of a change: the other instances reach the database again before the host's start-up gets to the imports
 * lease, so the host must leave a live holder's change to it rather than take the lease over and roll it back.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedHostRestartTests {

    /** What another instance holds while it writes: the lease, for a minute yet, and its running journal entry. */
    private static final String ANOTHER_INSTANCE_WRITING = """
            MERGE (l:ImportLease {id: 'imports'})
            SET l.owner = 'elsewhere', l.token = 'not-ours', l.expiresAt = datetime.realtime().epochMillis + 60000
            CREATE (:Import {id: 'elsewhere-change', kind: 'import', status: 'running', startedAt: datetime(),
                             journeys: 0, events: 0, responses: 0, journeysCreated: 0, journeysRemoved: 0,
                             eventsRemoved: 0, instance: 'elsewhere', lease: 'not-ours'})
            """;

    /** How that instance finishes its change: only while the lease is still its own (its fence). */
    private static final String ANOTHER_INSTANCE_FINISHES = """
            MATCH (l:ImportLease {id: 'imports', token: 'not-ours'})
            MATCH (i:Import {id: 'elsewhere-change', status: 'running'})
            SET i.status = 'done', i.finishedAt = datetime(), l.owner = null, l.token = null, l.expiresAt = null
            REMOVE i.lease
            RETURN count(i) AS finished
            """;

    private static final String STATUS = "MATCH (i:Import {id: 'elsewhere-change'}) RETURN i.status";

    private static final String WAITING = "Another instance is in the middle of a change";

    @TempDir
    Path work;

    @Test
    void aHostRestartedWhileAnotherInstanceWritesLeavesThatInstancesChangeToIt(CapturedOutput output)
            throws Exception {
        int bolt = AppProcess.freePort();
        Path store = work.resolve("a");
        String boltPort = "--journeys.neo4j.embedded.bolt-port=" + bolt;
        try (AppInstance host = AppInstance.startEmbedded("a", store, boltPort)) {
            HttpResponse<String> imported = host.importCsv("""
                    journey_id,timestamp,touchpoint
                    h-1,2026-03-01T10:00:00Z,Home
                    h-1,2026-03-01T10:05:00Z,Cart
                    """);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            try (Driver driver = GraphDatabase.driver("bolt://localhost:" + bolt, AuthTokens.none());
                    Session session = driver.session()) {
                session.run(ANOTHER_INSTANCE_WRITING).consume();
            }
        }

        CompletableFuture<AppInstance> restarted = CompletableFuture.supplyAsync(
                () -> AppInstance.startEmbedded("a", store, boltPort));
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + bolt, AuthTokens.none())) {
            // Until the restarted host has got to the lease: it waits for the change, or (wrongly) took it over.
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!output.getOut().contains(WAITING) && "running".equals(status(driver))) {
                assertThat(System.nanoTime()).as("the host got to the lease\n%s", output).isLessThan(deadline);
                Thread.sleep(50);
            }
            long finished;
            try (Session session = driver.session()) {
                finished = session.run(ANOTHER_INSTANCE_FINISHES).single().get("finished").asLong();
            }
            try (AppInstance host = restarted.get()) {
                assertThat(finished).as("the other instance could finish its change").isEqualTo(1);
                assertThat(status(driver)).isEqualTo("done");
                assertThat(host.getJson("/api/stats").get("journeys").asLong()).isEqualTo(1);
            }
        }
    }

    /** The status of the other instance's entry, or "running" while the database cannot be reached yet. */
    private static String status(Driver driver) {
        try (Session session = driver.session()) {
            return session.run(STATUS).single().get(0).asString();
        } catch (org.neo4j.driver.exceptions.ServiceUnavailableException notUpYet) {
            return "running";
        }
    }
}
