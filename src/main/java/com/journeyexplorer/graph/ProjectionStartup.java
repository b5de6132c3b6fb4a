package com.journeyexplorer.graph;

import org.springframework.stereotype.Component;

import com.journeyexplorer.config.StartupStep;

/**
 * Loads the projection from Neo4j (rolling back any import a killed process left unfinished), then the survey
 * responses, during start-up, in a lifecycle phase before the web server starts: the app never answers a query from an
 * empty projection while its data is still being loaded.
 */
@Component
class ProjectionStartup extends StartupStep {

    /** Before the web server's phase ({@code SmartLifecycle.DEFAULT_PHASE - 1024}). */
    private static final int PHASE = 0;

    private final JourneyGraph graph;
    private final FeedbackGraph feedback;

    ProjectionStartup(JourneyGraph graph, FeedbackGraph feedback) {
        super(PHASE);
        this.graph = graph;
        this.feedback = feedback;
    }

    @Override
    protected void runAtStartup() {
        graph.loadProjection();
        feedback.load();
    }
}
