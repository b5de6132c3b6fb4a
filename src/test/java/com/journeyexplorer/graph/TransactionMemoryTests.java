package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/**
 * A write that needs more memory than Neo4j allows one transaction ({@code db.memory.transaction.max}, set low here)
 * fails at once, though Neo4j calls the error transient: the driver's managed transaction runs its work once, not again
 * for its retry time, and an import meeting the bound is answered with a 413 problem naming the bound and what to do,
 * with nothing of it stored. Journeys are written here through Neo4j's Java API; {@link TransactionMemoryCypherTests}
 * writes them with Cypher over Bolt.
 */
@TestPropertySource(properties = "journeys.neo4j.embedded.transaction-max-memory=2MB")
class TransactionMemoryTests extends ApiTestSupport {

    @Test
    void managedTransactionBeyondTheMemoryBoundRunsOnce() {
        AtomicInteger attempts = new AtomicInteger();

        try (var session = CausalSessions.open(driver)) {
            assertThatThrownBy(() -> session.executeWrite(tx -> {
                attempts.incrementAndGet();
                return tx.run("UNWIND range(1, 200000) AS i CREATE (:MemoryBallast {i: i, text: 'ballast ' + i})")
                        .consume();
            })).isInstanceOfSatisfying(TransactionMemoryExceededException.class, exceeded -> assertThat(
                    exceeded.bound()).isEqualTo(TransactionMemoryExceededException.Bound.TRANSACTION));
        }

        assertThat(attempts).hasValue(1);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (n:MemoryBallast) RETURN count(n)").single().get(0).asLong()).isZero();
        }
    }

    @Test
    void importBeyondTheMemoryBoundIsRefusedWithAProblemAndNothingStored() {
        Response small = post("/api/events?openHorizon=0", "text/csv", rows("memory-small", 3, 4));
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        String before = withoutJournal(storeState());

        Response large = post("/api/events?openHorizon=0", "text/csv", rows("memory-large", 500, 60));

        assertThat(large.status()).as(large.body()).isEqualTo(413);
        assertThat(large.contentType()).startsWith("application/problem+json");
        assertThat(large.json().get("type").asString()).endsWith("/transaction-memory");
        assertThat(large.json().get("bound").asString()).isEqualTo("transaction");
        assertThat(large.json().get("setting").asString()).isEqualTo("db.memory.transaction.max");
        assertThat(large.json().get("detail").asString()).contains("nothing was changed", "smaller files",
                "journeys.neo4j.embedded.transaction-max-memory", "journeys.neo4j.write-batch-size");
        assertThat(withoutJournal(storeState())).isEqualTo(before);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (i:Import) RETURN collect(i.status)").single().get(0).asList())
                    .containsExactlyInAnyOrder("done", "rolled back");
        }
    }

    /** A store state without the count of journal entries, which the refused import's rolled-back entry raises. */
    private static String withoutJournal(String state) {
        return state.replaceFirst("Import=\\d+, ", "");
    }

    /** A CSV of {@code journeys} journeys of {@code steps} steps each, ids starting with {@code prefix}. */
    private static String rows(String prefix, int journeys, int steps) {
        StringBuilder csv = new StringBuilder("journey_id,customer_id,timestamp,touchpoint,type\n");
        for (int j = 0; j < journeys; j++) {
            for (int s = 0; s < steps; s++) {
                csv.append(prefix).append('-').append(j).append(',').append(prefix).append("-c").append(j)
                        .append(",2026-05-01T10:").append(String.format("%02d:%02d", s / 60, s % 60))
                        .append("Z,Memory page ").append(s % 25).append(",touchpoint\n");
            }
        }
        return csv.toString();
    }
}
