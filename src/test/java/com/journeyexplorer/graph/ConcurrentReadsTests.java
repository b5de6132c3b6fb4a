package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;

/**
 * A query running during an import sees the data before it or after it, never in between, and never waits for the
 * import: reads take the published snapshot, not the write lock.
 */
class ConcurrentReadsTests extends ApiTestSupport {

    @Autowired
    private JourneyGraph graph;

    @Test
    void readsAreAnsweredWhileAChangeHoldsTheWriteLock() throws Exception {
        CountDownLatch planning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> writing = CompletableFuture.supplyAsync(() -> graph.update(before -> {
            planning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new JourneyChanges(before.touchpoints(), List.of(), List.of(), List.of(), Map.of(), 0, 0, 0, 0);
        }, (changes, after) -> "written", JourneyGraph.WriteProgress.NONE));
        assertThat(planning.await(60, TimeUnit.SECONDS)).as("the change holds the write lock").isTrue();
        try {
            for (String read : List.of("/api/stats", "/api/transitions", "/api/paths/top", "/api/funnel",
                    "/api/imports")) {
                assertThat(get(read).status()).as(read + " while the write lock is held").isEqualTo(200);
            }
            assertThat(writing).as("the change still waits").isNotDone();
        } finally {
            release.countDown();
        }
        assertThat(writing.get(60, TimeUnit.SECONDS)).isEqualTo("written");
    }

    @Test
    void queriesDuringAnImportSeeTheDataBeforeOrAfterIt() throws Exception {
        Path csv = Files.createTempFile("concurrent", ".csv");
        DemoCsvWriter.write(new DemoStore(3), 8_000, csv);
        long eventsInFile = Files.readAllLines(csv).size() - 1;

        CompletableFuture<Response> importing = CompletableFuture.supplyAsync(() -> postFile(
                "/api/events?openHorizon=0", "text/csv", csv));
        Set<Long> seenJourneys = new TreeSet<>();
        Set<Long> seenEvents = new TreeSet<>();
        while (!importing.isDone()) {
            var stats = get("/api/stats").json();
            seenJourneys.add(stats.get("journeys").asLong());
            seenEvents.add(stats.get("events").asLong());
            long startCount = 0;
            for (var transition : get("/api/transitions").json().get("transitions")) {
                if (transition.get("from").asString().equals("(start)")) {
                    startCount += transition.get("count").asLong();
                }
            }
            assertThat(startCount).as("journeys leaving (start) in one snapshot").isIn(0L, 8_000L);
        }
        assertThat(importing.get().status()).isEqualTo(200);
        assertThat(seenJourneys).isSubsetOf(0L, 8_000L);
        assertThat(seenEvents).isSubsetOf(0L, eventsInFile);
        assertThat(seenJourneys).contains(0L);
        Files.deleteIfExists(csv);
    }
}
