package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/**
 * As {@link StartupLoadBoundTests}, on an instance that does not follow the journal: it could not catch up with a
 * change the last load may have read part-written, so it fails to start, saying why and what to do, after a bounded
 * number of loads.
 */
@TestPropertySource(properties = "journeys.instance.follow-interval=0")
class StartupLoadBoundWithoutFollowerTests extends ApiTestSupport {

    @Autowired
    private JourneyGraph graph;

    @Test
    void failsClearlyAfterABoundedNumberOfLoadsWhileAnotherInstanceWritesWithoutPause() throws InterruptedException {
        try (OtherInstanceChanges other = OtherInstanceChanges.install(driver, graph, 20)) {
            assertThatIllegalStateException().isThrownBy(graph::loadProjection)
                    .withMessageContaining("journeys.instance.follow-interval=0")
                    .withMessageContaining("start it again when the writes pause, or let it follow the journal");
            assertThat(other.loads()).isEqualTo(JourneyGraph.MAX_STARTUP_LOADS);
        }
    }
}
