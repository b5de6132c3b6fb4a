package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;

/** A query running during an import sees the data before it or after it, never in between. */
class ConcurrentReadsTests extends ApiTestSupport {

    @Test
    void queriesDuringAnImportSeeTheDataBeforeOrAfterIt() throws Exception {
        Path csv = Files.createTempFile("concurrent", ".csv");
        DemoCsvWriter.write(new DemoStore(3), 8_000, csv);
        long eventsInFile = Files.readAllLines(csv).size() - 1;

        CompletableFuture<Response> importing = CompletableFuture.supplyAsync(() -> postFile(
                "/api/events", "text/csv", csv));
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
