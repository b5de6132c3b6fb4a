package com.journeyexplorer.graph;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the projection from Neo4j before anything else runs (the demo loader and the CLI run after it). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProjectionStartup implements ApplicationRunner {

    private final JourneyGraph graph;

    ProjectionStartup(JourneyGraph graph) {
        this.graph = graph;
    }

    @Override
    public void run(ApplicationArguments args) {
        graph.loadProjection();
    }
}
