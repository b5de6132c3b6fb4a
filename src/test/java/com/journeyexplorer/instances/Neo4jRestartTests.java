package com.journeyexplorer.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart of the shared Neo4j server: the instance reports not ready while it cannot follow the journal, then
 * recovers and answers again without a restart of its own.
 */
class Neo4jRestartTests {

    @TempDir
    Path work;

    private static int readiness(AppInstance app) throws Exception {
        return app.get("/actuator/health/readiness").statusCode();
    }

    /** Whether {@code app}'s readiness answers {@code status} within {@code limit}, asking every 100 ms. */
    private static boolean readinessBecomes(AppInstance app, int status, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (readiness(app) == status) {
                return true;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return false;
    }

    @Test
    void anInstanceIsNotReadyWhileTheServerIsDownAndRecoversByItself() throws Exception {
        Path home = work.resolve("neo4j");
        Neo4jServer server = Neo4jServer.start(home, 0);
        int port = server.boltPort();
        try (AppInstance app = AppInstance.start("a", server, work.resolve("a"),
                "--journeys.instance.follow-interval=200ms")) {
            HttpResponse<String> first = app.importCsv("""
                    journey_id,timestamp,touchpoint
                    r-1,2026-03-01T10:00:00Z,Home
                    r-1,2026-03-01T10:05:00Z,Cart
                    """);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(readiness(app)).isEqualTo(200);

            server.close();
            assertThat(readinessBecomes(app, 503, Duration.ofSeconds(30))).as("not ready without the database")
                    .isTrue();

            server = Neo4jServer.start(home, port);
            assertThat(readinessBecomes(app, 200, Duration.ofSeconds(60))).as("ready again").isTrue();
            HttpResponse<String> second = app.importCsv("""
                    journey_id,timestamp,touchpoint
                    r-2,2026-03-01T11:00:00Z,Home
                    r-2,2026-03-01T11:05:00Z,Help
                    """);
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            assertThat(app.getJson("/api/stats").get("journeys").asLong()).isEqualTo(2);
        } finally {
            server.close();
        }
    }
}
