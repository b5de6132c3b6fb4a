package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.journeyexplorer.ApiTestSupport;

/**
 * An instance that starts while another instance writes without pause (every load of the projection overlapped by
 * one of its changes) loads a bounded number of times, then starts with the last load and says so: the journal
 * follower applies the overlapping change once it ends.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLoadBoundTests extends ApiTestSupport {

    @Autowired
    private JourneyGraph graph;

    @Test
    void startsWithTheLastLoadAfterABoundedNumberWhileAnotherInstanceWritesWithoutPause(CapturedOutput log)
            throws InterruptedException {
        Response imported = postRunningExample();
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        long journeys = get("/api/stats").json().get("journeys").asLong();
        // Twenty changes overlap the loads: an unbounded loop loads 21 times, until they pause.
        try (OtherInstanceChanges other = OtherInstanceChanges.install(driver, graph, 20)) {
            assertThat(graph.loadProjection().journeyCount()).isEqualTo(journeys);
            assertThat(other.loads()).isEqualTo(JourneyGraph.MAX_STARTUP_LOADS);
        }
        assertThat(log.getAll()).contains("overlapped each of the " + JourneyGraph.MAX_STARTUP_LOADS
                + " loads of the projection", "starting with the last load",
                "until that change ends and the journal follower applies it");
    }

    /**
     * Changes back to back: the start-up waits for the change running when it looks, not for every one after it, so
     * that the loads it bounds begin. The time limit only stops a start-up that would wait for ever.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void waitsForTheChangeRunningWhenItLooksNotForEveryOneAfterIt(CapturedOutput log) throws InterruptedException {
        try (OtherInstanceChanges other = OtherInstanceChanges.backToBack(driver, graph)) {
            graph.loadProjection();
            assertThat(other.loads()).isEqualTo(JourneyGraph.MAX_STARTUP_LOADS);
        }
        assertThat(log.getAll()).contains("starting with the last load");
    }
}
