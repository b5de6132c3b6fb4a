package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/**
 * A write of this instance stuck in a transaction of the real embedded store (the TRANSITION graph's first part
 * waits, as on a database that no longer answers) takes readiness down, naming the write and the bound, once it has
 * waited longer than {@code journeys.instance.write-stall}; readiness is up again once the write moves on.
 */
@TestPropertySource(properties = {"journeys.neo4j.write-batch-size=2", "journeys.instance.write-stall=1s"})
class StuckWriteReadinessTests extends ApiTestSupport {

    @Autowired
    private TransitionWriter transitions;

    @AfterEach
    void partsWrittenAgain() {
        transitions.beforeEachPart(part -> {
        });
    }

    @Test
    void readinessIsDownWhileAWriteIsStuckOnTheDatabase() throws Exception {
        // up first: on a loaded machine the context's start (its journal not read yet) can still hold it down
        Response before = awaitReadiness(200);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch moveOn = new CountDownLatch(1);
        transitions.beforeEachPart(part -> {
            stuck.countDown();
            try {
                moveOn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // 40 journeys of 12 steps: over a hundred TRANSITION edges, written in parts of 40.
        CompletableFuture<Response> imported = CompletableFuture.supplyAsync(
                () -> post("/api/events?openHorizon=0", "text/csv", rows(40)));
        try {
            stuck.await();
            Response down = awaitReadiness(503);
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.json().at("/components/journalFollower/details/error").asString())
                    .contains("a write of this instance has waited on the database for")
                    .contains("journeys.instance.write-stall (1s)");
        } finally {
            moveOn.countDown();
        }
        Response done = imported.get();
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        Response up = awaitReadiness(200);
        assertThat(up.status()).as(up.body()).isEqualTo(200);
    }

    private Response readiness() {
        return get("/actuator/health/readiness");
    }

    /** The readiness answer once it has {@code status}, or the last one after a minute. */
    private Response awaitReadiness(int status) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Response readiness = readiness();
        while (readiness.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            readiness = readiness();
        }
        return readiness;
    }

    private static String rows(int journeys) {
        StringBuilder csv = new StringBuilder("journey_id,customer_id,timestamp,touchpoint,type\n");
        for (int j = 0; j < journeys; j++) {
            for (int s = 0; s < 12; s++) {
                csv.append("stuck-").append(j).append(",stuck-c").append(j).append(",2026-05-01T10:")
                        .append(String.format("%02d", s)).append(":00Z,Stuck page ")
                        .append((j * 7 + s * s * 3 + s) % 30).append(",touchpoint\n");
            }
        }
        return csv.toString();
    }
}
