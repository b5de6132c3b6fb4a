package com.journeyexplorer.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

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
