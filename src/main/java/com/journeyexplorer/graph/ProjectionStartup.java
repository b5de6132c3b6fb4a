package com.journeyexplorer.graph;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the projection from Neo4j (rolling back any import a killed process left unfinished), then the survey
 * responses, during start-up, in a lifecycle phase before the web server starts: the app never answers a query from an
 * empty projection while its data is still being loaded.
 */
@Component
class ProjectionStartup implements SmartLifecycle {

    /** Before the web server's phase ({@code SmartLifecycle.DEFAULT_PHASE - 1024}). */
    private static final int PHASE = 0;

    private final JourneyGraph graph;
    private final FeedbackGraph feedback;
    private volatile boolean running;

    ProjectionStartup(JourneyGraph graph, FeedbackGraph feedback) {
        this.graph = graph;
        this.feedback = feedback;
    }

    @Override
    public void start() {
        graph.loadProjection();
        feedback.load();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
